"""The validator on the England baseline: every expected date below was counted by hand."""

import pytest

from conftest import case, check, only

ICPC = "england.child_protection.icpc_within_15_working_days"
CORE = "england.child_protection.first_core_group_within_10_working_days"
FIRST_RCPC = "england.child_protection.first_review_within_3_months"
RCPC = "england.child_protection.reviews_every_6_months"
DECIDE = "england.front_door.decision_within_1_working_day"
DECIDER = "england.front_door.decision_by_social_worker"
ASSESS = "england.assessment.within_45_working_days"


def s47_to_icpc(strategy: str, icpc: str):
    return case(
        (strategy, "strategy_discussion_held", {"outcome": "s47"}),
        (strategy, "s47_started"),
        (strategy, "s47_concluded", {"outcome": "icpc"}),
        (icpc, "icpc_held", {"outcome": "cp_plan"}),
    )


# Working days counted from the strategy discussion (day 0):
# Easter 2024: Tue 12 Mar; 13,14,15,18,19,20,21,22,25,26,27,28 Mar (12); Good Friday 29 Mar and
#   Easter Monday 1 Apr are bank holidays; 2,3,4 Apr (15) -> due Thu 4 Apr; 16th is Fri 5 Apr.
# Christmas 2023: Wed 13 Dec; 14,15,18,19,20,21,22 (7); 25, 26 Dec holidays; 27,28,29 (10);
#   1 Jan holiday; 2,3,4,5,8 Jan (15) -> due Mon 8 Jan 2024; 16th is Tue 9 Jan.
# Christmas 2024: Tue 10 Dec; 11,12,13,16,17,18,19,20,23,24 (10); 25, 26 Dec holidays; 27,30,31
#   (13); 1 Jan holiday; 2,3 Jan (15) -> due Fri 3 Jan 2025; 16th is Mon 6 Jan.
@pytest.mark.parametrize("strategy, due, sixteenth", [
    ("2024-03-12", "2024-04-04", "2024-04-05"),
    ("2023-12-13", "2024-01-08", "2024-01-09"),
    ("2024-12-10", "2025-01-03", "2025-01-06"),
])
def test_icpc_16_working_days_after_strategy_is_late_by_one(strategy, due, sixteenth):
    verdict = check(s47_to_icpc(strategy, sixteenth))
    f = only(verdict, rule=ICPC)
    assert (f.kind, f.due, f.actual) == ("late", due, sixteenth)
    assert f.late_by.to_dict() == {"value": 1, "unit": "working_days"}
    assert f.start.to_dict() == {"index": 0, "type": "strategy_discussion_held", "at": strategy}
    assert f.end.index == 3
    assert f.severity == "statutory_guidance" and "Working Together" in f.source.document
    assert verdict.legal is False and verdict.compliant is False


@pytest.mark.parametrize("strategy, due", [("2024-03-12", "2024-04-04"), ("2023-12-13", "2024-01-08")])
def test_icpc_on_the_due_date_is_on_time(strategy, due):
    verdict = check(s47_to_icpc(strategy, due))
    assert [f for f in verdict.findings if f.rule == ICPC] == []


def test_icpc_clock_restarts_at_a_later_strategy_discussion():
    # Second discussion Thu 14 Mar 2024: 15, 18-22, 25-28 (10), Easter, 2-5 Apr (14), 8 Apr (15).
    c = case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47"}),
             ("2024-03-12", "s47_started"),
             ("2024-03-14", "strategy_discussion_held", {"outcome": "s47"}),
             ("2024-04-08", "icpc_held", {"outcome": "cp_plan"}))
    assert [f for f in check(c).findings if f.rule == ICPC] == []
    c2 = case(*[(e.at.date.isoformat(), e.type, e.fields) for e in c.events[:3]],
              ("2024-04-09", "icpc_held", {"outcome": "cp_plan"}))
    assert only(check(c2), rule=ICPC).due == "2024-04-08"


def test_icpc_without_s47_is_an_illegal_transition():
    c = case(("2024-01-08T09:30", "contact_received"),
             ("2024-01-10", "icpc_held", {"outcome": "cp_plan"}))
    f = only(check(c), kind="illegal_transition")
    assert f.rule == "england.child_protection.sequence"
    assert f.end.to_dict() == {"index": 1, "type": "icpc_held", "at": "2024-01-10"}
    assert "strategy_discussion_held" in f.message  # says what was allowed instead


def test_icpc_after_strategy_but_before_s47_started_is_illegal():
    c = case(("2024-01-09", "strategy_discussion_held", {"outcome": "s47"}),
             ("2024-01-10", "icpc_held", {"outcome": "cp_plan"}))
    assert only(check(c), kind="illegal_transition").end.index == 1


def test_s47_concluding_with_no_conference_lapses_the_icpc_clock():
    c = case(("2024-01-09", "strategy_discussion_held", {"outcome": "s47"}),
             ("2024-01-09", "s47_started"),
             ("2024-01-20", "s47_concluded", {"outcome": "nfa"}))
    verdict = check(c, as_of="2024-06-01")
    assert verdict.findings == () and verdict.pending == ()


# First core group: ICPC Fri 5 Apr 2024; 8-12 Apr (5), 15-19 Apr (10) -> due Fri 19 Apr.
def plan_from_icpc():
    return [("2024-03-12", "strategy_discussion_held", {"outcome": "s47"}),
            ("2024-03-12", "s47_started"),
            ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
            ("2024-04-04", "cp_plan_started")]


def test_missing_first_core_group_is_pending_then_missing():
    # ICPC Thu 4 Apr 2024: 5, 8-11 Apr (5), 12, 15-18 Apr (10) -> due Thu 18 Apr.
    c = case(*plan_from_icpc())
    before = check(c, as_of="2024-04-18")
    assert [p.to_dict()["due"] for p in before.pending if p.rule == CORE] == ["2024-04-18"]
    assert not [f for f in before.findings if f.rule == CORE]
    after = check(c, as_of="2024-04-19")
    f = only(after, rule=CORE)
    assert (f.kind, f.due, f.actual, f.end) == ("missing", "2024-04-18", None, None)
    assert after.legal is False


def test_core_group_in_time_is_satisfied():
    c = case(*plan_from_icpc(), ("2024-04-18", "core_group_held"))
    verdict = check(c, as_of="2024-04-30")
    assert not [f for f in verdict.findings if f.rule == CORE]
    assert not [p for p in verdict.pending if p.rule == CORE]


def test_first_review_conference_three_calendar_months():
    # ICPC 4 Apr 2024 + 3 months = 4 Jul 2024.
    c = case(*plan_from_icpc(), ("2024-04-10", "core_group_held"), ("2024-07-05", "rcpc_held", {"outcome": "continue_plan"}))
    f = only(check(c), rule=FIRST_RCPC)
    assert (f.kind, f.due, f.late_by.to_dict()) == ("late", "2024-07-04", {"value": 1, "unit": "days"})


def test_review_conference_month_end_clamping():
    # ICPC 30 Nov 2023 + 3 months: 30 Feb does not exist -> 29 Feb 2024 (leap year).
    base = [("2023-11-01", "strategy_discussion_held", {"outcome": "s47"}), ("2023-11-01", "s47_started"),
            ("2023-11-30", "icpc_held", {"outcome": "cp_plan"}), ("2023-11-30", "cp_plan_started"),
            ("2023-12-07", "core_group_held")]
    pend = [p for p in check(case(*base), as_of="2024-01-01").pending if p.rule == FIRST_RCPC]
    assert [p.due for p in pend] == ["2024-02-29"]
    late = check(case(*base, ("2024-03-01", "rcpc_held", {"outcome": "continue_plan"})))
    assert only(late, rule=FIRST_RCPC).late_by.to_dict() == {"value": 1, "unit": "days"}


def test_reviews_every_six_months_gap_and_missing():
    # RCPC 3 Jul 2024 -> next due 3 Jan 2025; held 10 Jan 2025 -> gap of 7 days.
    c = case(*plan_from_icpc(), ("2024-04-10", "core_group_held"),
             ("2024-07-03", "rcpc_held", {"outcome": "continue_plan"}),
             ("2025-01-10", "rcpc_held", {"outcome": "continue_plan"}))
    f = only(check(c), rule=RCPC)
    assert (f.kind, f.due, f.actual, f.late_by.to_dict()) == ("gap", "2025-01-03", "2025-01-10",
                                                                 {"value": 7, "unit": "days"})
    # The next is due 10 Jul 2025: pending on 10 Jul, missing on 11 Jul.
    assert [p.due for p in check(c, as_of="2025-07-10").pending if p.rule == RCPC] == ["2025-07-10"]
    assert only(check(c, as_of="2025-07-11"), kind="missing").rule == RCPC


def test_ending_the_plan_stops_the_review_cycle():
    c = case(*plan_from_icpc(), ("2024-04-10", "core_group_held"),
             ("2024-07-03", "rcpc_held", {"outcome": "end_plan"}), ("2024-07-03", "cp_plan_ended"))
    verdict = check(c, as_of="2025-06-01")
    assert verdict.findings == () and verdict.pending == ()


def test_ending_the_plan_after_a_review_was_due_is_still_a_breach():
    # RCPC 3 Jul 2024 -> next due 3 Jan 2025; plan ended 20 Jan 2025 with no review.
    c = case(*plan_from_icpc(), ("2024-04-10", "core_group_held"),
             ("2024-07-03", "rcpc_held", {"outcome": "continue_plan"}), ("2025-01-20", "cp_plan_ended"))
    f = only(check(c), rule=RCPC)
    assert (f.kind, f.due) == ("missing", "2025-01-03")


# Decision within one working day: contact Thu 28 Mar 2024; Good Friday 29 Mar and Easter Monday
# 1 Apr are holidays -> due Tue 2 Apr.
@pytest.mark.parametrize("decided, late_by", [("2024-04-02T17:00", None), ("2024-04-03T09:00", 1)])
def test_referral_decision_across_easter(decided, late_by):
    c = case(("2024-03-28T16:45", "contact_received"),
             (decided, "referral_decision", {"outcome": "nfa", "by": "social_worker"}))
    found = [f for f in check(c).findings if f.rule == DECIDE]
    assert [f.late_by.value for f in found] == ([late_by] if late_by else [])
    if found:
        assert found[0].due == "2024-04-02"


def test_decision_by_the_wrong_role_fails_the_guard():
    c = case(("2024-01-08", "contact_received"),
             ("2024-01-08", "referral_decision", {"outcome": "nfa", "by": "mash_officer"}))
    f = only(check(c), rule=DECIDER)
    assert f.kind == "guard_failed" and "by in" in f.message


def test_decision_with_no_role_recorded_is_indeterminate_not_a_breach():
    c = case(("2024-01-08", "contact_received"), ("2024-01-08", "referral_decision", {"outcome": "nfa"}))
    verdict = check(c)
    assert only(verdict, rule=DECIDER).kind == "indeterminate"
    assert verdict.legal and verdict.compliant and verdict.exit_code == 0


# Assessment: contact Mon 11 Mar 2024. Working days: 12-15 Mar (4), 18-22 (9), 25-28 (13),
# Easter, 2-5 Apr (17), 8-12 (22), 15-19 (27), 22-26 (32), 29 Apr-3 May (37), 6 May bank holiday,
# 7-10 May (41), 13-16 May (45) -> due Thu 16 May 2024.
@pytest.mark.parametrize("authorised, kind", [("2024-05-16", None), ("2024-05-17", "late")])
def test_assessment_45_working_days_from_referral(authorised, kind):
    c = case(("2024-03-11T09:30", "contact_received"),
             ("2024-03-11T15:00", "referral_decision", {"outcome": "assessment", "by": "team_manager"}),
             ("2024-03-13", "assessment_started"),
             (authorised, "assessment_authorised", {"outcome": "nfa", "by": "team_manager"}))
    found = [f for f in check(c).findings if f.rule == ASSESS]
    assert [f.kind for f in found] == ([kind] if kind else [])
    if found:
        assert found[0].due == "2024-05-16" and found[0].late_by.value == 1


def test_no_further_action_lapses_the_assessment_clock():
    c = case(("2024-03-11", "contact_received"),
             ("2024-03-11", "referral_decision", {"outcome": "nfa", "by": "social_worker"}))
    verdict = check(c, as_of="2024-12-31")
    assert verdict.findings == () and verdict.pending == ()


def test_pending_obligations_are_listed_with_their_due_dates():
    c = case(("2024-03-11T09:30", "contact_received"))
    pend = {p.rule: p.due for p in check(c).pending}
    assert pend == {DECIDE: "2024-03-12", ASSESS: "2024-05-16"}


def test_closing_a_case_with_a_plan_open_is_illegal():
    c = case(*plan_from_icpc(), ("2024-04-10", "case_closed", {"reason": "RC7"}))
    assert only(check(c), kind="illegal_transition").pathway == "child_protection"


def test_as_of_before_later_events_ignores_them():
    c = case(*plan_from_icpc(), ("2024-06-01", "core_group_held"))
    # As of 18 Apr the core group is still pending; the late one on 1 Jun is not yet known.
    verdict = check(c, as_of="2024-04-18")
    assert [p.rule for p in verdict.pending if p.rule == CORE] == [CORE]
    assert not [f for f in verdict.findings if f.rule == CORE]


def test_json_contract_field_order():
    f = only(check(s47_to_icpc("2024-03-12", "2024-04-05")), rule=ICPC)
    assert list(f.to_dict()) == ["rule", "severity", "kind", "pathway", "start", "end", "due", "actual",
                                 "late_by", "message", "source"]
    v = check(s47_to_icpc("2024-03-12", "2024-04-05"))
    assert list(v.to_dict()) == ["case_id", "policy", "as_of", "legal", "compliant", "findings", "pending"]


def test_restarting_the_icpc_clock_after_it_ran_out_still_reports_the_miss():
    # First discussion Tue 12 Mar 2024 -> ICPC due Thu 4 Apr (Easter counted out). A second
    # discussion on Wed 10 Apr restarts the clock: 11, 12, 15-19, 22-26 (12), 29, 30 Apr, 1 May (15)
    # -> due Wed 1 May; ICPC on 1 May is on time, but the first deadline was already missed.
    c = case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47"}),
             ("2024-03-12", "s47_started"),
             ("2024-04-10", "strategy_discussion_held", {"outcome": "s47"}),
             ("2024-05-01", "icpc_held", {"outcome": "cp_plan"}))
    f = only(check(c), rule=ICPC)
    assert (f.kind, f.due, f.start.index) == ("missing", "2024-04-04", 0)
    assert "lapsed on 2024-04-10" in f.message
