"""BCP practice standards (seed 002): a compliant and a breaching history for every encoded rule.

Every expected date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan,
29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May, 26 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

import pytest

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

BCP = load_policy("bcp")
TM = {"by": "team_manager"}


def bcp_case(*events, child=None):
    return case(*events, policy=BCP, child=child)


# --- front door ---------------------------------------------------------------------------------

CONTACT_24H = "bcp.front_door.contact_processed_within_24_hours"


def front_door(decided_at: str):
    return bcp_case(("2024-05-03T10:00", "contact_received"),
                    (decided_at, "referral_decision", {"outcome": "assessment", "by": "social_worker"}))


def test_contact_processed_within_24_hours():
    # Contact Fri 3 May 2024 10:00 + 24 hours = Sat 4 May 10:00.
    assert findings(check(front_door("2024-05-04T09:00"), BCP), CONTACT_24H) == []


def test_contact_processed_late_is_local_not_statutory():
    # Decided Tue 7 May 09:00: 71 hours after Sat 4 May 10:00. Working Together's one working day
    # runs to Tue 7 May (Mon 6 May is a bank holiday), so the case is legal but not compliant.
    verdict = check(front_door("2024-05-07T09:00"), BCP)
    assert late(verdict, CONTACT_24H) == ("late", "2024-05-04T10:00", {"value": 71, "unit": "hours"})
    assert only(verdict, rule=CONTACT_24H).severity == "local"
    assert verdict.legal is True and verdict.compliant is False


def test_contact_read_as_one_working_day_is_on_time():
    # One working day from Fri 3 May 2024 is Tue 7 May (Mon 6 May is a bank holiday).
    policy = load_policy("bcp", {CONTACT_24H: "one_working_day"})
    assert findings(check(front_door("2024-05-07T09:00"), policy), CONTACT_24H) == []
    assert late(check(front_door("2024-05-08T09:00"), policy), CONTACT_24H) == (
        "late", "2024-05-07", {"value": 1, "unit": "working_days"})


STRATEGY_DECIDER = "bcp.front_door.strategy_decided_by_team_manager"


@pytest.mark.parametrize("by, kind", [("team_manager", None), ("service_manager", None),
                                      ("social_worker", "guard_failed"), ("assistant_team_manager", "guard_failed")])
def test_only_a_team_manager_or_above_decides_on_a_strategy_discussion(by, kind):
    c = bcp_case(("2024-01-08T09:00", "contact_received"),
                 ("2024-01-08T09:30", "referral_decision", {"outcome": "strategy_discussion", "by": by}))
    assert [f.kind for f in findings(check(c, BCP), STRATEGY_DECIDER)] == ([kind] if kind else [])


def test_an_assistant_team_manager_may_decide_out_of_hours_under_that_reading():
    policy = load_policy("bcp", {STRATEGY_DECIDER: "atm_out_of_hours"})
    c = case(("2024-01-08T09:00", "contact_received"),
             ("2024-01-08T09:30", "referral_decision", {"outcome": "strategy_discussion", "by": "assistant_team_manager"}),
             policy=policy)
    assert findings(check(c, policy), STRATEGY_DECIDER) == []


def test_a_decision_without_a_role_is_indeterminate_not_a_breach():
    c = bcp_case(("2024-01-08T09:00", "contact_received"),
                 ("2024-01-08T09:30", "referral_decision", {"outcome": "strategy_discussion"}))
    assert [f.kind for f in findings(check(c, BCP), STRATEGY_DECIDER)] == ["indeterminate"]


# --- assessment -----------------------------------------------------------------------------------

WITHIN_20 = "bcp.assessment.within_20_working_days"
CHAD_30 = "bcp.assessment.chad_within_30_working_days"
WITHIN_45 = "bcp.assessment.within_45_working_days"
SEEN_5 = "bcp.assessment.child_seen_within_5_working_days"
EXTENSION_BY_TM = "bcp.assessment.extension_agreed_by_team_manager"
SIGNED_OFF_BY = "bcp.assessment.signed_off_by_manager"


def assessment(*middle, authorised: str, by: str = "team_manager", child=None):
    # Started Mon 1 Jul 2024. 20 working days: 2-5 Jul (4), 8-12 (9), 15-19 (14), 22-26 (19),
    # Mon 29 Jul (20). 30 working days: 30, 31 Jul, 1, 2 Aug (24), 5-9 Aug (29), Mon 12 Aug (30).
    return bcp_case(("2024-07-01", "assessment_started"), *middle,
                    (authorised, "assessment_authorised", {"outcome": "cin_plan", "by": by}), child=child)


def test_assessment_within_20_working_days():
    assert findings(check(assessment(authorised="2024-07-29"), BCP), WITHIN_20) == []


def test_assessment_one_working_day_late():
    assert late(check(assessment(authorised="2024-07-30"), BCP), WITHIN_20) == (
        "late", "2024-07-29", {"value": 1, "unit": "working_days"})


def test_a_team_manager_extension_lifts_the_20_days():
    c = assessment(("2024-07-10", "management_oversight_recorded", {"subject": "assessment_extension", **TM}),
                   authorised="2024-08-15")
    verdict = check(c, BCP)
    assert findings(verdict, WITHIN_20) == [] and findings(verdict, EXTENSION_BY_TM) == []


def test_an_extension_after_the_due_date_comes_too_late():
    c = assessment(("2024-07-31", "management_oversight_recorded", {"subject": "assessment_extension", **TM}),
                   authorised="2024-08-15")
    f = only(check(c, BCP), rule=WITHIN_20)
    assert (f.kind, f.due, f.end) == ("missing", "2024-07-29", None)


def test_an_extension_agreed_by_an_assistant_team_manager_breaks_the_guard():
    c = assessment(("2024-07-10", "management_oversight_recorded",
                    {"subject": "assessment_extension", "by": "assistant_team_manager"}), authorised="2024-08-15")
    assert only(check(c, BCP), rule=EXTENSION_BY_TM).kind == "guard_failed"


def test_assessment_from_referral_reading():
    # Contact Mon 1 Jul 2024, assessment started Wed 3 Jul, authorised Mon 29 Jul: 20 working days
    # from the contact (due Mon 29 Jul) and from the start (due Wed 31 Jul) are both met; on Tue
    # 30 Jul only the start reading is met.
    policy = load_policy("bcp", {WITHIN_20: "from_referral"})
    events = [("2024-07-01", "contact_received"),
              ("2024-07-01", "referral_decision", {"outcome": "assessment", "by": "social_worker"}),
              ("2024-07-03", "assessment_started"),
              ("2024-07-30", "assessment_authorised", {"outcome": "cin_plan", "by": "team_manager"})]
    assert findings(check(bcp_case(*events), BCP), WITHIN_20) == []
    assert late(check(case(*events, policy=policy), policy), WITHIN_20) == (
        "late", "2024-07-29", {"value": 1, "unit": "working_days"})


def test_chad_assessment_within_30_working_days_for_a_disabled_child():
    disabled = {"attributes": {"disabled": True}}
    assert findings(check(assessment(authorised="2024-08-12", child=disabled), BCP), CHAD_30) == []
    assert late(check(assessment(authorised="2024-08-13", child=disabled), BCP), CHAD_30) == (
        "late", "2024-08-12", {"value": 1, "unit": "working_days"})


def test_chad_rule_does_not_apply_to_other_children():
    assert findings(check(assessment(authorised="2024-08-13"), BCP), CHAD_30) == []


def test_45_working_days_from_referral_restates_working_together():
    # Contact Tue 12 Mar 2024. 13-15 Mar (3), 18-22 (8), 25-28 (12), Good Friday and Easter Monday,
    # 2-5 Apr (16), 8-12 (21), 15-19 (26), 22-26 (31), 29 Apr-3 May (36), Mon 6 May holiday,
    # 7-10 May (40), 13-17 May (45) -> due Fri 17 May; Mon 20 May is one working day late.
    def history(authorised):
        return bcp_case(("2024-03-12", "contact_received"),
                        ("2024-03-12", "referral_decision", {"outcome": "assessment", "by": "social_worker"}),
                        ("2024-03-13", "assessment_started"),
                        (authorised, "assessment_authorised", {"outcome": "nfa", "by": "team_manager"}))
    assert findings(check(history("2024-05-17"), BCP), WITHIN_45) == []
    verdict = check(history("2024-05-20"), BCP)
    assert late(verdict, WITHIN_45) == ("late", "2024-05-17", {"value": 1, "unit": "working_days"})
    assert late(verdict, "england.assessment.within_45_working_days") == late(verdict, WITHIN_45)
    assert only(verdict, rule=WITHIN_45).severity == "statutory_guidance" and verdict.legal is False


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("assistant_team_manager", []),
                                       ("social_worker", ["guard_failed"])])
def test_assessments_are_signed_off_by_a_manager(by, kinds):
    verdict = check(assessment(authorised="2024-07-29", by=by), BCP)
    assert [f.kind for f in findings(verdict, SIGNED_OFF_BY)] == kinds


def seen_in_assessment(*visits):
    # Started Wed 22 May 2024: 23, 24 May (2), Mon 27 May holiday, 28, 29, 30 May (5) -> Thu 30 May.
    return bcp_case(("2024-05-22", "assessment_started"), *[(at, "visit", {"seen": seen}) for at, seen in visits])


def test_child_seen_within_five_working_days():
    assert findings(check(seen_in_assessment(("2024-05-29", False), ("2024-05-30", True)), BCP), SEEN_5) == []


def test_a_visit_without_seeing_the_child_does_not_count():
    verdict = check(seen_in_assessment(("2024-05-29", False), ("2024-05-31", True)), BCP)
    assert late(verdict, SEEN_5) == ("late", "2024-05-30", {"value": 1, "unit": "working_days"})


# --- strategy discussions and section 47 -----------------------------------------------------------

FROM_DECISION = "bcp.child_protection.strategy_within_24_hours_of_front_door_decision"
FROM_REQUEST = "bcp.child_protection.strategy_within_24_hours_of_request"
IMMINENT = "bcp.child_protection.strategy_within_90_minutes_if_imminent_risk"
RECORDED_2H = "bcp.child_protection.decision_recorded_within_2_hours"


def strategy_after_front_door(held_at: str):
    # Decided Mon 8 Jan 2024 09:30 + 24 hours = Tue 9 Jan 09:30.
    return bcp_case(("2024-01-08T09:00", "contact_received"),
                    ("2024-01-08T09:30", "referral_decision", {"outcome": "strategy_discussion", **TM}),
                    (held_at, "strategy_discussion_held", {"outcome": "s47", **TM}))


def test_strategy_within_24_hours_of_the_front_door_decision():
    assert findings(check(strategy_after_front_door("2024-01-09T09:00"), BCP), FROM_DECISION) == []
    assert late(check(strategy_after_front_door("2024-01-09T11:30"), BCP), FROM_DECISION) == (
        "late", "2024-01-09T09:30", {"value": 2, "unit": "hours"})


def requested(held_at: str, imminent: bool = False):
    return bcp_case(("2024-01-10T14:00", "strategy_discussion_requested", {"imminent_risk": imminent, **TM}),
                    (held_at, "strategy_discussion_held", {"outcome": "s47", **TM}))


def test_strategy_within_24_hours_of_a_managers_request():
    # Requested Wed 10 Jan 2024 14:00 -> due Thu 11 Jan 14:00; held 16:00 is 2 hours late.
    assert findings(check(requested("2024-01-11T13:00"), BCP), FROM_REQUEST) == []
    assert late(check(requested("2024-01-11T16:00"), BCP), FROM_REQUEST) == (
        "late", "2024-01-11T14:00", {"value": 2, "unit": "hours"})


def test_strategy_within_90_minutes_when_the_child_is_at_imminent_risk():
    # Requested 14:00 + 90 minutes = 15:30; held 16:00 is 30 minutes late (and within 24 hours).
    assert findings(check(requested("2024-01-10T15:30", imminent=True), BCP), IMMINENT) == []
    verdict = check(requested("2024-01-10T16:00", imminent=True), BCP)
    assert late(verdict, IMMINENT) == ("late", "2024-01-10T15:30", {"value": 30, "unit": "minutes"})
    assert findings(verdict, FROM_REQUEST) == []


def test_the_90_minutes_apply_only_to_imminent_risk():
    assert findings(check(requested("2024-01-10T16:00"), BCP), IMMINENT) == []


def test_a_date_only_strategy_discussion_is_indeterminate_against_hours():
    assert [f.kind for f in findings(check(requested("2024-01-11"), BCP), FROM_REQUEST)] == ["indeterminate"]


def test_the_managers_strategy_decision_recorded_within_two_hours():
    # Held Tue 9 Jan 2024 10:00 -> due 12:00; recorded 12:30 is half an hour, reported as 1 hour, late.
    def history(recorded_at):
        return bcp_case(("2024-01-09T10:00", "strategy_discussion_held", {"outcome": "s47", **TM}),
                        (recorded_at, "management_oversight_recorded", {"subject": "strategy_decision", **TM}))
    assert findings(check(history("2024-01-09T11:45"), BCP), RECORDED_2H) == []
    assert late(check(history("2024-01-09T12:30"), BCP), RECORDED_2H) == (
        "late", "2024-01-09T12:00", {"value": 1, "unit": "hours"})


@pytest.mark.parametrize("rule, events", [
    ("bcp.child_protection.strategy_requested_by_team_manager",
     [("2024-01-10", "strategy_discussion_requested", {"by": "social_worker"})]),
    ("bcp.child_protection.strategy_chaired_by_team_manager",
     [("2024-01-10", "strategy_discussion_held", {"outcome": "s47", "by": "social_worker"})]),
    ("bcp.child_protection.s47_authorised_by_team_manager",
     [("2024-01-10", "strategy_discussion_held", {"outcome": "s47", **TM}),
      ("2024-01-10", "s47_started", {"by": "assistant_team_manager"})]),
    ("bcp.child_protection.s47_outcome_by_team_manager",
     [("2024-01-10", "strategy_discussion_held", {"outcome": "s47", **TM}), ("2024-01-10", "s47_started", TM),
      ("2024-01-20", "s47_concluded", {"outcome": "nfa", "by": "service_manager"})]),
])
def test_strategy_and_s47_decisions_are_a_managers(rule, events):
    assert only(check(bcp_case(*events), BCP), rule=rule).kind == "guard_failed"
    fixed = [(at, etype, {**fields, "by": "team_manager"}) for at, etype, fields in events]
    assert findings(check(bcp_case(*fixed), BCP), rule) == []


# --- conferences and core groups ---------------------------------------------------------------------

ICPC = "bcp.child_protection.icpc_within_15_working_days"
FIRST_RCPC = "bcp.child_protection.first_rcpc_within_3_months"
RCPC = "bcp.child_protection.rcpc_every_6_months"
FIRST_CORE = "bcp.child_protection.first_core_group_within_10_working_days"
CORE_6_WEEKLY = "bcp.child_protection.core_groups_six_weekly"


def plan(icpc: str = "2024-04-04", *later):
    """Strategy discussion Tue 12 Mar 2024, s47, ICPC (default Thu 4 Apr), plan the same day."""
    return bcp_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                    ("2024-03-12", "s47_started", TM),
                    ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                    (icpc, "icpc_held", {"outcome": "cp_plan"}),
                    (icpc, "cp_plan_started"), *later)


def test_icpc_within_15_working_days_restates_working_together():
    # 13-15 Mar (3), 18-22 (8), 25-28 (12), Easter, 2, 3, 4 Apr (15) -> Thu 4 Apr; Fri 5 Apr is late.
    assert findings(check(plan("2024-04-04"), BCP), ICPC) == []
    verdict = check(plan("2024-04-05"), BCP)
    assert late(verdict, ICPC) == ("late", "2024-04-04", {"value": 1, "unit": "working_days"})
    assert late(verdict, "england.child_protection.icpc_within_15_working_days") == late(verdict, ICPC)


def test_first_review_conference_within_three_months():
    # ICPC Thu 4 Apr 2024 + 3 months = Thu 4 Jul.
    assert findings(check(plan("2024-04-04", ("2024-07-04", "rcpc_held", {"outcome": "continue_plan"})), BCP),
                    FIRST_RCPC) == []
    verdict = check(plan("2024-04-04", ("2024-07-05", "rcpc_held", {"outcome": "continue_plan"})), BCP)
    assert late(verdict, FIRST_RCPC) == ("late", "2024-07-04", {"value": 1, "unit": "days"})


def test_review_conferences_six_monthly():
    # Review Wed 3 Jul 2024 + 6 months = Fri 3 Jan 2025; the next on Mon 6 Jan is 3 days late.
    def history(second):
        return plan("2024-04-04", ("2024-07-03", "rcpc_held", {"outcome": "continue_plan"}),
                    (second, "rcpc_held", {"outcome": "continue_plan"}))
    assert findings(check(history("2025-01-03"), BCP), RCPC) == []
    assert late(check(history("2025-01-06"), BCP), RCPC) == ("gap", "2025-01-03", {"value": 3, "unit": "days"})


def test_first_core_group_within_10_working_days():
    # ICPC Thu 4 Apr 2024: 5 Apr (1), 8-12 (6), 15-18 (10) -> Thu 18 Apr.
    assert findings(check(plan("2024-04-04", ("2024-04-18", "core_group_held")), BCP), FIRST_CORE) == []
    assert late(check(plan("2024-04-04", ("2024-04-19", "core_group_held")), BCP), FIRST_CORE) == (
        "late", "2024-04-18", {"value": 1, "unit": "working_days"})


def test_core_groups_about_six_weeks_apart_are_advisory():
    # Core group Thu 18 Apr 2024 + 6 weeks (42 days) = Thu 30 May.
    ok = plan("2024-04-04", ("2024-04-18", "core_group_held"), ("2024-05-30", "core_group_held"))
    assert findings(check(ok, BCP), CORE_6_WEEKLY) == []
    verdict = check(plan("2024-04-04", ("2024-04-18", "core_group_held"), ("2024-05-31", "core_group_held")), BCP)
    assert late(verdict, CORE_6_WEEKLY) == ("gap", "2024-05-30", {"value": 1, "unit": "days"})
    assert only(verdict, rule=CORE_6_WEEKLY).severity == "advisory"


# --- child protection visits -------------------------------------------------------------------------

CP_VISITS = "bcp.child_protection.visits_every_10_working_days"
BEDROOM = "bcp.child_protection.bedroom_seen_every_8_weeks"
REDUCED_BY = "bcp.child_protection.visit_reduction_by_service_manager"
INCREASED_BY = "bcp.child_protection.visit_increase_by_team_manager"


def seen(at: str, **extra):
    return at, "visit", {"seen": True, "purpose": "cp", **extra}


def test_cp_visits_every_10_working_days():
    # Plan Thu 4 Apr 2024: 5 Apr (1), 8-12 (6), 15-18 (10) -> first visit due Thu 18 Apr. From
    # 18 Apr: 19 (1), 22-26 (6), 29 Apr-2 May (10) -> next due Thu 2 May; Fri 3 May is 1 day late.
    assert findings(check(plan("2024-04-04", seen("2024-04-18"), seen("2024-05-02")), BCP), CP_VISITS) == []
    verdict = check(plan("2024-04-04", seen("2024-04-18"), seen("2024-05-03")), BCP)
    assert late(verdict, CP_VISITS) == ("gap", "2024-05-02", {"value": 1, "unit": "working_days"})


def test_first_cp_visit_missing():
    # Due Thu 18 Apr; on 19 Apr nothing has happened.
    f = only(check(plan("2024-04-04"), BCP, as_of="2024-04-19"), rule=CP_VISITS)
    assert (f.kind, f.due) == ("missing", "2024-04-18")


def test_service_manager_can_reduce_cp_visits_to_three_weekly():
    # After the reduction on Fri 19 Apr, the visit on Thu 2 May sets the next due date 3 weeks on:
    # Thu 23 May. Without it, 10 working days from 2 May: 3 (1), Mon 6 May holiday, 7-10 (5),
    # 13-17 (10) -> Fri 17 May, and 23 May is 4 working days (20-23 May) late.
    def history(by):
        return plan("2024-04-04", seen("2024-04-18"),
                    ("2024-04-19", "management_oversight_recorded", {"subject": "cp_visiting_reduced", "by": by}),
                    seen("2024-05-02"), seen("2024-05-23"))
    reduced = check(history("service_manager"), BCP)
    assert findings(reduced, CP_VISITS) == [] and findings(reduced, REDUCED_BY) == []
    by_tm = check(history("team_manager"), BCP)
    assert late(by_tm, CP_VISITS) == ("gap", "2024-05-17", {"value": 4, "unit": "working_days"})
    assert only(by_tm, rule=REDUCED_BY).kind == "guard_failed"


def test_only_the_team_manager_records_an_increase_in_cp_visits():
    def history(by):
        return plan("2024-04-04", ("2024-04-10", "management_oversight_recorded",
                                   {"subject": "cp_visiting_increased", "by": by}))
    assert findings(check(history("team_manager"), BCP), INCREASED_BY) == []
    assert only(check(history("social_worker"), BCP), rule=INCREASED_BY).kind == "guard_failed"


def test_bedroom_seen_every_eight_weeks():
    # Plan Thu 4 Apr 2024 + 8 weeks (56 days) = Thu 30 May.
    assert findings(check(plan("2024-04-04", seen("2024-05-30", bedroom_seen=True)), BCP), BEDROOM) == []
    verdict = check(plan("2024-04-04", seen("2024-05-16", bedroom_seen=False), seen("2024-05-31", bedroom_seen=True)), BCP)
    assert late(verdict, BEDROOM) == ("gap", "2024-05-30", {"value": 1, "unit": "days"})


# --- assessment updates, step-down and closure ----------------------------------------------------------

CP_UPDATE = "bcp.child_protection.assessment_updated_every_12_months"
CIN_UPDATE = "bcp.child_in_need.assessment_updated_every_12_months"
NO_EARLY_CLOSURE = "bcp.child_protection.cin_for_3_months_before_closure"


def assessed_then_on_plan(*later):
    # Assessment authorised Mon 1 Jul 2024; due again 12 months later, Tue 1 Jul 2025.
    return bcp_case(("2024-06-10", "assessment_started"),
                    ("2024-07-01", "assessment_authorised", {"outcome": "strategy_discussion", **TM}),
                    ("2024-07-02", "strategy_discussion_held", {"outcome": "s47", **TM}),
                    ("2024-07-02", "s47_started", TM),
                    ("2024-07-05", "s47_concluded", {"outcome": "icpc", **TM}),
                    ("2024-07-19", "icpc_held", {"outcome": "cp_plan"}),
                    ("2024-07-19", "cp_plan_started"), *later)


def test_cp_assessment_updated_within_12_months_of_the_last():
    updated = assessed_then_on_plan(("2025-06-02", "assessment_started"),
                                    ("2025-06-30", "assessment_authorised", {"outcome": "other", **TM}))
    assert findings(check(updated, BCP, as_of="2025-07-02"), CP_UPDATE) == []
    f = only(check(assessed_then_on_plan(), BCP, as_of="2025-07-02"), rule=CP_UPDATE)
    assert (f.kind, f.due) == ("missing", "2025-07-01")


def test_cin_assessment_counts_from_the_plan_when_there_is_no_assessment():
    # CIN plan Mon 1 Jul 2024 with no assessment on record: due Tue 1 Jul 2025.
    c = bcp_case(("2024-07-01", "cin_plan_started"))
    assert [p.due for p in check(c, BCP, as_of="2025-07-01").pending if p.rule == CIN_UPDATE] == ["2025-07-01"]
    f = only(check(c, BCP, as_of="2025-07-02"), rule=CIN_UPDATE)
    assert (f.kind, f.due) == ("missing", "2025-07-01")


def step_down(reason: str, closed: str):
    # Plan ends Mon 1 Jul 2024; closure not before Tue 1 Oct 2024 (3 calendar months).
    return plan("2024-04-04", ("2024-07-01", "cp_plan_ended", {"reason": reason}), (closed, "case_closed"))


def test_no_closure_within_three_months_of_a_cp_plan_ending():
    assert findings(check(step_down("no_longer_at_risk", "2024-10-01"), BCP), NO_EARLY_CLOSURE) == []
    f = only(check(step_down("no_longer_at_risk", "2024-09-30"), BCP), rule=NO_EARLY_CLOSURE)
    assert (f.kind, f.due, f.late_by.to_dict()) == ("early", "2024-10-01", {"value": 1, "unit": "days"})


def test_closure_after_a_move_away_is_not_a_step_down():
    assert findings(check(step_down("transferred_out", "2024-07-02"), BCP), NO_EARLY_CLOSURE) == []


# --- child in need ------------------------------------------------------------------------------------

CIN_VISITS = "bcp.child_in_need.visits_four_weekly"
CIN_REVIEWS = "bcp.child_in_need.reviews_every_3_months"


def cin(*later):
    return bcp_case(("2024-07-01", "cin_plan_started"), *later)


def test_cin_visits_four_weekly():
    # Plan Mon 1 Jul 2024 + 4 weeks = Mon 29 Jul.
    assert findings(check(cin(("2024-07-29", "visit", {"seen": True})), BCP), CIN_VISITS) == []
    verdict = check(cin(("2024-07-30", "visit", {"seen": True})), BCP)
    assert late(verdict, CIN_VISITS) == ("gap", "2024-07-29", {"value": 1, "unit": "days"})


def test_cin_reviews_three_monthly():
    # Plan Mon 1 Jul 2024 + 3 months = Tue 1 Oct; review Wed 2 Oct is a day late. Read as a
    # long-term child in need, the first review is due 1 Jan 2025.
    assert findings(check(cin(("2024-10-01", "cin_plan_reviewed")), BCP), CIN_REVIEWS) == []
    assert late(check(cin(("2024-10-02", "cin_plan_reviewed")), BCP), CIN_REVIEWS) == (
        "gap", "2024-10-01", {"value": 1, "unit": "days"})
    long_term = load_policy("bcp", {CIN_REVIEWS: "long_term_six_months"})
    c = case(("2024-07-01", "cin_plan_started"), ("2024-10-02", "cin_plan_reviewed"), policy=long_term)
    verdict = check(c, long_term)
    assert findings(verdict, CIN_REVIEWS) == []
    assert [p.due for p in verdict.pending if p.rule == CIN_REVIEWS] == ["2025-04-02"]


def test_a_local_deadline_lapses_when_the_child_dies():
    c = bcp_case(("2024-01-10T14:00", "strategy_discussion_requested", {"imminent_risk": True, **TM}),
                 ("2024-01-10T15:00", "child_died"))
    verdict = check(c, BCP, as_of="2024-01-20")
    assert findings(verdict, IMMINENT) == [] and findings(verdict, FROM_REQUEST) == []
