"""Calderdale practice standards (seed 001): adoption reviews, LADO referrals, foster carer reviews
and pathway plan reviews - a compliant and a breaching history per encoded rule.

Every expected date is counted by hand in a comment (never with journey's calendar). 2024 bank
holidays in England: 1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec. Months and years
are calendar months and years from the start date, clamped to the month's end.
"""

from __future__ import annotations

from conftest import case, check, days, findings, late, wd

from journey.spec.load import load_policy

CAL = load_policy("calderdale")
K = "calderdale."

FIRST_ADOPTION_REVIEW = K + "adoption.first_review_within_20_working_days"
SECOND_ADOPTION_REVIEW = K + "adoption.second_review_within_3_months"
ADOPTION_REVIEWS = K + "adoption.reviews_every_6_months_until_order"
LADO = K + "lado.referral_within_1_working_day"
CARER_REVIEW = K + "fostering.annual_review_within_12_months_of_approval"
PATHWAY_PLAN_REVIEWS = K + "leaving_care.pathway_plan_reviews_every_6_months"
FIRST_PATHWAY_PLAN_REVIEW = K + "leaving_care.pathway_plan_first_review_within_6_months"


def cd_case(*events):
    return case(*events, policy=CAL)


def placed_for_adoption(*reviews):
    return cd_case(("2024-03-21", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                   ("2024-03-21", "care_plan_prepared"),
                   ("2024-04-02", "adoption_decision_made", {"decision": "should_be_placed"}),
                   ("2024-04-30", "placement_authorised", {"basis": "placement_order"}),
                   ("2024-05-20", "placed_for_adoption", {"authority": "placement_order"}),
                   *[(at, "adoption_review_held") for at in reviews])


def test_first_adoption_review_within_20_working_days():
    # Placed Mon 20 May 2024: 21 (1), 22 (2), 23 (3), 24 (4), Mon 27 May bank holiday, 28 (5),
    # 29 (6), 30 (7), 31 (8), 3 Jun (9), 4 (10), 5 (11), 6 (12), 7 (13), 10 (14), 11 (15), 12 (16),
    # 13 (17), 14 (18), 17 (19), Tue 18 Jun (20).
    assert findings(check(placed_for_adoption("2024-06-18"), CAL), FIRST_ADOPTION_REVIEW) == []
    assert late(check(placed_for_adoption("2024-06-19"), CAL), FIRST_ADOPTION_REVIEW) == ("late", "2024-06-18", wd(1))


def test_adoption_reviews_within_3_months_then_six_monthly():
    # First review Tue 18 Jun 2024 + 3 months = Wed 18 Sep 2024; + 6 months = Tue 18 Mar 2025.
    verdict = check(placed_for_adoption("2024-06-18", "2024-09-18", "2025-03-18"), CAL)
    assert findings(verdict, SECOND_ADOPTION_REVIEW) == [] and findings(verdict, ADOPTION_REVIEWS) == []
    # Second review Fri 20 Sep 2024 is two days late; from it + 6 months = Thu 20 Mar 2025, and
    # Fri 21 Mar 2025 is a day late.
    verdict = check(placed_for_adoption("2024-06-18", "2024-09-20", "2025-03-21"), CAL)
    assert late(verdict, SECOND_ADOPTION_REVIEW) == ("gap", "2024-09-18", days(2))
    assert late(verdict, ADOPTION_REVIEWS) == ("gap", "2025-03-20", days(1))


def test_lado_referral_within_1_working_day():
    # Allegation Fri 24 May 2024: Mon 27 May is a bank holiday, so the first working day is Tue
    # 28 May; Wed 29 May is one working day late.
    def history(at):
        return cd_case(("2024-05-24", "staff_allegation_received"), (at, "lado_informed"))
    assert findings(check(history("2024-05-28"), CAL), LADO) == []
    assert late(check(history("2024-05-29"), CAL), LADO) == ("late", "2024-05-28", wd(1))


def test_foster_carer_review_within_12_months_of_approval_then_annually():
    # Approved Thu 29 Feb 2024 + 1 year = Fri 28 Feb 2025 (no 29 Feb in 2025: clamped); + 1 year
    # = Sat 28 Feb 2026.
    def history(*reviews):
        return cd_case(("2024-02-29", "foster_carer_approved"), *[(at, "foster_carer_review_held") for at in reviews])
    assert findings(check(history("2025-02-28", "2026-02-28"), CAL), CARER_REVIEW) == []
    # Sat 1 Mar 2025 is a day late.
    assert late(check(history("2025-03-01"), CAL), CARER_REVIEW) == ("gap", "2025-02-28", days(1))
    # From 28 Feb 2025, Mon 2 Mar 2026 is two days late.
    assert late(check(history("2025-02-28", "2026-03-02"), CAL), CARER_REVIEW) == ("gap", "2026-02-28", days(2))


def care_leaver(*later):
    return cd_case(("2024-06-03", "care_leaver_status_changed", {"status": "eligible"}),
                   ("2024-06-10", "pathway_plan_prepared"), *later)


def test_pathway_plan_reviewed_at_most_six_months_apart_from_eligibility():
    # Plan Mon 10 Jun 2024 + 6 months = Tue 10 Dec 2024 (the young person is still eligible: the
    # England rule does not time this one); + 6 months = Tue 10 Jun 2025, after turning 18.
    ok = care_leaver(("2024-12-10", "pathway_plan_reviewed"),
                     ("2025-01-15", "care_leaver_status_changed", {"status": "former_relevant"}),
                     ("2025-06-10", "pathway_plan_reviewed"))
    verdict = check(ok, CAL)
    assert findings(verdict, FIRST_PATHWAY_PLAN_REVIEW) == [] and findings(verdict, PATHWAY_PLAN_REVIEWS) == []
    # Wed 11 Dec 2024 is a day late for the first review.
    assert late(check(care_leaver(("2024-12-11", "pathway_plan_reviewed")), CAL), FIRST_PATHWAY_PLAN_REVIEW) == (
        "late", "2024-12-10", days(1))
    # From 10 Dec 2024, Thu 12 Jun 2025 (former relevant) is two days late.
    breach = care_leaver(("2024-12-10", "pathway_plan_reviewed"),
                         ("2025-01-15", "care_leaver_status_changed", {"status": "former_relevant"}),
                         ("2025-06-12", "pathway_plan_reviewed"))
    assert late(check(breach, CAL), PATHWAY_PLAN_REVIEWS) == ("gap", "2025-06-10", days(2))


ALLOCATED = K + "assessment.allocated_within_24_hours"
INITIAL_VISIT = K + "assessment.initial_visit_within_5_working_days_of_allocation"
TM = {"by": "team_manager"}


def allocated(at, *later):
    return cd_case(("2024-05-03T10:00", "contact_received"),
                   ("2024-05-03T12:00", "referral_decision", {"outcome": "assessment", **TM}),
                   (at, "management_oversight_recorded", {"subject": "allocation", **TM}), *later)


def test_case_allocated_within_24_hours_of_the_referral_decision():
    # Decision Fri 3 May 2024 12:00 + 24 hours = Sat 4 May 12:00; Mon 6 May 09:00 is 45 hours late.
    assert findings(check(allocated("2024-05-04T11:00"), CAL), ALLOCATED) == []
    assert late(check(allocated("2024-05-06T09:00"), CAL), ALLOCATED) == (
        "late", "2024-05-04T12:00", {"value": 45, "unit": "hours"})


def test_initial_visit_within_5_working_days_of_allocation():
    # Allocated Fri 3 May 2024 15:00: Mon 6 May bank holiday, 7 (1), 8 (2), 9 (3), 10 (4), Mon 13
    # May (5); Tue 14 May is one working day late.
    def history(at):
        return allocated("2024-05-03T15:00", (at, "visit", {"purpose": "assessment", "seen": True}))
    assert findings(check(history("2024-05-13"), CAL), INITIAL_VISIT) == []
    assert late(check(history("2024-05-14"), CAL), INITIAL_VISIT) == ("late", "2024-05-13", wd(1))


def test_no_initial_visit_due_once_a_section_47_enquiry_starts():
    c = allocated("2024-05-03T15:00", ("2024-05-07", "strategy_discussion_held", {"outcome": "s47", **TM}),
                  ("2024-05-07", "s47_started", TM), ("2024-05-20", "visit", {"purpose": "s47", "seen": True}))
    assert findings(check(c, CAL), INITIAL_VISIT) == []


REG24_VISITS = K + "fostering.reg24_placement_visits"


def connected_person(*later):
    return cd_case(("2024-07-01", "looked_after_started", {"legal_status": "C1", "placement_type": "U4"}),
                   ("2024-07-01", "care_plan_prepared"),
                   ("2024-07-01", "connected_person_approved"), *later)


def lac_visit(at):
    return at, "visit", {"purpose": "looked_after", "seen": True}


def test_reg24_placement_visited_weekly_until_the_first_review_then_four_weekly():
    # Approved Mon 1 Jul 2024: weekly, Mon 8 and Mon 15 Jul; first review Fri 19 Jul, so the visit
    # on Mon 22 Jul (due a week after 15 Jul) starts four-weekly: 22 Jul + 28 days = Mon 19 Aug.
    review = ("2024-07-19", "lac_review_held")
    ok = connected_person(lac_visit("2024-07-08"), lac_visit("2024-07-15"), review, lac_visit("2024-07-22"),
                          lac_visit("2024-08-19"))
    assert findings(check(ok, CAL), REG24_VISITS) == []
    # Tue 16 Jul is a day after the weekly visit due Mon 15 Jul.
    assert late(check(connected_person(lac_visit("2024-07-08"), lac_visit("2024-07-16")), CAL), REG24_VISITS) == (
        "gap", "2024-07-15", days(1))
    # After the review, Tue 20 Aug is a day after Mon 19 Aug.
    breach = connected_person(lac_visit("2024-07-08"), lac_visit("2024-07-15"), review, lac_visit("2024-07-22"),
                              lac_visit("2024-08-20"))
    assert late(check(breach, CAL), REG24_VISITS) == ("gap", "2024-08-19", days(1))


def test_reg24_visits_end_when_the_carer_is_approved():
    # Approved as foster carer Fri 12 Jul 2024: no visit is due under this rule after that.
    c = connected_person(lac_visit("2024-07-08"), ("2024-07-12", "temporary_approval_ended", {"outcome": "approved"}),
                         lac_visit("2024-08-20"))
    assert findings(check(c, CAL), REG24_VISITS) == []
