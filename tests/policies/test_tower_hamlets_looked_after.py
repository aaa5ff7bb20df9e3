"""Tower Hamlets (seed 004), second pass: looked-after children and connected-person placements.

A compliant and a breaching history per rule; every expected date is counted by hand in a comment.
2024 bank holidays in England: 1 Jan, 29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May,
26 Aug, 25 and 26 Dec; 2025: 1 Jan. 3 June 2024 is a Monday.
"""

from __future__ import annotations

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

TH = load_policy("tower_hamlets")
P = "tower_hamlets.looked_after."
LAC = {"purpose": "looked_after", "seen": True}


def lac(start: str, *later, status: str = "V2", placement: str | None = None, policy=TH, child=None):
    fields = {"legal_status": status, **({"placement_type": placement} if placement else {})}
    return case((start, "looked_after_started", fields), *later, policy=policy, child=child)


# --- visits ---------------------------------------------------------------------------------------------

VISIT_3WD = P + "visit_within_3_working_days_of_coming_into_care"
VISIT_MOVE = P + "visit_within_3_working_days_of_placement_change"
VISITS_6W = P + "visits_every_6_weeks"
CARE_ORDER_HOME = "tower_hamlets.placement.care_order_at_home_visited_within_1_week_then_weekly_until_first_review"


def test_visit_within_three_working_days_of_coming_into_care():
    # In care Fri 24 May 2024: Mon 27 May is a bank holiday; Tue 28 (1), Wed 29 (2), Thu 30 (3).
    assert findings(check(lac("2024-05-24", ("2024-05-30", "visit", LAC)), TH), VISIT_3WD) == []
    assert late(check(lac("2024-05-24", ("2024-05-31", "visit", LAC)), TH), VISIT_3WD) == (
        "late", "2024-05-30", {"value": 1, "unit": "working_days"})


def test_visit_within_one_week_under_the_checklist():
    # In care Fri 24 May 2024 + 1 week = Fri 31 May; a visit on Mon 3 Jun is 3 days late.
    policy = load_policy("tower_hamlets", {VISIT_3WD: "one_week"})
    assert findings(check(lac("2024-05-24", ("2024-05-31", "visit", LAC), policy=policy), policy), VISIT_3WD) == []
    assert late(check(lac("2024-05-24", ("2024-06-03", "visit", LAC), policy=policy), policy), VISIT_3WD) == (
        "late", "2024-05-31", {"value": 3, "unit": "days"})


def test_visit_within_three_working_days_of_a_placement_change():
    # New placement Wed 26 Jun 2024: Thu 27 (1), Fri 28 (2), Mon 1 Jul (3).
    def history(visit):
        return lac("2024-06-03", ("2024-06-04", "visit", LAC), ("2024-06-26", "placement_changed"),
                   (visit, "visit", LAC))
    assert findings(check(history("2024-07-01"), TH), VISIT_MOVE) == []
    assert late(check(history("2024-07-02"), TH), VISIT_MOVE) == ("late", "2024-07-01", {"value": 1, "unit": "working_days"})


def test_visits_every_six_weeks():
    # Visit Tue 4 Jun 2024 + 42 days = Tue 16 Jul.
    def history(second, policy=TH):
        return lac("2024-06-03", ("2024-06-04", "visit", LAC), (second, "visit", LAC), policy=policy)
    assert findings(check(history("2024-07-16"), TH), VISITS_6W) == []
    assert late(check(history("2024-07-17"), TH), VISITS_6W) == ("gap", "2024-07-16", {"value": 1, "unit": "days"})


def test_three_monthly_visits_when_a_long_term_placement_is_ratified():
    # Visit Tue 4 Jun 2024 + 3 months = Wed 4 Sep.
    policy = load_policy("tower_hamlets", {VISITS_6W: "long_term_ratified"})

    def history(second):
        return lac("2024-06-03", ("2024-06-04", "visit", LAC), (second, "visit", LAC), policy=policy)
    assert findings(check(history("2024-09-04"), policy), VISITS_6W) == []
    assert late(check(history("2024-09-05"), policy), VISITS_6W) == ("gap", "2024-09-04", {"value": 1, "unit": "days"})


def test_care_order_placed_with_parents_first_visit_within_one_week():
    # Care order (C2), placed with parents (P1) Mon 3 Jun 2024 + 1 week = Mon 10 Jun.
    def history(visit):
        return lac("2024-06-03", (visit, "visit", LAC), status="C2", placement="P1")
    assert findings(check(history("2024-06-10"), TH), CARE_ORDER_HOME) == []
    f = only(check(history("2024-06-11"), TH), rule=CARE_ORDER_HOME)
    assert (f.due, f.late_by.to_dict()) == ("2024-06-10", {"value": 1, "unit": "days"})
    # Not placed with parents (foster care, U3): the rule does not apply.
    assert findings(check(lac("2024-06-03", ("2024-06-11", "visit", LAC), status="C2", placement="U3"), TH),
                    CARE_ORDER_HOME) == []


# --- care plan, placement plan, IRO and reviews ------------------------------------------------------------

CARE_PLAN = P + "care_plan_within_10_working_days"
REVIEW_28 = P + "care_plan_reviewed_within_28_days"
REVIEW_20WD = P + "first_review_within_20_working_days"
PLACEMENT_MEETING = P + "placement_meeting_within_5_working_days"
IRO = P + "iro_allocated_within_5_days"


def test_outline_care_plan_within_ten_working_days():
    # In care Mon 3 Jun 2024: 4-7 Jun (4), 10-14 (9), Mon 17 Jun (10).
    assert findings(check(lac("2024-06-03", ("2024-06-17", "care_plan_prepared")), TH), CARE_PLAN) == []
    assert late(check(lac("2024-06-03", ("2024-06-18", "care_plan_prepared")), TH), CARE_PLAN) == (
        "gap", "2024-06-17", {"value": 1, "unit": "working_days"})


def test_care_plan_within_ten_calendar_days_under_the_checklist():
    # Mon 3 Jun 2024 + 10 days = Thu 13 Jun.
    policy = load_policy("tower_hamlets", {CARE_PLAN: "calendar_days"})
    assert findings(check(lac("2024-06-03", ("2024-06-13", "care_plan_prepared"), policy=policy), policy),
                    CARE_PLAN) == []
    assert late(check(lac("2024-06-03", ("2024-06-14", "care_plan_prepared"), policy=policy), policy), CARE_PLAN) == (
        "gap", "2024-06-13", {"value": 1, "unit": "days"})


def test_care_plan_prepared_before_the_placement_meets_the_rule():
    history = case(("2024-05-31", "care_plan_prepared"), ("2024-06-03", "looked_after_started", {"legal_status": "V2"}),
                   policy=TH)
    assert findings(check(history, TH, as_of="2024-07-01"), CARE_PLAN) == []


def review_history(review):
    # In care Fri 15 Mar 2024, care plan the same day.
    return lac("2024-03-15", ("2024-03-15", "care_plan_prepared"), (review, "lac_review_held"))


def test_care_plan_reviewed_within_28_days():
    # Fri 15 Mar 2024 + 28 days = Fri 12 Apr; a review on Tue 16 Apr is 4 days late.
    assert findings(check(review_history("2024-04-12"), TH), REVIEW_28) == []
    assert late(check(review_history("2024-04-16"), TH), REVIEW_28) == ("late", "2024-04-12", {"value": 4, "unit": "days"})


def test_first_review_within_20_working_days():
    # Fri 15 Mar 2024: 18-22 Mar (5), 25-28 (9), Good Friday 29 Mar and Easter Monday 1 Apr are
    # holidays, 2-5 Apr (13), 8-12 (18), Mon 15 (19), Tue 16 Apr (20).
    assert findings(check(review_history("2024-04-16"), TH), REVIEW_20WD) == []
    assert late(check(review_history("2024-04-17"), TH), REVIEW_20WD) == (
        "late", "2024-04-16", {"value": 1, "unit": "working_days"})


def test_placement_meeting_within_five_working_days():
    # In care Fri 24 May 2024: Mon 27 May holiday; 28 (1), 29, 30, 31 (4), Mon 3 Jun (5).
    assert findings(check(lac("2024-05-24", ("2024-06-03", "placement_plan_prepared")), TH), PLACEMENT_MEETING) == []
    assert late(check(lac("2024-05-24", ("2024-06-04", "placement_plan_prepared")), TH), PLACEMENT_MEETING) == (
        "late", "2024-06-03", {"value": 1, "unit": "working_days"})


def test_iro_allocated_within_five_working_days():
    # As above: Fri 24 May 2024 -> Mon 3 Jun.
    assert findings(check(lac("2024-05-24", ("2024-06-03", "iro_appointed")), TH), IRO) == []
    assert late(check(lac("2024-05-24", ("2024-06-04", "iro_appointed")), TH), IRO) == (
        "late", "2024-06-03", {"value": 1, "unit": "working_days"})


def test_iro_allocated_within_five_calendar_days():
    # Fri 24 May 2024 + 5 days = Wed 29 May; Thu 30 May is a day late.
    policy = load_policy("tower_hamlets", {IRO: "calendar_days"})
    assert findings(check(lac("2024-05-24", ("2024-05-29", "iro_appointed"), policy=policy), policy), IRO) == []
    assert late(check(lac("2024-05-24", ("2024-05-30", "iro_appointed"), policy=policy), policy), IRO) == (
        "late", "2024-05-29", {"value": 1, "unit": "days"})


# --- health, education, assessment and legal planning ------------------------------------------------------

IHA = P + "initial_health_assessment_within_20_working_days"
PEP = P + "pep_within_20_working_days"
ASSESSMENT = P + "assessment_updated_every_12_months"
S20_LPM = P + "s20_legal_planning_within_12_weeks"


def test_initial_health_assessment_within_20_working_days():
    # Mon 3 Jun 2024: 4-7 Jun (4), 10-14 (9), 17-21 (14), 24-28 (19), Mon 1 Jul (20).
    def history(at):
        return lac("2024-06-03", (at, "health_assessment_completed", {"assessment": "initial"}))
    assert findings(check(history("2024-07-01"), TH), IHA) == []
    assert late(check(history("2024-07-02"), TH), IHA) == ("late", "2024-07-01", {"value": 1, "unit": "working_days"})


def test_pep_within_20_working_days_for_a_school_age_child():
    # Aged 9, in care Mon 3 Jun 2024 -> 20 working days is Mon 1 Jul (as above).
    child = {"date_of_birth": "2015-01-10"}
    assert findings(check(lac("2024-06-03", ("2024-07-01", "pep_completed"), child=child), TH), PEP) == []
    assert late(check(lac("2024-06-03", ("2024-07-02", "pep_completed"), child=child), TH), PEP) == (
        "late", "2024-07-01", {"value": 1, "unit": "working_days"})


def test_assessment_updated_every_twelve_months_while_looked_after():
    # Assessment authorised Mon 3 Jun 2024, in care the same day: due again Tue 3 Jun 2025.
    def history(*later):
        return case(("2024-05-01", "assessment_started"),
                    ("2024-06-03", "assessment_authorised", {"outcome": "looked_after", "by": "team_manager"}),
                    ("2024-06-03", "looked_after_started", {"legal_status": "V2"}), *later, policy=TH)
    updated = history(("2025-05-01", "assessment_started"),
                      ("2025-06-03", "assessment_authorised", {"outcome": "other", "by": "team_manager"}))
    assert findings(check(updated, TH, as_of="2025-06-04"), ASSESSMENT) == []
    f = only(check(history(), TH, as_of="2025-06-04"), rule=ASSESSMENT)
    assert (f.kind, f.due) == ("missing", "2025-06-03")


def test_section_20_children_at_a_legal_planning_meeting_by_12_weeks():
    # Accommodated under s20 Mon 3 Jun 2024 + 12 weeks = Mon 26 Aug (a bank holiday, but this is
    # a calendar rule); a meeting on Tue 27 Aug is a day late.
    def history(at):
        return lac("2024-06-03", (at, "legal_planning_meeting_held", {"outcome": "pre_proceedings"}))
    assert findings(check(history("2024-08-26"), TH), S20_LPM) == []
    assert late(check(history("2024-08-27"), TH), S20_LPM) == ("late", "2024-08-26", {"value": 1, "unit": "days"})
    # An interim care order on Thu 1 Aug replaces s20: nothing is then due.
    ico = lac("2024-06-03", ("2024-08-01", "legal_status_changed", {"legal_status": "C1"}))
    assert findings(check(ico, TH, as_of="2024-09-30"), S20_LPM) == []


# --- connected-person (regulation 24) placements -----------------------------------------------------------

REG24 = "tower_hamlets.fostering.connected_person_visits_weekly_then_4_weekly"


def reg24(*later):
    # Temporarily approved and placed Mon 3 Jun 2024.
    return case(("2024-06-03", "connected_person_approved"),
                ("2024-06-03", "looked_after_started", {"legal_status": "V2", "placement_type": "U1"}),
                *later, policy=TH)


def test_connected_person_placements_visited_weekly_at_first():
    # Approved Mon 3 Jun 2024: first visit by Mon 10 Jun, then Mon 17 Jun; Tue 18 Jun is a day late.
    assert findings(check(reg24(("2024-06-10", "visit", LAC), ("2024-06-17", "visit", LAC)), TH), REG24) == []
    assert late(check(reg24(("2024-06-10", "visit", LAC), ("2024-06-18", "visit", LAC)), TH), REG24) == (
        "gap", "2024-06-17", {"value": 1, "unit": "days"})


def test_connected_person_placements_visited_four_weekly_after_the_first_review():
    # Weekly visits Mon 10, 17, 24 Jun and 1 Jul 2024; the first CLA review on Thu 27 Jun switches
    # the interval to four weeks for the next one: Mon 1 Jul + 28 days = Mon 29 Jul.
    def history(last):
        return reg24(("2024-06-10", "visit", LAC), ("2024-06-17", "visit", LAC), ("2024-06-24", "visit", LAC),
                     ("2024-06-27", "lac_review_held"), ("2024-07-01", "visit", LAC), (last, "visit", LAC))
    assert findings(check(history("2024-07-29"), TH), REG24) == []
    assert late(check(history("2024-07-30"), TH), REG24) == ("gap", "2024-07-29", {"value": 1, "unit": "days"})


def test_a_looked_after_visit_without_seeing_the_child_does_not_count():
    # Visit Tue 4 Jun 2024 + 42 days = Tue 16 Jul; an unseen visit on Mon 15 Jul does not count,
    # so a seen visit on Wed 17 Jul is a day late.
    history = lac("2024-06-03", ("2024-06-04", "visit", LAC), ("2024-07-15", "visit", {**LAC, "seen": False}),
                  ("2024-07-17", "visit", LAC))
    assert late(check(history, TH), VISITS_6W) == ("gap", "2024-07-16", {"value": 1, "unit": "days"})
