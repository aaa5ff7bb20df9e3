"""Tower Hamlets practice expectations (seed 004): a compliant and a breaching history per rule.

Every expected date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan,
29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May, 26 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

import pytest

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

TH = load_policy("tower_hamlets")
TM = {"by": "team_manager"}
P = "tower_hamlets."


def th_case(*events, policy=TH):
    return case(*events, policy=policy)


# --- assessment ---------------------------------------------------------------------------------------

POST_REFERRAL = P + "assessment.post_referral_visit_within_5_working_days"
SIGNED_OFF = P + "assessment.signed_off_by_manager"


def assessment_visit(at: str):
    # Started Wed 22 May 2024: 23, 24 May (2), Mon 27 May holiday, 28, 29, 30 May (5) -> Thu 30 May.
    return th_case(("2024-05-22", "assessment_started"), (at, "visit", {"seen": True}))


def test_post_referral_visit_within_five_working_days():
    assert findings(check(assessment_visit("2024-05-30"), TH), POST_REFERRAL) == []
    assert late(check(assessment_visit("2024-05-31"), TH), POST_REFERRAL) == (
        "late", "2024-05-30", {"value": 1, "unit": "working_days"})


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("social_worker", ["guard_failed"])])
def test_assessments_are_signed_off_by_a_manager(by, kinds):
    c = th_case(("2024-05-22", "assessment_started"),
                ("2024-06-20", "assessment_authorised", {"outcome": "cin_plan", "by": by}))
    assert [f.kind for f in findings(check(c, TH), SIGNED_OFF)] == kinds


# --- strategy discussions and section 47 -----------------------------------------------------------------

FROM_DECISION = P + "child_protection.strategy_within_3_working_days_of_front_door_decision"
FROM_REQUEST = P + "child_protection.strategy_within_3_working_days_of_request"
S47_VISIT = P + "child_protection.s47_visit_within_2_working_days"
S47_15 = P + "child_protection.s47_within_15_working_days"
S47_BY_TM = P + "child_protection.s47_agreed_by_team_manager"
OUTCOME_BY = P + "child_protection.s47_outcome_by_manager"


def front_door_strategy(held_at: str, policy=TH):
    # Decided Fri 5 Jan 2024: 8, 9, 10 Jan -> three working days end Wed 10 Jan.
    return th_case(("2024-01-05T09:00", "contact_received"),
                   ("2024-01-05T10:00", "referral_decision", {"outcome": "strategy_discussion", **TM}),
                   (held_at, "strategy_discussion_held", {"outcome": "s47", **TM}), policy=policy)


def test_strategy_within_three_working_days_of_the_decision():
    assert findings(check(front_door_strategy("2024-01-10T16:00"), TH), FROM_DECISION) == []
    assert late(check(front_door_strategy("2024-01-11T09:00"), TH), FROM_DECISION) == (
        "late", "2024-01-10", {"value": 1, "unit": "working_days"})


def test_strategy_within_24_hours_under_line_308():
    # Decided Fri 5 Jan 10:00 -> due Sat 6 Jan 10:00; held Mon 8 Jan 09:00 is 47 hours late.
    policy = load_policy("tower_hamlets", {FROM_DECISION: "within_24_hours"})
    assert findings(check(front_door_strategy("2024-01-06T09:00", policy), policy), FROM_DECISION) == []
    assert late(check(front_door_strategy("2024-01-08T09:00", policy), policy), FROM_DECISION) == (
        "late", "2024-01-06T10:00", {"value": 47, "unit": "hours"})


def test_strategy_within_three_working_days_of_a_managers_request():
    # Requested Mon 8 Jan 2024: 9, 10, 11 Jan -> Thu 11 Jan; Fri 12 Jan is one working day late.
    def history(held):
        return th_case(("2024-01-08", "strategy_discussion_requested", TM),
                       (held, "strategy_discussion_held", {"outcome": "s47", **TM}))
    assert findings(check(history("2024-01-11"), TH), FROM_REQUEST) == []
    assert late(check(history("2024-01-12"), TH), FROM_REQUEST) == (
        "late", "2024-01-11", {"value": 1, "unit": "working_days"})


def s47(started: str, *later, by: str = "team_manager"):
    return th_case((started, "strategy_discussion_held", {"outcome": "s47", **TM}),
                   (started, "s47_started", {"by": by}), *later)


def test_visit_within_two_working_days_of_a_section_47():
    # Started Thu 4 Apr 2024: Fri 5 Apr (1), Mon 8 Apr (2).
    assert findings(check(s47("2024-04-04", ("2024-04-08", "visit", {"seen": True})), TH), S47_VISIT) == []
    assert late(check(s47("2024-04-04", ("2024-04-09", "visit", {"seen": True})), TH), S47_VISIT) == (
        "late", "2024-04-08", {"value": 1, "unit": "working_days"})


def test_section_47_completed_within_15_working_days():
    # Started Tue 12 Mar 2024: 13-15 Mar (3), 18-22 (8), 25-28 (12), Easter, 2-4 Apr (15) -> Thu 4 Apr.
    done = s47("2024-03-12", ("2024-04-04", "s47_concluded", {"outcome": "nfa", **TM}))
    assert findings(check(done, TH), S47_15) == []
    late_one = s47("2024-03-12", ("2024-04-05", "s47_concluded", {"outcome": "nfa", **TM}))
    assert late(check(late_one, TH), S47_15) == ("late", "2024-04-04", {"value": 1, "unit": "working_days"})


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("service_manager", ["guard_failed"])])
def test_the_team_manager_agrees_a_section_47(by, kinds):
    assert [f.kind for f in findings(check(s47("2024-03-12", by=by), TH), S47_BY_TM)] == kinds


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("service_manager", []), ("social_worker", ["guard_failed"])])
def test_the_outcome_of_a_section_47_is_a_management_decision(by, kinds):
    c = s47("2024-03-12", ("2024-03-20", "s47_concluded", {"outcome": "cin", "by": by}))
    assert [f.kind for f in findings(check(c, TH), OUTCOME_BY)] == kinds


# --- conferences, plans and visits ------------------------------------------------------------------------

ICPC = P + "child_protection.icpc_within_15_working_days"
VISIT_72H = P + "child_protection.visit_within_72_hours_of_plan"
CP_VISITS = P + "child_protection.visits_every_10_working_days"
CORE_GROUPS = P + "child_protection.core_groups_every_6_weeks"
CP_ASSESSMENT = P + "child_protection.assessment_updated_every_6_months"


def plan(icpc: str, *later, policy=TH):
    """Strategy discussion Tue 12 Mar 2024, s47, ICPC and plan at ``icpc``."""
    return th_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                   (icpc, "icpc_held", {"outcome": "cp_plan"}),
                   (icpc, "cp_plan_started"), *later, policy=policy)


def test_icpc_within_15_working_days():
    # 15 working days from Tue 12 Mar 2024 is Thu 4 Apr (Easter counted out).
    assert findings(check(plan("2024-04-04"), TH), ICPC) == []
    assert late(check(plan("2024-04-05"), TH), ICPC) == ("late", "2024-04-04", {"value": 1, "unit": "working_days"})


def test_icpc_read_as_15_calendar_days():
    # Tue 12 Mar 2024 + 15 days = Wed 27 Mar; an ICPC on Thu 4 Apr is 8 days late.
    policy = load_policy("tower_hamlets", {ICPC: "calendar_days"})
    assert late(check(plan("2024-04-04", policy=policy), policy), ICPC) == (
        "late", "2024-03-27", {"value": 8, "unit": "days"})


def test_visit_within_72_hours_of_the_plan():
    # Plan Thu 4 Apr 2024 10:00 + 72 hours = Sun 7 Apr 10:00; Mon 8 Apr 09:00 is 23 hours late.
    assert findings(check(plan("2024-04-04T10:00", ("2024-04-06T15:00", "visit", {"seen": True})), TH), VISIT_72H) == []
    assert late(check(plan("2024-04-04T10:00", ("2024-04-08T09:00", "visit", {"seen": True})), TH), VISIT_72H) == (
        "late", "2024-04-07T10:00", {"value": 23, "unit": "hours"})


def test_visit_within_three_days_of_the_plan_for_date_only_records():
    # Plan Thu 4 Apr 2024 + 3 days = Sun 7 Apr; a visit on Mon 8 Apr is a day late. Read as 72
    # clock hours from a date-only plan, a date-only visit on Sun 7 Apr may fall either side of
    # the limit, so it is indeterminate.
    policy = load_policy("tower_hamlets", {VISIT_72H: "three_days"})
    history = plan("2024-04-04", ("2024-04-08", "visit", {"seen": True}), policy=policy)
    assert late(check(history, policy), VISIT_72H) == ("late", "2024-04-07", {"value": 1, "unit": "days"})
    assert [f.kind for f in findings(check(plan("2024-04-04", ("2024-04-07", "visit", {"seen": True})), TH),
                                     VISIT_72H)] == ["indeterminate"]


def test_cp_visits_every_10_working_days():
    # Visit Mon 8 Apr 2024: 9-12 Apr (4), 15-19 (9), Mon 22 Apr (10) -> due 22 Apr; 23 Apr is late.
    def history(second):
        return plan("2024-04-04", ("2024-04-08", "visit", {"seen": True}), (second, "visit", {"seen": True}))
    assert findings(check(history("2024-04-22"), TH), CP_VISITS) == []
    assert late(check(history("2024-04-23"), TH), CP_VISITS) == ("gap", "2024-04-22", {"value": 1, "unit": "working_days"})


def test_a_visit_without_seeing_the_child_is_not_a_statutory_visit():
    history = plan("2024-04-04", ("2024-04-08", "visit", {"seen": True}), ("2024-04-19", "visit", {"seen": False}),
                   ("2024-04-23", "visit", {"seen": True}))
    assert late(check(history, TH), CP_VISITS) == ("gap", "2024-04-22", {"value": 1, "unit": "working_days"})


def test_core_groups_every_six_weeks():
    # Core group Thu 18 Apr 2024 + 42 days = Thu 30 May.
    def history(second):
        return plan("2024-04-04", ("2024-04-18", "core_group_held"), (second, "core_group_held"))
    assert findings(check(history("2024-05-30"), TH), CORE_GROUPS) == []
    assert late(check(history("2024-05-31"), TH), CORE_GROUPS) == ("gap", "2024-05-30", {"value": 1, "unit": "days"})


def test_cp_assessment_updated_every_six_months():
    # Assessment authorised Thu 4 Apr 2024 (before the ICPC that day); due again Fri 4 Oct 2024.
    def history(*later):
        return th_case(("2024-03-12", "assessment_started"),
                       ("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                       ("2024-03-12", "s47_started", TM),
                       ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                       ("2024-04-04", "assessment_authorised", {"outcome": "other", **TM}),
                       ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
                       ("2024-04-04", "cp_plan_started"), *later)
    updated = history(("2024-09-02", "assessment_started"),
                      ("2024-10-04", "assessment_authorised", {"outcome": "other", **TM}))
    assert findings(check(updated, TH, as_of="2024-10-05"), CP_ASSESSMENT) == []
    f = only(check(history(), TH, as_of="2024-10-05"), rule=CP_ASSESSMENT)
    assert (f.kind, f.due) == ("missing", "2024-10-04")


# --- child in need ----------------------------------------------------------------------------------------

CIN_VISITS = P + "child_in_need.visits_every_28_days"
CIN_REVIEWS = P + "child_in_need.reviews_every_6_weeks"
CIN_ASSESSMENT = P + "child_in_need.assessment_updated_every_6_months"


def cin(*later, policy=TH):
    return th_case(("2024-07-01", "cin_plan_started"), *later, policy=policy)


def test_cin_visits_every_28_days():
    # Plan Mon 1 Jul 2024 + 28 days = Mon 29 Jul; then + 28 days = Mon 26 Aug (a bank holiday,
    # but this is a calendar-day rule); a visit on Tue 27 Aug is a day late.
    ok = cin(("2024-07-29", "visit", {"seen": True}), ("2024-08-26", "visit", {"seen": True}))
    assert findings(check(ok, TH), CIN_VISITS) == []
    verdict = check(cin(("2024-07-29", "visit", {"seen": True}), ("2024-08-27", "visit", {"seen": True})), TH)
    assert late(verdict, CIN_VISITS) == ("gap", "2024-08-26", {"value": 1, "unit": "days"})


def test_cin_plans_reviewed_every_six_weeks():
    # Plan Mon 1 Jul 2024 + 42 days = Mon 12 Aug.
    assert findings(check(cin(("2024-08-12", "cin_plan_reviewed")), TH), CIN_REVIEWS) == []
    assert late(check(cin(("2024-08-13", "cin_plan_reviewed")), TH), CIN_REVIEWS) == (
        "gap", "2024-08-12", {"value": 1, "unit": "days"})


def test_nrpf_only_cin_meetings_three_monthly():
    # Plan Mon 1 Jul 2024 + 3 months = Tue 1 Oct.
    policy = load_policy("tower_hamlets", {CIN_REVIEWS: "nrpf_only"})
    assert findings(check(cin(("2024-10-01", "cin_plan_reviewed"), policy=policy), policy), CIN_REVIEWS) == []
    assert late(check(cin(("2024-10-02", "cin_plan_reviewed"), policy=policy), policy), CIN_REVIEWS) == (
        "gap", "2024-10-01", {"value": 1, "unit": "days"})


def test_cin_assessment_updated_every_six_months():
    # No assessment on record: six months from the plan, Mon 1 Jul 2024 -> Wed 1 Jan 2025.
    assert [p.due for p in check(cin(), TH, as_of="2025-01-01").pending if p.rule == CIN_ASSESSMENT] == ["2025-01-01"]
    f = only(check(cin(), TH, as_of="2025-01-02"), rule=CIN_ASSESSMENT)
    assert (f.kind, f.due) == ("missing", "2025-01-01")
