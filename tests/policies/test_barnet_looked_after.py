"""Barnet practice standards (seed 003), second pass: children in care and permanence.

A compliant and a breaching history per rule; every expected date is counted by hand from the
calendar in a comment. Bank holidays in England used here: 2024-03-29 (Good Friday), 2024-04-01
(Easter Monday), 2024-05-06, 2024-05-27, 2024-08-26, 2024-12-25/26, 2025-01-01.
"""

from __future__ import annotations

from conftest import case, check, findings, late

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
B = "barnet."
ICO = {"legal_status": "C1"}
LAC_VISIT = {"purpose": "looked_after", "seen": True}

VISIT_FIRST = B + "looked_after.visit_within_5_working_days_of_first_placement"
VISIT_EACH = B + "looked_after.visit_within_5_working_days_of_each_placement"
FIRST_REVIEW = B + "looked_after.first_review_within_one_month"
SECOND_REVIEW = B + "looked_after.second_review_within_3_months"
REVIEWS_6M = B + "looked_after.reviews_every_6_months"
VISITS_6W = B + "looked_after.visits_six_weekly"
CARE_PLAN_6M = B + "looked_after.care_plan_updated_every_6_months"
PERMANENCE = B + "looked_after.permanence_plan_by_second_review"
BEST_INTEREST = B + "adoption.best_interest_decision_within_6_months"
MATCHED = B + "adoption.matched_within_10_months"
PLACED = B + "adoption.placed_within_14_months"


def lac(start, *later, policy=BARNET):
    return case((start, "looked_after_started", ICO), *later, policy=policy)


def test_visit_within_five_working_days_of_coming_into_care():
    # In care Thu 21 Mar 2024: Fri 22 (1), Mon 25 (2), Tue 26 (3), Wed 27 (4), Thu 28 (5) -> due
    # Thu 28 Mar. Good Friday 29 Mar and Easter Monday 1 Apr are bank holidays, so a visit on Tue
    # 2 Apr is one working day late.
    assert findings(check(lac("2024-03-21", ("2024-03-28", "visit", LAC_VISIT)), BARNET), VISIT_FIRST) == []
    assert late(check(lac("2024-03-21", ("2024-04-02", "visit", LAC_VISIT)), BARNET), VISIT_FIRST) == (
        "late", "2024-03-28", {"value": 1, "unit": "working_days"})


def test_a_visit_where_the_child_is_not_seen_does_not_count():
    # Same clock as above: a visit on Wed 27 Mar where the child is not seen leaves it open.
    history = lac("2024-03-21", ("2024-03-27", "visit", {"purpose": "looked_after", "seen": False}),
                  ("2024-04-02", "visit", LAC_VISIT))
    assert late(check(history, BARNET), VISIT_FIRST) == ("late", "2024-03-28", {"value": 1, "unit": "working_days"})


def test_visit_within_five_working_days_of_each_later_placement():
    # In care Mon 8 Apr 2024, visited Wed 10 Apr. New placement Fri 3 May: Mon 6 May is a bank
    # holiday, so Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5) -> due Mon 13 May; a
    # visit on Tue 14 May is one working day late.
    def history(visited):
        return lac("2024-04-08", ("2024-04-10", "visit", LAC_VISIT), ("2024-05-03", "placement_changed"),
                   (visited, "visit", LAC_VISIT))
    assert findings(check(history("2024-05-13"), BARNET), VISIT_EACH) == []
    assert late(check(history("2024-05-14"), BARNET), VISIT_EACH) == (
        "late", "2024-05-13", {"value": 1, "unit": "working_days"})


def test_first_review_within_one_month():
    # In care Thu 28 Mar 2024 + 1 month = Sun 28 Apr; a review on Mon 29 Apr is a day late.
    # CPPCR's 20 working days (Good Friday and Easter Monday excluded): 2-5 Apr (4), 8-12 (9),
    # 15-19 (14), 22-26 (19), Mon 29 Apr (20), so the same review meets the England rule.
    def history(review):
        return lac("2024-03-28", ("2024-04-02", "care_plan_prepared"), (review, "lac_review_held"))
    assert findings(check(history("2024-04-26"), BARNET), FIRST_REVIEW) == []
    verdict = check(history("2024-04-29"), BARNET)
    assert late(verdict, FIRST_REVIEW) == ("late", "2024-04-28", {"value": 1, "unit": "days"})
    assert findings(verdict, "england.looked_after.first_review_within_20_working_days") == []


def reviewed(*later):
    """In care Thu 28 Mar 2024, care plan Tue 2 Apr, first review Fri 26 Apr."""
    return lac("2024-03-28", ("2024-04-02", "care_plan_prepared"), ("2024-04-26", "lac_review_held"), *later)


def test_second_review_within_three_months_of_the_first():
    # First review Fri 26 Apr 2024 + 3 months = Fri 26 Jul; Mon 29 Jul is 3 days late.
    assert findings(check(reviewed(("2024-07-26", "lac_review_held")), BARNET), SECOND_REVIEW) == []
    assert late(check(reviewed(("2024-07-29", "lac_review_held")), BARNET), SECOND_REVIEW) == (
        "gap", "2024-07-26", {"value": 3, "unit": "days"})


def test_reviews_six_monthly_after_the_second():
    # Second review Fri 26 Jul 2024 + 6 months = Sun 26 Jan 2025; Mon 27 Jan is a day late.
    def history(third):
        return reviewed(("2024-07-26", "lac_review_held"), (third, "lac_review_held"))
    assert findings(check(history("2025-01-24"), BARNET), REVIEWS_6M) == []
    assert late(check(history("2025-01-27"), BARNET), REVIEWS_6M) == ("gap", "2025-01-26", {"value": 1, "unit": "days"})


def test_visits_at_least_six_weekly():
    # In care Mon 8 Jan 2024 + 6 weeks (42 days) = Mon 19 Feb; Tue 20 Feb is a day late.
    assert findings(check(lac("2024-01-08", ("2024-02-19", "visit", LAC_VISIT)), BARNET), VISITS_6W) == []
    assert late(check(lac("2024-01-08", ("2024-02-20", "visit", LAC_VISIT)), BARNET), VISITS_6W) == (
        "gap", "2024-02-19", {"value": 1, "unit": "days"})


def test_care_plan_amended_at_least_six_monthly():
    # In care Mon 8 Jan 2024, care plan Wed 10 Jan. Six months from the care plan is Wed 10 Jul
    # (and from entering care Mon 8 Jul, which the plan of 10 Jan already met); Thu 11 Jul is a
    # day late.
    def history(amended):
        return lac("2024-01-08", ("2024-01-10", "care_plan_prepared"), (amended, "care_plan_prepared"))
    assert findings(check(history("2024-07-10"), BARNET), CARE_PLAN_6M) == []
    assert late(check(history("2024-07-11"), BARNET), CARE_PLAN_6M) == ("gap", "2024-07-10", {"value": 1, "unit": "days"})


def test_permanency_plan_by_four_months():
    # In care Mon 8 Jan 2024 + 4 months = Wed 8 May; Thu 9 May is a day late.
    def history(agreed):
        return lac("2024-01-08", ("2024-01-10", "care_plan_prepared"), (agreed, "permanence_plan_agreed", {"plan": "adoption"}))
    assert findings(check(history("2024-05-08"), BARNET), PERMANENCE) == []
    assert late(check(history("2024-05-09"), BARNET), PERMANENCE) == ("late", "2024-05-08", {"value": 1, "unit": "days"})


def adoption(*later):
    """In care Thu 31 Aug 2023 with a plan for adoption (Fri 8 Dec 2023)."""
    return lac("2023-08-31", ("2023-09-01", "care_plan_prepared"), ("2023-12-08", "permanence_plan_agreed", {"plan": "adoption"}),
               *later)


SHOULD_BE_PLACED = {"decision": "should_be_placed"}


def test_best_interest_decision_within_six_months_of_entering_care():
    # Thu 31 Aug 2023 + 6 months = 31 Feb, clamped to Thu 29 Feb 2024 (a leap year); Fri 1 Mar is a day late.
    assert findings(check(adoption(("2024-02-29", "adoption_decision_made", SHOULD_BE_PLACED)), BARNET), BEST_INTEREST) == []
    assert late(check(adoption(("2024-03-01", "adoption_decision_made", SHOULD_BE_PLACED)), BARNET), BEST_INTEREST) == (
        "late", "2024-02-29", {"value": 1, "unit": "days"})


def test_no_best_interest_decision_is_due_when_the_plan_is_not_adoption():
    history = lac("2023-08-31", ("2023-09-01", "care_plan_prepared"),
                  ("2023-12-08", "permanence_plan_agreed", {"plan": "long_term_foster_care"}))
    verdict = check(history, BARNET, as_of="2025-01-31")
    assert [findings(verdict, r) for r in (BEST_INTEREST, MATCHED, PLACED)] == [[], [], []]


def matched(at):
    return adoption(("2024-02-01", "adoption_decision_made", SHOULD_BE_PLACED),
                    ("2024-04-10", "placement_authorised", {"basis": "placement_order"}),
                    (at, "adoption_decision_made", {"decision": "match"}))


def test_matched_within_ten_months_of_entering_care():
    # Thu 31 Aug 2023 + 10 months = 31 Jun, clamped to Sun 30 Jun 2024; Mon 1 Jul is a day late.
    assert findings(check(matched("2024-06-30"), BARNET), MATCHED) == []
    assert late(check(matched("2024-07-01"), BARNET), MATCHED) == ("late", "2024-06-30", {"value": 1, "unit": "days"})


def test_placed_within_fourteen_months_of_entering_care():
    # Thu 31 Aug 2023 + 14 months = Thu 31 Oct 2024; placed Fri 1 Nov is a day late.
    def history(placed):
        return adoption(("2024-02-01", "adoption_decision_made", SHOULD_BE_PLACED),
                        ("2024-04-10", "placement_authorised", {"basis": "placement_order"}),
                        ("2024-06-28", "adoption_decision_made", {"decision": "match"}),
                        (placed, "placed_for_adoption", {"authority": "placement_order"}))
    assert findings(check(history("2024-10-31"), BARNET), PLACED) == []
    assert late(check(history("2024-11-01"), BARNET), PLACED) == ("late", "2024-10-31", {"value": 1, "unit": "days"})


def test_visits_after_the_first_year_under_the_statutory_reading():
    # In care Mon 8 Jan 2024, visited every 42 days: 19 Feb, 1 Apr, 13 May, 24 Jun, 5 Aug, 16 Sep,
    # 28 Oct, 9 Dec 2024, 20 Jan 2025. Six-weekly (chosen) the next is due Mon 3 Mar 2025 and
    # Mon 14 Apr is 42 days late; read as statutory after the first year (from Wed 8 Jan 2025),
    # the visit of 20 Jan 2025 makes the next due three months later, Sun 20 Apr, in time.
    visits = ["2024-02-19", "2024-04-01", "2024-05-13", "2024-06-24", "2024-08-05", "2024-09-16", "2024-10-28",
              "2024-12-09", "2025-01-20", "2025-04-14"]

    def history(policy):
        return lac("2024-01-08", *[(v, "visit", LAC_VISIT) for v in visits], policy=policy)
    assert late(check(history(BARNET), BARNET), VISITS_6W) == ("gap", "2025-03-03", {"value": 42, "unit": "days"})
    policy = load_policy("barnet", {VISITS_6W: "statutory_after_first_year"})
    assert findings(check(history(policy), policy), VISITS_6W) == []
