"""Surrey practice standards (seed 000), looked after children: a compliant and a breaching history
per rule encoded in journey/policies/surrey/looked_after.yaml.

Every expected date is counted by hand in a comment. Bank holidays in England: 2024 - 1 Jan, 29 Mar,
1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec; 2025 - 1 Jan, 18 and 21 Apr, 5 and 26 May, 25 Aug.
"""

from __future__ import annotations

from conftest import case, check, findings, late

from journey.spec.load import load_policy

SURREY = load_policy("surrey")
S = "surrey.looked_after."
VISIT = {"purpose": "looked_after", "seen": True}
OLDER = {"date_of_birth": "2015-03-10"}     # aged 9 in July 2024
UNDER_5 = {"date_of_birth": "2022-01-15"}   # aged 2 in July 2024

# The period of care starts on Mon 1 Jul 2024 (no bank holiday in July). Working days from it:
# 2-5 Jul (4), Mon 8 Jul (5); 9-12 Jul (9), Mon 15 Jul (10); 16-19 Jul (14), 22-26 Jul (19),
# Mon 29 Jul (20).
STARTED = ("2024-07-01", "looked_after_started", {"legal_status": "C1"})
PLANNED = ("2024-07-01", "care_plan_prepared")


def lac(*events, child=None, policy=SURREY):
    return case(STARTED, *events, child=child, policy=policy)


def test_independent_chair_allocated_within_5_working_days():
    rule = S + "independent_chair_within_5_working_days"
    # Started Mon 1 Jul 2024 -> 5th working day Mon 8 Jul.
    assert findings(check(lac(PLANNED, ("2024-07-08", "iro_appointed")), SURREY), rule) == []
    assert late(check(lac(PLANNED, ("2024-07-09", "iro_appointed")), SURREY), rule) == (
        "late", "2024-07-08", {"value": 1, "unit": "working_days"})


def test_first_review_within_20_working_days():
    rule = S + "first_review_within_20_working_days"
    # Started Mon 1 Jul 2024 -> 20th working day Mon 29 Jul.
    assert findings(check(lac(PLANNED, ("2024-07-29", "lac_review_held")), SURREY), rule) == []
    assert late(check(lac(PLANNED, ("2024-07-30", "lac_review_held")), SURREY), rule) == (
        "late", "2024-07-29", {"value": 1, "unit": "working_days"})


def test_second_review_three_months_after_the_first():
    rule = S + "second_review_within_3_months"
    # First review Mon 29 Jul 2024 + 3 months = Tue 29 Oct 2024.
    first = ("2024-07-29", "lac_review_held")
    assert findings(check(lac(PLANNED, first, ("2024-10-29", "lac_review_held")), SURREY), rule) == []
    assert late(check(lac(PLANNED, first, ("2024-10-30", "lac_review_held")), SURREY), rule) == (
        "gap", "2024-10-29", {"value": 1, "unit": "days"})


def test_later_reviews_every_six_months():
    rule = S + "reviews_every_6_months"
    # Second review Tue 29 Oct 2024 + 6 months = Tue 29 Apr 2025.
    reviews = (("2024-07-29", "lac_review_held"), ("2024-10-29", "lac_review_held"))
    assert findings(check(lac(PLANNED, *reviews, ("2025-04-29", "lac_review_held")), SURREY), rule) == []
    assert late(check(lac(PLANNED, *reviews, ("2025-04-30", "lac_review_held")), SURREY), rule) == (
        "gap", "2025-04-29", {"value": 1, "unit": "days"})


def moved(reason: str, *later):
    return lac(PLANNED, ("2024-07-29", "lac_review_held"),
               ("2024-09-02", "placement_changed", {"placement_type": "U3", "reason": reason}), *later)


def test_review_within_four_weeks_of_an_unplanned_move():
    rule = S + "review_within_4_weeks_of_unplanned_move"
    # Unplanned move (carer's request) Mon 2 Sep 2024 + 28 days = Mon 30 Sep.
    assert findings(check(moved("CREQB", ("2024-09-30", "lac_review_held")), SURREY), rule) == []
    assert late(check(moved("CREQB", ("2024-10-01", "lac_review_held")), SURREY), rule) == (
        "late", "2024-09-30", {"value": 1, "unit": "days"})
    # A move for the care plan is planned: no early review is due.
    assert findings(check(moved("CARPL", ("2024-10-29", "lac_review_held")), SURREY), rule) == []


def test_initial_care_plan_within_10_working_days_or_before_placement():
    rule = S + "care_plan_within_10_working_days"
    # Started Mon 1 Jul 2024 -> 10th working day Mon 15 Jul.
    assert findings(check(lac(("2024-07-15", "care_plan_prepared")), SURREY), rule) == []
    assert late(check(lac(("2024-07-16", "care_plan_prepared")), SURREY), rule) == (
        "gap", "2024-07-15", {"value": 1, "unit": "working_days"})
    before = case(("2024-06-28", "care_plan_prepared"), STARTED, ("2024-07-29", "lac_review_held"), policy=SURREY)
    assert findings(check(before, SURREY), rule) == []


def test_care_plan_updated_within_10_working_days_of_a_review():
    rule = S + "care_plan_updated_within_10_working_days_of_review"
    # Review Mon 29 Jul 2024: 30 Jul-2 Aug (4), 5-9 Aug (9), Mon 12 Aug (10).
    review = ("2024-07-29", "lac_review_held")
    assert findings(check(lac(PLANNED, review, ("2024-08-12", "care_plan_prepared")), SURREY), rule) == []
    assert late(check(lac(PLANNED, review, ("2024-08-13", "care_plan_prepared")), SURREY), rule) == (
        "late", "2024-08-12", {"value": 1, "unit": "working_days"})
    # From the outcomes being recorded (up to 5 working days later): 15 working days from the
    # review, 13-16 Aug (14), Mon 19 Aug (15).
    policy = load_policy("surrey", {rule: "from_outcomes_recorded"})
    assert findings(check(lac(PLANNED, review, ("2024-08-19", "care_plan_prepared"), policy=policy), policy), rule) == []
    assert late(check(lac(PLANNED, review, ("2024-08-20", "care_plan_prepared"), policy=policy), policy), rule) == (
        "late", "2024-08-19", {"value": 1, "unit": "working_days"})


def test_initial_health_assessment_before_the_first_review():
    rule = S + "initial_health_assessment_before_first_review"
    # Started Mon 1 Jul 2024 -> 20th working day Mon 29 Jul.
    iha = "health_assessment_completed"
    assert findings(check(lac(PLANNED, ("2024-07-29", iha, {"assessment": "initial"})), SURREY), rule) == []
    assert late(check(lac(PLANNED, ("2024-07-30", iha, {"assessment": "initial"})), SURREY), rule) == (
        "late", "2024-07-29", {"value": 1, "unit": "working_days"})


def test_health_reviews_six_monthly_under_five():
    rule = S + "health_reviews"
    # IHA Mon 29 Jul 2024 (child aged 2) + 6 months = Wed 29 Jan 2025.
    def history(review):
        return lac(PLANNED, ("2024-07-29", "health_assessment_completed", {"assessment": "initial"}),
                   (review, "health_assessment_completed", {"assessment": "review"}), child=UNDER_5)
    assert findings(check(history("2025-01-29"), SURREY), rule) == []
    assert late(check(history("2025-01-30"), SURREY), rule) == ("gap", "2025-01-29", {"value": 1, "unit": "days"})


def test_health_reviews_yearly_from_five():
    rule = S + "health_reviews"
    # IHA Mon 29 Jul 2024 (child aged 9) + 12 months = Tue 29 Jul 2025.
    def history(review):
        return lac(PLANNED, ("2024-07-29", "health_assessment_completed", {"assessment": "initial"}),
                   (review, "health_assessment_completed", {"assessment": "review"}), child=OLDER)
    assert findings(check(history("2025-07-29"), SURREY), rule) == []
    assert late(check(history("2025-07-30"), SURREY), rule) == ("gap", "2025-07-29", {"value": 1, "unit": "days"})


def test_pep_within_10_working_days_for_a_school_age_child():
    rule = S + "pep_within_10_working_days"
    # Started Mon 1 Jul 2024, child aged 9 -> 10th working day Mon 15 Jul.
    assert findings(check(lac(PLANNED, ("2024-07-15", "pep_completed"), child=OLDER), SURREY), rule) == []
    assert late(check(lac(PLANNED, ("2024-07-16", "pep_completed"), child=OLDER), SURREY), rule) == (
        "late", "2024-07-15", {"value": 1, "unit": "working_days"})
    # A child aged 2 needs no PEP yet.
    assert findings(check(lac(PLANNED, child=UNDER_5), SURREY, as_of="2024-12-31"), rule) == []


def test_visit_within_a_week_of_any_new_home():
    rule = S + "visit_within_1_week_of_each_new_home"
    # New home Mon 2 Sep 2024 + 7 days = Mon 9 Sep.
    assert findings(check(moved("CARPL", ("2024-09-09", "visit", VISIT)), SURREY), rule) == []
    assert late(check(moved("CARPL", ("2024-09-10", "visit", VISIT)), SURREY), rule) == (
        "late", "2024-09-09", {"value": 1, "unit": "days"})


# Visits six weeks (42 days) apart from Mon 8 Jul 2024: 19 Aug, 30 Sep, 11 Nov, 23 Dec,
# 3 Feb 2025 (2025 is not a leap year), 17 Mar, 28 Apr, 9 Jun, 21 Jul; the next is due Mon 1 Sep 2025
# (21 Jul + 10 = 31 Jul, + 31 = 31 Aug, + 1).
SIX_WEEKLY = ["2024-07-08", "2024-08-19", "2024-09-30", "2024-11-11", "2024-12-23", "2025-02-03",
              "2025-03-17", "2025-04-28", "2025-06-09", "2025-07-21"]


def test_looked_after_visits_within_a_week_then_six_weekly():
    rule = S + "visits_every_6_weeks"
    # Started Mon 1 Jul 2024 + 7 days = Mon 8 Jul.
    assert findings(check(lac(PLANNED, ("2024-07-08", "visit", VISIT)), SURREY), rule) == []
    assert late(check(lac(PLANNED, ("2024-07-09", "visit", VISIT)), SURREY), rule) == (
        "gap", "2024-07-08", {"value": 1, "unit": "days"})


def test_looked_after_visits_stay_six_weekly_after_the_first_year():
    rule = S + "visits_every_6_weeks"
    visits = [(d, "visit", VISIT) for d in SIX_WEEKLY]
    assert findings(check(lac(PLANNED, *visits, ("2025-09-01", "visit", VISIT)), SURREY), rule) == []
    verdict = check(lac(PLANNED, *visits, ("2025-09-02", "visit", VISIT)), SURREY)
    assert late(verdict, rule) == ("gap", "2025-09-01", {"value": 1, "unit": "days"})
    # Nationally three months are allowed after the first year: no statutory breach.
    assert findings(verdict, "england.looked_after.visits") == []


def test_permanence_plan_by_the_second_review():
    rule = S + "permanence_plan_by_second_review"
    # Started Mon 1 Jul 2024 + 4 months = Fri 1 Nov 2024; Mon 4 Nov is 3 days late.
    agreed = "permanence_plan_agreed"
    assert findings(check(lac(PLANNED, ("2024-11-01", agreed, {"plan": "return_home"})), SURREY), rule) == []
    assert late(check(lac(PLANNED, ("2024-11-04", agreed, {"plan": "return_home"})), SURREY), rule) == (
        "late", "2024-11-01", {"value": 3, "unit": "days"})


def test_long_term_home_visits_26_weekly_after_the_first_year_reading():
    rule = S + "visits_every_6_weeks"
    policy = load_policy("surrey", {rule: "long_term_home_26_weeks"})
    # The first year runs from Mon 1 Jul 2024 to Tue 1 Jul 2025; the visit of Mon 21 Jul 2025 falls
    # after it, so the next is due 26 weeks (182 days) later: 10 to 31 Jul, 31 Aug (41), 30 Sep (71),
    # 31 Oct (102), 30 Nov (132), 31 Dec (163), 19 more -> Mon 19 Jan 2026.
    visits = [(d, "visit", VISIT) for d in SIX_WEEKLY]
    ok = lac(PLANNED, *visits, ("2026-01-19", "visit", VISIT), policy=policy)
    assert findings(check(ok, policy), rule) == []
    overdue = lac(PLANNED, *visits, ("2026-01-20", "visit", VISIT), policy=policy)
    assert late(check(overdue, policy), rule) == ("gap", "2026-01-19", {"value": 1, "unit": "days"})


def test_every_move_needs_a_review_within_four_weeks_reading():
    rule = S + "review_within_4_weeks_of_unplanned_move"
    policy = load_policy("surrey", {rule: "every_move"})
    # A planned move (CARPL) Mon 2 Sep 2024 + 28 days = Mon 30 Sep; a review on Tue 1 Oct is a day late.
    def history(review):
        return lac(PLANNED, ("2024-07-29", "lac_review_held"),
                   ("2024-09-02", "placement_changed", {"placement_type": "U3", "reason": "CARPL"}),
                   (review, "lac_review_held"), policy=policy)
    assert findings(check(history("2024-09-30"), policy), rule) == []
    assert late(check(history("2024-10-01"), policy), rule) == ("late", "2024-09-30", {"value": 1, "unit": "days"})
