"""Calderdale practice standards (seed 001): a compliant and a breaching history per encoded rule.

Every expected date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan,
29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May, 26 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

import pytest

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

CAL = load_policy("calderdale")
TM = {"by": "team_manager"}
K = "calderdale."


def cd_case(*events, policy=CAL):
    return case(*events, policy=policy)


# --- front door and assessment ---------------------------------------------------------------------------

FINALISED_24H = K + "front_door.referral_finalised_within_24_hours"
DUTY_MANAGER = K + "front_door.finalised_by_duty_manager"
WITHIN_15 = K + "assessment.within_15_days"
DAY_8 = K + "assessment.progress_review_by_day_8"
WITHIN_45 = K + "assessment.within_45_days"
AUTHORISED_BY = K + "assessment.authorised_by_line_manager"


def finalised(at: str, by: str = "team_manager"):
    return cd_case(("2024-05-03T10:00", "contact_received"), (at, "referral_decision", {"outcome": "assessment", "by": by}))


def test_referrals_finalised_within_24_hours():
    # Contact Fri 3 May 2024 10:00 -> due Sat 4 May 10:00; Tue 7 May 09:00 is 71 hours late.
    assert findings(check(finalised("2024-05-04T09:00"), CAL), FINALISED_24H) == []
    assert late(check(finalised("2024-05-07T09:00"), CAL), FINALISED_24H) == (
        "late", "2024-05-04T10:00", {"value": 71, "unit": "hours"})


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("assistant_team_manager", []),
                                       ("social_worker", ["guard_failed"])])
def test_referrals_finalised_by_the_duty_manager(by, kinds):
    assert [f.kind for f in findings(check(finalised("2024-05-03T12:00", by), CAL), DUTY_MANAGER)] == kinds


def assessment(*later, policy=CAL):
    return cd_case(("2024-07-01", "assessment_started"), *later, policy=policy)


def authorised(at: str, by: str = "team_manager"):
    return at, "assessment_authorised", {"outcome": "nfa", "by": by}


def test_single_assessment_within_the_standard_15_days():
    # Started Mon 1 Jul 2024: 2-5 Jul (4), 8-12 (9), 15-19 (14), Mon 22 Jul (15).
    assert findings(check(assessment(authorised("2024-07-22")), CAL), WITHIN_15) == []
    assert late(check(assessment(authorised("2024-07-23")), CAL), WITHIN_15) == (
        "late", "2024-07-22", {"value": 1, "unit": "working_days"})


def test_more_time_agreed_by_the_manager_lifts_the_15_days():
    extended = assessment(("2024-07-12", "management_oversight_recorded", {"subject": "assessment_extension", **TM}),
                          authorised("2024-08-05"))
    assert findings(check(extended, CAL), WITHIN_15) == []


def test_15_calendar_days_under_that_reading():
    # Mon 1 Jul 2024 + 15 days = Tue 16 Jul.
    policy = load_policy("calderdale", {WITHIN_15: "calendar_days"})
    assert late(check(assessment(authorised("2024-07-17"), policy=policy), policy), WITHIN_15) == (
        "late", "2024-07-16", {"value": 1, "unit": "days"})


def test_progress_review_by_day_8():
    # Started Mon 1 Jul 2024: 2-5 Jul (4), 8-11 Jul (8) -> Thu 11 Jul.
    def history(at):
        return assessment((at, "management_oversight_recorded", {"subject": "other", **TM}))
    assert findings(check(history("2024-07-11"), CAL), DAY_8) == []
    assert late(check(history("2024-07-12"), CAL), DAY_8) == ("late", "2024-07-11", {"value": 1, "unit": "working_days"})


def from_referral(authorised_at: str, policy=CAL):
    return cd_case(("2024-03-12", "contact_received"),
                   ("2024-03-12", "referral_decision", {"outcome": "assessment", **TM}),
                   ("2024-03-13", "assessment_started"),
                   ("2024-03-26", "management_oversight_recorded", {"subject": "assessment_extension", **TM}),
                   authorised(authorised_at), policy=policy)


def test_maximum_45_days_from_the_referral():
    # Contact Tue 12 Mar 2024 + 45 working days = Fri 17 May (Easter and 6 May counted out).
    # Read as calendar days: 12 Mar + 45 days = Fri 26 Apr.
    assert findings(check(from_referral("2024-05-17"), CAL), WITHIN_45) == []
    assert late(check(from_referral("2024-05-20"), CAL), WITHIN_45) == (
        "late", "2024-05-17", {"value": 1, "unit": "working_days"})
    policy = load_policy("calderdale", {WITHIN_45: "calendar_days"})
    assert late(check(from_referral("2024-04-29", policy), policy), WITHIN_45) == (
        "late", "2024-04-26", {"value": 3, "unit": "days"})


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("social_worker", ["guard_failed"])])
def test_assessments_authorised_by_the_line_manager(by, kinds):
    assert [f.kind for f in findings(check(assessment(authorised("2024-07-10", by)), CAL), AUTHORISED_BY)] == kinds


# --- child in need ----------------------------------------------------------------------------------------------

PLANNING_10 = K + "child_in_need.planning_meeting_within_10_working_days"
CIN_VISITS = K + "child_in_need.visits_at_least_4_weekly"
CIN_REVIEWS = K + "child_in_need.reviews_six_weekly"
CIN_ASSESSMENT = K + "child_in_need.assessment_updated_annually"


def planned(start: str, policy=CAL):
    return cd_case(("2024-06-10", "assessment_started"),
                   ("2024-07-01", "assessment_authorised", {"outcome": "cin_plan", **TM}),
                   (start, "cin_plan_started"), policy=policy)


def test_cin_planning_meeting_within_10_working_days():
    # Authorised Mon 1 Jul 2024: 2-5 Jul (4), 8-12 (9), Mon 15 Jul (10). Within 10 calendar days: Thu 11 Jul.
    assert findings(check(planned("2024-07-15"), CAL), PLANNING_10) == []
    assert late(check(planned("2024-07-16"), CAL), PLANNING_10) == ("late", "2024-07-15", {"value": 1, "unit": "working_days"})
    policy = load_policy("calderdale", {PLANNING_10: "ten_days"})
    assert late(check(planned("2024-07-15", policy), policy), PLANNING_10) == ("late", "2024-07-11", {"value": 4, "unit": "days"})


def cin(*later, policy=CAL):
    return cd_case(("2024-07-01", "cin_plan_started"), *later, policy=policy)


def test_cin_visits_not_less_than_four_weekly():
    # Plan Mon 1 Jul 2024 + 4 weeks = Mon 29 Jul; at CIN level 3, + 6 weeks = Mon 12 Aug.
    assert findings(check(cin(("2024-07-29", "visit", {"seen": True})), CAL), CIN_VISITS) == []
    assert late(check(cin(("2024-07-30", "visit", {"seen": True})), CAL), CIN_VISITS) == ("gap", "2024-07-29", {"value": 1, "unit": "days"})
    policy = load_policy("calderdale", {CIN_VISITS: "level_3"})
    assert findings(check(cin(("2024-08-12", "visit", {"seen": True}), policy=policy), policy), CIN_VISITS) == []


def test_cin_reviews_six_weekly():
    # Plan Mon 1 Jul 2024 + 42 days = Mon 12 Aug; agreed three-monthly, Tue 1 Oct.
    assert findings(check(cin(("2024-08-12", "cin_plan_reviewed")), CAL), CIN_REVIEWS) == []
    assert late(check(cin(("2024-08-13", "cin_plan_reviewed")), CAL), CIN_REVIEWS) == ("gap", "2024-08-12", {"value": 1, "unit": "days"})
    policy = load_policy("calderdale", {CIN_REVIEWS: "agreed_three_monthly"})
    assert late(check(cin(("2024-10-02", "cin_plan_reviewed"), policy=policy), policy), CIN_REVIEWS) == (
        "gap", "2024-10-01", {"value": 1, "unit": "days"})


def test_cin_assessment_updated_annually():
    # No assessment on record: twelve months from the plan, Mon 1 Jul 2024 -> Tue 1 Jul 2025.
    f = only(check(cin(), CAL, as_of="2025-07-02"), rule=CIN_ASSESSMENT)
    assert (f.kind, f.due) == ("missing", "2025-07-01")


# --- strategy, section 47, conferences, core groups and visits ----------------------------------------------------

SAME_DAY = K + "child_protection.strategy_same_day_as_contact"
LED_BY = K + "child_protection.strategy_led_by_line_manager"
OUTCOME_BY = K + "child_protection.s47_outcome_agreed_by_line_manager"
ICPC = K + "child_protection.icpc_within_15_working_days"
FIRST_CORE = K + "child_protection.first_core_group_within_10_working_days"
CORE_4_WEEKLY = K + "child_protection.core_groups_4_weekly"
FIRST_RCPC = K + "child_protection.first_rcpc_within_3_months"
RCPC = K + "child_protection.rcpc_every_6_months"
CP_VISITS = K + "child_protection.visits_10_then_15_working_days"


def contact_to_strategy(held: str, decision: str = "strategy_discussion", policy=CAL):
    return cd_case(("2024-01-08T10:00", "contact_received"),
                   ("2024-01-08T11:00", "referral_decision", {"outcome": decision, **TM}),
                   (held, "strategy_discussion_held", {"outcome": "s47", **TM}), policy=policy)


def test_strategy_on_the_same_day_as_the_contact():
    # Contact Mon 8 Jan 2024 -> due the same day; Tue 9 Jan is a day late.
    assert findings(check(contact_to_strategy("2024-01-08T16:00"), CAL), SAME_DAY) == []
    assert late(check(contact_to_strategy("2024-01-09T09:00"), CAL), SAME_DAY) == ("late", "2024-01-08", {"value": 1, "unit": "days"})


def test_a_contact_that_needs_no_strategy_discussion_lapses_the_clock():
    assert findings(check(contact_to_strategy("2024-01-20", "assessment"), CAL), SAME_DAY) == []


def test_strategy_extended_to_24_hours():
    # Contact Mon 8 Jan 2024 10:00 + 24 hours = Tue 9 Jan 10:00; 11:00 is an hour late.
    policy = load_policy("calderdale", {SAME_DAY: "extended_24_hours"})
    assert findings(check(contact_to_strategy("2024-01-09T09:00", policy=policy), policy), SAME_DAY) == []
    assert late(check(contact_to_strategy("2024-01-09T11:00", policy=policy), policy), SAME_DAY) == (
        "late", "2024-01-09T10:00", {"value": 1, "unit": "hours"})


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("assistant_team_manager", []), ("social_worker", ["guard_failed"])])
def test_strategy_led_and_s47_outcome_agreed_by_a_line_manager(by, kinds):
    c = cd_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", "by": by}),
                ("2024-03-12", "s47_started", TM),
                ("2024-03-19", "s47_concluded", {"outcome": "nfa", "by": by}))
    verdict = check(c, CAL)
    assert [f.kind for f in findings(verdict, LED_BY)] == kinds
    assert [f.kind for f in findings(verdict, OUTCOME_BY)] == kinds


def plan(icpc: str = "2024-04-04", *later):
    return cd_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                   (icpc, "icpc_held", {"outcome": "cp_plan"}),
                   (icpc, "cp_plan_started"), *later)


def test_icpc_within_15_working_days():
    assert findings(check(plan("2024-04-04"), CAL), ICPC) == []
    assert late(check(plan("2024-04-05"), CAL), ICPC) == ("late", "2024-04-04", {"value": 1, "unit": "working_days"})


def test_core_groups_within_10_working_days_then_four_weekly():
    # ICPC Thu 4 Apr 2024 -> first by Thu 18 Apr; then + 28 days = Thu 16 May.
    verdict = check(plan("2024-04-04", ("2024-04-18", "core_group_held"), ("2024-05-16", "core_group_held")), CAL)
    assert findings(verdict, FIRST_CORE) == [] and findings(verdict, CORE_4_WEEKLY) == []
    verdict = check(plan("2024-04-04", ("2024-04-19", "core_group_held"), ("2024-05-18", "core_group_held")), CAL)
    assert late(verdict, FIRST_CORE) == ("late", "2024-04-18", {"value": 1, "unit": "working_days"})
    # From Fri 19 Apr + 28 days = Fri 17 May; Sat 18 May is a day late.
    assert late(verdict, CORE_4_WEEKLY) == ("gap", "2024-05-17", {"value": 1, "unit": "days"})


def test_review_conferences_within_three_months_then_six_monthly():
    # ICPC Thu 4 Apr 2024 + 3 months = Thu 4 Jul; that review + 6 months = Sat 4 Jan 2025.
    ok = plan("2024-04-04", ("2024-07-04", "rcpc_held", {"outcome": "continue_plan"}),
              ("2025-01-03", "rcpc_held", {"outcome": "continue_plan"}))
    verdict = check(ok, CAL)
    assert findings(verdict, FIRST_RCPC) == [] and findings(verdict, RCPC) == []
    verdict = check(plan("2024-04-04", ("2024-07-05", "rcpc_held", {"outcome": "continue_plan"}),
                         ("2025-01-06", "rcpc_held", {"outcome": "continue_plan"})), CAL)
    assert late(verdict, FIRST_RCPC) == ("late", "2024-07-04", {"value": 1, "unit": "days"})
    # From Fri 5 Jul 2024 + 6 months = Sun 5 Jan 2025; Mon 6 Jan is a day late.
    assert late(verdict, RCPC) == ("gap", "2025-01-05", {"value": 1, "unit": "days"})


def seen(at):
    return at, "visit", {"seen": True}


def test_cp_visits_every_10_working_days_until_the_first_review_then_15():
    # Plan Thu 4 Apr 2024: first visit by Thu 18 Apr. Next 10 working days from 18 Apr: 19 (1),
    # 22-26 (6), 29 Apr-2 May (10) -> Thu 2 May. After the review (held early, Fri 19 Apr), the
    # visit on Thu 2 May sets 15 working days: 3 May (1), Mon 6 May holiday, 7-10 (5), 13-17 (10),
    # 20-24 (15) -> Fri 24 May; Tue 28 May (Mon 27 May is a holiday) is one working day late.
    def history(*visits, review=True):
        later = [seen("2024-04-18")] + ([("2024-04-19", "rcpc_held", {"outcome": "continue_plan"})] if review else [])
        return plan("2024-04-04", *later, *[seen(v) for v in visits])
    assert findings(check(history("2024-05-02", "2024-05-24"), CAL), CP_VISITS) == []
    assert late(check(history("2024-05-02", "2024-05-28"), CAL), CP_VISITS) == (
        "gap", "2024-05-24", {"value": 1, "unit": "working_days"})
    # Without a review the interval stays 10 working days: from 2 May, 3 (1), 7-10 (5), 13-17 (10)
    # -> Fri 17 May, and 24 May is 5 working days late.
    assert late(check(history("2024-05-02", "2024-05-24", review=False), CAL), CP_VISITS) == (
        "gap", "2024-05-17", {"value": 5, "unit": "working_days"})
