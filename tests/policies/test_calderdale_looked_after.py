"""Calderdale practice standards (seed 001), children looked after: a compliant and a breaching
history per encoded rule.

Every expected date is counted by hand in a comment (never with journey's calendar). 2024 bank
holidays in England: 1 Jan, 29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May, 27 May, 26 Aug,
25 and 26 Dec; 2025: 1 Jan.

Most histories start on Thu 21 Mar 2024 (day 0). Working days from it: Fri 22 Mar (1), Mon 25 (2),
Tue 26 (3), Wed 27 (4), Thu 28 (5); Fri 29 Mar and Mon 1 Apr are bank holidays; Tue 2 Apr (6),
Wed 3 (7), Thu 4 (8), Fri 5 (9), Mon 8 (10), Tue 9 (11), Wed 10 (12), Thu 11 (13), Fri 12 (14),
Mon 15 (15), Tue 16 (16), Wed 17 (17), Thu 18 (18), Fri 19 (19), Mon 22 Apr (20).
"""

from __future__ import annotations

from conftest import case, check, days, findings, late, wd

from journey.spec.load import load_policy

CAL = load_policy("calderdale")
K = "calderdale.looked_after."
START = "2024-03-21"
VISIT = {"purpose": "looked_after", "seen": True}

CARE_PLAN = K + "care_plan_within_10_working_days"
IRO = K + "iro_allocated_within_5_working_days"
FIRST_REVIEW = K + "first_review_within_20_working_days"
SECOND_REVIEW = K + "second_review_within_3_months"
REVIEWS = K + "reviews_every_6_months"
HEALTH = K + "initial_health_assessment_within_20_working_days"
HEALTH_REVIEWS = K + "health_assessment_reviews"
PEP = K + "pep_within_20_working_days"
PEP_REVIEWS = K + "pep_reviewed_6_monthly"
PERMANENCE = K + "permanence_plan_by_four_month_review"
VISITS = K + "visits"
PLACEMENT_VISIT = K + "visit_within_5_working_days_of_each_placement"
LONG_TERM_VISIT = K + "long_term_foster_visit_within_1_week"
ADOPTION_VISITS = K + "adoption_visits"


def lac(*later, child=None, policy=CAL):
    return case((START, "looked_after_started", {"legal_status": "V2", "placement_type": "U3"}), *later,
                child=child, policy=policy)


def planned(*later, **kw):
    """Looked after with a care plan from the first day (state awaiting_first_review)."""
    return lac((START, "care_plan_prepared"), *later, **kw)


def visit(at):
    return at, "visit", VISIT


def test_care_plan_within_10_working_days():
    # 10th working day after Thu 21 Mar 2024 is Mon 8 Apr (see the module docstring).
    assert findings(check(lac(("2024-04-08", "care_plan_prepared")), CAL), CARE_PLAN) == []
    # A recurring rule's late first event is a `gap`.
    assert late(check(lac(("2024-04-09", "care_plan_prepared")), CAL), CARE_PLAN) == ("gap", "2024-04-08", wd(1))


def test_named_iro_within_5_working_days():
    # 5th working day after Thu 21 Mar 2024 is Thu 28 Mar; Tue 2 Apr is the next working day
    # (Good Friday and Easter Monday between), one working day late.
    assert findings(check(lac(("2024-03-28", "iro_appointed")), CAL), IRO) == []
    assert late(check(lac(("2024-04-02", "iro_appointed")), CAL), IRO) == ("late", "2024-03-28", wd(1))


def test_first_review_within_20_working_days():
    # 20th working day after Thu 21 Mar 2024 is Mon 22 Apr.
    assert findings(check(planned(("2024-04-22", "lac_review_held")), CAL), FIRST_REVIEW) == []
    assert late(check(planned(("2024-04-23", "lac_review_held")), CAL), FIRST_REVIEW) == ("late", "2024-04-22", wd(1))


def test_second_review_within_3_months_then_six_monthly():
    # First review Mon 22 Apr 2024 + 3 months = Mon 22 Jul 2024; + 6 months = Wed 22 Jan 2025.
    ok = planned(("2024-04-22", "lac_review_held"), ("2024-07-22", "lac_review_held"), ("2025-01-22", "lac_review_held"))
    verdict = check(ok, CAL)
    assert findings(verdict, SECOND_REVIEW) == [] and findings(verdict, REVIEWS) == []
    # Second review Tue 23 Jul 2024: a day late. From it + 6 months = Thu 23 Jan 2025; Sat 25 Jan
    # is two days late.
    verdict = check(planned(("2024-04-22", "lac_review_held"), ("2024-07-23", "lac_review_held"),
                            ("2025-01-25", "lac_review_held")), CAL)
    assert late(verdict, SECOND_REVIEW) == ("gap", "2024-07-22", days(1))
    assert late(verdict, REVIEWS) == ("gap", "2025-01-23", days(2))


def test_health_assessment_within_20_working_days():
    # 20th working day after Thu 21 Mar 2024 is Mon 22 Apr.
    assert findings(check(lac(("2024-04-22", "health_assessment_completed", {"assessment": "initial"})), CAL), HEALTH) == []
    assert late(check(lac(("2024-04-23", "health_assessment_completed", {"assessment": "initial"})), CAL), HEALTH) == (
        "late", "2024-04-22", wd(1))


def health(*dates, dob):
    return lac(*[(d, "health_assessment_completed") for d in dates], child={"date_of_birth": dob})


def test_health_assessments_six_monthly_under_five_annual_from_five():
    # Under five (born 15 Jun 2020): Mon 22 Apr 2024 + 6 months = Tue 22 Oct 2024; Thu 24 Oct is
    # two days late.
    assert findings(check(health("2024-04-22", "2024-10-22", dob="2020-06-15"), CAL), HEALTH_REVIEWS) == []
    assert late(check(health("2024-04-22", "2024-10-24", dob="2020-06-15"), CAL), HEALTH_REVIEWS) == (
        "gap", "2024-10-22", days(2))
    # Nine years old (born 1 Jan 2015): Mon 22 Apr 2024 + 12 months = Tue 22 Apr 2025; Wed 23 Apr
    # is a day late.
    assert findings(check(health("2024-04-22", "2025-04-22", dob="2015-01-01"), CAL), HEALTH_REVIEWS) == []
    assert late(check(health("2024-04-22", "2025-04-23", dob="2015-01-01"), CAL), HEALTH_REVIEWS) == (
        "gap", "2025-04-22", days(1))


def test_pep_within_20_working_days_at_any_age():
    # 20th working day after Thu 21 Mar 2024 is Mon 22 Apr; the child is three.
    young = {"date_of_birth": "2021-01-10"}
    assert findings(check(lac(("2024-04-22", "pep_completed"), child=young), CAL), PEP) == []
    assert late(check(lac(("2024-04-23", "pep_completed"), child=young), CAL), PEP) == ("late", "2024-04-22", wd(1))


def test_pep_within_10_working_days_of_an_emergency_placement_reading():
    # 10th working day after Thu 21 Mar 2024 is Mon 8 Apr.
    policy = load_policy("calderdale", {PEP: "emergency_placement_10_working_days"})
    assert findings(check(lac(("2024-04-08", "pep_completed"), policy=policy), policy), PEP) == []
    assert late(check(lac(("2024-04-09", "pep_completed"), policy=policy), policy), PEP) == ("late", "2024-04-08", wd(1))


def test_pep_reviewed_six_monthly():
    # PEP Mon 22 Apr 2024 + 6 months = Tue 22 Oct 2024; Wed 23 Oct is a day late.
    assert findings(check(lac(("2024-04-22", "pep_completed"), ("2024-10-22", "pep_completed")), CAL), PEP_REVIEWS) == []
    assert late(check(lac(("2024-04-22", "pep_completed"), ("2024-10-23", "pep_completed")), CAL), PEP_REVIEWS) == (
        "gap", "2024-10-22", days(1))


def test_permanence_plan_by_the_four_month_review():
    # Thu 21 Mar 2024 + 4 months = Sun 21 Jul 2024; Mon 22 Jul is a day late.
    def history(at):
        return lac((at, "permanence_plan_agreed", {"plan": "long_term_foster_care"}))
    assert findings(check(history("2024-07-19"), CAL), PERMANENCE) == []
    assert late(check(history("2024-07-22"), CAL), PERMANENCE) == ("late", "2024-07-21", days(1))


def test_visits_within_5_working_days_weekly_for_4_weeks_then_six_weekly():
    # First visit by Thu 28 Mar 2024 (5th working day); weekly to Thu 4, 11, 18 and 25 Apr (the
    # four weeks end on Thu 18 Apr); from 25 Apr + 6 weeks = Thu 6 Jun.
    ok = ["2024-03-28", "2024-04-04", "2024-04-11", "2024-04-18", "2024-04-25", "2024-06-06"]
    assert findings(check(lac(*map(visit, ok)), CAL), VISITS) == []
    # First visit Tue 2 Apr: due Thu 28 Mar, five calendar days late (the rule's interval is in
    # weeks, so its lateness is counted in days: 29, 30, 31 Mar, 1, 2 Apr).
    assert late(check(lac(visit("2024-04-02")), CAL, as_of="2024-04-05"), VISITS) == ("gap", "2024-03-28", days(5))
    # Visit Thu 28 Mar then Fri 5 Apr: weekly, due Thu 4 Apr, a day late.
    assert late(check(lac(visit("2024-03-28"), visit("2024-04-05")), CAL), VISITS) == ("gap", "2024-04-04", days(1))
    # After the four weeks: 25 Apr + 42 days = Thu 6 Jun; Fri 7 Jun is a day late.
    late_6_weekly = ok[:-1] + ["2024-06-07"]
    assert late(check(lac(*map(visit, late_6_weekly)), CAL), VISITS) == ("gap", "2024-06-06", days(1))


def test_visit_within_5_working_days_of_each_later_placement():
    # Move Mon 20 May 2024: 21 (1), 22 (2), 23 (3), 24 (4), Mon 27 May bank holiday, Tue 28 May (5).
    def history(at):
        return lac(("2024-05-20", "placement_changed", {"placement_type": "U3", "reason": "CARPL"}), visit(at))
    assert findings(check(history("2024-05-28"), CAL), PLACEMENT_VISIT) == []
    assert late(check(history("2024-05-29"), CAL), PLACEMENT_VISIT) == ("late", "2024-05-28", wd(1))


def test_visit_within_1_week_of_a_move_to_long_term_foster_care():
    # Move Mon 20 May 2024 + 7 days = Mon 27 May; Tue 28 May is a day late. Not for other placements.
    def history(at, placement_type="U1"):
        return lac(("2024-05-20", "placement_changed", {"placement_type": placement_type, "reason": "CARPL"}), visit(at))
    assert findings(check(history("2024-05-27"), CAL), LONG_TERM_VISIT) == []
    assert late(check(history("2024-05-28"), CAL), LONG_TERM_VISIT) == ("late", "2024-05-27", days(1))
    assert findings(check(history("2024-05-28", "U3"), CAL), LONG_TERM_VISIT) == []


def adoptive(*visits):
    return planned(("2024-04-02", "adoption_decision_made", {"decision": "should_be_placed"}),
                   ("2024-04-30", "placement_authorised", {"basis": "placement_order"}),
                   ("2024-05-20", "placed_for_adoption", {"authority": "placement_order"}),
                   *map(visit, visits))


def test_adoption_visits_within_5_working_days_then_monthly():
    # Placed Mon 20 May 2024: 5th working day Tue 28 May (Mon 27 May bank holiday); 28 May + 1
    # month = Fri 28 Jun.
    assert findings(check(adoptive("2024-05-28", "2024-06-28"), CAL), ADOPTION_VISITS) == []
    # Wed 29 May is a day late (lateness in days: the interval is in months).
    assert late(check(adoptive("2024-05-29"), CAL), ADOPTION_VISITS) == ("gap", "2024-05-28", days(1))
    # From 28 May, Sat 29 Jun is a day late.
    assert late(check(adoptive("2024-05-28", "2024-06-29"), CAL), ADOPTION_VISITS) == ("gap", "2024-06-28", days(1))
