"""Barnet practice standards (seed 003): a compliant and a breaching history per encoded rule.

Every expected date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan,
29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May, 26 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
TM = {"by": "team_manager"}
B = "barnet."


def bt_case(*events, policy=BARNET):
    return case(*events, policy=policy)


DECIDED_24H = B + "front_door.decision_within_24_hours"
ONE_DAY = B + "child_protection.strategy_within_one_day"
ONE_DAY_REQUEST = B + "child_protection.strategy_within_one_day_of_request"
SEEN_24H = B + "child_protection.child_seen_within_24_hours_of_strategy"
DECISION_5 = B + "child_protection.icpc_decision_within_5_days"
ICPC = B + "child_protection.icpc_within_15_working_days"
FIRST_CORE = B + "child_protection.first_core_group_within_10_working_days"
CORE_MONTHLY = B + "child_protection.core_groups_monthly"
CP_VISITS = B + "child_protection.visits_every_10_working_days"
CP_ASSESSMENT = B + "child_protection.assessment_updated_every_6_months"
CIN_VISITS = B + "child_in_need.visits_four_weekly"
CIN_REVIEWS = B + "child_in_need.reviews_every_6_weeks"
CIN_ASSESSMENT = B + "child_in_need.assessment_updated_every_6_months"


def test_contacts_screened_for_a_management_decision_within_24_hours():
    # Contact Fri 3 May 2024 10:00 -> due Sat 4 May 10:00; Tue 7 May 09:00 is 71 hours late.
    def history(at):
        return bt_case(("2024-05-03T10:00", "contact_received"),
                       (at, "referral_decision", {"outcome": "assessment", **TM}))
    assert findings(check(history("2024-05-04T09:00"), BARNET), DECIDED_24H) == []
    assert late(check(history("2024-05-07T09:00"), BARNET), DECIDED_24H) == (
        "late", "2024-05-04T10:00", {"value": 71, "unit": "hours"})


def front_door_strategy(held: str, decision: str = "strategy_discussion", policy=BARNET):
    return bt_case(("2024-01-04", "contact_received"),
                   ("2024-01-05", "referral_decision", {"outcome": decision, **TM}),
                   (held, "strategy_discussion_held", {"outcome": "s47", **TM}), policy=policy)


def test_strategy_within_one_calendar_day_of_the_decision():
    # Decided Fri 5 Jan 2024 -> due Sat 6 Jan (one day, not one working day); Mon 8 Jan is 2 days late.
    assert findings(check(front_door_strategy("2024-01-06"), BARNET), ONE_DAY) == []
    assert late(check(front_door_strategy("2024-01-08"), BARNET), ONE_DAY) == (
        "late", "2024-01-06", {"value": 2, "unit": "days"})


def test_strategy_within_one_day_of_the_contact_under_that_reading():
    # Contact Thu 4 Jan 2024 -> due Fri 5 Jan; held Sat 6 Jan is a day late. A contact decided as
    # an assessment does not need a strategy discussion, so the clock lapses.
    policy = load_policy("barnet", {ONE_DAY: "from_contact"})
    assert late(check(front_door_strategy("2024-01-06", policy=policy), policy), ONE_DAY) == (
        "late", "2024-01-05", {"value": 1, "unit": "days"})
    assert findings(check(front_door_strategy("2024-01-20", "assessment", policy), policy), ONE_DAY) == []


def test_strategy_within_one_day_of_a_decision_to_hold_one():
    # Requested Wed 10 Jan 2024 -> due Thu 11 Jan.
    def history(held):
        return bt_case(("2024-01-10", "strategy_discussion_requested", TM),
                       (held, "strategy_discussion_held", {"outcome": "s47", **TM}))
    assert findings(check(history("2024-01-11"), BARNET), ONE_DAY_REQUEST) == []
    assert late(check(history("2024-01-12"), BARNET), ONE_DAY_REQUEST) == ("late", "2024-01-11", {"value": 1, "unit": "days"})


def seen_after_strategy(seen_at: str, policy=BARNET, strategy: str = "2024-01-09T10:00"):
    return bt_case((strategy, "strategy_discussion_held", {"outcome": "s47", **TM}),
                   (seen_at, "visit", {"seen": True, "seen_alone": True}), policy=policy)


def test_child_seen_within_24_hours_of_the_strategy_discussion():
    # Strategy Tue 9 Jan 2024 10:00 -> due Wed 10 Jan 10:00; 12:00 is 2 hours late.
    assert findings(check(seen_after_strategy("2024-01-10T09:00"), BARNET), SEEN_24H) == []
    assert late(check(seen_after_strategy("2024-01-10T12:00"), BARNET), SEEN_24H) == (
        "late", "2024-01-10T10:00", {"value": 2, "unit": "hours"})


def test_child_seen_by_the_next_day_for_date_only_records():
    # Strategy Tue 9 Jan 2024 -> due Wed 10 Jan; seen Thu 11 Jan is a day late.
    policy = load_policy("barnet", {SEEN_24H: "next_day"})
    assert late(check(seen_after_strategy("2024-01-11", policy, "2024-01-09"), policy), SEEN_24H) == (
        "late", "2024-01-10", {"value": 1, "unit": "days"})


def s47(concluded: str | None = None, *later, policy=BARNET, outcome: str = "icpc"):
    """Strategy Tue 12 Mar 2024, section 47 started Wed 13 Mar."""
    events = [("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}), ("2024-03-13", "s47_started", TM)]
    if concluded:
        events.append((concluded, "s47_concluded", {"outcome": outcome, **TM}))
    return bt_case(*events, *later, policy=policy)


def test_icpc_threshold_decided_within_five_days():
    # Started Wed 13 Mar 2024 + 5 days = Mon 18 Mar; Tue 19 Mar is a day late. Read as working
    # days (14, 15, 18, 19, 20 Mar) it is due Wed 20 Mar.
    assert findings(check(s47("2024-03-18"), BARNET), DECISION_5) == []
    assert late(check(s47("2024-03-19"), BARNET), DECISION_5) == ("late", "2024-03-18", {"value": 1, "unit": "days"})
    policy = load_policy("barnet", {DECISION_5: "five_working_days"})
    assert findings(check(s47("2024-03-20", policy=policy), policy), DECISION_5) == []


def test_icpc_within_15_working_days_of_the_section_47_starting():
    # s47 Wed 13 Mar 2024: 14, 15 (2), 18-22 (7), 25-28 (11), Easter, 2-5 Apr (15) -> Fri 5 Apr.
    # Working Together's clock from the strategy discussion (Tue 12 Mar) ends Thu 4 Apr, so an
    # ICPC on Fri 5 Apr meets Barnet's line 651 but not the statutory rule.
    verdict = check(s47("2024-03-20", ("2024-04-05", "icpc_held", {"outcome": "cp_plan"})), BARNET)
    assert findings(verdict, ICPC) == []
    assert late(verdict, "england.child_protection.icpc_within_15_working_days") == (
        "late", "2024-04-04", {"value": 1, "unit": "working_days"})
    verdict = check(s47("2024-03-20", ("2024-04-08", "icpc_held", {"outcome": "cp_plan"})), BARNET)
    assert late(verdict, ICPC) == ("late", "2024-04-05", {"value": 1, "unit": "working_days"})


def test_icpc_within_15_days_of_the_strategy_discussion_under_line_648():
    # Strategy Tue 12 Mar 2024 + 15 days = Wed 27 Mar; an ICPC on Fri 5 Apr is 9 days late.
    policy = load_policy("barnet", {ICPC: "from_strategy_15_days"})
    verdict = check(s47("2024-03-20", ("2024-04-05", "icpc_held", {"outcome": "cp_plan"}), policy=policy), policy)
    assert late(verdict, ICPC) == ("late", "2024-03-27", {"value": 9, "unit": "days"})


def plan(*later, policy=BARNET):
    """ICPC and plan Thu 4 Apr 2024."""
    return s47("2024-03-20", ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}), ("2024-04-04", "cp_plan_started"),
               *later, policy=policy)


def test_first_core_group_within_10_working_days():
    # ICPC Thu 4 Apr 2024: 5 Apr (1), 8-12 (6), 15-18 (10) -> Thu 18 Apr.
    assert findings(check(plan(("2024-04-18", "core_group_held")), BARNET), FIRST_CORE) == []
    assert late(check(plan(("2024-04-19", "core_group_held")), BARNET), FIRST_CORE) == (
        "late", "2024-04-18", {"value": 1, "unit": "working_days"})


def test_core_groups_every_month():
    # Core group Thu 18 Apr 2024 + 1 month = Sat 18 May; Mon 20 May is 2 days late.
    def history(second):
        return plan(("2024-04-18", "core_group_held"), (second, "core_group_held"))
    assert findings(check(history("2024-05-17"), BARNET), CORE_MONTHLY) == []
    assert late(check(history("2024-05-20"), BARNET), CORE_MONTHLY) == ("gap", "2024-05-18", {"value": 2, "unit": "days"})


def test_cp_visits_every_10_working_days():
    # Plan Thu 4 Apr 2024 -> first visit by Thu 18 Apr (10 working days); Fri 19 Apr is late.
    # Read as "at least monthly" (line 706), it is due Sat 4 May and 19 Apr is in time.
    assert findings(check(plan(("2024-04-18", "visit", {"seen": True})), BARNET), CP_VISITS) == []
    assert late(check(plan(("2024-04-19", "visit", {"seen": True})), BARNET), CP_VISITS) == (
        "gap", "2024-04-18", {"value": 1, "unit": "working_days"})
    policy = load_policy("barnet", {CP_VISITS: "monthly"})
    assert findings(check(plan(("2024-04-19", "visit", {"seen": True}), policy=policy), policy), CP_VISITS) == []


def test_cp_assessment_updated_every_six_months():
    # No assessment on record: six months from the plan, Thu 4 Apr 2024 -> Fri 4 Oct 2024.
    f = only(check(plan(), BARNET, as_of="2024-10-05"), rule=CP_ASSESSMENT)
    assert (f.kind, f.due) == ("missing", "2024-10-04")
    updated = plan(("2024-09-02", "assessment_started"), ("2024-10-04", "assessment_authorised", {"outcome": "other", **TM}))
    assert findings(check(updated, BARNET, as_of="2024-10-05"), CP_ASSESSMENT) == []


def cin(*later):
    return bt_case(("2024-07-01", "cin_plan_started"), *later)


def test_cin_visits_four_weekly():
    # Plan Mon 1 Jul 2024 + 4 weeks = Mon 29 Jul.
    assert findings(check(cin(("2024-07-29", "visit", {"seen": True})), BARNET), CIN_VISITS) == []
    assert late(check(cin(("2024-07-30", "visit", {"seen": True})), BARNET), CIN_VISITS) == (
        "gap", "2024-07-29", {"value": 1, "unit": "days"})


def test_cin_reviews_every_six_weeks():
    # Plan Mon 1 Jul 2024 + 42 days = Mon 12 Aug.
    assert findings(check(cin(("2024-08-12", "cin_plan_reviewed")), BARNET), CIN_REVIEWS) == []
    assert late(check(cin(("2024-08-13", "cin_plan_reviewed")), BARNET), CIN_REVIEWS) == (
        "gap", "2024-08-12", {"value": 1, "unit": "days"})


def test_cin_assessment_updated_every_six_months():
    # Assessment authorised Mon 1 Jul 2024 before the plan; due again Wed 1 Jan 2025.
    history = bt_case(("2024-06-03", "assessment_started"),
                      ("2024-07-01", "assessment_authorised", {"outcome": "cin_plan", **TM}),
                      ("2024-07-08", "cin_plan_started"))
    f = only(check(history, BARNET, as_of="2025-01-02"), rule=CIN_ASSESSMENT)
    assert (f.kind, f.due) == ("missing", "2025-01-01")
