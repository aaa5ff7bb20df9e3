"""BCP practice standards (seed 002), second pass: leaving care, private fostering, fostering and
LADO rules. A compliant and a breaching history for every rule, every date counted by hand in a
comment (never with journey's own calendar). 2024 bank holiday used: Mon 6 May.
"""

from __future__ import annotations

from conftest import case, check, only, days, findings, late

from journey.spec.load import load_policy

BCP = load_policy("bcp")


def bcp_case(*events, child=None, policy=BCP):
    return case(*events, policy=policy, child=child)


# --- leaving care -----------------------------------------------------------------------------

PATHWAY_PLAN = "bcp.leaving_care.pathway_plan_six_monthly"
CARE_LEAVER_VISITS = "bcp.leaving_care.visits_8_weekly_18_to_21"
SEEN = {"purpose": "leaving_care", "seen": True}


def test_pathway_plan_reviewed_six_monthly():
    # Relevant child from Mon 1 Jul 2024 + 6 months = Wed 1 Jan 2025 (calendar months: the bank
    # holiday does not move it).
    relevant = ("2024-07-01", "care_leaver_status_changed", {"status": "relevant"})
    assert findings(check(bcp_case(relevant, ("2025-01-01", "pathway_plan_reviewed")), BCP), PATHWAY_PLAN) == []
    verdict = check(bcp_case(relevant, ("2025-01-03", "pathway_plan_reviewed")), BCP)
    assert late(verdict, PATHWAY_PLAN) == ("gap", "2025-01-01", days(2))
    assert only(verdict, rule=PATHWAY_PLAN).severity == "statute"


def test_care_leaver_visited_every_eight_weeks_from_18():
    # 18 on Sun 10 Mar 2024 (former relevant). 8 weeks = 56 days: Sun 7 Apr (28), Sun 5 May (56).
    child = {"date_of_birth": "2006-03-10"}
    became = ("2024-03-10", "care_leaver_status_changed", {"status": "former_relevant"})
    ok = bcp_case(became, ("2024-05-05", "visit", SEEN), child=child)
    assert findings(check(ok, BCP), CARE_LEAVER_VISITS) == []
    verdict = check(bcp_case(became, ("2024-05-07", "visit", SEEN), child=child), BCP)
    assert late(verdict, CARE_LEAVER_VISITS) == ("gap", "2024-05-05", days(2))
    assert only(verdict, rule=CARE_LEAVER_VISITS).severity == "local"


def test_a_visit_without_seeing_the_young_person_does_not_count():
    child = {"date_of_birth": "2006-03-10"}
    became = ("2024-03-10", "care_leaver_status_changed", {"status": "former_relevant"})
    verdict = check(bcp_case(became, ("2024-05-01", "visit", {**SEEN, "seen": False}),
                             ("2024-05-07", "visit", SEEN), child=child), BCP)
    assert late(verdict, CARE_LEAVER_VISITS) == ("gap", "2024-05-05", days(2))


def test_care_leaver_visits_six_monthly_from_21():
    # Born 10 Mar 2003, former relevant from Mon 15 Jan 2024 (aged 20). First visit within 56
    # days: Mon 12 Feb (28), Mon 11 Mar 2024 (56, leap year). By then 21 (10 Mar), so the next is
    # due six months later, Wed 11 Sep 2024.
    child = {"date_of_birth": "2003-03-10"}
    history = [("2024-01-15", "care_leaver_status_changed", {"status": "former_relevant"}),
               ("2024-03-11", "visit", SEEN)]
    assert findings(check(bcp_case(*history, ("2024-09-11", "visit", SEEN), child=child), BCP),
                    CARE_LEAVER_VISITS) == []
    verdict = check(bcp_case(*history, ("2024-09-13", "visit", SEEN), child=child), BCP)
    assert late(verdict, CARE_LEAVER_VISITS) == ("gap", "2024-09-11", days(2))


# --- private fostering -------------------------------------------------------------------------

PF_INITIAL = "bcp.private_fostering.initial_visit_within_1_week"
PF_FOUR_WEEKLY = "bcp.private_fostering.child_seen_four_weekly"
PF_VISIT = {"purpose": "private_fostering", "seen": True}


def test_private_fostering_initial_visit_within_one_week():
    # Notified Mon 1 Jul 2024 + 7 days = Mon 8 Jul. Tue 9 Jul is a day late, though within
    # England's 7 working days (Wed 10 Jul).
    notified = ("2024-07-01", "private_fostering_notified", {"arrangement": "existing"})
    assert findings(check(bcp_case(notified, ("2024-07-08", "visit", PF_VISIT)), BCP), PF_INITIAL) == []
    verdict = check(bcp_case(notified, ("2024-07-09", "visit", PF_VISIT)), BCP)
    assert late(verdict, PF_INITIAL) == ("late", "2024-07-08", days(1))
    assert findings(verdict, "england.private_fostering.visit_within_7_working_days") == []
    assert verdict.legal is True and verdict.compliant is False


def test_privately_fostered_child_seen_four_weekly():
    # Proposed arrangement notified Wed 1 May 2024, starts Fri 10 May; 4 weeks (28 days) later is
    # Fri 7 Jun 2024.
    start = [("2024-05-01", "private_fostering_notified", {"arrangement": "proposed"}),
             ("2024-05-03", "visit", PF_VISIT),
             ("2024-05-10", "private_fostering_started")]
    assert findings(check(bcp_case(*start, ("2024-06-07", "visit", PF_VISIT)), BCP), PF_FOUR_WEEKLY) == []
    verdict = check(bcp_case(*start, ("2024-06-10", "visit", PF_VISIT)), BCP)
    assert late(verdict, PF_FOUR_WEEKLY) == ("gap", "2024-06-07", days(3))


# --- fostering ----------------------------------------------------------------------------------

ANNUAL_REVIEW = "bcp.fostering.annual_review"
CONNECTED_16 = "bcp.fostering.connected_carer_to_panel_within_16_weeks"


def test_foster_carer_reviewed_annually():
    # Approved Fri 14 Jun 2023 + 1 year = Fri 14 Jun 2024.
    approved = ("2023-06-14", "foster_carer_approved")
    assert findings(check(bcp_case(approved, ("2024-06-14", "foster_carer_review_held")), BCP), ANNUAL_REVIEW) == []
    verdict = check(bcp_case(approved, ("2024-06-17", "foster_carer_review_held")), BCP)
    assert late(verdict, ANNUAL_REVIEW) == ("gap", "2024-06-14", days(3))


def test_connected_carer_to_panel_within_16_weeks():
    # Temporary approval Mon 1 Jul 2024 + 112 days: 1 Aug (31), 1 Sep (62), 1 Oct (92),
    # Mon 21 Oct 2024 (112).
    approved = ("2024-07-01", "connected_person_approved")
    ok = bcp_case(approved, ("2024-10-21", "temporary_approval_ended", {"outcome": "approved"}))
    assert findings(check(ok, BCP), CONNECTED_16) == []
    verdict = check(bcp_case(approved, ("2024-10-23", "temporary_approval_ended", {"outcome": "approved"})), BCP)
    assert late(verdict, CONNECTED_16) == ("late", "2024-10-21", days(2))


def test_an_extension_lifts_the_16_weeks_only_under_that_reading():
    # Extended Tue 1 Oct 2024; the panel on Fri 15 Nov 2024 is 25 days after Mon 21 Oct
    # (10 days to 31 Oct, 15 in November).
    events = [("2024-07-01", "connected_person_approved"), ("2024-10-01", "temporary_approval_extended"),
              ("2024-11-15", "temporary_approval_ended", {"outcome": "approved"})]
    verdict = check(bcp_case(*events), BCP)
    assert late(verdict, CONNECTED_16) == ("late", "2024-10-21", days(25))
    assert findings(verdict, "england.fostering.temporary_approval_16_weeks") == []
    lifted = load_policy("bcp", {CONNECTED_16: "extension_lifts"})
    assert findings(check(bcp_case(*events, policy=lifted), lifted), CONNECTED_16) == []


# --- LADO ---------------------------------------------------------------------------------------

LADO_SAME_DAY = "bcp.lado.referred_same_day"


def test_lado_informed_the_same_day():
    # Allegation Fri 3 May 2024: due the same day. Mon 6 May (a bank holiday) is 3 days late;
    # England's one working day runs to Tue 7 May and is met.
    received = ("2024-05-03", "staff_allegation_received")
    assert findings(check(bcp_case(received, ("2024-05-03", "lado_informed")), BCP), LADO_SAME_DAY) == []
    verdict = check(bcp_case(received, ("2024-05-06", "lado_informed")), BCP)
    assert late(verdict, LADO_SAME_DAY) == ("late", "2024-05-03", days(3))
    assert findings(verdict, "england.lado.informed_within_1_working_day") == []
