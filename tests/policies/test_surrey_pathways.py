"""Surrey practice standards (seed 000) on the England pathways beyond assessment and child
protection: missing children, private fostering, transfer-in conferences, pre-birth work, care
leavers, connected carers and adoption. A compliant and a breaching history per encoded rule.

Every expected date is counted by hand in a comment. Bank holidays in England: 2024 - 1 Jan, 29 Mar,
1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec.
"""

from __future__ import annotations

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

SURREY = load_policy("surrey")
TM = {"by": "team_manager"}


def sy_case(*events, child=None, policy=SURREY):
    return case(*events, child=child, policy=policy)


# --- missing ---------------------------------------------------------------------------------------

RHI = "surrey.missing.return_home_interview_within_72_hours"


def test_return_home_interview_within_72_hours():
    # Returned Tue 5 Mar 2024 10:00 + 72 hours = Fri 8 Mar 10:00; 12:00 is 2 hours late.
    def history(held):
        return sy_case(("2024-03-04T20:00", "missing_started", {"episode": "missing"}),
                       ("2024-03-05T10:00", "missing_ended"),
                       (held, "return_interview_held", {"outcome": "held"}))
    assert findings(check(history("2024-03-08T09:00"), SURREY), RHI) == []
    assert late(check(history("2024-03-08T12:00"), SURREY), RHI) == (
        "late", "2024-03-08T10:00", {"value": 2, "unit": "hours"})


# --- private fostering -------------------------------------------------------------------------------

PF_INITIAL = "surrey.private_fostering.initial_visit_within_1_week"
PF_VISITS = "surrey.private_fostering.visits_6_weekly_then_12_weekly"
PF_VISIT = {"purpose": "private_fostering", "seen": True}


def test_private_fostering_initial_visit_within_a_week_of_notification():
    # Notified Mon 2 Sep 2024 + 7 days = Mon 9 Sep. (The statutory 7 working days run to Wed 11 Sep.)
    def history(visited):
        return sy_case(("2024-09-02", "private_fostering_notified", {"arrangement": "existing"}),
                       (visited, "visit", PF_VISIT))
    assert findings(check(history("2024-09-09"), SURREY), PF_INITIAL) == []
    verdict = check(history("2024-09-10"), SURREY)
    assert late(verdict, PF_INITIAL) == ("late", "2024-09-09", {"value": 1, "unit": "days"})
    assert findings(verdict, "england.private_fostering.visit_within_7_working_days") == []


def test_private_fostering_support_visits_six_weekly():
    # Notified Mon 1 Jul 2024 (visited Mon 8 Jul); the child moves in Mon 19 Aug; first support
    # visit within 6 weeks: 19 Aug + 12 = 31 Aug, + 30 = Mon 30 Sep (42 days).
    def history(visited):
        return sy_case(("2024-07-01", "private_fostering_notified", {"arrangement": "proposed"}),
                       ("2024-07-08", "visit", PF_VISIT), ("2024-08-19", "private_fostering_started"),
                       (visited, "visit", PF_VISIT))
    assert findings(check(history("2024-09-30"), SURREY), PF_VISITS) == []
    assert late(check(history("2024-10-01"), SURREY), PF_VISITS) == ("gap", "2024-09-30", {"value": 1, "unit": "days"})


# --- transfer in -------------------------------------------------------------------------------------

TRANSFER = "surrey.transfer.conference_within_15_working_days"


def test_transfer_in_conference_within_15_working_days_of_notification():
    # Notified Tue 12 Mar 2024: 13-15 Mar (3), 18-22 (8), 25-28 (12), Good Friday and Easter Monday,
    # 2, 3, 4 Apr (15) -> Thu 4 Apr.
    def history(held):
        return sy_case(("2024-03-12", "cp_transfer_notified"),
                       (held, "transfer_in_conference_held", {"outcome": "cp_plan"}))
    assert findings(check(history("2024-04-04"), SURREY), TRANSFER) == []
    assert late(check(history("2024-04-05"), SURREY), TRANSFER) == ("late", "2024-04-04", {"value": 1, "unit": "working_days"})


# --- pre-birth -----------------------------------------------------------------------------------------

UNBORN = {"expected_date_of_birth": "2024-06-01"}
PB_ASSESSMENT = "surrey.pre_birth.assessment_by_24_weeks"
PB_CONFERENCE = "surrey.pre_birth.conference_by_30_weeks"


def test_pre_birth_assessment_by_24_weeks():
    # EDD Sat 1 Jun 2024 is 40+0; 24+0 is 16 weeks (112 days) earlier: back 31 to 1 May, 30 to 1 Apr,
    # 31 to 1 Mar (92), 20 more (29 Feb 2024 counted) -> Sat 10 Feb 2024. Mon 12 Feb is 2 days late.
    def history(authorised):
        return sy_case(("2024-01-10", "pre_birth_referral_received"), ("2024-01-10", "assessment_started"),
                       (authorised, "assessment_authorised", {"outcome": "cin_plan", **TM}), child=UNBORN)
    assert findings(check(history("2024-02-09"), SURREY), PB_ASSESSMENT) == []
    assert late(check(history("2024-02-12"), SURREY), PB_ASSESSMENT) == ("late", "2024-02-10", {"value": 2, "unit": "days"})


def conference(held, policy=SURREY):
    return sy_case(("2024-01-10", "pre_birth_referral_received"),
                   ("2024-01-10", "strategy_discussion_held", {"outcome": "s47", **TM}), ("2024-01-10", "s47_started", TM),
                   (held, "icpc_held", {"outcome": "cp_plan"}), child=UNBORN, policy=policy)


def test_pre_birth_conference_by_30_weeks():
    # 30+0 is 10 weeks (70 days) before Sat 1 Jun 2024: back 31 to 1 May, 30 to 1 Apr, 9 more ->
    # Sat 23 Mar 2024. Mon 25 Mar is 2 days late.
    assert findings(check(conference("2024-03-22"), SURREY), PB_CONFERENCE) == []
    assert late(check(conference("2024-03-25"), SURREY), PB_CONFERENCE) == ("late", "2024-03-23", {"value": 2, "unit": "days"})


def test_pre_birth_conference_by_28_weeks_reading():
    # 28+0 is 12 weeks (84 days) before 1 Jun: 14 days earlier than 23 Mar -> Sat 9 Mar 2024.
    policy = load_policy("surrey", {PB_CONFERENCE: "by_week_28"})
    assert findings(check(conference("2024-03-08", policy), policy), PB_CONFERENCE) == []
    assert late(check(conference("2024-03-11", policy), policy), PB_CONFERENCE) == ("late", "2024-03-09", {"value": 2, "unit": "days"})


# --- care leavers ---------------------------------------------------------------------------------------

PATHWAY_PLAN = "surrey.leaving_care.pathway_plan_every_6_months"
CL_VISITS = "surrey.leaving_care.visits_8_weekly_then_12_weekly_from_21"
PA_VISIT = "surrey.leaving_care.pa_visit_within_4_weeks_of_allocation"
CARE_LEAVER = {"date_of_birth": "2003-09-10"}   # 21 on Tue 10 Sep 2024
FORMER_RELEVANT = ("2024-01-08", "care_leaver_status_changed", {"status": "former_relevant"})
CL_VISIT = {"purpose": "leaving_care", "seen": True, "by": "personal_adviser"}


def test_pathway_plan_every_six_months():
    # Former relevant from Mon 8 Jan 2024 + 6 months = Mon 8 Jul 2024.
    def history(reviewed):
        return sy_case(FORMER_RELEVANT, ("2024-01-08", "pathway_plan_prepared"), (reviewed, "pathway_plan_reviewed"),
                       child=CARE_LEAVER)
    assert findings(check(history("2024-07-08"), SURREY), PATHWAY_PLAN) == []
    assert late(check(history("2024-07-09"), SURREY), PATHWAY_PLAN) == ("gap", "2024-07-08", {"value": 1, "unit": "days"})


def test_care_leaver_visits_eight_weekly():
    # From Mon 8 Jan 2024 + 56 days: 23 to 31 Jan, 29 to 29 Feb (2024 is a leap year), 4 -> Mon 4 Mar.
    def history(visited):
        return sy_case(FORMER_RELEVANT, (visited, "visit", CL_VISIT), child=CARE_LEAVER)
    assert findings(check(history("2024-03-04"), SURREY), CL_VISITS) == []
    assert late(check(history("2024-03-05"), SURREY), CL_VISITS) == ("gap", "2024-03-04", {"value": 1, "unit": "days"})


# Eight-weekly (56 days) visits: 4 Mar -> 29 Apr (27 + 29) -> 24 Jun (1 + 31 + 24) -> 19 Aug (6 + 31 + 19);
# then Mon 16 Sep 2024, after the 21st birthday (10 Sep), so the next is due 12 weeks (84 days)
# later: 14 to 30 Sep, 31 to 31 Oct, 30 to 30 Nov, 9 -> Mon 9 Dec 2024.
EIGHT_WEEKLY = ["2024-03-04", "2024-04-29", "2024-06-24", "2024-08-19", "2024-09-16"]


def test_care_leaver_visits_twelve_weekly_after_21():
    visits = [(d, "visit", CL_VISIT) for d in EIGHT_WEEKLY]
    assert findings(check(sy_case(FORMER_RELEVANT, *visits, ("2024-12-09", "visit", CL_VISIT), child=CARE_LEAVER),
                          SURREY), CL_VISITS) == []
    assert late(check(sy_case(FORMER_RELEVANT, *visits, ("2024-12-10", "visit", CL_VISIT), child=CARE_LEAVER),
                      SURREY), CL_VISITS) == ("gap", "2024-12-09", {"value": 1, "unit": "days"})


def test_visit_within_four_weeks_of_a_personal_adviser_being_allocated():
    # Allocated Mon 15 Jan 2024 + 28 days = Mon 12 Feb.
    def history(visited):
        return sy_case(FORMER_RELEVANT, ("2024-01-15", "personal_adviser_appointed"), (visited, "visit", CL_VISIT),
                       child=CARE_LEAVER)
    assert findings(check(history("2024-02-12"), SURREY), PA_VISIT) == []
    assert late(check(history("2024-02-13"), SURREY), PA_VISIT) == ("late", "2024-02-12", {"value": 1, "unit": "days"})


# --- connected carers -------------------------------------------------------------------------------------

TO_PANEL = "surrey.fostering.temporary_approval_to_panel_within_16_weeks"


def test_connected_person_assessment_to_panel_within_16_weeks():
    # Approved Mon 1 Jul 2024 + 112 days: 30 to 31 Jul, 31 to 31 Aug, 30 to 30 Sep, 21 -> Mon 21 Oct.
    def history(ended):
        return sy_case(("2024-07-01", "connected_person_approved"),
                       (ended, "temporary_approval_ended", {"outcome": "approved"}))
    assert findings(check(history("2024-10-21"), SURREY), TO_PANEL) == []
    assert late(check(history("2024-10-22"), SURREY), TO_PANEL) == ("late", "2024-10-21", {"value": 1, "unit": "days"})


# --- adoption ------------------------------------------------------------------------------------------------

WEEKLY = "surrey.adoption.seen_weekly_for_first_4_weeks"
LAC_VISIT = {"purpose": "looked_after", "seen": True}


def placed(*visits):
    return sy_case(("2024-03-01", "looked_after_started", {"legal_status": "C1"}), ("2024-03-01", "care_plan_prepared"),
                   ("2024-07-01", "adoption_decision_made", {"decision": "should_be_placed"}),
                   ("2024-08-01", "placement_authorised", {"basis": "placement_order"}),
                   ("2024-09-02", "placed_for_adoption", {"authority": "placement_order"}),
                   *[(d, "visit", LAC_VISIT) for d in visits])


def test_child_placed_for_adoption_seen_weekly_for_four_weeks():
    # Placed Mon 2 Sep 2024: weekly on 9, 16, 23 and 30 Sep; 30 Sep is four weeks after the
    # placement, so the next is due six weeks later: 30 Sep + 31 = 31 Oct, + 11 = Mon 11 Nov.
    assert findings(check(placed("2024-09-09", "2024-09-16", "2024-09-23", "2024-09-30", "2024-11-11"), SURREY),
                    WEEKLY) == []
    assert late(check(placed("2024-09-09", "2024-09-17"), SURREY), WEEKLY) == (
        "gap", "2024-09-16", {"value": 1, "unit": "days"})


# --- section 47 lead -------------------------------------------------------------------------------------------

S47_LEAD = "surrey.child_protection.s47_led_by_social_worker"


def test_a_section_47_enquiry_is_led_by_a_social_worker():
    def history(by):
        return sy_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                       ("2024-03-12", "s47_started", {"by": by}))
    assert findings(check(history("social_worker"), SURREY), S47_LEAD) == []
    assert only(check(history("early_help_worker"), SURREY), rule=S47_LEAD).kind == "guard_failed"
