"""Surrey practice standards (seed 000): a compliant and a breaching history per encoded rule.

Every expected date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan,
29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May, 26 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

import pytest

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

SURREY = load_policy("surrey")
TM = {"by": "team_manager"}
S = "surrey."


def sy_case(*events, policy=SURREY):
    return case(*events, policy=policy)


# --- front door and assessment ------------------------------------------------------------------------

DECIDED_24H = S + "front_door.contacts_decided_within_24_hours"
SEEN_5 = S + "assessment.children_seen_within_5_working_days"
WITHIN_35 = S + "assessment.within_35_working_days"
EXTENSION_BY = S + "assessment.extension_agreed_by_manager"
OVERSIGHT_10 = S + "assessment.management_oversight_within_10_working_days"
CLOSED_72H = S + "assessment.closed_within_72_hours_of_nfa"


def decided(at: str):
    return sy_case(("2024-05-03T10:00", "contact_received"),
                   (at, "referral_decision", {"outcome": "assessment", "by": "social_worker"}))


def test_contacts_decisioned_within_24_hours():
    # Contact Fri 3 May 2024 10:00 -> due Sat 4 May 10:00; Tue 7 May 09:00 is 71 hours late
    # (and still within Working Together's one working day: Mon 6 May is a bank holiday).
    assert findings(check(decided("2024-05-04T09:00"), SURREY), DECIDED_24H) == []
    verdict = check(decided("2024-05-07T09:00"), SURREY)
    assert late(verdict, DECIDED_24H) == ("late", "2024-05-04T10:00", {"value": 71, "unit": "hours"})
    assert verdict.legal is True and verdict.compliant is False


def seen_after_referral(decision: str, seen_at: str):
    # Contact Wed 22 May 2024: 23, 24 May (2), Mon 27 May holiday, 28, 29, 30 May (5) -> Thu 30 May.
    return sy_case(("2024-05-22", "contact_received"),
                   ("2024-05-22", "referral_decision", {"outcome": decision, "by": "social_worker"}),
                   (seen_at, "visit", {"seen": True}))


def test_children_seen_within_five_working_days_of_referral():
    assert findings(check(seen_after_referral("assessment", "2024-05-30"), SURREY), SEEN_5) == []
    assert late(check(seen_after_referral("assessment", "2024-05-31"), SURREY), SEEN_5) == (
        "late", "2024-05-30", {"value": 1, "unit": "working_days"})


def test_no_visit_is_due_after_a_referral_that_ends_in_no_further_action():
    assert findings(check(seen_after_referral("nfa", "2024-06-20"), SURREY), SEEN_5) == []


def assessed(authorised: str, *middle, policy=SURREY):
    # Contact Tue 12 Mar 2024. 35 working days: 13-15 Mar (3), 18-22 (8), 25-28 (12), Good Friday
    # and Easter Monday, 2-5 Apr (16), 8-12 (21), 15-19 (26), 22-26 (31), 29 Apr-2 May (35) ->
    # Thu 2 May. 45 working days: 3 May (36), Mon 6 May holiday, 7-10 May (40), 13-17 (45) -> Fri 17 May.
    return sy_case(("2024-03-12", "contact_received"),
                   ("2024-03-12", "referral_decision", {"outcome": "assessment", "by": "social_worker"}),
                   ("2024-03-13", "assessment_started"), *middle,
                   (authorised, "assessment_authorised", {"outcome": "cin_plan", **TM}), policy=policy)


def test_assessment_service_completes_within_35_working_days():
    assert findings(check(assessed("2024-05-02"), SURREY), WITHIN_35) == []
    assert late(check(assessed("2024-05-03"), SURREY), WITHIN_35) == (
        "late", "2024-05-02", {"value": 1, "unit": "working_days"})


def test_an_extension_agreed_with_management_oversight_lifts_the_35_days():
    extended = assessed("2024-05-15", ("2024-04-19", "management_oversight_recorded",
                                       {"subject": "assessment_extension", **TM}))
    verdict = check(extended, SURREY)
    assert findings(verdict, WITHIN_35) == [] and findings(verdict, EXTENSION_BY) == []


def test_an_extension_needs_a_manager():
    extended = assessed("2024-05-15", ("2024-04-19", "management_oversight_recorded",
                                       {"subject": "assessment_extension", "by": "social_worker"}))
    assert only(check(extended, SURREY), rule=EXTENSION_BY).kind == "guard_failed"


def test_other_teams_have_45_working_days():
    policy = load_policy("surrey", {WITHIN_35: "other_teams"})
    assert findings(check(assessed("2024-05-17", policy=policy), policy), WITHIN_35) == []
    assert late(check(assessed("2024-05-20", policy=policy), policy), WITHIN_35) == (
        "late", "2024-05-17", {"value": 1, "unit": "working_days"})


def test_manager_oversight_of_an_assessment_by_working_day_10():
    # Started Mon 1 Jul 2024: 2-5 Jul (4), 8-12 (9), Mon 15 Jul (10).
    def history(at):
        return sy_case(("2024-07-01", "assessment_started"),
                       (at, "management_oversight_recorded", {"subject": "other", **TM}))
    assert findings(check(history("2024-07-15"), SURREY), OVERSIGHT_10) == []
    assert late(check(history("2024-07-16"), SURREY), OVERSIGHT_10) == (
        "late", "2024-07-15", {"value": 1, "unit": "working_days"})


def closed_after_nfa(closed: str, policy=SURREY):
    return sy_case(("2024-06-10", "assessment_started"),
                   ("2024-07-05T16:00", "assessment_authorised", {"outcome": "nfa", **TM}),
                   (closed, "case_closed"), policy=policy)


def test_records_closed_within_72_hours_of_no_further_action():
    # Authorised Fri 5 Jul 2024 16:00 + 72 hours = Mon 8 Jul 16:00; Tue 9 Jul 10:00 is 18 hours late.
    assert findings(check(closed_after_nfa("2024-07-08T15:00"), SURREY), CLOSED_72H) == []
    assert late(check(closed_after_nfa("2024-07-09T10:00"), SURREY), CLOSED_72H) == (
        "late", "2024-07-08T16:00", {"value": 18, "unit": "hours"})


def test_records_closed_within_three_days_for_date_only_records():
    # Fri 5 Jul 2024 + 3 days = Mon 8 Jul; closed Tue 9 Jul is a day late.
    policy = load_policy("surrey", {CLOSED_72H: "three_days"})
    assert late(check(closed_after_nfa("2024-07-09", policy), policy), CLOSED_72H) == (
        "late", "2024-07-08", {"value": 1, "unit": "days"})


# --- child in need -----------------------------------------------------------------------------------------

FIRST_MEETING = S + "child_in_need.first_meeting_within_10_working_days_of_assessment"
CIN_VISITS = S + "child_in_need.visits_every_4_weeks"
CIN_REVIEWS = S + "child_in_need.reviews_every_12_weeks"


def test_first_cin_meeting_within_10_working_days_of_the_assessment():
    # Authorised Mon 1 Jul 2024: 2-5 Jul (4), 8-12 (9), Mon 15 Jul (10).
    def history(start):
        return sy_case(("2024-06-10", "assessment_started"),
                       ("2024-07-01", "assessment_authorised", {"outcome": "cin_plan", **TM}),
                       (start, "cin_plan_started"))
    assert findings(check(history("2024-07-15"), SURREY), FIRST_MEETING) == []
    assert late(check(history("2024-07-16"), SURREY), FIRST_MEETING) == (
        "late", "2024-07-15", {"value": 1, "unit": "working_days"})


def cin(*later, policy=SURREY):
    return sy_case(("2024-07-01", "cin_plan_started"), *later, policy=policy)


def test_cin_visits_every_four_weeks():
    # Plan Mon 1 Jul 2024 + 4 weeks = Mon 29 Jul.
    assert findings(check(cin(("2024-07-29", "visit", {"seen": True})), SURREY), CIN_VISITS) == []
    assert late(check(cin(("2024-07-30", "visit", {"seen": True})), SURREY), CIN_VISITS) == (
        "gap", "2024-07-29", {"value": 1, "unit": "days"})


def test_cin_visits_12_weekly_for_a_disabled_child_without_concerns():
    # Plan Mon 1 Jul 2024 + 12 weeks (84 days) = Mon 23 Sep.
    policy = load_policy("surrey", {CIN_VISITS: "cwd_12_weeks"})
    assert findings(check(cin(("2024-09-23", "visit", {"seen": True}), policy=policy), policy), CIN_VISITS) == []
    assert late(check(cin(("2024-09-24", "visit", {"seen": True}), policy=policy), policy), CIN_VISITS) == (
        "gap", "2024-09-23", {"value": 1, "unit": "days"})


def test_cin_reviews_every_12_weeks():
    # Plan Mon 1 Jul 2024 + 84 days = Mon 23 Sep.
    assert findings(check(cin(("2024-09-23", "cin_plan_reviewed")), SURREY), CIN_REVIEWS) == []
    assert late(check(cin(("2024-09-24", "cin_plan_reviewed")), SURREY), CIN_REVIEWS) == (
        "gap", "2024-09-23", {"value": 1, "unit": "days"})


# --- strategy discussions and section 47 ---------------------------------------------------------------------

FROM_DECISION = S + "child_protection.strategy_within_3_working_days_of_front_door_decision"
FROM_REQUEST = S + "child_protection.strategy_within_3_working_days_of_request"
SERIOUS_3H = S + "child_protection.strategy_within_3_hours_for_serious_harm"
MISSING_72H = S + "child_protection.strategy_within_72_hours_when_missing"
S47_5 = S + "child_protection.s47_within_5_working_days"
CHAIRED_BY = S + "child_protection.strategy_chaired_by_manager"


def test_strategy_within_three_working_days_of_the_referral_decision():
    # Decided Fri 5 Jan 2024: 8, 9, 10 Jan -> Wed 10 Jan.
    def history(held):
        return sy_case(("2024-01-05T09:00", "contact_received"),
                       ("2024-01-05T10:00", "referral_decision", {"outcome": "strategy_discussion", **TM}),
                       (held, "strategy_discussion_held", {"outcome": "s47", **TM}))
    assert findings(check(history("2024-01-10"), SURREY), FROM_DECISION) == []
    assert late(check(history("2024-01-11"), SURREY), FROM_DECISION) == (
        "late", "2024-01-10", {"value": 1, "unit": "working_days"})


def requested(concern: str, held: str, at: str = "2024-01-10T14:00"):
    return sy_case((at, "strategy_discussion_requested", {"concern": concern, **TM}),
                   (held, "strategy_discussion_held", {"outcome": "s47", **TM}))


def test_strategy_within_three_working_days_of_a_decision_to_hold_one():
    # Requested Wed 10 Jan 2024: 11, 12, 15 Jan -> Mon 15 Jan.
    assert findings(check(requested("other", "2024-01-15"), SURREY), FROM_REQUEST) == []
    assert late(check(requested("other", "2024-01-16"), SURREY), FROM_REQUEST) == (
        "late", "2024-01-15", {"value": 1, "unit": "working_days"})


def test_strategy_within_three_hours_for_serious_injury():
    # Requested Wed 10 Jan 2024 14:00 -> due 17:00; 18:00 is an hour late.
    assert findings(check(requested("serious_injury", "2024-01-10T16:30"), SURREY), SERIOUS_3H) == []
    assert late(check(requested("serious_injury", "2024-01-10T18:00"), SURREY), SERIOUS_3H) == (
        "late", "2024-01-10T17:00", {"value": 1, "unit": "hours"})
    assert findings(check(requested("other", "2024-01-10T18:00"), SURREY), SERIOUS_3H) == []


def test_strategy_within_72_hours_for_a_missing_child():
    # Requested Mon 8 Jan 2024 09:00 -> due Thu 11 Jan 09:00; 10:00 is an hour late.
    assert findings(check(requested("missing", "2024-01-11T08:00", at="2024-01-08T09:00"), SURREY), MISSING_72H) == []
    assert late(check(requested("missing", "2024-01-11T10:00", at="2024-01-08T09:00"), SURREY), MISSING_72H) == (
        "late", "2024-01-11T09:00", {"value": 1, "unit": "hours"})


def test_section_47_concluded_within_five_working_days():
    # Strategy Tue 12 Mar 2024: 13, 14, 15, 18, 19 Mar -> Tue 19 Mar.
    def history(concluded):
        return sy_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                       ("2024-03-12", "s47_started", TM),
                       (concluded, "s47_concluded", {"outcome": "nfa", **TM}))
    assert findings(check(history("2024-03-19"), SURREY), S47_5) == []
    assert late(check(history("2024-03-20"), SURREY), S47_5) == ("late", "2024-03-19", {"value": 1, "unit": "working_days"})


@pytest.mark.parametrize("by, kinds", [("team_manager", []), ("service_manager", []), ("social_worker", ["guard_failed"])])
def test_strategy_meetings_chaired_by_a_manager(by, kinds):
    c = sy_case(("2024-03-12", "strategy_discussion_held", {"outcome": "no_s47", "by": by}))
    assert [f.kind for f in findings(check(c, SURREY), CHAIRED_BY)] == kinds


# --- conferences, core groups and visits ------------------------------------------------------------------------

ICPC = S + "child_protection.icpc_within_15_working_days"
FIRST_RCPC = S + "child_protection.first_rcpc_within_10_weeks"
RCPC_5 = S + "child_protection.rcpc_about_5_monthly"
FIRST_CORE = S + "child_protection.first_core_group_within_10_working_days"
CORE_GROUPS = S + "child_protection.core_groups_every_6_weeks"
CP_VISITS = S + "child_protection.visits_every_10_working_days"


def plan(icpc: str = "2024-04-04", *later):
    return sy_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                   (icpc, "icpc_held", {"outcome": "cp_plan"}),
                   (icpc, "cp_plan_started"), *later)


def test_icpc_within_15_working_days():
    # Tue 12 Mar 2024 + 15 working days = Thu 4 Apr (Easter counted out).
    assert findings(check(plan("2024-04-04"), SURREY), ICPC) == []
    assert late(check(plan("2024-04-05"), SURREY), ICPC) == ("late", "2024-04-04", {"value": 1, "unit": "working_days"})


def test_first_review_conference_within_ten_weeks():
    # ICPC Thu 4 Apr 2024 + 70 days = Thu 13 Jun (the England limit, 4 Jul, is not reached).
    assert findings(check(plan("2024-04-04", ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"})), SURREY),
                    FIRST_RCPC) == []
    verdict = check(plan("2024-04-04", ("2024-06-14", "rcpc_held", {"outcome": "continue_plan"})), SURREY)
    assert late(verdict, FIRST_RCPC) == ("late", "2024-06-13", {"value": 1, "unit": "days"})
    assert findings(verdict, "england.child_protection.first_review_within_3_months") == []


def test_further_review_conferences_about_five_monthly_are_advisory():
    # Review Thu 13 Jun 2024 + 5 months = Wed 13 Nov 2024; 14 Nov is a day late (advisory).
    def history(second):
        return plan("2024-04-04", ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"}),
                    (second, "rcpc_held", {"outcome": "continue_plan"}))
    assert findings(check(history("2024-11-13"), SURREY), RCPC_5) == []
    verdict = check(history("2024-11-14"), SURREY)
    assert late(verdict, RCPC_5) == ("gap", "2024-11-13", {"value": 1, "unit": "days"})
    assert only(verdict, rule=RCPC_5).severity == "advisory"


def test_core_groups_within_10_working_days_then_six_weekly():
    # ICPC Thu 4 Apr 2024 -> first core group by Thu 18 Apr; then + 42 days = Thu 30 May.
    ok = plan("2024-04-04", ("2024-04-18", "core_group_held"), ("2024-05-30", "core_group_held"))
    verdict = check(ok, SURREY)
    assert findings(verdict, FIRST_CORE) == [] and findings(verdict, CORE_GROUPS) == []
    verdict = check(plan("2024-04-04", ("2024-04-19", "core_group_held"), ("2024-06-01", "core_group_held")), SURREY)
    assert late(verdict, FIRST_CORE) == ("late", "2024-04-18", {"value": 1, "unit": "working_days"})
    # From Fri 19 Apr + 42 days = Fri 31 May; Sat 1 Jun is a day late.
    assert late(verdict, CORE_GROUPS) == ("gap", "2024-05-31", {"value": 1, "unit": "days"})


def test_cp_visits_every_10_working_days_from_the_plan():
    # Plan Thu 4 Apr 2024: 5 Apr (1), 8-12 (6), 15-18 (10) -> first visit by Thu 18 Apr.
    assert findings(check(plan("2024-04-04", ("2024-04-18", "visit", {"seen": True})), SURREY), CP_VISITS) == []
    assert late(check(plan("2024-04-04", ("2024-04-19", "visit", {"seen": True})), SURREY), CP_VISITS) == (
        "gap", "2024-04-18", {"value": 1, "unit": "working_days"})
