"""Calderdale practice standards (seed 001) counted back from a later event (`kind: lead`): reports
shared before child protection conferences, the steps before a foster carer review, the gateway
panel before a planned entry to care, life story work by the first adoption review - a compliant
and a breaching history per rule.

Every expected date is counted by hand in a comment (never with journey's calendar). England bank
holidays: 2024 - 1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec. A lead's due date is
the last day the earlier event could happen: the later event's date counted back by the lead.
"""

from __future__ import annotations

import pytest
from conftest import case, check, days, findings, kinds, late, only, wd

from journey.spec.load import load_policy

CAL = load_policy("calderdale")
K = "calderdale."
TM = {"by": "team_manager"}


def cd_case(*events, child=None):
    return case(*events, policy=CAL, child=child)


def shared(at, document, recipient="professionals", approved_by=None):
    fields = {"document": document, "recipient": recipient}
    if approved_by:
        fields["approved_by"] = approved_by
    return (at, "document_shared", fields)


# --- child protection conferences ---------------------------------------------------------------------------------

TO_FAMILY = K + "child_protection.assessment_shared_with_family_5_days_before_icpc"
SIGNED = K + "child_protection.conference_report_signed_by_manager"
ADMIN_ICPC = K + "child_protection.assessment_to_admin_3_days_before_icpc"
ADMIN_RCPC = K + "child_protection.assessment_to_admin_5_days_before_rcpc"
RCPC_REPORT = K + "child_protection.rcpc_report_signed_and_available_5_days_before"


def conferences(*before_icpc, after_icpc=(), rcpc="2024-07-04"):
    """S47 Tue 12 Mar 2024, ICPC Thu 4 Apr 2024, first review conference Thu 4 Jul 2024."""
    return cd_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                   *before_icpc,
                   ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
                   ("2024-04-04", "cp_plan_started"),
                   *after_icpc,
                   (rcpc, "rcpc_held", {"outcome": "continue_plan"}))


def test_assessment_shared_with_family_5_days_before_the_icpc():
    # ICPC Thu 4 Apr 2024 - 5 days = Sat 30 Mar 2024: Fri 29 Mar is in time, Mon 1 Apr 2 days late.
    assert findings(check(conferences(shared("2024-03-29", "conference_report", "family")), CAL), TO_FAMILY) == []
    assert late(check(conferences(shared("2024-04-01", "conference_report", "family")), CAL), TO_FAMILY) == (
        "late", "2024-03-30", days(2))
    # Shared only with professionals: nothing reached the family.
    assert late(check(conferences(shared("2024-03-29", "conference_report")), CAL), TO_FAMILY) == (
        "missing", "2024-03-30", None)


@pytest.mark.parametrize("approved_by, expected", [("team_manager", []), ("assistant_team_manager", []),
                                                   ("social_worker", ["guard_failed"])])
def test_conference_report_signed_by_the_team_or_practice_manager(approved_by, expected):
    history = conferences(shared("2024-03-29", "conference_report", "family", approved_by))
    assert kinds(check(history, CAL), SIGNED) == expected


def test_assessment_to_admin_3_days_before_the_icpc():
    # ICPC Thu 4 Apr 2024 - 3 days = Mon 1 Apr 2024 (a bank holiday, but the days are calendar days):
    # Mon 1 Apr is in time, Tue 2 Apr one day late.
    assert findings(check(conferences(shared("2024-04-01", "conference_report", "admin")), CAL), ADMIN_ICPC) == []
    assert late(check(conferences(shared("2024-04-02", "conference_report", "admin")), CAL), ADMIN_ICPC) == (
        "late", "2024-04-01", days(1))


def test_assessment_to_admin_5_days_before_each_review_conference():
    # RCPC Thu 4 Jul 2024 - 5 days = Sat 29 Jun 2024: Fri 28 Jun in time, Mon 1 Jul 2 days late.
    icpc_report = shared("2024-04-01", "conference_report", "admin")
    def history(at):
        return conferences(icpc_report, after_icpc=[shared(at, "conference_report", "admin")])
    assert findings(check(history("2024-06-28"), CAL), ADMIN_RCPC) == []
    assert late(check(history("2024-07-01"), CAL), ADMIN_RCPC) == ("late", "2024-06-29", days(2))
    # The assessment sent for the ICPC does not serve the review conference.
    assert late(check(conferences(icpc_report), CAL), ADMIN_RCPC) == ("missing", "2024-06-29", None)


def test_review_conference_report_signed_and_available_5_days_before():
    # RCPC Thu 4 Jul 2024 - 5 days = Sat 29 Jun 2024.
    def history(at, approved_by="team_manager"):
        return conferences(after_icpc=[shared(at, "conference_report", "family", approved_by)])
    assert findings(check(history("2024-06-28"), CAL), RCPC_REPORT) == []
    assert late(check(history("2024-07-01"), CAL), RCPC_REPORT) == ("late", "2024-06-29", days(2))
    # Shared in time but not signed by a manager: no signed report was available.
    assert late(check(history("2024-06-28", "social_worker"), CAL), RCPC_REPORT) == ("missing", "2024-06-29", None)


# --- foster carer reviews -----------------------------------------------------------------------------------------

FORMS = K + "fostering.review_consultation_forms_30_working_days_before_review"
PM_SIGHT = K + "fostering.practice_manager_sees_review_report_20_working_days_before_review"
FINALISED = K + "fostering.review_report_finalised_10_working_days_before_review"


def carer_review(*before):
    """Carer approved Wed 10 Jan 2024; review meeting Wed 1 May 2024."""
    return cd_case(("2024-01-10", "foster_carer_approved"), *before, ("2024-05-01", "foster_carer_review_held"))


def test_consultation_forms_30_working_days_before_the_review():
    # Back from Wed 1 May 2024: Apr 30-22 (7), 19-15 (12), 12-8 (17), 5-2 (21); Mon 1 Apr and Fri
    # 29 Mar are bank holidays; Mar 28-25 (25), 22-18 (30): Mon 18 Mar 2024. Tue 19 Mar is 1 wd late.
    assert findings(check(carer_review(shared("2024-03-18", "consultation_form", "foster_carer")), CAL), FORMS) == []
    assert late(check(carer_review(shared("2024-03-19", "consultation_form", "foster_carer")), CAL), FORMS) == (
        "late", "2024-03-18", wd(1))
    assert late(check(carer_review(), CAL), FORMS) == ("missing", "2024-03-18", None)


def test_practice_manager_sees_the_report_20_working_days_before_the_review():
    # Back from Wed 1 May 2024: Apr 30-22 (7), 19-15 (12), 12-8 (17), 5-3 (20): Wed 3 Apr 2024.
    assert findings(check(carer_review(shared("2024-04-03", "carer_review_report", "manager")), CAL), PM_SIGHT) == []
    assert late(check(carer_review(shared("2024-04-04", "carer_review_report", "manager")), CAL), PM_SIGHT) == (
        "late", "2024-04-03", wd(1))


def test_review_report_finalised_10_working_days_before_the_review():
    # Back from Wed 1 May 2024: Apr 30, 29, 26, 25, 24, 23, 22, 19, 18, 17 (10): Wed 17 Apr 2024.
    assert findings(check(carer_review(shared("2024-04-17", "carer_review_report", "iro")), CAL), FINALISED) == []
    assert late(check(carer_review(shared("2024-04-18", "carer_review_report", "iro")), CAL), FINALISED) == (
        "late", "2024-04-17", wd(1))
    # The report sent to the practice manager is not the finalised one sent to the IRO.
    assert late(check(carer_review(shared("2024-04-03", "carer_review_report", "manager")), CAL), FINALISED) == (
        "missing", "2024-04-17", None)


# --- entry to care ------------------------------------------------------------------------------------------------

GATEWAY = K + "looked_after.accommodation_agreed_at_gateway_panel_first"
TM_SIGN = K + "looked_after.gateway_application_signed_off_by_team_manager"
PM_SIGN = K + "looked_after.gateway_application_signed_off_by_practice_manager"
UK_CHILD = {"date_of_birth": "2012-03-01", "attributes": {"uasc": False}}


def gateway(at="2024-05-13"):
    return (at, "meeting_held", {"meeting": "legal_gateway"})


def accommodated(*before, planned=True, child=UK_CHILD):
    """Accommodated under s20 on Mon 20 May 2024."""
    return cd_case(*before, ("2024-05-20", "looked_after_started",
                             {"legal_status": "V2", "placement_type": "U6", "planned": planned, "by": "team_manager"}),
                   child=child)


def test_planned_accommodation_first_considered_at_the_gateway_panel():
    # Panel Mon 13 May 2024, accommodated Mon 20 May 2024: on or before the day, in time.
    assert findings(check(accommodated(gateway()), CAL), GATEWAY) == []
    assert findings(check(accommodated(gateway("2024-05-20")), CAL), GATEWAY) == []  # the same day, before it
    # No panel: missing, due on the day of the accommodation.
    assert late(check(accommodated(), CAL), GATEWAY) == ("missing", "2024-05-20", None)
    # An emergency placement and an unaccompanied asylum seeking child need no panel.
    assert findings(check(accommodated(planned=False), CAL), GATEWAY) == []
    assert findings(check(accommodated(child={"attributes": {"uasc": True}}), CAL), GATEWAY) == []


def test_gateway_application_signed_off_by_the_team_and_practice_managers():
    def signed(by, at="2024-05-10"):
        return (at, "management_oversight_recorded", {"subject": "entry_to_care", "by": by})
    # Both sign Fri 10 May 2024, panel Mon 13 May 2024.
    both = accommodated(signed("team_manager"), signed("assistant_team_manager"), gateway())
    assert findings(check(both, CAL), TM_SIGN) == [] and findings(check(both, CAL), PM_SIGN) == []
    # Only the team manager signed: the practice manager's sign-off is missing, due on the panel's day.
    tm_only = accommodated(signed("team_manager"), gateway())
    assert findings(check(tm_only, CAL), TM_SIGN) == []
    assert late(check(tm_only, CAL), PM_SIGN) == ("missing", "2024-05-13", None)
    # A sign-off after the panel (Tue 14 May) does not count for it.
    late_tm = accommodated(signed("assistant_team_manager"), gateway(), signed("team_manager", "2024-05-14"))
    assert late(check(late_tm, CAL), TM_SIGN) == ("missing", "2024-05-13", None)


# --- looked after reviews -----------------------------------------------------------------------------------------

INVITATIONS = K + "looked_after.review_invitations_28_days_before_subsequent_reviews"
SA_FIRST = K + "looked_after.assessment_to_iro_3_days_before_first_review"
PLAN_FIRST = K + "looked_after.care_plan_to_iro_3_days_before_first_review"
SA_LATER = K + "looked_after.assessment_to_iro_5_days_before_subsequent_reviews"
PLAN_LATER = K + "looked_after.care_plan_to_iro_5_days_before_subsequent_reviews"
HEALTH_FIRST = K + "looked_after.health_assessment_before_first_review"
HOME_MINUTES = K + "looked_after.childrens_home_review_minutes_within_15_working_days"
HOME_PLAN = K + "looked_after.childrens_home_care_plan_within_10_working_days_of_review"


def in_care(*later, placement="U3", first="2024-02-27", second="2024-05-21"):
    """In care from Wed 31 Jan 2024; first review Tue 27 Feb 2024, second Tue 21 May 2024.

    No review records which it is: the care plan of Wed 31 Jan puts the looked_after pathway in
    awaiting_first_review, the first review moves it to awaiting_second_review, the second to reviewing."""
    events = [("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": placement}),
              ("2024-01-31", "care_plan_prepared"), *later]
    events.append((first, "lac_review_held"))
    if second:
        events.append((second, "lac_review_held"))
    return cd_case(*sorted(events, key=lambda e: e[0]))


def test_invitations_28_days_before_each_later_review():
    # Second review Tue 21 May 2024 - 28 days = Tue 23 Apr 2024; Wed 24 Apr is one day late.
    assert findings(check(in_care(shared("2024-04-23", "consultation_form", "family")), CAL), INVITATIONS) == []
    assert late(check(in_care(shared("2024-04-24", "consultation_form", "family")), CAL), INVITATIONS) == (
        "late", "2024-04-23", days(1))
    # Forms sent for the first review (Mon 12 Feb) do not serve the second.
    assert late(check(in_care(shared("2024-02-12", "consultation_form", "family")), CAL), INVITATIONS) == (
        "missing", "2024-04-23", None)
    # The first review (Tue 27 Feb 2024) is not held to 28 days: it leaves the looked_after pathway
    # in awaiting_second_review, not reviewing.
    assert findings(check(in_care(second=None), CAL), INVITATIONS) == []


@pytest.mark.parametrize("document, rule", [("assessment", SA_FIRST), ("plan", PLAN_FIRST)])
def test_assessment_and_care_plan_to_the_iro_3_days_before_the_first_review(document, rule):
    # First review Tue 27 Feb 2024 - 3 days = Sat 24 Feb 2024: Fri 23 Feb in time, Mon 26 Feb 2 days late.
    assert findings(check(in_care(shared("2024-02-23", document, "iro"), second=None), CAL), rule) == []
    assert late(check(in_care(shared("2024-02-26", document, "iro"), second=None), CAL), rule) == (
        "late", "2024-02-24", days(2))
    assert late(check(in_care(shared("2024-02-23", document, "family"), second=None), CAL), rule) == (
        "missing", "2024-02-24", None)


@pytest.mark.parametrize("document, rule", [("assessment", SA_LATER), ("plan", PLAN_LATER)])
def test_assessment_and_care_plan_to_the_iro_5_days_before_later_reviews(document, rule):
    # Second review Tue 21 May 2024 - 5 days = Thu 16 May 2024; Fri 17 May is one day late.
    for_first = shared("2024-02-23", document, "iro")
    assert findings(check(in_care(for_first, shared("2024-05-16", document, "iro")), CAL), rule) == []
    assert late(check(in_care(for_first, shared("2024-05-17", document, "iro")), CAL), rule) == (
        "late", "2024-05-16", days(1))
    # The documents shared for the first review do not serve the second.
    assert late(check(in_care(for_first), CAL), rule) == ("missing", "2024-05-16", None)
    # The first review itself is not held to 5 days (Mon 26 Feb is 1 day before it).
    assert findings(check(in_care(shared("2024-02-26", document, "iro"), second=None), CAL), rule) == []


@pytest.mark.parametrize("document, rule", [("assessment", SA_FIRST), ("plan", PLAN_FIRST)])
def test_a_later_review_is_not_held_to_the_first_reviews_3_days(document, rule):
    # Shared Fri 23 Feb 2024 for the first review (Tue 27 Feb); nothing for the second (Tue 21 May)
    # or a third (Tue 19 Nov 2024): only the first review is judged by the 3-day rule.
    verdict = check(in_care(shared("2024-02-23", document, "iro"), ("2024-11-19", "lac_review_held")), CAL)
    assert verdict.states["looked_after"] == "reviewing"
    assert findings(verdict, rule) == []
    # With nothing shared at all, the one finding is at the first review (due Sat 24 Feb 2024).
    f = only(check(in_care(("2024-11-19", "lac_review_held")), CAL), rule=rule)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-02-24", "2024-02-27")


def test_a_review_before_the_care_plan_is_not_the_first():
    # In care Wed 31 Jan 2024 with no care plan (awaiting_care_plan): a review then does not move the
    # looked_after pathway, so it is not the first review and not judged by the first-review rules.
    c = cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                ("2024-02-27", "lac_review_held"))
    verdict = check(c, CAL)
    assert verdict.states["looked_after"] == "awaiting_care_plan"
    assert [f for f in verdict.findings if f.rule in (SA_FIRST, PLAN_FIRST, HEALTH_FIRST, PLAN_AMENDED)] == []


def test_health_assessment_before_the_first_review():
    def assessed(at):
        return (at, "health_assessment_completed", {"assessment": "initial"})
    # First review Tue 27 Feb 2024: an assessment on Mon 26 Feb (or the same day) is in time.
    assert findings(check(in_care(assessed("2024-02-26"), second=None), CAL), HEALTH_FIRST) == []
    assert late(check(in_care(second=None), CAL), HEALTH_FIRST) == ("missing", "2024-02-27", None)
    # The second review (Tue 21 May 2024), with no assessment since the first, is not judged.
    assert findings(check(in_care(assessed("2024-02-26")), CAL), HEALTH_FIRST) == []
    f = only(check(in_care(), CAL), rule=HEALTH_FIRST)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-02-27", "2024-02-27")


def test_health_assessment_before_the_first_review_read_for_childrens_homes_only():
    policy = load_policy("calderdale", interpretations={HEALTH_FIRST: "childrens_home_only"})
    # A child in a children's home (K2) with no assessment: missing at the first review (Tue 27 Feb
    # 2024) only, not again at the second (Tue 21 May 2024).
    f = only(check(in_care(placement="K2"), policy), rule=HEALTH_FIRST)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-02-27", "2024-02-27")
    # A child in foster care (U3) is not held to it.
    assert findings(check(in_care(), policy), HEALTH_FIRST) == []


def test_review_minutes_for_a_child_in_a_childrens_home_within_15_working_days():
    # Second review Tue 21 May 2024: 22 (1), 23 (2), 24 (3), Mon 27 May bank holiday, 28 (4), 29 (5),
    # 30 (6), 31 (7), 3 Jun (8), 4 (9), 5 (10), 6 (11), 7 (12), 10 (13), 11 (14), Wed 12 Jun (15).
    def history(at, placement="K2"):
        return in_care(shared("2024-03-12", "review_minutes"), shared(at, "review_minutes"), placement=placement)
    assert findings(check(history("2024-06-12"), CAL), HOME_MINUTES) == []
    assert late(check(history("2024-06-13"), CAL), HOME_MINUTES) == ("late", "2024-06-12", wd(1))
    # A foster placement (U3) keeps the 20 working days.
    assert findings(check(history("2024-06-13", "U3"), CAL), HOME_MINUTES) == []


def test_care_plan_for_a_child_in_a_childrens_home_within_10_working_days_of_each_review():
    # Second review Tue 21 May 2024: 22 (1), 23 (2), 24 (3), Mon 27 May bank holiday, 28 (4), 29 (5),
    # 30 (6), 31 (7), 3 Jun (8), 4 (9), Wed 5 Jun (10).
    def history(at, placement="K2"):
        return in_care(shared("2024-03-08", "plan", "other"), shared(at, "plan", "other"), placement=placement)
    assert findings(check(history("2024-06-05"), CAL), HOME_PLAN) == []
    assert late(check(history("2024-06-06"), CAL), HOME_PLAN) == ("late", "2024-06-05", wd(1))
    assert findings(check(history("2024-06-06", "U3"), CAL), HOME_PLAN) == []


# --- adoption -----------------------------------------------------------------------------------------------------

LIFE_STORY = K + "adoption.life_story_work_by_first_review_in_placement"


def placed_for_adoption(*later):
    """Placed for adoption Mon 20 May 2024; first review in the placement Tue 18 Jun 2024 (it moves the
    adoption pathway from placed to placed_reviewed; no field of the review says it is the first)."""
    events = [("2024-03-21", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
              ("2024-03-21", "care_plan_prepared"),
              ("2024-04-02", "adoption_decision_made", {"decision": "should_be_placed"}),
              ("2024-04-30", "placement_authorised", {"basis": "placement_order"}),
              ("2024-05-20", "placed_for_adoption", {"authority": "placement_order"}),
              ("2024-06-18", "adoption_review_held"), *later]
    return cd_case(*sorted(events, key=lambda e: e[0]))


def test_life_story_work_by_the_first_review_in_the_placement():
    # First review in the placement Tue 18 Jun 2024: the life story book on Mon 17 Jun is in time.
    assert findings(check(placed_for_adoption(shared("2024-06-17", "life_story_book", "adopters")), CAL),
                    LIFE_STORY) == []
    assert late(check(placed_for_adoption(shared("2024-06-19", "life_story_book", "adopters")), CAL), LIFE_STORY) == (
        "missing", "2024-06-18", None)
    # Later reviews (Wed 18 Dec 2024) need no new life story work.
    later = (("2024-12-18", "adoption_review_held"),)
    assert findings(check(placed_for_adoption(shared("2024-06-17", "life_story_book", "adopters"), *later), CAL),
                    LIFE_STORY) == []


def test_life_story_work_is_judged_only_at_the_first_review_in_the_placement():
    # No life story work at all; a review before the placement (Mon 13 May 2024, authorised, not
    # placed) and the second review in it (Wed 18 Dec 2024) are not judged: one finding, at the first
    # review in the placement (Tue 18 Jun 2024).
    verdict = check(placed_for_adoption(("2024-05-13", "adoption_review_held"), ("2024-12-18", "adoption_review_held")),
                    CAL)
    assert verdict.states["adoption"] == "placed_reviewing"
    f = only(verdict, rule=LIFE_STORY)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-06-18", "2024-06-18")


# --- standards whose vocabulary was added in this pass ------------------------------------------------------------

INCIDENT = K + "fostering.foster_carer_incident_notification_logged_within_24_hours"
THERAPY_FIRST = K + "looked_after.therapeutic_consultation_within_1_month_of_admission"
THERAPY_LATER = K + "looked_after.therapeutic_consultation_within_1_month_of_later_admission"
FIRST_INVITES = K + "looked_after.first_review_invitations_within_2_working_days_of_date_set"
FIT_REVIEW = K + "child_in_need.family_support_led_plan_reviewed_by_service_manager_at_9_months"
FIT_OVERSIGHT = K + "workforce.family_support_led_cin_plan_overseen_by_practice_manager_every_2_months"
CP_15_MONTHS = K + "child_protection.plan_reviewed_by_service_manager_at_15_months"


def test_foster_carer_incident_notification_logged_within_24_hours():
    # Notified Mon 3 Jun 2024 10:00: logged by Tue 4 Jun 10:00; 11:00 is an hour late.
    def history(at, notified_by="foster_carer"):
        return cd_case(("2024-06-03T10:00", "critical_incident_occurred", {"notified_by": notified_by}),
                       (at, "record_updated", {"subject": "incident"}))
    assert findings(check(history("2024-06-04T10:00"), CAL), INCIDENT) == []
    assert late(check(history("2024-06-04T11:00"), CAL), INCIDENT) == (
        "late", "2024-06-04T10:00", {"value": 1, "unit": "hours"})
    # An incident the school reports is not a foster carer's notification.
    assert findings(check(history("2024-06-04T11:00", "school"), CAL), INCIDENT) == []


def consultation(at):
    return (at, "meeting_held", {"meeting": "therapeutic_consultation"})


def test_therapeutic_consultation_within_a_month_of_admission_to_a_childrens_home():
    # Admitted Mon 20 May 2024 (K2): one month = Thu 20 Jun 2024; Fri 21 Jun is a day late.
    def history(*later, placement="K2"):
        return cd_case(("2024-05-20", "looked_after_started", {"legal_status": "C2", "placement_type": placement}),
                       ("2024-05-20", "care_plan_prepared"), *later)
    assert findings(check(history(consultation("2024-06-20")), CAL), THERAPY_FIRST) == []
    assert late(check(history(consultation("2024-06-21")), CAL), THERAPY_FIRST) == ("late", "2024-06-20", days(1))
    assert findings(check(history(consultation("2024-06-21"), placement="U4"), CAL), THERAPY_FIRST) == []
    # A move from foster care into a home on Mon 1 Jul 2024: due Thu 1 Aug 2024.
    moved = ("2024-07-01", "placement_changed", {"placement_type": "K2", "legal_status": "C2"})
    assert findings(check(history(moved, consultation("2024-08-01"), placement="U4"), CAL), THERAPY_LATER) == []
    assert late(check(history(moved, consultation("2024-08-02"), placement="U4"), CAL), THERAPY_LATER) == (
        "late", "2024-08-01", days(1))


def test_first_review_invitations_within_2_working_days_of_the_date_being_set():
    # First review date set Thu 2 May 2024: Fri 3 May (1), Mon 6 May bank holiday, Tue 7 May (2);
    # Wed 8 May is one working day late.
    date_set = ("2024-05-02", "review_date_set", {"review": "looked_after"})
    def history(at):
        return cd_case(("2024-04-30", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                       ("2024-04-30", "care_plan_prepared"), date_set, shared(at, "consultation_form", "family"))
    assert findings(check(history("2024-05-07"), CAL), FIRST_INVITES) == []
    assert late(check(history("2024-05-08"), CAL), FIRST_INVITES) == ("late", "2024-05-07", wd(1))
    # A later review's date (set after the first review, Tue 21 May) is held to 28 days instead.
    later = cd_case(("2024-04-30", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                    ("2024-04-30", "care_plan_prepared"), ("2024-05-21", "lac_review_held"),
                    ("2024-05-22", "review_date_set", {"review": "looked_after"}),
                    shared("2024-06-10", "consultation_form", "family"))
    assert findings(check(later, CAL), FIRST_INVITES) == []


def fit_plan(*later, led_by="family_support_worker"):
    """Child in need plan started Mon 15 Jul 2024."""
    return cd_case(("2024-06-10", "assessment_started"),
                   ("2024-07-01", "assessment_authorised", {"outcome": "cin_plan", **TM}),
                   ("2024-07-15", "cin_plan_started", {"led_by": led_by}), *later)


def test_family_support_led_plan_reviewed_by_the_service_manager_by_9_months():
    # Plan Mon 15 Jul 2024 + 9 months = Tue 15 Apr 2025; Wed 16 Apr is a day late.
    def review(at):
        return (at, "management_oversight_recorded", {"subject": "plan_progress_review", "by": "service_manager"})
    assert findings(check(fit_plan(review("2025-04-15")), CAL), FIT_REVIEW) == []
    assert late(check(fit_plan(review("2025-04-16")), CAL), FIT_REVIEW) == ("late", "2025-04-15", days(1))
    assert findings(check(fit_plan(review("2025-04-16"), led_by="social_worker"), CAL), FIT_REVIEW) == []


def test_family_support_led_plan_overseen_by_the_practice_manager_every_2_months():
    # Plan Mon 15 Jul 2024: first oversight by Sun 15 Sep 2024; then Fri 13 Sep + 2 months = Wed 13 Nov.
    def oversight(at, by="assistant_team_manager"):
        return (at, "management_oversight_recorded", {"subject": "other", "by": by})
    assert findings(check(fit_plan(oversight("2024-09-13"), oversight("2024-11-13")), CAL, as_of="2024-11-20"),
                    FIT_OVERSIGHT) == []
    assert late(check(fit_plan(oversight("2024-09-13"), oversight("2024-11-14")), CAL, as_of="2024-11-20"),
                FIT_OVERSIGHT) == ("gap", "2024-11-13", days(1))
    # A team manager's oversight is not the practice manager's: the first is missing (due Sun 15 Sep).
    assert late(check(fit_plan(oversight("2024-09-13", "team_manager")), CAL, as_of="2024-09-20"),
                FIT_OVERSIGHT)[:2] == ("missing", "2024-09-15")
    # A plan led by a social worker is not held to it.
    assert findings(check(fit_plan(led_by="social_worker"), CAL, as_of="2024-11-20"), FIT_OVERSIGHT) == []


def test_cp_plan_reviewed_by_the_service_manager_by_15_months():
    # Plan started at the ICPC Thu 4 Apr 2024 + 15 months = Fri 4 Jul 2025; Mon 7 Jul is 3 days late.
    def history(at):
        return cd_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                       ("2024-03-12", "s47_started", TM),
                       ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                       ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
                       ("2024-04-04", "cp_plan_started", {"category": "emotional"}),
                       (at, "management_oversight_recorded", {"subject": "plan_progress_review", "by": "service_manager"}))
    assert findings(check(history("2025-07-04"), CAL), CP_15_MONTHS) == []
    assert late(check(history("2025-07-07"), CAL), CP_15_MONTHS) == ("late", "2025-07-04", days(3))


HOME_INCIDENT = K + "looked_after.childrens_home_incident_recorded_within_1_working_day"
PLAN_AMENDED = K + "looked_after.care_plan_amended_within_10_working_days_of_first_review"


def test_incident_in_a_childrens_home_recorded_within_1_working_day():
    # Incident Fri 24 May 2024; Mon 27 May is a bank holiday: due Tue 28 May; Wed 29 May 1 wd late.
    def history(at, placement="K2"):
        return cd_case(("2024-05-20", "looked_after_started", {"legal_status": "C2", "placement_type": placement}),
                       ("2024-05-20", "care_plan_prepared"), ("2024-05-24", "critical_incident_occurred"),
                       (at, "record_updated", {"subject": "incident"}))
    assert findings(check(history("2024-05-28"), CAL), HOME_INCIDENT) == []
    assert late(check(history("2024-05-29"), CAL), HOME_INCIDENT) == ("late", "2024-05-28", wd(1))
    assert findings(check(history("2024-05-29", "U4"), CAL), HOME_INCIDENT) == []


@pytest.mark.parametrize("amended, at, expected", [
    (True, "2024-03-12", None),                            # the 10th working day
    (True, "2024-03-13", ("late", "2024-03-12", wd(1))),
    (False, "2024-03-13", None),                           # no amendment decided: not timed
])
def test_care_plan_amended_within_10_working_days_of_the_first_review(amended, at, expected):
    # First review Tue 27 Feb 2024: 28 (1), 29 (2), 1 Mar (3), 4-8 Mar (8), 11 (9), Tue 12 Mar (10).
    # It is the first because the care plan of Wed 31 Jan put the pathway in awaiting_first_review.
    history = cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                      ("2024-01-31", "care_plan_prepared"),
                      ("2024-02-27", "lac_review_held", {"care_plan_amended": amended}),
                      (at, "care_plan_prepared"))
    if expected is None:
        assert findings(check(history, CAL), PLAN_AMENDED) == []
    else:
        assert late(check(history, CAL), PLAN_AMENDED) == expected


def test_an_amendment_decided_at_a_later_review_starts_no_10_working_day_clock():
    # First review Tue 27 Feb 2024 (no amendment); the second, Tue 21 May 2024, decides one and the
    # plan is never amended: the second review is not the first, so nothing is owed by this rule.
    history = cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                      ("2024-01-31", "care_plan_prepared"),
                      ("2024-02-27", "lac_review_held", {"care_plan_amended": False}),
                      ("2024-05-21", "lac_review_held", {"care_plan_amended": True}))
    verdict = check(history, CAL, as_of="2024-12-31")
    assert verdict.states["looked_after"] == "reviewing"
    assert findings(verdict, PLAN_AMENDED) == []


LC_CONTACT = K + "leaving_care.contact_every_2_months_from_18"


def contacted(at, with_child=True):
    return (at, "family_contacted", {"with_child": with_child, "method": "phone"})


def former_relevant(child, *later):
    return cd_case(("2024-01-15", "care_leaver_status_changed", {"status": "former_relevant"}), *later, child=child)


def test_care_leaver_contacted_every_2_months_from_18():
    # 20 years old (born 1 Jan 2004); former relevant from Mon 15 Jan 2024: first contact due Fri
    # 15 Mar; then Fri 15 Mar + 2 months = Wed 15 May; Fri 17 May is two days late.
    child = {"date_of_birth": "2004-01-01"}
    assert findings(check(former_relevant(child, contacted("2024-03-15"), contacted("2024-05-15")), CAL),
                    LC_CONTACT) == []
    assert late(check(former_relevant(child, contacted("2024-03-15"), contacted("2024-05-17")), CAL), LC_CONTACT) == (
        "gap", "2024-05-15", days(2))
    # Contact with a parent only is not contact with the young person: Fri 15 Mar was missed.
    assert late(check(former_relevant(child, contacted("2024-03-15", False)), CAL, as_of="2024-03-20"),
                LC_CONTACT)[:2] == ("missing", "2024-03-15")


def test_care_leaver_contacted_every_3_months_from_21():
    # Born 1 Apr 2003, 21 on Mon 1 Apr 2024. Contacts Fri 15 Mar (aged 20) and Wed 15 May (aged 21,
    # due two months after 15 Mar); from 15 May three months: Thu 15 Aug; Fri 16 Aug is a day late.
    child = {"date_of_birth": "2003-04-01"}
    ok = former_relevant(child, contacted("2024-03-15"), contacted("2024-05-15"), contacted("2024-08-15"))
    assert findings(check(ok, CAL), LC_CONTACT) == []
    late_one = former_relevant(child, contacted("2024-03-15"), contacted("2024-05-15"), contacted("2024-08-16"))
    assert late(check(late_one, CAL), LC_CONTACT) == ("gap", "2024-08-15", days(1))


LC_RELEVANT_SEEN = K + "leaving_care.relevant_young_person_seen_every_3_months"


def test_relevant_young_person_seen_every_3_months():
    # 17 (born 1 Mar 2007); relevant from Mon 3 Jun 2024: first seen by Tue 3 Sep 2024; then
    # Tue 3 Sep + 3 months = Tue 3 Dec 2024; Wed 4 Dec is a day late.
    child = {"date_of_birth": "2007-03-01"}
    def history(*visits):
        return cd_case(("2024-06-03", "care_leaver_status_changed", {"status": "relevant"}),
                       *[(at, "visit", {"purpose": "leaving_care", "seen": seen}) for at, seen in visits], child=child)
    assert findings(check(history(("2024-09-03", True), ("2024-12-03", True)), CAL), LC_RELEVANT_SEEN) == []
    assert late(check(history(("2024-09-03", True), ("2024-12-04", True)), CAL), LC_RELEVANT_SEEN) == (
        "gap", "2024-12-03", days(1))
    # A visit at which the young person was not seen does not count: the first, due Tue 3 Sep, is missing.
    assert late(check(history(("2024-09-03", False)), CAL, as_of="2024-09-10"), LC_RELEVANT_SEEN)[:2] == (
        "missing", "2024-09-03")


def test_review_invitations_may_be_sent_as_meeting_invitations():
    # Second review Tue 21 May 2024 - 28 days = Tue 23 Apr 2024: an invitation that day is in time.
    assert findings(check(in_care(shared("2024-04-23", "meeting_invitation", "family")), CAL), INVITATIONS) == []
    # First review date set Thu 2 May 2024 (in care from Tue 30 Apr): invitations by Tue 7 May (Mon 6 May is a
    # bank holiday).
    history = cd_case(("2024-04-30", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                      ("2024-04-30", "care_plan_prepared"),
                      ("2024-05-02", "review_date_set", {"review": "looked_after"}),
                      shared("2024-05-07", "meeting_invitation", "family"))
    assert findings(check(history, CAL), FIRST_INVITES) == []
