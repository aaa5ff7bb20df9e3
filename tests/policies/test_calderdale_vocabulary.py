"""Calderdale practice standards (seed 001) encoded once the vocabulary had their events or fields
(and, for visits, local pathways that follow the placement): the front door's referral record and
immediate child protection referrals, conference decisions, plans after a discontinued CP plan,
the review of a long neglect plan, UASC decisions, emergency placements, dental checks, visits in
custody after a sentence and at home under an order, section 30A notifications, placement
information records, behaviour passports and monthly reviews in a children's home, delegated
authority, safer caring policies, the foster carer review process, placement finding, adoptive
matches, later life letters and adoption exception reports - a compliant and a breaching history
per rule.

Every expected date is counted by hand in a comment (never with journey's calendar). England bank
holidays: 2024 - 1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec; 2025 - 1 Jan,
18 Apr, 21 Apr, 5 May, 26 May. Months are calendar months from the start date, clamped to the
month's end; weeks are 7 calendar days.
"""

from __future__ import annotations

import pytest
from conftest import case, check, days, findings, kinds, late, wd

from journey.spec.load import load_policy

CAL = load_policy("calderdale")
K = "calderdale."
TM = {"by": "team_manager"}


def cd_case(*events, policy=CAL, child=None):
    return case(*events, policy=policy, child=child)


def shared(at, document, recipient="professionals"):
    return (at, "document_shared", {"document": document, "recipient": recipient})


def recorded(at, subject, by="social_worker"):
    return (at, "record_updated", {"subject": subject, "by": by})


# --- front door -------------------------------------------------------------------------------------------------

RECORDED_ON_THE_DAY = K + "front_door.referral_recorded_on_the_day"
IMMEDIATE_CP = K + "front_door.immediate_cp_referral_within_2_hours"


def test_referral_recorded_on_the_date_of_referral():
    # Contact Mon 8 Apr 2024 09:00: the record is due the same calendar day; Tue 9 Apr is a day late.
    def history(at):
        return cd_case(("2024-04-08T09:00", "contact_received"), recorded(at, "referral"))
    assert findings(check(history("2024-04-08T16:30"), CAL), RECORDED_ON_THE_DAY) == []
    assert late(check(history("2024-04-09T09:00"), CAL), RECORDED_ON_THE_DAY) == ("late", "2024-04-08", days(1))


def test_immediate_cp_referral_completed_within_2_hours():
    # Contact Mon 8 Apr 2024 09:00 with imminent risk: due 11:00; 11:30 is 30 minutes late,
    # reported in the rule's unit (hours) as 1.
    def history(at, **contact):
        return cd_case(("2024-04-08T09:00", "contact_received", contact),
                       (at, "referral_decision", {"outcome": "strategy_discussion", **TM}))
    assert findings(check(history("2024-04-08T11:00", imminent_risk=True), CAL), IMMEDIATE_CP) == []
    assert late(check(history("2024-04-08T11:30", imminent_risk=True), CAL), IMMEDIATE_CP) == (
        "late", "2024-04-08T11:00", {"value": 1, "unit": "hours"})
    # A contact not flagged as an immediate child protection referral is not timed by this rule.
    assert findings(check(history("2024-04-08T15:00", imminent_risk=False), CAL), IMMEDIATE_CP) == []
    assert findings(check(history("2024-04-08T15:00"), CAL), IMMEDIATE_CP) == []


# --- child protection -------------------------------------------------------------------------------------------

DECISIONS = K + "child_protection.conference_decisions_within_1_working_day"
CIN_AFTER_CP = K + "child_protection.cin_plan_within_10_working_days_of_discontinuing_conference"
EARLY_HELP_AFTER_CP = K + "child_protection.early_help_within_10_working_days_of_discontinuing_conference"
NEGLECT_REVIEW = K + "child_protection.neglect_plan_reviewed_by_service_manager_at_12_months"
REVIEW_BY_SM = K + "child_protection.plan_progress_review_by_service_manager"


def plan(*later, icpc="2024-04-04", category="neglect"):
    return cd_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                   (icpc, "icpc_held", {"outcome": "cp_plan"}),
                   (icpc, "cp_plan_started", {"category": category}), *later)


def test_conference_decisions_circulated_within_1_working_day():
    # ICPC Thu 4 Apr 2024: one working day is Fri 5 Apr; Mon 8 Apr is one working day late.
    assert findings(check(plan(shared("2024-04-05", "conference_decisions")), CAL), DECISIONS) == []
    assert late(check(plan(shared("2024-04-08", "conference_decisions")), CAL), DECISIONS) == ("late", "2024-04-05", wd(1))
    # The full minute is a different document and does not stop this clock.
    assert late(check(plan(shared("2024-04-05", "conference_minutes"), shared("2024-04-08", "conference_decisions")), CAL),
                DECISIONS) == ("late", "2024-04-05", wd(1))


def discontinued(recommended, *later):
    return plan(("2024-07-04", "rcpc_held", {"outcome": "end_plan", "recommended_plan": recommended}),
                ("2024-07-04", "cp_plan_ended", {"reason": "no_longer_at_risk"}), *later)


def test_cin_plan_developed_within_10_working_days_of_the_discontinuing_conference():
    # RCPC Thu 4 Jul 2024: Fri 5 (1), 8-12 Jul (6), 15 (7), 16 (8), 17 (9), Thu 18 Jul (10);
    # Fri 19 Jul is one working day late.
    assert findings(check(discontinued("cin_plan", ("2024-07-18", "cin_plan_started")), CAL), CIN_AFTER_CP) == []
    assert late(check(discontinued("cin_plan", ("2024-07-19", "cin_plan_started")), CAL), CIN_AFTER_CP) == (
        "late", "2024-07-18", wd(1))
    # No plan recommended: nothing is due.
    assert findings(check(discontinued("none", ("2024-08-30", "cin_plan_started")), CAL), CIN_AFTER_CP) == []


def test_early_intervention_plan_developed_within_10_working_days_of_the_discontinuing_conference():
    # As above: due Thu 18 Jul 2024.
    def history(at):
        return discontinued("early_help", (at, "service_started", {"service": "early_help"}))
    assert findings(check(history("2024-07-18"), CAL), EARLY_HELP_AFTER_CP) == []
    assert late(check(history("2024-07-19"), CAL), EARLY_HELP_AFTER_CP) == ("late", "2024-07-18", wd(1))
    # A conference recommending a CIN plan does not open the early help clock.
    assert findings(check(discontinued("cin_plan", ("2024-07-18", "cin_plan_started")), CAL), EARLY_HELP_AFTER_CP) == []


def review(at, by="service_manager"):
    return (at, "management_oversight_recorded", {"subject": "plan_progress_review", "by": by})


def test_neglect_plan_reviewed_by_the_service_manager_by_12_months():
    # Plan (neglect) from Thu 4 Apr 2024 + 12 months = Fri 4 Apr 2025; Mon 7 Apr 2025 is 3 days late
    # (a month-based rule reports lateness in days).
    assert findings(check(plan(review("2025-04-04")), CAL), NEGLECT_REVIEW) == []
    assert late(check(plan(review("2025-04-07")), CAL), NEGLECT_REVIEW) == ("late", "2025-04-04", days(3))
    # A plan under another category is not timed; a plan ended before 12 months lapses the clock.
    assert findings(check(plan(review("2025-06-01"), category="physical"), CAL), NEGLECT_REVIEW) == []
    assert findings(check(plan(("2024-10-03", "rcpc_held", {"outcome": "end_plan", "recommended_plan": "none"}),
                               ("2024-10-03", "cp_plan_ended", {"reason": "no_longer_at_risk"}),
                               review("2025-06-01")), CAL), NEGLECT_REVIEW) == []


@pytest.mark.parametrize("by, expected", [("service_manager", []), ("team_manager", ["guard_failed"])])
def test_plan_progress_review_made_by_the_service_manager(by, expected):
    assert kinds(check(plan(review("2025-03-20", by)), CAL), REVIEW_BY_SM) == expected


# --- looked after -----------------------------------------------------------------------------------------------

UASC = K + "looked_after.uasc_accommodated_by_service_manager"
DENTAL = K + "looked_after.annual_dental_check"
S30A = K + "looked_after.visit_within_1_week_of_section_30a_notification"
PIR_FIRST = K + "looked_after.placement_information_record_within_5_working_days"
PIR_LATER = K + "looked_after.placement_information_record_for_each_new_placement"
PASSPORT_FIRST = K + "looked_after.behaviour_passport_within_5_working_days_of_admission"
PASSPORT_LATER = K + "looked_after.behaviour_passport_for_each_later_admission"


def looked_after(*later, start="2024-05-20", placement="U4", by="team_manager", child=None):
    return cd_case((start, "looked_after_started", {"legal_status": "C2", "placement_type": placement, "by": by}),
                   (start, "care_plan_prepared"), *later, child=child)


@pytest.mark.parametrize("uasc, by, expected", [(True, "service_manager", []), (True, "head_of_service", []),
                                                (True, "team_manager", ["guard_failed"]),
                                                (False, "team_manager", [])])
def test_uasc_accommodated_by_the_service_manager(uasc, by, expected):
    child = {"date_of_birth": "2008-02-11", "attributes": {"uasc": uasc}}
    history = cd_case(("2024-05-20", "looked_after_started", {"legal_status": "V2", "placement_type": "U6", "by": by}),
                      child=child)
    assert kinds(check(history, CAL), UASC) == expected


EMERGENCY = K + "looked_after.emergency_placement_permitted_by_head_of_service"


@pytest.mark.parametrize("planned, by, expected", [(False, "head_of_service", []), (False, "director", []),
                                                   (False, "team_manager", ["guard_failed"]),
                                                   (True, "team_manager", [])])
def test_emergency_placement_permitted_by_the_head_of_service(planned, by, expected):
    history = cd_case(("2024-05-20", "looked_after_started",
                       {"legal_status": "V2", "placement_type": "U6", "planned": planned, "by": by}))
    assert kinds(check(history, CAL), EMERGENCY) == expected


def dental(at):
    return (at, "health_check_completed", {"check": "dental"})


def test_annual_dental_check():
    # Looked after from Mon 20 May 2024: first check within 12 months, by Tue 20 May 2025; then
    # 12 months from each check (20 May 2025 + 12 months = Wed 20 May 2026).
    ok = check(looked_after(dental("2025-05-20"), dental("2026-05-20")), CAL)
    assert findings(ok, DENTAL) == []
    assert late(check(looked_after(dental("2025-05-21")), CAL), DENTAL) == ("gap", "2025-05-20", days(1))
    # An eye test is not a dental check: the first dental check, Fri 23 May 2025, is 3 days late.
    verdict = check(looked_after(("2025-05-01", "health_check_completed", {"check": "eye_test"}), dental("2025-05-23")), CAL)
    assert late(verdict, DENTAL) == ("gap", "2025-05-20", days(3))


def notified(at):
    return (at, "care_standards_notification_received")


def lac_visit(at):
    return (at, "visit", {"purpose": "looked_after", "seen": True})


def test_visit_within_1_week_of_a_section_30a_notification():
    # Notification Wed 10 Jul 2024 + 1 week = Wed 17 Jul 2024; Thu 18 Jul is a day late.
    assert findings(check(looked_after(notified("2024-07-10"), lac_visit("2024-07-17"), placement="K2"), CAL), S30A) == []
    assert late(check(looked_after(notified("2024-07-10"), lac_visit("2024-07-18"), placement="K2"), CAL), S30A) == (
        "late", "2024-07-17", days(1))


def test_placement_information_record_within_5_working_days_of_each_placement():
    # First placement Mon 20 May 2024: 21 (1), 22 (2), 23 (3), 24 (4), Mon 27 May bank holiday,
    # Tue 28 May (5); Wed 29 May is one working day late.
    assert findings(check(looked_after(recorded("2024-05-28", "placement_information_record")), CAL), PIR_FIRST) == []
    assert late(check(looked_after(recorded("2024-05-29", "placement_information_record")), CAL), PIR_FIRST) == (
        "late", "2024-05-28", wd(1))
    # A move Thu 22 Aug 2024: Fri 23 (1), Mon 26 Aug bank holiday, 27 (2), 28 (3), 29 (4),
    # Fri 30 Aug (5); Mon 2 Sep is one working day late.
    def moved(at):
        return looked_after(recorded("2024-05-21", "placement_information_record"),
                            ("2024-08-22", "placement_changed", {"placement_type": "U6"}),
                            recorded(at, "placement_information_record"))
    assert findings(check(moved("2024-08-30"), CAL), PIR_LATER) == []
    assert late(check(moved("2024-09-02"), CAL), PIR_LATER) == ("late", "2024-08-30", wd(1))


def test_behaviour_passport_within_5_working_days_of_admission_to_a_childrens_home():
    # Admission Mon 20 May 2024: due Tue 28 May (27 May is a bank holiday), as above.
    def admitted(at):
        return looked_after(recorded(at, "behaviour_passport"), placement="K2")
    assert findings(check(admitted("2024-05-28"), CAL), PASSPORT_FIRST) == []
    assert late(check(admitted("2024-05-29"), CAL), PASSPORT_FIRST) == ("late", "2024-05-28", wd(1))
    # A foster placement needs no behaviour passport.
    assert findings(check(looked_after(placement="U4"), CAL, as_of="2024-07-01"), PASSPORT_FIRST) == []

    # A move into a children's home Thu 22 Aug 2024: due Fri 30 Aug (26 Aug is a bank holiday).
    def moved(at):
        return looked_after(("2024-08-22", "placement_changed", {"placement_type": "K2"}),
                            recorded(at, "behaviour_passport"))
    assert findings(check(moved("2024-08-30"), CAL), PASSPORT_LATER) == []
    assert late(check(moved("2024-09-02"), CAL), PASSPORT_LATER) == ("late", "2024-08-30", wd(1))


PLAN_REVIEWED = K + "looked_after.childrens_home_placement_plan_reviewed_monthly"
PASSPORT_REVIEWED = K + "looked_after.behaviour_passport_reviewed_monthly"


def test_childrens_home_placement_pathway_follows_the_placement_type():
    # In a children's home (K2) from the start; a move to foster care (U6) leaves it; a move back
    # enters it again; a placement with no type recorded counts as not in a children's home.
    verdict = check(looked_after(placement="K2"), CAL)
    assert verdict.states["childrens_home_placement"] == "placed"
    verdict = check(looked_after(("2024-06-10", "placement_changed", {"placement_type": "U6"}), placement="K2"), CAL)
    assert verdict.states["childrens_home_placement"] == "none"
    verdict = check(looked_after(("2024-06-10", "placement_changed", {"placement_type": "K2"}),
                                 ("2024-07-10", "placement_changed"), placement="U4"), CAL)
    assert verdict.states["childrens_home_placement"] == "none"
    assert [f for f in verdict.findings if f.pathway == "childrens_home_placement"] == []


def test_placement_plan_reviewed_monthly_in_a_childrens_home():
    # Plans Tue 21 May 2024, then + 1 month = Fri 21 Jun 2024, + 1 month = Sun 21 Jul 2024.
    def history(*plans, placement="K2"):
        return looked_after(*[(at, "placement_plan_prepared") for at in plans], placement=placement)
    assert findings(check(history("2024-05-21", "2024-06-21", "2024-07-21"), CAL), PLAN_REVIEWED) == []
    # Mon 24 Jun 2024 is 3 days after Fri 21 Jun.
    assert late(check(history("2024-05-21", "2024-06-24"), CAL), PLAN_REVIEWED) == ("gap", "2024-06-21", days(3))
    # In foster care the monthly review is not asked for.
    assert findings(check(history("2024-05-21", "2024-08-21", placement="U4"), CAL), PLAN_REVIEWED) == []


def test_behaviour_passport_reviewed_monthly_in_a_childrens_home():
    # Passport Tue 28 May 2024 + 1 month = Fri 28 Jun 2024; Mon 1 Jul is 3 days late.
    ok = looked_after(recorded("2024-05-28", "behaviour_passport"), recorded("2024-06-28", "behaviour_passport"),
                      placement="K2")
    assert findings(check(ok, CAL), PASSPORT_REVIEWED) == []
    bad = looked_after(recorded("2024-05-28", "behaviour_passport"), recorded("2024-07-01", "behaviour_passport"),
                       placement="K2")
    assert late(check(bad, CAL), PASSPORT_REVIEWED) == ("gap", "2024-06-28", days(3))
    # A move out of the home (Mon 10 Jun 2024, to foster care) ends the rule: nothing is due after it.
    moved = looked_after(recorded("2024-05-28", "behaviour_passport"),
                         ("2024-06-10", "placement_changed", {"placement_type": "U6"}), placement="K2")
    assert findings(check(moved, CAL, as_of="2024-09-30"), PASSPORT_REVIEWED) == []


CUSTODY_VISITS = K + "looked_after.visits_in_custody_after_sentence"


def in_custody(*visits, basis="sentence", looked_after_too=True):
    before = [("2024-05-20", "looked_after_started", {"legal_status": "C2", "placement_type": "U4", "by": "team_manager"}),
              ("2024-05-20", "care_plan_prepared")] if looked_after_too else []
    return cd_case(*before, ("2024-06-03", "custody_started", {"basis": basis}), *[lac_visit(at) for at in visits])


def test_visits_to_a_looked_after_child_in_custody_after_a_sentence():
    # Sentenced Mon 3 Jun 2024: first visit within 1 week, by Mon 10 Jun; then 6 weeks (42 days)
    # apart: Mon 22 Jul, 2 Sep, 14 Oct, 25 Nov 2024, 6 Jan, 17 Feb, 31 Mar, 12 May, Mon 23 Jun 2025.
    # A year after the custody started (Tue 3 Jun 2025) the interval is 3 months, so from the
    # visit of Mon 23 Jun 2025 the next is due Tue 23 Sep 2025.
    six_weekly = ["2024-06-10", "2024-07-22", "2024-09-02", "2024-10-14", "2024-11-25", "2025-01-06",
                  "2025-02-17", "2025-03-31", "2025-05-12", "2025-06-23"]
    assert findings(check(in_custody(*six_weekly, "2025-09-23"), CAL), CUSTODY_VISITS) == []
    assert late(check(in_custody(*six_weekly, "2025-09-24"), CAL), CUSTODY_VISITS) == ("gap", "2025-09-23", days(1))
    # First visit Tue 11 Jun 2024 is a day late; Mon 29 Jul is 7 days after Mon 22 Jul (11 Jun + 42 days).
    assert late(check(in_custody("2024-06-11"), CAL), CUSTODY_VISITS) == ("gap", "2024-06-10", days(1))
    assert late(check(in_custody("2024-06-10", "2024-07-29"), CAL), CUSTODY_VISITS) == ("gap", "2024-07-22", days(7))


def test_custody_visits_not_asked_for_a_remand_or_a_child_not_looked_after():
    assert findings(check(in_custody(basis="remand"), CAL, as_of="2024-12-31"), CUSTODY_VISITS) == []
    assert findings(check(in_custody(looked_after_too=False), CAL, as_of="2024-12-31"), CUSTODY_VISITS) == []
    # Release (custody_ended) ends the rule.
    released = cd_case(("2024-05-20", "looked_after_started", {"legal_status": "C2", "placement_type": "U4"}),
                       ("2024-06-03", "custody_started", {"basis": "sentence"}), lac_visit("2024-06-10"),
                       ("2024-07-01", "custody_ended"))
    assert findings(check(released, CAL, as_of="2024-12-31"), CUSTODY_VISITS) == []


PPM_INTERNAL = K + "looked_after.placement_planning_meeting_within_5_days_of_internal_placement"


def test_placement_planning_meeting_within_five_days_of_an_internal_placement_being_identified():
    # Internal placement identified Mon 3 Jun 2024 + 5 days = Sat 8 Jun 2024; Mon 10 Jun is 2 days late.
    def history(at, internal=True):
        return looked_after(("2024-06-03", "placement_identified", {"placement": "foster", "internal": internal}),
                            (at, "meeting_held", {"meeting": "placement_planning"}))
    assert findings(check(history("2024-06-07"), CAL), PPM_INTERNAL) == []
    assert late(check(history("2024-06-10"), CAL), PPM_INTERNAL) == ("late", "2024-06-08", days(2))
    # An external placement is not timed by this rule.
    assert findings(check(history("2024-06-20", internal=False), CAL), PPM_INTERNAL) == []


ORDER_AT_HOME = K + "looked_after.care_order_made_at_home_visit_within_1_week"
ICO_AT_HOME = "england.placement.weekly_visits_connected_person_or_interim_order_at_home"
CARE_ORDER_AT_HOME = "england.placement.six_weekly_visits_care_order_at_home"


def at_home(*later, legal_status="C1", placement="P1"):
    return cd_case(("2024-05-20", "looked_after_started", {"legal_status": legal_status, "placement_type": placement}),
                   ("2024-05-20", "care_plan_prepared"), *later)


def test_child_at_home_under_an_ico_is_visited_as_the_england_placement_pathway_asks():
    # Line 476 is the England rule (the local placed_with_parents pathway is replaced by England's
    # placement pathway): at home under an ICO from Mon 20 May 2024. Visits Fri 24 May, 31 May,
    # 7 Jun 2024 (a week apart); first review Mon 10 Jun; the visit of Fri 14 Jun is due a week
    # after 7 Jun; from it, four weeks: Fri 12 Jul; Mon 15 Jul 2024 is 3 days late.
    visits = [lac_visit(at) for at in ("2024-05-24", "2024-05-31", "2024-06-07")]
    review = ("2024-06-10", "lac_review_held")
    assert findings(check(at_home(*visits, review, lac_visit("2024-06-14"), lac_visit("2024-07-12")), CAL), ICO_AT_HOME) == []
    assert late(check(at_home(*visits, review, lac_visit("2024-06-14"), lac_visit("2024-07-15")), CAL), ICO_AT_HOME) == (
        "gap", "2024-07-12", days(3))


def test_care_order_made_while_at_home_visit_within_1_week():
    # Care order Mon 1 Jul 2024 while at home (P1): visit by Mon 8 Jul; Tue 9 Jul is a day late.
    order = ("2024-07-01", "legal_status_changed", {"legal_status": "C2"})
    assert findings(check(at_home(order, lac_visit("2024-07-08")), CAL), ORDER_AT_HOME) == []
    assert late(check(at_home(order, lac_visit("2024-07-09")), CAL), ORDER_AT_HOME) == ("late", "2024-07-08", days(1))
    # A care order made while the child is in foster care (U4) does not time a visit a week after it.
    assert findings(check(at_home(order, lac_visit("2024-07-09"), placement="U4"), CAL), ORDER_AT_HOME) == []


def test_placed_back_with_parents_under_a_care_order_visited_six_weekly():
    # Care order Mon 3 Jun 2024 while in foster care; home Mon 1 Jul (P1 under C2: England's
    # parent_care_order). Visits Wed 3 Jul, then + 42 days = Wed 14 Aug 2024; Thu 15 Aug is a day late.
    def history(*visits):
        return at_home(("2024-06-03", "legal_status_changed", {"legal_status": "C2"}),
                       ("2024-07-01", "placement_changed", {"placement_type": "P1", "legal_status": "C2"}),
                       *[lac_visit(at) for at in visits], placement="U4")
    assert findings(check(history("2024-07-03", "2024-08-14"), CAL), CARE_ORDER_AT_HOME) == []
    assert late(check(history("2024-07-03", "2024-08-15"), CAL), CARE_ORDER_AT_HOME) == ("gap", "2024-08-14", days(1))
    # The order made before the move does not time a first visit a week after it.
    assert findings(check(history("2024-07-03", "2024-08-14"), CAL), ORDER_AT_HOME) == []


# --- fostering --------------------------------------------------------------------------------------------------

DA_FIRST = K + "fostering.delegated_authority_within_5_working_days"
DA_LATER = K + "fostering.delegated_authority_for_each_new_foster_placement"
SAFER_FIRST = K + "fostering.safer_caring_policy_within_2_weeks"
SAFER_LATER = K + "fostering.safer_caring_policy_for_each_new_foster_placement"
REPORT_TO_CARER = K + "fostering.review_report_to_carer_within_10_working_days"
REPORT_TO_ADM = K + "fostering.review_report_to_adm_within_5_working_days"
ADM_SIGN_OFF = K + "fostering.review_signed_off_by_adm_within_20_working_days"
SIGNED_BY_ADM = K + "fostering.review_signed_off_by_adm"
ADM_DECISION = K + "fostering.adm_decision_within_7_working_days_of_panel_papers"
CARER_NOTICE = K + "fostering.carer_told_of_adm_decision_within_7_working_days"


def test_delegated_authority_within_5_working_days_of_each_foster_placement():
    # Foster placement Mon 20 May 2024: due Tue 28 May (27 May is a bank holiday); 29 May is late.
    assert findings(check(looked_after(recorded("2024-05-28", "delegated_authority")), CAL), DA_FIRST) == []
    assert late(check(looked_after(recorded("2024-05-29", "delegated_authority")), CAL), DA_FIRST) == (
        "late", "2024-05-28", wd(1))
    # A children's home placement is not a foster placement.
    assert findings(check(looked_after(placement="K2"), CAL, as_of="2024-07-01"), DA_FIRST) == []

    # A move to a new foster carer Thu 22 Aug 2024: due Fri 30 Aug (26 Aug bank holiday).
    def moved(at):
        return looked_after(recorded("2024-05-21", "delegated_authority"),
                            ("2024-08-22", "placement_changed", {"placement_type": "U6"}),
                            recorded(at, "delegated_authority"))
    assert findings(check(moved("2024-08-30"), CAL), DA_LATER) == []
    assert late(check(moved("2024-09-02"), CAL), DA_LATER) == ("late", "2024-08-30", wd(1))


def test_safer_caring_policy_within_2_weeks_of_each_foster_placement():
    # Foster placement Mon 20 May 2024 + 2 weeks = Mon 3 Jun 2024; Tue 4 Jun is a day late.
    assert findings(check(looked_after(recorded("2024-06-03", "safer_caring_policy")), CAL), SAFER_FIRST) == []
    assert late(check(looked_after(recorded("2024-06-04", "safer_caring_policy")), CAL), SAFER_FIRST) == (
        "late", "2024-06-03", days(1))

    # A move Thu 22 Aug 2024 + 2 weeks = Thu 5 Sep 2024; Fri 6 Sep is a day late.
    def moved(at):
        return looked_after(recorded("2024-05-21", "safer_caring_policy"),
                            ("2024-08-22", "placement_changed", {"placement_type": "U3"}),
                            recorded(at, "safer_caring_policy"))
    assert findings(check(moved("2024-09-05"), CAL), SAFER_LATER) == []
    assert late(check(moved("2024-09-06"), CAL), SAFER_LATER) == ("late", "2024-09-05", days(1))


def carer_reviewed(*later):
    return cd_case(("2024-01-10", "foster_carer_approved"), ("2024-05-01", "foster_carer_review_held"), *later)


def signed_off(at, by="adm", subject="foster_carer_review"):
    return (at, "management_oversight_recorded", {"subject": subject, "by": by})


def test_review_report_sent_to_the_carer_within_10_working_days():
    # Review Wed 1 May 2024: Thu 2 (1), Fri 3 (2), Mon 6 May bank holiday, 7 (3), 8 (4), 9 (5),
    # 10 (6), 13 (7), 14 (8), 15 (9), Thu 16 May (10); Fri 17 May is one working day late.
    assert findings(check(carer_reviewed(shared("2024-05-16", "carer_review_report", "foster_carer")), CAL),
                    REPORT_TO_CARER) == []
    assert late(check(carer_reviewed(shared("2024-05-17", "carer_review_report", "foster_carer")), CAL),
                REPORT_TO_CARER) == ("late", "2024-05-16", wd(1))


def test_review_report_submitted_to_the_adm_within_5_working_days():
    # Report sent to the carer Thu 16 May 2024: Fri 17 (1), Mon 20 (2), 21 (3), 22 (4), Thu 23 May (5);
    # Fri 24 May is one working day late.
    def history(at):
        return carer_reviewed(shared("2024-05-16", "carer_review_report", "foster_carer"),
                              shared(at, "carer_review_report", "adm"))
    assert findings(check(history("2024-05-23"), CAL), REPORT_TO_ADM) == []
    assert late(check(history("2024-05-24"), CAL), REPORT_TO_ADM) == ("late", "2024-05-23", wd(1))


def test_review_signed_off_by_the_adm_within_20_working_days():
    # Review Wed 1 May 2024: 2 (1), 3 (2), [6 May bank holiday], 7-10 (6), 13-17 (11), 20-24 (16),
    # [27 May bank holiday], 28 (17), 29 (18), 30 (19), Fri 31 May (20); Mon 3 Jun is one working day late.
    assert findings(check(carer_reviewed(signed_off("2024-05-31")), CAL), ADM_SIGN_OFF) == []
    assert late(check(carer_reviewed(signed_off("2024-06-03")), CAL), ADM_SIGN_OFF) == ("late", "2024-05-31", wd(1))


@pytest.mark.parametrize("by, expected", [("adm", []), ("team_manager", ["guard_failed"])])
def test_review_signed_off_by_the_agency_decision_maker(by, expected):
    assert kinds(check(carer_reviewed(signed_off("2024-05-20", by)), CAL), SIGNED_BY_ADM) == expected


def test_adm_decision_within_7_working_days_of_the_panel_papers():
    # Minutes received Mon 3 Jun 2024: 4 (1), 5 (2), 6 (3), 7 (4), 10 (5), 11 (6), Wed 12 Jun (7);
    # Thu 13 Jun is one working day late.
    def history(at):
        return carer_reviewed(shared("2024-06-03", "panel_minutes", "adm"),
                              signed_off(at, subject="fostering_panel_decision"))
    assert findings(check(history("2024-06-12"), CAL), ADM_DECISION) == []
    assert late(check(history("2024-06-13"), CAL), ADM_DECISION) == ("late", "2024-06-12", wd(1))


def test_carer_given_written_notice_within_7_working_days_of_the_adm_decision():
    # Decision Wed 12 Jun 2024: 13 (1), 14 (2), 17 (3), 18 (4), 19 (5), 20 (6), Fri 21 Jun (7);
    # Mon 24 Jun is one working day late.
    def history(at):
        return carer_reviewed(signed_off("2024-06-12", subject="fostering_panel_decision"),
                              shared(at, "outcome_letter", "foster_carer"))
    assert findings(check(history("2024-06-21"), CAL), CARER_NOTICE) == []
    assert late(check(history("2024-06-24"), CAL), CARER_NOTICE) == ("late", "2024-06-21", wd(1))
    # A letter to the family is not the carer's notice.
    verdict = check(carer_reviewed(signed_off("2024-06-12", subject="fostering_panel_decision"),
                                   shared("2024-06-14", "outcome_letter", "family"),
                                   shared("2024-06-24", "outcome_letter", "foster_carer")), CAL)
    assert late(verdict, CARER_NOTICE) == ("late", "2024-06-21", wd(1))


# --- adoption ---------------------------------------------------------------------------------------------------

LATER_LIFE_LETTER = K + "adoption.later_life_letter_within_10_days"
EXCEPTION_REPORTS = K + "adoption.exception_reports_after_40_weeks_then_quarterly"


def placed_for_adoption(*later, policy=CAL):
    return cd_case(("2024-03-21", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                   ("2024-03-21", "care_plan_prepared"),
                   ("2024-04-02", "adoption_decision_made", {"decision": "should_be_placed"}),
                   ("2024-04-30", "placement_authorised", {"basis": "placement_order"}),
                   ("2024-05-20", "placed_for_adoption", {"authority": "placement_order"}),
                   *later, policy=policy)


def test_later_life_letter_within_10_days_of_the_adoption_order():
    # Order Mon 2 Sep 2024 + 10 days = Thu 12 Sep 2024; Fri 13 Sep is a day late.
    def history(at):
        return placed_for_adoption(("2024-09-02", "adoption_order_made"), shared(at, "later_life_letter", "adopters"))
    assert findings(check(history("2024-09-12"), CAL), LATER_LIFE_LETTER) == []
    assert late(check(history("2024-09-13"), CAL), LATER_LIFE_LETTER) == ("late", "2024-09-12", days(1))


def test_exception_reports_after_40_weeks_then_quarterly():
    # Placed Mon 20 May 2024 + 40 weeks (280 days) = Mon 24 Feb 2025; then + 3 months = Sat 24 May 2025.
    ok = placed_for_adoption(recorded("2025-02-24", "exception_report"), recorded("2025-05-24", "exception_report"))
    assert findings(check(ok, CAL), EXCEPTION_REPORTS) == []
    late_first = placed_for_adoption(recorded("2025-02-25", "exception_report"))
    assert late(check(late_first, CAL), EXCEPTION_REPORTS) == ("gap", "2025-02-24", days(1))
    # From the report of Mon 24 Feb 2025 the next is due Sat 24 May 2025; Tue 27 May is late.
    late_second = placed_for_adoption(recorded("2025-02-24", "exception_report"), recorded("2025-05-27", "exception_report"))
    assert late(check(late_second, CAL), EXCEPTION_REPORTS) == ("gap", "2025-05-24", days(3))
    # An adoption order within 40 weeks (Mon 2 Sep 2024) ends the rule: no report is due.
    adopted = placed_for_adoption(("2024-09-02", "adoption_order_made"))
    assert findings(check(adopted, CAL, as_of="2025-06-30"), EXCEPTION_REPORTS) == []


def test_exception_report_after_9_months_under_that_reading():
    # Line 886: placed Mon 20 May 2024 + 9 months = Thu 20 Feb 2025; Fri 21 Feb is late.
    nine = load_policy("calderdale", {EXCEPTION_REPORTS: "nine_months"})
    assert findings(check(placed_for_adoption(recorded("2025-02-20", "exception_report"), policy=nine), nine),
                    EXCEPTION_REPORTS) == []
    assert late(check(placed_for_adoption(recorded("2025-02-21", "exception_report"), policy=nine), nine),
                EXCEPTION_REPORTS) == ("gap", "2025-02-20", days(1))


MATCH_REVIEW = K + "adoption.potential_match_reviewed_within_2_working_days"


def test_potential_adoptive_match_reviewed_within_2_working_days():
    # Possible adopters identified Thu 23 May 2024: Fri 24 (1), Mon 27 May bank holiday, Tue 28 May (2);
    # Wed 29 May is one working day late.
    def history(at, placement="adoptive"):
        return cd_case(("2024-03-21", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                       ("2024-03-21", "care_plan_prepared"),
                       ("2024-04-02", "adoption_decision_made", {"decision": "should_be_placed"}),
                       ("2024-04-30", "placement_authorised", {"basis": "placement_order"}),
                       ("2024-05-23", "placement_identified", {"placement": placement}),
                       (at, "meeting_held", {"meeting": "match_review"}))
    assert findings(check(history("2024-05-28"), CAL), MATCH_REVIEW) == []
    assert late(check(history("2024-05-29"), CAL), MATCH_REVIEW) == ("late", "2024-05-28", wd(1))
    # A foster placement identified is not a possible adoptive placement.
    assert findings(check(history("2024-06-20", placement="foster"), CAL), MATCH_REVIEW) == []
