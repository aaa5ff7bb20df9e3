"""BCP practice standards (seed 002), second pass: children in care, leaving care, private
fostering and LADO rules. A compliant and a breaching history for every rule.

Every expected date is counted by hand in a comment (never with journey's own calendar). England
bank holidays used: 2024: 27 May, 26 Aug, 25 and 26 Dec; 2025: 1 Jan.
"""

from __future__ import annotations

from conftest import case, check, only, days, findings, late, wd

from journey.spec.load import load_policy

BCP = load_policy("bcp")
SCHOOL_AGE = {"date_of_birth": "2015-01-01"}


def bcp_case(*events, child=None):
    return case(*events, policy=BCP, child=child)


LAC = ("2024-07-01", "looked_after_started", {"legal_status": "V2", "placement_type": "U3"})  # Mon 1 Jul 2024
LAC_VISIT = {"purpose": "looked_after", "seen": True, "bedroom_seen": True}


def lac(*events, child=None):
    # A care plan before the first placement (CPPCR reg 4), so that reviews are lawful.
    return bcp_case(("2024-07-01", "care_plan_prepared"), LAC, *events, child=child)


# --- IRO and reviews ---------------------------------------------------------------------------

IRO_5 = "bcp.looked_after.iro_allocated_within_5_working_days"
FIRST_REVIEW = "bcp.looked_after.first_review_within_20_working_days"
SECOND_REVIEW = "bcp.looked_after.second_review_within_3_months"
SIX_MONTHLY = "bcp.looked_after.reviews_every_6_months"
HOME_CHANGE = "bcp.looked_after.review_within_4_weeks_of_home_change"


def test_iro_allocated_within_five_working_days():
    # Mon 1 Jul 2024: 2, 3, 4, 5 Jul (4), Mon 8 Jul (5) -> due Mon 8 Jul.
    assert findings(check(lac(("2024-07-08", "iro_appointed")), BCP), IRO_5) == []
    verdict = check(lac(("2024-07-09", "iro_appointed")), BCP)
    assert late(verdict, IRO_5) == ("late", "2024-07-08", wd(1))
    assert only(verdict, rule=IRO_5).severity == "statutory_guidance"


def test_first_review_within_20_working_days():
    # Mon 1 Jul 2024: 2-5 Jul (4), 8-12 (9), 15-19 (14), 22-26 (19), Mon 29 Jul (20).
    assert findings(check(lac(("2024-07-29", "lac_review_held")), BCP), FIRST_REVIEW) == []
    verdict = check(lac(("2024-07-30", "lac_review_held")), BCP)
    assert late(verdict, FIRST_REVIEW) == ("late", "2024-07-29", wd(1))
    assert only(verdict, rule=FIRST_REVIEW).severity == "statute"


def test_first_review_counts_over_a_bank_holiday():
    # Wed 22 May 2024: 23, 24 May (2), Mon 27 May holiday, 28-31 May (6), 3-7 Jun (11),
    # 10-14 Jun (16), 17, 18, 19, 20 Jun (20) -> due Thu 20 Jun; Fri 21 Jun is 1 working day late.
    start = ("2024-05-22", "looked_after_started", {"legal_status": "C1"})
    assert findings(check(bcp_case(start, ("2024-06-20", "lac_review_held")), BCP), FIRST_REVIEW) == []
    assert late(check(bcp_case(start, ("2024-06-21", "lac_review_held")), BCP), FIRST_REVIEW) == (
        "late", "2024-06-20", wd(1))


def test_second_review_within_three_months_of_the_first():
    # First review Mon 29 Jul 2024 + 3 months = Tue 29 Oct 2024.
    ok = lac(("2024-07-29", "lac_review_held"), ("2024-10-29", "lac_review_held"))
    assert findings(check(ok, BCP), SECOND_REVIEW) == []
    verdict = check(lac(("2024-07-29", "lac_review_held"), ("2024-10-30", "lac_review_held")), BCP)
    assert late(verdict, SECOND_REVIEW) == ("gap", "2024-10-29", days(1))


def test_subsequent_reviews_six_monthly():
    # Second review Tue 29 Oct 2024 + 6 months = Tue 29 Apr 2025.
    reviews = [("2024-07-29", "lac_review_held"), ("2024-10-29", "lac_review_held")]
    assert findings(check(lac(*reviews, ("2025-04-29", "lac_review_held")), BCP), SIX_MONTHLY) == []
    verdict = check(lac(*reviews, ("2025-05-01", "lac_review_held")), BCP)
    assert late(verdict, SIX_MONTHLY) == ("gap", "2025-04-29", days(2))


def test_review_within_four_weeks_of_a_change_of_home():
    # Placement changed Wed 4 Sep 2024 + 4 weeks (28 days) = Wed 2 Oct 2024.
    def history(review_at):
        return lac(("2024-07-29", "lac_review_held"),
                   ("2024-09-04", "placement_changed", {"placement_type": "U4", "reason": "CARPL"}),
                   (review_at, "lac_review_held"))
    assert findings(check(history("2024-10-02"), BCP), HOME_CHANGE) == []
    verdict = check(history("2024-10-04"), BCP)
    assert late(verdict, HOME_CHANGE) == ("late", "2024-10-02", days(2))
    assert only(verdict, rule=HOME_CHANGE).severity == "local"


# --- permanence -------------------------------------------------------------------------------

PERMANENCE_3M = "bcp.looked_after.permanence_assessed_within_3_months"


def test_permanence_within_three_months_of_becoming_looked_after():
    # Mon 1 Jul 2024 + 3 months = Tue 1 Oct 2024 (England's four months would run to Fri 1 Nov).
    plan = {"plan": "long_term_foster_care"}
    assert findings(check(lac(("2024-10-01", "permanence_plan_agreed", plan)), BCP), PERMANENCE_3M) == []
    verdict = check(lac(("2024-10-03", "permanence_plan_agreed", plan)), BCP)
    assert late(verdict, PERMANENCE_3M) == ("late", "2024-10-01", days(2))
    assert findings(verdict, "england.looked_after.permanence_plan_by_second_review") == []
    assert only(verdict, rule=PERMANENCE_3M).severity == "local"


# --- visits -------------------------------------------------------------------------------------

VISITS_5 = "bcp.looked_after.visits_every_5_working_days_until_first_review"
VISITS_20 = "bcp.looked_after.visits_every_20_working_days_after_first_review"
SEEN_DAY_PLACED = "bcp.looked_after.seen_on_day_placed"
SEEN_NEW_PLACEMENT = "bcp.looked_after.seen_on_day_of_each_new_placement"


def visits(*dates):
    return [(d, "visit", LAC_VISIT) for d in dates]


def test_visits_every_five_working_days_until_the_first_review():
    # Mon 1 Jul 2024: 5 working days -> Mon 8 Jul; then Mon 15 Jul, Mon 22 Jul; review Mon 29 Jul.
    ok = lac(*visits("2024-07-01", "2024-07-08", "2024-07-15", "2024-07-22"),
             *visits("2024-07-29"), ("2024-07-29", "lac_review_held"))
    assert findings(check(ok, BCP), VISITS_5) == []
    # Missing the visit of Mon 15 Jul: from Mon 8 Jul, 9, 10, 11, 12, 15 Jul (5) -> due Mon 15 Jul;
    # a visit on Tue 16 Jul is one working day late.
    bad = lac(*visits("2024-07-01", "2024-07-08", "2024-07-16", "2024-07-22"),
              *visits("2024-07-29"), ("2024-07-29", "lac_review_held"))
    assert late(check(bad, BCP), VISITS_5) == ("gap", "2024-07-15", wd(1))


def test_first_visit_within_five_working_days_over_a_bank_holiday():
    # Looked after Wed 22 May 2024: 23, 24 May (2), Mon 27 May holiday, 28, 29, 30 May (5).
    start = ("2024-05-22", "looked_after_started", {"legal_status": "V2"})
    assert findings(check(bcp_case(start, ("2024-05-30", "visit", LAC_VISIT)), BCP), VISITS_5) == []
    assert late(check(bcp_case(start, ("2024-05-31", "visit", LAC_VISIT)), BCP), VISITS_5) == (
        "gap", "2024-05-30", wd(1))


def test_visits_every_20_working_days_after_the_first_review():
    # Last visit and first review Mon 29 Jul 2024: 30, 31 Jul, 1, 2 Aug (4), 5-9 Aug (9),
    # 12-16 Aug (14), 19-23 Aug (19), Mon 26 Aug holiday, Tue 27 Aug (20) -> due Tue 27 Aug.
    before = visits("2024-07-01", "2024-07-08", "2024-07-15", "2024-07-22", "2024-07-29")
    review = ("2024-07-29", "lac_review_held")
    assert findings(check(lac(*before, review, *visits("2024-08-27")), BCP), VISITS_20) == []
    verdict = check(lac(*before, review, *visits("2024-08-28")), BCP)
    assert late(verdict, VISITS_20) == ("gap", "2024-08-27", wd(1))
    # England's six weeks (to Mon 9 Sep) are met.
    assert findings(verdict, "england.looked_after.visits") == []


def test_child_seen_and_bedroom_checked_on_the_day_placed():
    assert findings(check(lac(*visits("2024-07-01")), BCP), SEEN_DAY_PLACED) == []
    # Seen on Mon 1 Jul without the bedroom being checked; both only on Tue 2 Jul: one day late.
    verdict = check(lac(("2024-07-01", "visit", {**LAC_VISIT, "bedroom_seen": False}), *visits("2024-07-02")), BCP)
    assert late(verdict, SEEN_DAY_PLACED) == ("late", "2024-07-01", days(1))


def test_child_seen_on_the_day_of_each_new_placement():
    move = ("2024-09-04", "placement_changed", {"placement_type": "U4"})  # Wed 4 Sep 2024
    assert findings(check(lac(*visits("2024-07-01"), move, *visits("2024-09-04")), BCP), SEEN_NEW_PLACEMENT) == []
    verdict = check(lac(*visits("2024-07-01"), move, *visits("2024-09-05")), BCP)
    assert late(verdict, SEEN_NEW_PLACEMENT) == ("late", "2024-09-04", days(1))


# --- health and education ----------------------------------------------------------------------

PEP_10 = "bcp.looked_after.initial_pep_within_10_working_days"
CARE_PLAN_AFTER_RHA = "bcp.looked_after.care_plan_updated_after_review_health_assessment"


def test_initial_pep_within_10_working_days_for_a_school_age_child():
    # Mon 1 Jul 2024 (child aged 9): 2-5 Jul (4), 8-12 Jul (9), Mon 15 Jul (10).
    assert findings(check(lac(("2024-07-15", "pep_completed"), child=SCHOOL_AGE), BCP), PEP_10) == []
    verdict = check(lac(("2024-07-16", "pep_completed"), child=SCHOOL_AGE), BCP)
    assert late(verdict, PEP_10) == ("late", "2024-07-15", wd(1))
    # England's 20 working days (to Mon 29 Jul) are met.
    assert findings(verdict, "england.looked_after.pep_within_20_working_days") == []


def test_care_plan_updated_within_10_working_days_of_a_review_health_assessment():
    # Review health assessment Fri 20 Dec 2024: 23, 24 Dec (2), 25 and 26 Dec holidays,
    # 27 Dec (3), 30, 31 Dec (5), 1 Jan holiday, 2, 3 Jan (7), 6, 7, 8 Jan (10) -> Wed 8 Jan 2025.
    rha = ("2024-12-20", "health_assessment_completed", {"assessment": "review"})
    assert findings(check(lac(rha, ("2025-01-08", "care_plan_prepared")), BCP), CARE_PLAN_AFTER_RHA) == []
    verdict = check(lac(rha, ("2025-01-09", "care_plan_prepared")), BCP)
    assert late(verdict, CARE_PLAN_AFTER_RHA) == ("late", "2025-01-08", wd(1))


def test_an_initial_health_assessment_does_not_start_the_care_plan_update():
    rha = ("2024-07-10", "health_assessment_completed", {"assessment": "initial"})
    assert findings(check(lac(rha), BCP, as_of="2024-12-31"), CARE_PLAN_AFTER_RHA) == []


def test_a_settled_child_may_be_visited_12_weekly_under_that_reading():
    # First review and last visit Mon 29 Jul 2024 + 12 weeks (84 days): 1 Aug (3), 1 Sep (34),
    # 1 Oct (64), Mon 21 Oct 2024 (84). Under the chosen reading the visit was due Tue 27 Aug.
    before = visits("2024-07-01", "2024-07-08", "2024-07-15", "2024-07-22", "2024-07-29")
    review = ("2024-07-29", "lac_review_held")
    policy = load_policy("bcp", {VISITS_20: "settled_12_weekly"})

    def history(at, p):
        return case(("2024-07-01", "care_plan_prepared"), LAC, *before, review, *visits(at), policy=p)
    assert findings(check(history("2024-10-21", policy), policy), VISITS_20) == []
    assert late(check(history("2024-10-22", policy), policy), VISITS_20) == ("gap", "2024-10-21", days(1))
    # Chosen reading: from Tue 27 Aug, 28-30 Aug (3), 2-6 Sep (8), 9-13 (13), 16-20 (18), 23-27 (23),
    # 30 Sep-4 Oct (28), 7-11 Oct (33), 14-18 Oct (38), Mon 21 Oct (39 working days late).
    assert late(check(history("2024-10-21", BCP), BCP), VISITS_20) == ("gap", "2024-08-27", {"value": 39, "unit": "working_days"})
