"""Surrey practice standards (seed 000) encoded with the vocabulary added for them: the C-SPA BRAG
completion timescales (referral_decision rating and route, contact_completed), contact with the
family at allocation (family_contacted), service assessments (service_assessment_started /
_completed), the service pathways (early help, intensive family support, adolescent service,
youth justice, family support), care leavers' risk assessments (risk_assessment_reviewed) and
pathway plan sign-off (pathway_plan_authorised), dental checks and eye tests
(health_check_completed), and notices and supervision records (document_shared).

A compliant and a breaching history per rule. Every expected date is counted by hand in a comment.
Bank holidays in England: 2024 - 1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec;
2025 - 1 Jan, 18 Apr, 21 Apr, 5 May, 26 May, 25 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

import pytest
from conftest import case, check, findings, late, only

from journey.spec.load import load_policy

SURREY = load_policy("surrey")


def sy_case(*events, child=None, policy=SURREY):
    return case(*events, child=child, policy=policy)


# --- C-SPA: BRAG completion timescales (lines 179-204) ----------------------------------------------

BLUE = "surrey.front_door.blue_contacts_completed_within_5_working_days"
GREEN_HUB = "surrey.front_door.green_early_help_hub_contacts_completed_within_3_working_days"
GREEN_MAP = "surrey.front_door.green_map_contacts_completed_within_24_hours"
AMBER = "surrey.front_door.amber_contacts_completed_within_24_hours"
RED = "surrey.front_door.red_contacts_completed_within_4_hours"
BRAG = (BLUE, GREEN_HUB, GREEN_MAP, AMBER, RED)


def contact(received, decided, completed, **decision):
    return sy_case((received, "contact_received"),
                   (decided, "referral_decision", {"outcome": "assessment", "by": "social_worker", **decision}),
                   (completed, "contact_completed"))


def brag_findings(verdict):
    return [f.rule for f in verdict.findings if f.rule in BRAG]


def test_red_contact_completed_within_4_hours_of_the_decision():
    # Decided Mon 3 Jun 2024 10:00 + 4 hours = 14:00; completed 16:00 is 2 hours late.
    assert brag_findings(check(contact("2024-06-03T09:00", "2024-06-03T10:00", "2024-06-03T13:45",
                                       rating="red"), SURREY)) == []
    verdict = check(contact("2024-06-03T09:00", "2024-06-03T10:00", "2024-06-03T16:00", rating="red"), SURREY)
    assert late(verdict, RED) == ("late", "2024-06-03T14:00", {"value": 2, "unit": "hours"})
    assert brag_findings(verdict) == [RED]


def test_amber_contact_completed_within_24_hours():
    # Decided Tue 4 Jun 2024 11:00 + 24 hours = Wed 5 Jun 11:00; Thu 6 Jun 09:00 is 22 hours late.
    assert brag_findings(check(contact("2024-06-04T09:00", "2024-06-04T11:00", "2024-06-05T10:00",
                                       rating="amber"), SURREY)) == []
    verdict = check(contact("2024-06-04T09:00", "2024-06-04T11:00", "2024-06-06T09:00", rating="amber"), SURREY)
    assert late(verdict, AMBER) == ("late", "2024-06-05T11:00", {"value": 22, "unit": "hours"})


def test_green_contact_routed_to_the_map_completed_within_24_clock_hours():
    # Decided Fri 7 Jun 2024 16:00 + 24 clock hours = Sat 8 Jun 16:00 (hours run over the weekend);
    # Mon 10 Jun 09:00 is 24 + 17 = 41 hours late. The Early Help Hub's 3 working days do not apply.
    map_route = {"rating": "green", "route": "multi_agency_team"}
    assert brag_findings(check(contact("2024-06-07T09:00", "2024-06-07T16:00", "2024-06-08T12:00",
                                       **map_route), SURREY)) == []
    verdict = check(contact("2024-06-07T09:00", "2024-06-07T16:00", "2024-06-10T09:00", **map_route), SURREY)
    assert late(verdict, GREEN_MAP) == ("late", "2024-06-08T16:00", {"value": 41, "unit": "hours"})
    assert brag_findings(verdict) == [GREEN_MAP]


def test_green_contact_routed_to_the_early_help_hub_completed_within_3_working_days():
    # Decided Thu 23 May 2024 + 3 working days: Fri 24 (1), Mon 27 May is a bank holiday,
    # Tue 28 (2), Wed 29 May (3). Thu 30 May is 1 working day late.
    hub = {"rating": "green", "route": "early_help_hub"}
    assert brag_findings(check(contact("2024-05-23T09:00", "2024-05-23T10:00", "2024-05-29T16:00", **hub),
                               SURREY)) == []
    verdict = check(contact("2024-05-23T09:00", "2024-05-23T10:00", "2024-05-30T09:00", **hub), SURREY)
    assert late(verdict, GREEN_HUB) == ("late", "2024-05-29", {"value": 1, "unit": "working_days"})
    assert brag_findings(verdict) == [GREEN_HUB]


def test_blue_contact_completed_within_5_working_days():
    # Decided Mon 3 Jun 2024 + 5 working days = Mon 10 Jun; Tue 11 Jun is 1 working day late.
    assert brag_findings(check(contact("2024-06-03T09:00", "2024-06-03T10:00", "2024-06-10T17:00",
                                       rating="blue"), SURREY)) == []
    verdict = check(contact("2024-06-03T09:00", "2024-06-03T10:00", "2024-06-11T09:00", rating="blue"), SURREY)
    assert late(verdict, BLUE) == ("late", "2024-06-10", {"value": 1, "unit": "working_days"})


def test_an_unrated_decision_or_a_green_one_with_no_route_starts_no_completion_clock():
    for decision in ({}, {"rating": "green"}):
        verdict = check(contact("2024-06-03T09:00", "2024-06-03T10:00", "2024-06-28T09:00", **decision), SURREY)
        assert brag_findings(verdict) == []


def test_a_blue_contact_closed_before_its_completion_is_due_needs_no_completion():
    # Decided Mon 3 Jun 2024 (due Mon 10 Jun); the case closes on Wed 5 Jun; as of Mon 1 Jul.
    history = sy_case(("2024-06-03T09:00", "contact_received"),
                      ("2024-06-03T10:00", "referral_decision", {"outcome": "nfa", "by": "social_worker",
                                                                 "rating": "blue"}),
                      ("2024-06-05", "case_closed"))
    assert findings(check(history, SURREY, as_of="2024-07-01"), BLUE) == []


def test_a_blue_contact_never_completed_is_missing():
    # Decided Mon 3 Jun 2024, due Mon 10 Jun; as of Mon 1 Jul nothing has completed it.
    history = sy_case(("2024-06-03T09:00", "contact_received"),
                      ("2024-06-03T10:00", "referral_decision", {"outcome": "nfa", "by": "social_worker",
                                                                 "rating": "blue"}))
    f = only(check(history, SURREY, as_of="2024-07-01"), rule=BLUE)
    assert (f.kind, f.due) == ("missing", "2024-06-10")


# --- contact with the family at allocation ------------------------------------------------------------

ASSESSMENT_CONTACT = "surrey.assessment.family_contacted_within_24_hours_of_allocation"
EH_CONTACT = "surrey.early_help.initial_contact_within_5_working_days_of_allocation"
ADOLESCENT_CONTACT = "surrey.adolescent_service.family_contacted_within_24_hours_of_allocation"
YJ_CONTACT = "surrey.youth_justice.child_and_parent_contacted_within_48_hours_of_allocation"


def test_assessment_service_contacts_the_family_within_24_hours_of_allocation():
    # Allocated Mon 3 Jun 2024 10:00 + 24 hours = Tue 4 Jun 10:00; 13:00 is 3 hours late.
    def history(contacted):
        return sy_case(("2024-06-03T10:00", "case_allocated", {"team": "assessment"}),
                       (contacted, "family_contacted"))
    assert findings(check(history("2024-06-04T09:30"), SURREY), ASSESSMENT_CONTACT) == []
    assert late(check(history("2024-06-04T13:00"), SURREY), ASSESSMENT_CONTACT) == (
        "late", "2024-06-04T10:00", {"value": 3, "unit": "hours"})


def test_allocation_to_another_team_starts_no_assessment_contact_clock():
    history = sy_case(("2024-06-03T10:00", "case_allocated", {"team": "children_in_care"}),
                      ("2024-06-10T10:00", "family_contacted"))
    assert findings(check(history, SURREY), ASSESSMENT_CONTACT) == []


def test_early_help_initial_contact_within_5_working_days_over_easter():
    # Allocated Thu 28 Mar 2024; Fri 29 Mar and Mon 1 Apr are bank holidays: Tue 2 (1), Wed 3 (2),
    # Thu 4 (3), Fri 5 (4), Mon 8 Apr (5). Tue 9 Apr is 1 working day late.
    def history(contacted):
        return sy_case(("2024-03-28", "case_allocated", {"team": "early_help"}),
                       (contacted, "family_contacted", {"by": "early_help_worker"}))
    assert findings(check(history("2024-04-08"), SURREY), EH_CONTACT) == []
    assert late(check(history("2024-04-09"), SURREY), EH_CONTACT) == (
        "late", "2024-04-08", {"value": 1, "unit": "working_days"})


def test_adolescent_service_contacts_the_family_within_24_hours_of_opening():
    # Opened Mon 3 Jun 2024 10:00 + 24 hours = Tue 4 Jun 10:00; 12:00 is 2 hours late.
    def history(contacted):
        return sy_case(("2024-06-03T10:00", "service_started", {"service": "adolescent_service"}),
                       (contacted, "family_contacted"))
    assert findings(check(history("2024-06-04T09:00"), SURREY), ADOLESCENT_CONTACT) == []
    assert late(check(history("2024-06-04T12:00"), SURREY), ADOLESCENT_CONTACT) == (
        "late", "2024-06-04T10:00", {"value": 2, "unit": "hours"})


def test_youth_justice_contacts_the_child_and_a_parent_within_48_hours_of_allocation():
    # Allocated Mon 3 Jun 2024 10:00 + 48 hours = Wed 5 Jun 10:00. A contact with the parent alone
    # (Tue 4 Jun) does not end the clock; the contact with both at Wed 5 Jun 15:00 is 5 hours late.
    both = {"with_child": True, "with_parent_or_carer": True}
    on_time = sy_case(("2024-06-03T10:00", "case_allocated", {"team": "youth_justice"}),
                      ("2024-06-05T09:00", "family_contacted", both))
    assert findings(check(on_time, SURREY), YJ_CONTACT) == []
    late_case = sy_case(("2024-06-03T10:00", "case_allocated", {"team": "youth_justice"}),
                        ("2024-06-04T10:00", "family_contacted", {"with_child": False, "with_parent_or_carer": True}),
                        ("2024-06-05T15:00", "family_contacted", both))
    assert late(check(late_case, SURREY), YJ_CONTACT) == ("late", "2024-06-05T10:00", {"value": 5, "unit": "hours"})


# --- service assessments ---------------------------------------------------------------------------------

EHA = "surrey.early_help.early_help_assessment_within_45_days_of_allocation"
EFH = "surrey.adolescent_service.efh_risk_assessment_within_15_working_days"
PDAT = "surrey.youth_justice.prevention_and_diversion_assessment_within_20_working_days"
PF_ASSESSMENT = "surrey.private_fostering.full_assessment_within_42_days"


def test_early_help_assessment_within_45_calendar_days_of_allocation():
    # Allocated Mon 1 Jul 2024 + 45 days: + 30 = Wed 31 Jul, + 15 = Thu 15 Aug. Fri 16 Aug is 1 day late.
    def history(completed, assessment="early_help"):
        return sy_case(("2024-07-01", "case_allocated", {"team": "early_help"}),
                       (completed, "service_assessment_completed", {"assessment": assessment}))
    assert findings(check(history("2024-08-15"), SURREY), EHA) == []
    assert late(check(history("2024-08-16"), SURREY), EHA) == ("late", "2024-08-15", {"value": 1, "unit": "days"})
    # Another kind of assessment does not end the clock: as of Fri 16 Aug the EHA is missing.
    f = only(check(history("2024-08-16", "extra_familial_harm"), SURREY), rule=EHA)
    assert (f.kind, f.due) == ("missing", "2024-08-15")


def test_early_help_assessment_clock_ends_when_the_case_closes():
    history = sy_case(("2024-07-01", "case_allocated", {"team": "early_help"}),
                      ("2024-07-20", "case_closed"))
    assert findings(check(history, SURREY, as_of="2024-09-30"), EHA) == []


def test_extra_familial_harm_risk_assessment_within_15_working_days():
    # Started Mon 19 Aug 2024 + 15 working days, Mon 26 Aug a bank holiday: Tue 20 - Fri 23 (4),
    # Tue 27 - Fri 30 (8), Mon 2 - Fri 6 Sep (13), Mon 9 (14), Tue 10 Sep (15). Wed 11 Sep is late.
    def history(completed):
        return sy_case(("2024-08-19", "service_assessment_started", {"assessment": "extra_familial_harm"}),
                       (completed, "service_assessment_completed", {"assessment": "extra_familial_harm"}))
    assert findings(check(history("2024-09-10"), SURREY), EFH) == []
    assert late(check(history("2024-09-11"), SURREY), EFH) == ("late", "2024-09-10", {"value": 1, "unit": "working_days"})


def test_prevention_and_diversion_assessment_within_20_working_days():
    # Started Tue 7 May 2024 + 20 working days, Mon 27 May a bank holiday: Wed 8 - Fri 10 (3),
    # 13-17 (8), 20-24 (13), Tue 28 - Fri 31 (17), Mon 3 (18), Tue 4 (19), Wed 5 Jun (20).
    def history(completed):
        return sy_case(("2024-05-07", "service_assessment_started", {"assessment": "prevention_and_diversion"}),
                       (completed, "service_assessment_completed", {"assessment": "prevention_and_diversion"}))
    assert findings(check(history("2024-06-05"), SURREY), PDAT) == []
    assert late(check(history("2024-06-06"), SURREY), PDAT) == ("late", "2024-06-05", {"value": 1, "unit": "working_days"})


def test_prevention_and_diversion_assessment_from_allocation_reading():
    # Read from allocation (Fri 3 May 2024): Mon 6 May a bank holiday; Tue 7 - Fri 10 (4),
    # 13-17 (9), 20-24 (14), Tue 28 - Fri 31 (18), Mon 3 (19), Tue 4 Jun (20). Wed 5 Jun is late.
    policy = load_policy("surrey", {PDAT: "from_allocation"})
    history = sy_case(("2024-05-03", "case_allocated", {"team": "youth_justice"}),
                      ("2024-05-07", "service_assessment_started", {"assessment": "prevention_and_diversion"}),
                      ("2024-06-05", "service_assessment_completed", {"assessment": "prevention_and_diversion"}),
                      policy=policy)
    assert late(check(history, policy), PDAT) == ("late", "2024-06-04", {"value": 1, "unit": "working_days"})
    assert findings(check(history, SURREY), PDAT) == []


def test_private_fostering_full_assessment_within_42_days_of_notification():
    # Notified Mon 2 Sep 2024 + 42 days: + 28 = Mon 30 Sep, + 14 = Mon 14 Oct. Tue 15 Oct is 1 day late.
    def history(completed):
        return sy_case(("2024-09-02", "private_fostering_notified", {"arrangement": "existing"}),
                       (completed, "service_assessment_completed", {"assessment": "private_fostering"}))
    assert findings(check(history("2024-10-14"), SURREY), PF_ASSESSMENT) == []
    assert late(check(history("2024-10-15"), SURREY), PF_ASSESSMENT) == (
        "late", "2024-10-14", {"value": 1, "unit": "days"})


def test_private_fostering_assessment_not_due_once_the_arrangement_ends():
    history = sy_case(("2024-09-02", "private_fostering_notified", {"arrangement": "proposed"}),
                      ("2024-09-20", "private_fostering_ended"))
    assert findings(check(history, SURREY, as_of="2024-11-01"), PF_ASSESSMENT) == []


# --- service pathways: visits, meetings and supervision while open ------------------------------------------

IFSS_VISITS = "surrey.early_help.ifss_visits_every_10_working_days"
ADOLESCENT_VISITS = "surrey.adolescent_service.visits_every_20_working_days"
TAF = "surrey.adolescent_service.taf_reviews_every_12_weeks"
FRT_SEEN = "surrey.children_with_disabilities.family_support_child_seen_every_6_months"


def test_intensive_family_support_visits_every_10_working_days():
    # Opened Mon 2 Sep 2024: first visit within 10 working days = Mon 16 Sep; the next 10 working
    # days after that = Mon 30 Sep. A visit on Tue 1 Oct is a gap of 1 working day.
    opened = ("2024-09-02", "service_started", {"service": "intensive_family_support"})
    compliant = sy_case(opened, ("2024-09-16", "visit"), ("2024-09-30", "visit"),
                        ("2024-10-07", "service_ended", {"service": "intensive_family_support"}))
    assert findings(check(compliant, SURREY, as_of="2024-12-31"), IFSS_VISITS) == []
    gap = sy_case(opened, ("2024-09-16", "visit"), ("2024-10-01", "visit"))
    assert late(check(gap, SURREY), IFSS_VISITS) == ("gap", "2024-09-30", {"value": 1, "unit": "working_days"})
    first_late = sy_case(opened, ("2024-09-17", "visit"))
    assert late(check(first_late, SURREY), IFSS_VISITS) == ("gap", "2024-09-16", {"value": 1, "unit": "working_days"})


def test_no_ifss_visits_are_due_while_the_case_is_not_open_to_the_service():
    history = sy_case(("2024-09-02", "service_started", {"service": "early_help"}), ("2024-12-02", "visit"))
    assert findings(check(history, SURREY), IFSS_VISITS) == []


def test_adolescent_service_visits_at_least_every_20_working_days():
    # Opened Mon 3 Jun 2024 + 20 working days (no bank holidays) = Mon 1 Jul; + 20 = Mon 29 Jul.
    opened = ("2024-06-03", "service_started", {"service": "adolescent_service"})
    assert findings(check(sy_case(opened, ("2024-07-01", "visit"), ("2024-07-29", "visit")), SURREY),
                    ADOLESCENT_VISITS) == []
    assert late(check(sy_case(opened, ("2024-07-01", "visit"), ("2024-07-30", "visit")), SURREY),
                ADOLESCENT_VISITS) == ("gap", "2024-07-29", {"value": 1, "unit": "working_days"})


def test_adolescent_service_first_taf_within_35_working_days_then_reviews_every_12_weeks():
    # Opened Mon 2 Sep 2024 + 35 working days (7 weeks, no bank holidays) = Mon 21 Oct.
    # 21 Oct + 12 weeks (84 days): + 10 = 31 Oct, + 30 = 30 Nov, + 31 = 31 Dec, + 13 = Mon 13 Jan 2025.
    opened = ("2024-09-02", "service_started", {"service": "adolescent_service"})
    taf = {"meeting": "team_around_family"}
    compliant = sy_case(opened, ("2024-10-21", "meeting_held", taf), ("2025-01-13", "meeting_held", taf))
    assert findings(check(compliant, SURREY), TAF) == []
    review_late = sy_case(opened, ("2024-10-21", "meeting_held", taf), ("2025-01-14", "meeting_held", taf))
    assert late(check(review_late, SURREY), TAF) == ("gap", "2025-01-13", {"value": 1, "unit": "days"})
    # A late first meeting (Tue 22 Oct) is a gap too, measured in the rule's interval unit (days).
    first_late = sy_case(opened, ("2024-10-22", "meeting_held", taf))
    assert late(check(first_late, SURREY), TAF) == ("gap", "2024-10-21", {"value": 1, "unit": "days"})


@pytest.mark.parametrize("rule, service", [
    ("surrey.case_supervision.ifss_supervision_every_4_weeks", "intensive_family_support"),
    ("surrey.case_supervision.adolescent_service_supervision_every_4_weeks", "adolescent_service"),
    ("surrey.case_supervision.youth_justice_supervision_every_4_weeks", "youth_justice"),
])
def test_service_case_supervision_every_4_weeks(rule, service):
    # Opened Mon 1 Jul 2024 + 4 weeks = Mon 29 Jul; + 4 weeks = Mon 26 Aug. Tue 27 Aug is 1 day late.
    opened = ("2024-07-01", "service_started", {"service": service})
    assert findings(check(sy_case(opened, ("2024-07-29", "case_supervision_held"),
                                  ("2024-08-26", "case_supervision_held")), SURREY), rule) == []
    verdict = check(sy_case(opened, ("2024-07-29", "case_supervision_held"), ("2024-08-27", "case_supervision_held")),
                    SURREY)
    assert late(verdict, rule) == ("gap", "2024-08-26", {"value": 1, "unit": "days"})
    # Supervision for one service binds no other service's rule.
    others = [f.rule for f in verdict.findings if f.rule.startswith("surrey.case_supervision.") and f.rule != rule]
    assert others == []


def test_family_support_team_sees_the_child_every_6_months():
    # Opened Sat 31 Aug 2024 + 6 months = 28 Feb 2025 (the month ends first). A visit where the
    # child is not seen does not count; seen on Sat 1 Mar 2025 is 1 day late.
    opened = ("2024-08-31", "service_started", {"service": "family_support"})
    assert findings(check(sy_case(opened, ("2025-02-28", "visit", {"seen": True})), SURREY), FRT_SEEN) == []
    verdict = check(sy_case(opened, ("2024-12-02", "visit", {"seen": False}), ("2025-03-01", "visit", {"seen": True})),
                    SURREY)
    assert late(verdict, FRT_SEEN) == ("gap", "2025-02-28", {"value": 1, "unit": "days"})


# --- care leavers: risk assessment reviews and pathway plan sign-off -----------------------------------------

RED_RISK = "surrey.leaving_care.red_risk_assessment_reviewed_within_1_month"
AMBER_RISK = "surrey.leaving_care.amber_risk_assessment_reviewed_within_3_months"
GREEN_RISK = "surrey.leaving_care.green_risk_assessment_reviewed_within_6_months"
SIGN_OFF = "surrey.leaving_care.pathway_plan_signed_off_within_1_week"
REVIEW_SIGN_OFF = "surrey.leaving_care.reviewed_pathway_plan_signed_off_within_1_week"
AUTHORISED_BY = "surrey.leaving_care.pathway_plan_authorised_by_team_manager"


def review(at, rating):
    return (at, "risk_assessment_reviewed", {"rating": rating})


def test_risk_reviews_follow_the_last_rating():
    # Red on Mon 15 Jan 2024 + 1 month = Thu 15 Feb: reviewed then, rated amber; amber + 3 months =
    # Wed 15 May: reviewed Thu 16 May, 1 day late (for amber, not for red).
    verdict = check(sy_case(review("2024-01-15", "red"), review("2024-02-15", "amber"), review("2024-05-16", "green")),
                    SURREY)
    assert findings(verdict, RED_RISK) == []
    assert late(verdict, AMBER_RISK) == ("late", "2024-05-15", {"value": 1, "unit": "days"})
    assert findings(verdict, GREEN_RISK) == []


def test_amber_risk_review_within_3_months():
    # Amber on Tue 30 Apr 2024 + 3 months = Tue 30 Jul; Wed 31 Jul is 1 day late.
    assert findings(check(sy_case(review("2024-04-30", "amber"), review("2024-07-30", "amber")), SURREY),
                    AMBER_RISK) == []
    assert late(check(sy_case(review("2024-04-30", "amber"), review("2024-07-31", "red")), SURREY), AMBER_RISK) == (
        "late", "2024-07-30", {"value": 1, "unit": "days"})


def test_red_risk_review_within_a_month_in_a_leap_year():
    # Red on Wed 31 Jan 2024 + 1 month = Thu 29 Feb 2024 (the month ends first); Fri 1 Mar is late.
    assert findings(check(sy_case(review("2024-01-31", "red"), review("2024-02-29", "red")), SURREY), RED_RISK) == []
    assert late(check(sy_case(review("2024-01-31", "red"), review("2024-03-01", "red")), SURREY), RED_RISK) == (
        "late", "2024-02-29", {"value": 1, "unit": "days"})


def test_green_risk_review_within_6_months():
    # Green on Thu 31 Aug 2023 + 6 months = Thu 29 Feb 2024; Fri 1 Mar 2024 is 1 day late.
    assert findings(check(sy_case(review("2023-08-31", "green"), review("2024-02-29", "green")), SURREY),
                    GREEN_RISK) == []
    assert late(check(sy_case(review("2023-08-31", "green"), review("2024-03-01", "green")), SURREY), GREEN_RISK) == (
        "late", "2024-02-29", {"value": 1, "unit": "days"})


CARE_LEAVER = {"date_of_birth": "2006-01-10"}
FORMER_RELEVANT = ("2024-01-10", "care_leaver_status_changed", {"status": "former_relevant"})


def test_pathway_plan_signed_off_within_a_week_of_completion():
    # Prepared Thu 4 Apr 2024 + 1 week = Thu 11 Apr; Fri 12 Apr is 1 day late.
    def history(authorised):
        return sy_case(FORMER_RELEVANT, ("2024-04-04", "pathway_plan_prepared", {"by": "personal_adviser"}),
                       (authorised, "pathway_plan_authorised", {"by": "team_manager"}), child=CARE_LEAVER)
    assert findings(check(history("2024-04-11"), SURREY), SIGN_OFF) == []
    assert late(check(history("2024-04-12"), SURREY), SIGN_OFF) == ("late", "2024-04-11", {"value": 1, "unit": "days"})


def test_reviewed_pathway_plan_signed_off_within_a_week():
    # Reviewed Tue 1 Oct 2024 + 1 week = Tue 8 Oct; Wed 9 Oct is 1 day late.
    def history(authorised):
        return sy_case(FORMER_RELEVANT, ("2024-10-01", "pathway_plan_reviewed"),
                       (authorised, "pathway_plan_authorised", {"by": "team_manager"}), child=CARE_LEAVER)
    assert findings(check(history("2024-10-08"), SURREY), REVIEW_SIGN_OFF) == []
    assert late(check(history("2024-10-09"), SURREY), REVIEW_SIGN_OFF) == (
        "late", "2024-10-08", {"value": 1, "unit": "days"})


def test_pathway_plan_authorised_by_the_team_manager():
    def verdict(**by):
        return check(sy_case(FORMER_RELEVANT, ("2024-04-04", "pathway_plan_prepared"),
                             ("2024-04-05", "pathway_plan_authorised", by), child=CARE_LEAVER), SURREY)
    assert findings(verdict(by="team_manager"), AUTHORISED_BY) == []
    assert only(verdict(by="personal_adviser"), rule=AUTHORISED_BY).kind == "guard_failed"
    assert only(verdict(by="service_manager"), rule=AUTHORISED_BY).kind == "guard_failed"
    assert only(verdict(), rule=AUTHORISED_BY).kind == "indeterminate"
    senior = load_policy("surrey", {AUTHORISED_BY: "team_manager_or_above"})
    history = sy_case(FORMER_RELEVANT, ("2024-04-04", "pathway_plan_prepared"),
                      ("2024-04-05", "pathway_plan_authorised", {"by": "service_manager"}), child=CARE_LEAVER,
                      policy=senior)
    assert findings(check(history, senior), AUTHORISED_BY) == []


# --- looked after children: the reviewing unit, dental checks, eye tests --------------------------------------

IRU = "surrey.looked_after.reviewing_unit_notified_within_2_working_days"
DENTAL = "surrey.looked_after.dental_check_annually"
EYES = "surrey.looked_after.eye_test_every_2_years"
NOTICE = {"document": "notification", "recipient": "iro"}


def test_reviewing_unit_notified_within_2_working_days_of_coming_into_care():
    # Looked after Thu 22 Aug 2024: Fri 23 (1), Mon 26 Aug a bank holiday, Tue 27 Aug (2).
    def history(notified, legal_status="C1", recipient="iro"):
        return sy_case(("2024-08-22", "looked_after_started", {"legal_status": legal_status, "placement_type": "U4"}),
                       (notified, "document_shared", {**NOTICE, "recipient": recipient}))
    assert findings(check(history("2024-08-27"), SURREY), IRU) == []
    assert late(check(history("2024-08-28"), SURREY), IRU) == ("late", "2024-08-27", {"value": 1, "unit": "working_days"})
    f = only(check(history("2024-08-27", recipient="family"), SURREY, as_of="2024-08-28"), rule=IRU)
    assert (f.kind, f.due) == ("missing", "2024-08-27")
    # A series of short breaks is not coming into care.
    assert findings(check(history("2024-09-30", legal_status="V3"), SURREY), IRU) == []


def test_dental_check_annually_while_looked_after():
    # Looked after Mon 15 Jan 2024: first dental check within 12 months = Wed 15 Jan 2025;
    # Thu 16 Jan 2025 is 1 day late. An eye test is not a dental check.
    started = ("2024-01-15", "looked_after_started", {"legal_status": "C2", "placement_type": "U4"})
    dental = {"check": "dental"}
    assert findings(check(sy_case(started, ("2025-01-15", "health_check_completed", dental)), SURREY), DENTAL) == []
    verdict = check(sy_case(started, ("2024-06-03", "health_check_completed", {"check": "eye_test"}),
                            ("2025-01-16", "health_check_completed", dental)), SURREY)
    assert late(verdict, DENTAL) == ("gap", "2025-01-15", {"value": 1, "unit": "days"})


def test_eye_test_every_2_years_while_looked_after():
    # Looked after Wed 10 Apr 2024: eye test within 2 years = Fri 10 Apr 2026; Sat 11 Apr is 1 day late.
    started = ("2024-04-10", "looked_after_started", {"legal_status": "C2", "placement_type": "U4"})
    eyes = {"check": "eye_test"}
    assert findings(check(sy_case(started, ("2026-04-10", "health_check_completed", eyes)), SURREY), EYES) == []
    assert late(check(sy_case(started, ("2026-04-11", "health_check_completed", eyes)), SURREY), EYES) == (
        "gap", "2026-04-10", {"value": 1, "unit": "days"})


# --- fostering: supervision records --------------------------------------------------------------------------

SUPERVISION_RECORD = "surrey.fostering.supervision_record_shared_within_2_working_days"


def test_supervision_record_shared_with_the_foster_carer_within_2_working_days():
    # Visited Fri 24 May 2024: Mon 27 May a bank holiday; Tue 28 (1), Wed 29 May (2). Thu 30 is late.
    def history(shared, recipient="foster_carer"):
        return sy_case(("2024-05-24", "foster_carer_visited"),
                       (shared, "document_shared", {"document": "supervision_record", "recipient": recipient}))
    assert findings(check(history("2024-05-29"), SURREY), SUPERVISION_RECORD) == []
    assert late(check(history("2024-05-30"), SURREY), SUPERVISION_RECORD) == (
        "late", "2024-05-29", {"value": 1, "unit": "working_days"})
    f = only(check(history("2024-05-29", recipient="family"), SURREY, as_of="2024-06-03"), rule=SUPERVISION_RECORD)
    assert (f.kind, f.due) == ("missing", "2024-05-29")


# --- child protection medicals, step down to child in need, family support plan reviews -----------------

NAI_MEDICAL = "surrey.child_protection.medical_for_suspected_nai_within_24_hours"
STEP_DOWN = "surrey.child_in_need.meeting_within_10_working_days_of_cp_step_down"
FRT_REVIEW = "surrey.children_with_disabilities.family_support_plan_reviewed_annually"


def test_medical_for_a_suspected_non_accidental_injury_within_24_hours_of_its_request():
    # Requested Mon 3 Jun 2024 15:00 + 24 hours = Tue 4 Jun 15:00; 18:00 is 3 hours late.
    def history(held, concern="non_accidental_injury"):
        return sy_case(("2024-06-03T10:00", "strategy_discussion_held", {"outcome": "s47"}),
                       ("2024-06-03T15:00", "cp_medical_requested", {"concern": concern}),
                       (held, "cp_medical_completed"))
    assert findings(check(history("2024-06-04T14:00"), SURREY), NAI_MEDICAL) == []
    assert late(check(history("2024-06-04T18:00"), SURREY), NAI_MEDICAL) == (
        "late", "2024-06-04T15:00", {"value": 3, "unit": "hours"})
    # A medical for another concern is not timed by this rule.
    assert findings(check(history("2024-06-10T09:00", concern="neglect"), SURREY), NAI_MEDICAL) == []


def cp_plan_then(*events):
    return sy_case(("2024-01-08", "strategy_discussion_held", {"outcome": "s47"}),
                   ("2024-01-08", "s47_started"),
                   ("2024-01-15", "s47_concluded", {"outcome": "icpc"}),
                   ("2024-01-29", "icpc_held", {"outcome": "cp_plan"}),
                   ("2024-01-29", "cp_plan_started", {"category": "neglect"}),
                   *events)


def test_child_in_need_meeting_within_10_working_days_of_stepping_down_from_a_cp_plan():
    # Stepped down at the review conference on Thu 2 May 2024 + 10 working days, Mon 6 May a bank
    # holiday: Fri 3 (1), Tue 7 - Fri 10 (5), Mon 13 - Fri 17 May (10). Mon 20 May is late.
    def history(cin, recommended="cin_plan"):
        return cp_plan_then(("2024-05-02", "rcpc_held", {"outcome": "end_plan", "recommended_plan": recommended}),
                            ("2024-05-02", "cp_plan_ended", {"reason": "no_longer_at_risk"}),
                            (cin, "cin_plan_started"))
    assert findings(check(history("2024-05-17"), SURREY), STEP_DOWN) == []
    assert late(check(history("2024-05-20"), SURREY), STEP_DOWN) == ("late", "2024-05-17", {"value": 1, "unit": "working_days"})
    # A plan ended with no child in need plan recommended starts no clock.
    assert findings(check(history("2024-06-20", recommended="none"), SURREY), STEP_DOWN) == []


def test_family_support_plan_and_care_package_reviewed_at_least_annually():
    # Opened Mon 15 Jan 2024: first review within 12 months = Wed 15 Jan 2025; Thu 16 Jan is late.
    opened = ("2024-01-15", "service_started", {"service": "family_support"})
    plan = {"plan": "disabled_children"}
    assert findings(check(sy_case(opened, ("2025-01-15", "support_plan_reviewed", plan)), SURREY), FRT_REVIEW) == []
    assert late(check(sy_case(opened, ("2025-01-16", "support_plan_reviewed", plan)), SURREY), FRT_REVIEW) == (
        "gap", "2025-01-15", {"value": 1, "unit": "days"})
    # Six-monthly reading: due Mon 15 Jul 2024; Tue 16 Jul is 1 day late.
    six = load_policy("surrey", {FRT_REVIEW: "six_monthly"})
    history = sy_case(opened, ("2024-07-16", "support_plan_reviewed", plan), policy=six)
    assert late(check(history, six), FRT_REVIEW) == ("gap", "2024-07-15", {"value": 1, "unit": "days"})


# --- Adolescent Service referrals and youth homelessness ----------------------------------------------------

ADOLESCENT_SEEN = "surrey.adolescent_service.child_seen_within_5_working_days_of_referral"
ADOLESCENT_ASSESSMENT = "surrey.adolescent_service.assessment_within_35_working_days_of_referral"
HOMELESS_ASSESSMENT = "surrey.youth_homelessness.assessment_within_10_working_days_of_referral"
JOINT_HOUSING = "surrey.youth_homelessness.joint_housing_meeting_within_3_working_days"
ADVOCACY = "surrey.youth_homelessness.advocacy_referral_same_day"
ADOLESCENT_REFERRAL = {"service": "adolescent_service"}


def test_adolescent_service_sees_the_child_within_5_working_days_of_referral():
    # Referred Fri 24 May 2024; Mon 27 May a bank holiday: Tue 28 (1) - Fri 31 (4), Mon 3 Jun (5).
    # A visit where the child is not seen does not count; seen on Tue 4 Jun is 1 working day late.
    referred = ("2024-05-24", "service_referral_received", ADOLESCENT_REFERRAL)
    assert findings(check(sy_case(referred, ("2024-06-03", "visit", {"seen": True})), SURREY), ADOLESCENT_SEEN) == []
    verdict = check(sy_case(referred, ("2024-06-03", "visit", {"seen": False}), ("2024-06-04", "visit", {"seen": True})),
                    SURREY)
    assert late(verdict, ADOLESCENT_SEEN) == ("late", "2024-06-03", {"value": 1, "unit": "working_days"})


def test_adolescent_service_assessment_within_35_working_days_of_referral():
    # Referred Mon 2 Sep 2024 + 35 working days (7 weeks, no bank holidays) = Mon 21 Oct.
    referred = ("2024-09-02", "service_referral_received", ADOLESCENT_REFERRAL)
    eha = {"assessment": "early_help"}
    assert findings(check(sy_case(referred, ("2024-10-21", "service_assessment_completed", eha)), SURREY),
                    ADOLESCENT_ASSESSMENT) == []
    late_case = sy_case(referred, ("2024-10-22", "service_assessment_completed", eha))
    assert late(check(late_case, SURREY), ADOLESCENT_ASSESSMENT) == (
        "late", "2024-10-21", {"value": 1, "unit": "working_days"})
    # With 10 more working days agreed: + 45 working days (9 weeks) = Mon 4 Nov; 22 Oct is in time.
    extended = load_policy("surrey", {ADOLESCENT_ASSESSMENT: "complexity_45_working_days"})
    assert findings(check(sy_case(referred, ("2024-10-22", "service_assessment_completed", eha), policy=extended),
                          extended), ADOLESCENT_ASSESSMENT) == []
    # From the case opening (Mon 9 Sep 2024 + 35 working days = Mon 28 Oct), 22 Oct is in time.
    opening = load_policy("surrey", {ADOLESCENT_ASSESSMENT: "from_service_opening"})
    opened_later = sy_case(referred, ("2024-09-09", "service_started", {"service": "adolescent_service"}),
                           ("2024-10-22", "service_assessment_completed", eha), policy=opening)
    assert findings(check(opened_later, opening), ADOLESCENT_ASSESSMENT) == []
    # A child and family assessment authorised in time instead ends the obligation.
    cf = sy_case(referred, ("2024-09-03", "assessment_started"),
                 ("2024-10-01", "assessment_authorised", {"outcome": "cin_plan", "by": "team_manager"}))
    assert findings(check(cf, SURREY, as_of="2024-12-02"), ADOLESCENT_ASSESSMENT) == []


PRESENTED = ("2024-08-22", "homelessness_presented")


def test_homeless_young_person_assessed_within_10_working_days_of_referral():
    # Presented Thu 22 Aug 2024 + 10 working days, Mon 26 Aug a bank holiday: Fri 23 (1),
    # Tue 27 - Fri 30 (5), Mon 2 - Fri 6 Sep (10). Mon 9 Sep is 1 working day late.
    def history(authorised):
        return sy_case(PRESENTED, ("2024-08-23", "assessment_started"),
                       (authorised, "assessment_authorised", {"outcome": "cin_plan", "by": "team_manager"}))
    assert findings(check(history("2024-09-06"), SURREY), HOMELESS_ASSESSMENT) == []
    assert late(check(history("2024-09-09"), SURREY), HOMELESS_ASSESSMENT) == (
        "late", "2024-09-06", {"value": 1, "unit": "working_days"})


def test_joint_meeting_with_housing_within_3_working_days():
    # Presented Thu 22 Aug 2024: Fri 23 (1), Mon 26 Aug a bank holiday, Tue 27 (2), Wed 28 Aug (3).
    def history(met):
        return sy_case(PRESENTED, (met, "meeting_held", {"meeting": "joint_housing"}))
    assert findings(check(history("2024-08-28"), SURREY), JOINT_HOUSING) == []
    assert late(check(history("2024-08-29"), SURREY), JOINT_HOUSING) == ("late", "2024-08-28", {"value": 1, "unit": "working_days"})


def test_advocacy_referral_on_the_day_of_referral():
    # Presented Thu 22 Aug 2024: the advocacy referral is due the same day; Fri 23 Aug is 1 day late.
    def history(referred, to="advocacy"):
        return sy_case(PRESENTED, (referred, "referral_made", {"to": to}))
    assert findings(check(history("2024-08-22"), SURREY), ADVOCACY) == []
    assert late(check(history("2024-08-23"), SURREY), ADVOCACY) == ("late", "2024-08-22", {"value": 1, "unit": "days"})
    f = only(check(history("2024-08-22", to="housing"), SURREY, as_of="2024-08-23"), rule=ADVOCACY)
    assert (f.kind, f.due) == ("missing", "2024-08-22")


# --- fostering, special guardianship and supported lodgings assessments; matching ----------------------------

FOSTERING_ASSESSMENT = "surrey.fostering.general_assessment_within_6_months_of_application"
SGO_ASSESSMENT = "surrey.special_guardianship.assessment_within_12_weeks"
SL_ASSESSMENT = "surrey.supported_lodgings.assessment_within_20_weeks"
MATCHING = "surrey.fostering.matching_risk_assessment_shared_within_1_working_day_of_placement"
FIRST_MATCHING = "surrey.fostering.matching_risk_assessment_shared_within_1_working_day_of_first_placement"
FORMS = {"document": "risk_assessment", "recipient": "foster_carer"}


def test_general_fostering_assessment_within_6_months_of_application():
    # Applied (stage one started) Fri 31 May 2024 + 6 months = Sat 30 Nov (November has 30 days).
    # Stage one's completion and stage two's start neither end nor restart the clock.
    def history(completed, policy=SURREY):
        return sy_case(("2024-05-31", "carer_assessment_started", {"service": "fostering", "stage": "one"}),
                       ("2024-07-31", "carer_assessment_completed", {"service": "fostering", "stage": "one"}),
                       ("2024-08-01", "carer_assessment_started", {"service": "fostering", "stage": "two"}),
                       (completed, "carer_assessment_completed", {"service": "fostering", "stage": "two"}),
                       policy=policy)
    assert findings(check(history("2024-11-30"), SURREY), FOSTERING_ASSESSMENT) == []
    assert late(check(history("2024-12-02"), SURREY), FOSTERING_ASSESSMENT) == (
        "late", "2024-11-30", {"value": 2, "unit": "days"})
    # Four-month reading: 31 May + 4 months = Mon 30 Sep; Tue 1 Oct is 1 day late.
    four = load_policy("surrey", {FOSTERING_ASSESSMENT: "four_months"})
    assert late(check(history("2024-10-01", policy=four), four), FOSTERING_ASSESSMENT) == (
        "late", "2024-09-30", {"value": 1, "unit": "days"})


def test_special_guardianship_assessment_within_12_weeks():
    # Started Mon 1 Jul 2024 + 84 days: + 30 = 31 Jul, + 31 = 31 Aug (61), + 23 = Mon 23 Sep.
    def history(completed):
        return sy_case(("2024-07-01", "service_assessment_started", {"assessment": "special_guardianship"}),
                       (completed, "service_assessment_completed", {"assessment": "special_guardianship"}))
    assert findings(check(history("2024-09-23"), SURREY), SGO_ASSESSMENT) == []
    assert late(check(history("2024-09-24"), SURREY), SGO_ASSESSMENT) == ("late", "2024-09-23", {"value": 1, "unit": "days"})


def test_supported_lodgings_assessment_within_20_weeks():
    # Started Mon 6 Jan 2025 + 140 days: + 25 = 31 Jan, + 28 = 28 Feb (53), + 31 = 31 Mar (84),
    # + 30 = 30 Apr (114), + 26 = Mon 26 May 2025 (calendar weeks ignore the bank holiday).
    def history(completed):
        return sy_case(("2025-01-06", "carer_assessment_started", {"service": "supported_lodgings", "stage": "one"}),
                       (completed, "carer_assessment_completed", {"service": "supported_lodgings", "stage": "two"}))
    assert findings(check(history("2025-05-26"), SURREY), SL_ASSESSMENT) == []
    assert late(check(history("2025-05-27"), SURREY), SL_ASSESSMENT) == ("late", "2025-05-26", {"value": 1, "unit": "days"})


def test_matching_forms_shared_with_a_general_foster_carer_within_the_first_working_day():
    # Moved to a general foster carer (U5) on Fri 24 May 2024; Mon 27 May a bank holiday, so the
    # first working day is Tue 28 May. Wed 29 May is 1 working day late.
    def history(shared, placement="U5"):
        return sy_case(("2024-03-04", "looked_after_started", {"legal_status": "C1", "placement_type": "U1"}),
                       ("2024-05-24", "placement_changed", {"placement_type": placement}),
                       (shared, "document_shared", FORMS))
    assert findings(check(history("2024-05-28"), SURREY), MATCHING) == []
    assert late(check(history("2024-05-29"), SURREY), MATCHING) == ("late", "2024-05-28", {"value": 1, "unit": "working_days"})
    # A placement with a relative or friend (U3) is not with a general foster carer.
    assert findings(check(history("2024-06-28", placement="U3"), SURREY), MATCHING) == []


def test_matching_forms_for_the_first_placement_over_easter():
    # Looked after with a general foster carer (U6) on Good Friday 29 Mar 2024; Mon 1 Apr is a bank
    # holiday too, so the first working day is Tue 2 Apr. Wed 3 Apr is 1 working day late.
    def history(shared):
        return sy_case(("2024-03-29", "looked_after_started", {"legal_status": "C1", "placement_type": "U6"}),
                       (shared, "document_shared", FORMS))
    assert findings(check(history("2024-04-02"), SURREY), FIRST_MATCHING) == []
    assert late(check(history("2024-04-03"), SURREY), FIRST_MATCHING) == (
        "late", "2024-04-02", {"value": 1, "unit": "working_days"})


def test_matching_forms_same_working_day_reading():
    # Placed Mon 3 Jun 2024; read as the placement day itself, sharing on Tue 4 Jun is 1 working day late.
    same_day = load_policy("surrey", {MATCHING: "same_working_day"})
    history = sy_case(("2024-03-04", "looked_after_started", {"legal_status": "C1", "placement_type": "U1"}),
                      ("2024-06-03", "placement_changed", {"placement_type": "U4"}),
                      ("2024-06-04", "document_shared", FORMS), policy=same_day)
    assert late(check(history, same_day), MATCHING) == ("late", "2024-06-03", {"value": 1, "unit": "working_days"})
    assert findings(check(history, SURREY), MATCHING) == []


# --- care leavers: pathway plan updated after a move ----------------------------------------------------------

PLAN_AFTER_MOVE = "surrey.leaving_care.pathway_plan_updated_within_28_days_of_a_move"


def test_pathway_plan_updated_within_28_days_of_a_change_of_accommodation():
    # Moved Wed 10 Jul 2024 + 28 days = Wed 7 Aug; Thu 8 Aug is 1 day late.
    def history(reviewed):
        return sy_case(FORMER_RELEVANT, ("2024-07-10", "accommodation_changed"),
                       (reviewed, "pathway_plan_reviewed"), child=CARE_LEAVER)
    assert findings(check(history("2024-08-07"), SURREY), PLAN_AFTER_MOVE) == []
    assert late(check(history("2024-08-08"), SURREY), PLAN_AFTER_MOVE) == ("late", "2024-08-07", {"value": 1, "unit": "days"})


# --- conference report approval, the adoption decision, fostered children seen --------------------------------

REPORT_APPROVED = "surrey.child_protection.conference_report_approved_by_team_manager"
ADM_DECISION = "surrey.adoption.adm_decision_within_7_working_days_of_paperwork"
CHILDREN_SEEN = "surrey.fostering.carers_and_fostered_children_seen_every_3_months"


def test_conference_report_approved_by_the_team_manager():
    def verdict(policy=SURREY, **approved):
        return check(sy_case(("2024-06-03", "document_shared", {"document": "conference_report", "recipient": "family",
                                                                **approved}), policy=policy), policy)
    assert findings(verdict(approved_by="team_manager"), REPORT_APPROVED) == []
    assert only(verdict(approved_by="social_worker"), rule=REPORT_APPROVED).kind == "guard_failed"
    assert only(verdict(), rule=REPORT_APPROVED).kind == "indeterminate"
    # Other documents are not conference reports.
    assert findings(check(sy_case(("2024-06-03", "document_shared", {"document": "plan", "recipient": "family"})),
                          SURREY), REPORT_APPROVED) == []
    senior = load_policy("surrey", {REPORT_APPROVED: "team_manager_or_above"})
    assert findings(verdict(senior, approved_by="service_manager"), REPORT_APPROVED) == []


def test_adm_decides_within_7_working_days_of_receiving_the_paperwork():
    # Sent to the ADM Thu 23 May 2024 + 7 working days, Mon 27 May a bank holiday: Fri 24 (1),
    # Tue 28 - Fri 31 (5), Mon 3 (6), Tue 4 Jun (7). Wed 5 Jun is 1 working day late.
    def history(decided, decision="should_be_placed"):
        return sy_case(("2024-05-23", "document_shared", {"document": "child_permanence_report", "recipient": "adm"}),
                       (decided, "adoption_decision_made", {"decision": decision}))
    assert findings(check(history("2024-06-04"), SURREY), ADM_DECISION) == []
    assert late(check(history("2024-06-05"), SURREY), ADM_DECISION) == (
        "late", "2024-06-04", {"value": 1, "unit": "working_days"})
    # A decision on a match is not the decision asked for: as of Wed 5 Jun the decision is missing.
    f = only(check(history("2024-06-04", decision="match"), SURREY, as_of="2024-06-05"), rule=ADM_DECISION)
    assert (f.kind, f.due) == ("missing", "2024-06-04")


def test_carers_and_fostered_children_seen_every_3_months():
    # Approved Fri 31 May 2024 + 3 months = Sat 31 Aug. A visit where the children are not seen
    # does not count; seen on Mon 2 Sep is 2 days late.
    approved = ("2024-05-31", "foster_carer_approved")
    assert findings(check(sy_case(approved, ("2024-08-31", "foster_carer_visited", {"children_seen": True})), SURREY),
                    CHILDREN_SEEN) == []
    verdict = check(sy_case(approved, ("2024-07-05", "foster_carer_visited", {"children_seen": False}),
                            ("2024-09-02", "foster_carer_visited", {"children_seen": True})), SURREY)
    assert late(verdict, CHILDREN_SEEN) == ("gap", "2024-08-31", {"value": 2, "unit": "days"})


# --- care leavers: the transfer meeting before 18 (an age rule) ------------------------------------------------

TRANSFER_MEETING = "surrey.leaving_care.transfer_meeting_one_month_before_18"


def test_transfer_meeting_one_month_before_the_18th_birthday():
    # Born Sat 15 Jul 2006: 17 years 11 months on Sat 15 Jun 2024 (one month before the 18th
    # birthday, Mon 15 Jul 2024). A meeting on Mon 17 Jun is 2 days late.
    child = {"date_of_birth": "2006-07-15"}

    def history(met, policy=SURREY):
        return sy_case(("2022-07-15", "care_leaver_status_changed", {"status": "eligible"}),
                       (met, "meeting_held", {"meeting": "transition"}), child=child, policy=policy)
    assert findings(check(history("2024-06-14"), SURREY), TRANSFER_MEETING) == []
    assert late(check(history("2024-06-17"), SURREY), TRANSFER_MEETING) == (
        "late", "2024-06-15", {"value": 2, "unit": "days"})
    # Read as "by the 18th birthday", Mon 17 Jun is in time.
    by_18 = load_policy("surrey", {TRANSFER_MEETING: "by_18th_birthday"})
    assert findings(check(history("2024-06-17", by_18), by_18), TRANSFER_MEETING) == []


# --- children with disabilities: transitions referrals (age rules) ----------------------------------------------

TRANSITIONS = "surrey.children_with_disabilities.transitions_referral_at_14"
CHC = "surrey.children_with_disabilities.adult_continuing_health_care_referral_at_16"
FAMILY_SUPPORT = ("2022-01-10", "service_started", {"service": "family_support"})


def test_transitions_referral_while_14():
    # Born Wed 10 Mar 2010: 14 on Sun 10 Mar 2024, referral due within 12 months = Mon 10 Mar 2025.
    child = {"date_of_birth": "2010-03-10"}

    def history(referred, policy=SURREY, *opened):
        return sy_case(*(opened or (FAMILY_SUPPORT,)), (referred, "referral_made", {"to": "transitions_team"}),
                       child=child, policy=policy)
    assert findings(check(history("2025-03-10"), SURREY), TRANSITIONS) == []
    assert late(check(history("2025-03-11"), SURREY), TRANSITIONS) == ("late", "2025-03-10", {"value": 1, "unit": "days"})
    # On turning 14: due Sun 10 Mar 2024 itself; a referral on Mon 11 Mar is a day late.
    on_14 = load_policy("surrey", {TRANSITIONS: "on_turning_14"})
    assert late(check(history("2024-03-11", on_14), on_14), TRANSITIONS) == (
        "late", "2024-03-10", {"value": 1, "unit": "days"})
    # A child whose case is not open to the family support team is not bound.
    other = history("2025-06-02", SURREY, ("2022-01-10", "service_started", {"service": "early_help"}))
    assert findings(check(other, SURREY), TRANSITIONS) == []


def test_adult_continuing_health_care_referral_while_16():
    # Born Fri 29 Feb 2008: 16 on Thu 29 Feb 2024 (a leap year); + 12 months = Fri 28 Feb 2025 (the
    # month ends first). A referral on Sat 1 Mar 2025 is 1 day late.
    child = {"date_of_birth": "2008-02-29"}

    def history(referred):
        return sy_case(FAMILY_SUPPORT, (referred, "referral_made", {"to": "continuing_health_care"}), child=child)
    assert findings(check(history("2025-02-28"), SURREY), CHC) == []
    assert late(check(history("2025-03-01"), SURREY), CHC) == ("late", "2025-02-28", {"value": 1, "unit": "days"})


# --- adoption: later life letter and life story book after the celebration hearing ------------------------------

LATER_LIFE_LETTER = "surrey.adoption.later_life_letter_within_10_days_of_celebration_hearing"
LIFE_STORY_BOOK = "surrey.adoption.life_story_book_within_10_days_of_celebration_hearing"


def adopted_then(*events):
    return sy_case(("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"}),
                   ("2024-02-05", "placement_authorised", {"basis": "placement_order"}),
                   ("2024-03-04", "placed_for_adoption", {"authority": "placement_order"}),
                   ("2024-08-30", "adoption_order_made"),
                   ("2024-09-20", "celebration_hearing_held"),
                   *events)


def test_later_life_letter_and_life_story_book_within_10_days_of_the_celebration_hearing():
    # Celebration hearing Fri 20 Sep 2024 + 10 days = Mon 30 Sep; Tue 1 Oct is 1 day late.
    def shared(at, document, recipient="adopters"):
        return (at, "document_shared", {"document": document, "recipient": recipient})
    verdict = check(adopted_then(shared("2024-09-30", "later_life_letter"), shared("2024-10-01", "life_story_book")),
                    SURREY)
    assert findings(verdict, LATER_LIFE_LETTER) == []
    assert late(verdict, LIFE_STORY_BOOK) == ("late", "2024-09-30", {"value": 1, "unit": "days"})
    # The hearing follows the adoption order in the adoption pathway (routed by Surrey's policy).
    assert findings(verdict, "england.adoption.sequence") == []
    # A book given to someone other than the adopters does not count: missing as of Tue 1 Oct.
    verdict = check(adopted_then(shared("2024-09-25", "later_life_letter"),
                                 shared("2024-09-25", "life_story_book", recipient="family")), SURREY, as_of="2024-10-01")
    assert findings(verdict, LATER_LIFE_LETTER) == []
    f = only(verdict, rule=LIFE_STORY_BOOK)
    assert (f.kind, f.due) == ("missing", "2024-09-30")


# --- referrals to the Intensive Family Support and Adolescent Services progressed within 24 hours ---------------

@pytest.mark.parametrize("rule, service", [
    ("surrey.early_help.ifss_referral_progressed_within_24_hours", "intensive_family_support"),
    ("surrey.adolescent_service.referral_progressed_within_24_hours", "adolescent_service"),
])
def test_referral_progressed_within_24_hours(rule, service):
    # Received Fri 7 Jun 2024 14:00 + 24 clock hours = Sat 8 Jun 14:00; a decision on Mon 10 Jun
    # 09:00 is 43 hours late (24 to Sun 14:00, 19 more to Mon 09:00).
    def history(decided, outcome="accepted", decided_by=service):
        return sy_case(("2024-06-07T14:00", "service_referral_received", {"service": service}),
                       (decided, "service_referral_decided", {"service": decided_by, "outcome": outcome}))
    assert findings(check(history("2024-06-08T10:00", "declined"), SURREY), rule) == []
    assert late(check(history("2024-06-10T09:00"), SURREY), rule) == ("late", "2024-06-08T14:00", {"value": 43, "unit": "hours"})
    # Another service's decision does not progress this referral.
    f = only(check(history("2024-06-07T16:00", decided_by="family_support"), SURREY, as_of="2024-06-10"), rule=rule)
    assert (f.kind, f.due) == ("missing", "2024-06-08T14:00")
