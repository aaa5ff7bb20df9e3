"""Surrey practice standards (seed 000) checked from the England casework events (allocation,
supervision, records, documents shared, meetings, foster carer visits, SDQs): a compliant and a
breaching history per rule encoded from them.

Every expected date is counted by hand in a comment. Bank holidays in England: 2024 - 1 Jan, 29 Mar,
1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec; 2025 - 1 Jan.
"""

from __future__ import annotations

from conftest import case, check, findings, late

from journey.spec.load import load_policy

SURREY = load_policy("surrey")
TM = {"by": "team_manager"}
S = "surrey."


def sy_case(*events, child=None, policy=SURREY):
    return case(*events, child=child, policy=policy)


# --- child protection --------------------------------------------------------------------------------

CORE_MINUTES = S + "child_protection.core_group_minutes_within_15_working_days"
CP_RECORDED = S + "child_protection.cp_visits_recorded_within_48_hours"
CP_SUPERVISION = S + "child_protection.case_supervision_every_4_weeks"
OUTLINE_PLAN = S + "child_protection.outline_plan_recorded_by_chair_within_1_working_day"
REVIEW_PLAN = S + "child_protection.plan_updated_by_chair_within_1_working_day_of_review"


def plan(*later, policy=SURREY):
    return sy_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                   ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
                   ("2024-04-04", "cp_plan_started"), *later, policy=policy)


def test_core_group_minutes_circulated_within_15_working_days():
    # Core group Thu 18 Apr 2024: 19 Apr (1), 22-26 Apr (6), 29 Apr-3 May (11), Mon 6 May is a bank
    # holiday, 7-10 May (15) -> due Fri 10 May; Mon 13 May is one working day late.
    def history(shared):
        return plan(("2024-04-18", "core_group_held"),
                    (shared, "document_shared", {"document": "core_group_minutes", "recipient": "professionals"}))
    assert findings(check(history("2024-05-10"), SURREY), CORE_MINUTES) == []
    assert late(check(history("2024-05-13"), SURREY), CORE_MINUTES) == (
        "late", "2024-05-10", {"value": 1, "unit": "working_days"})


def test_core_group_minutes_are_not_any_document():
    # Conference minutes shared on Fri 10 May do not stop the core group clock (still open at 13 May).
    verdict = check(plan(("2024-04-18", "core_group_held"),
                         ("2024-05-10", "document_shared", {"document": "conference_minutes"}),
                         ("2024-05-13", "document_shared", {"document": "core_group_minutes"})), SURREY)
    assert late(verdict, CORE_MINUTES) == ("late", "2024-05-10", {"value": 1, "unit": "working_days"})


def test_cp_visits_recorded_within_48_hours():
    # Child seen Thu 18 Apr 2024 10:00 + 48 hours = Sat 20 Apr 10:00; 12:00 is 2 hours late.
    def history(recorded):
        return plan(("2024-04-18T10:00", "visit", {"purpose": "cp", "seen": True}),
                    (recorded, "record_updated", {"subject": "visit"}))
    assert findings(check(history("2024-04-20T09:00"), SURREY), CP_RECORDED) == []
    assert late(check(history("2024-04-20T12:00"), SURREY), CP_RECORDED) == (
        "late", "2024-04-20T10:00", {"value": 2, "unit": "hours"})


def test_case_supervision_every_4_weeks_on_a_cp_plan():
    # Plan Thu 4 Apr 2024 + 28 days = Thu 2 May; Fri 3 May is a day late.
    assert findings(check(plan(("2024-05-02", "case_supervision_held", TM)), SURREY), CP_SUPERVISION) == []
    assert late(check(plan(("2024-05-03", "case_supervision_held", TM)), SURREY), CP_SUPERVISION) == (
        "gap", "2024-05-02", {"value": 1, "unit": "days"})


def test_outline_plan_recorded_by_the_chair_within_1_working_day():
    # ICPC Thu 4 Apr 2024 + 1 working day = Fri 5 Apr; Mon 8 Apr is one working day late.
    def history(recorded, by="cp_chair"):
        return plan((recorded, "record_updated", {"subject": "plan", "by": by}))
    assert findings(check(history("2024-04-05"), SURREY), OUTLINE_PLAN) == []
    assert late(check(history("2024-04-08"), SURREY), OUTLINE_PLAN) == (
        "late", "2024-04-05", {"value": 1, "unit": "working_days"})
    # A plan recorded on time by the social worker is not the chair's.
    assert late(check(plan(("2024-04-05", "record_updated", {"subject": "plan", "by": "social_worker"}),
                           ("2024-04-08", "record_updated", {"subject": "plan", "by": "cp_chair"})), SURREY),
                OUTLINE_PLAN) == ("late", "2024-04-05", {"value": 1, "unit": "working_days"})


def test_plan_updated_by_the_chair_within_1_working_day_of_a_review():
    # RCPC Thu 13 Jun 2024 + 1 working day = Fri 14 Jun; Mon 17 Jun is one working day late.
    def history(recorded):
        return plan(("2024-04-05", "record_updated", {"subject": "plan", "by": "cp_chair"}),
                    ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"}),
                    (recorded, "record_updated", {"subject": "plan", "by": "cp_chair"}))
    assert findings(check(history("2024-06-14"), SURREY), REVIEW_PLAN) == []
    assert late(check(history("2024-06-17"), SURREY), REVIEW_PLAN) == (
        "late", "2024-06-14", {"value": 1, "unit": "working_days"})


# --- child in need -----------------------------------------------------------------------------------

CIN_SUPERVISION = S + "child_in_need.case_supervision_every_4_weeks"
CIN_RECORDED = S + "child_in_need.cin_visits_recorded_within_48_hours"
CIN_MINUTES = S + "child_in_need.minutes_to_family_within_10_working_days"
CIN_PLAN_SHARED = S + "child_in_need.plan_to_professionals_within_10_working_days"


def cin(*later, policy=SURREY):
    return sy_case(("2024-07-01", "cin_plan_started"), *later, policy=policy)


def test_case_supervision_every_4_weeks_on_a_cin_plan():
    # Plan Mon 1 Jul 2024 + 28 days = Mon 29 Jul; Tue 30 Jul is a day late.
    assert findings(check(cin(("2024-07-29", "case_supervision_held", TM)), SURREY), CIN_SUPERVISION) == []
    assert late(check(cin(("2024-07-30", "case_supervision_held", TM)), SURREY), CIN_SUPERVISION) == (
        "gap", "2024-07-29", {"value": 1, "unit": "days"})


def test_cin_visits_recorded_within_48_hours():
    # Child seen Mon 8 Jul 2024 09:00 + 48 hours = Wed 10 Jul 09:00; 10:00 is an hour late.
    def history(recorded):
        return cin(("2024-07-08T09:00", "visit", {"purpose": "cin", "seen": True}),
                   (recorded, "record_updated", {"subject": "visit"}))
    assert findings(check(history("2024-07-10T08:00"), SURREY), CIN_RECORDED) == []
    assert late(check(history("2024-07-10T10:00"), SURREY), CIN_RECORDED) == (
        "late", "2024-07-10T09:00", {"value": 1, "unit": "hours"})


def test_cin_minutes_and_plan_distributed_within_10_working_days():
    # Review Mon 23 Sep 2024: 24-27 Sep (4), 30 Sep-4 Oct (9), Mon 7 Oct (10); Tue 8 Oct is one
    # working day late.
    def history(minutes, plan_sent):
        return cin(("2024-09-23", "cin_plan_reviewed"),
                   (minutes, "document_shared", {"document": "review_minutes", "recipient": "family"}),
                   (plan_sent, "document_shared", {"document": "plan", "recipient": "professionals"}))
    verdict = check(history("2024-10-07", "2024-10-07"), SURREY)
    assert findings(verdict, CIN_MINUTES) == [] and findings(verdict, CIN_PLAN_SHARED) == []
    verdict = check(history("2024-10-08", "2024-10-08"), SURREY)
    assert late(verdict, CIN_MINUTES) == ("late", "2024-10-07", {"value": 1, "unit": "working_days"})
    assert late(verdict, CIN_PLAN_SHARED) == ("late", "2024-10-07", {"value": 1, "unit": "working_days"})


# --- looked after children ---------------------------------------------------------------------------

LAC_SUPERVISION = S + "looked_after.case_supervision_4_weekly_then_8_weekly"
SDQ = S + "looked_after.sdq_annually"
PPM_FIRST = S + "looked_after.placement_planning_meeting_within_5_working_days"
PPM_NEW = S + "looked_after.placement_planning_meeting_for_each_new_placement"
STABILITY_CHAIR = S + "looked_after.placement_stability_meeting_chaired_by_team_manager"
IRO_OUTCOMES = S + "looked_after.review_outcomes_by_iro_within_5_working_days"


def lac(*later, policy=SURREY):
    return sy_case(("2024-07-01", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                   *later, policy=policy)


def test_lac_case_supervision_every_4_weeks():
    # Looked after from Mon 1 Jul 2024 + 28 days = Mon 29 Jul; Tue 30 Jul is a day late.
    assert findings(check(lac(("2024-07-29", "case_supervision_held", TM)), SURREY), LAC_SUPERVISION) == []
    assert late(check(lac(("2024-07-30", "case_supervision_held", TM)), SURREY), LAC_SUPERVISION) == (
        "gap", "2024-07-29", {"value": 1, "unit": "days"})


def test_lac_case_supervision_8_weekly_once_the_permanence_plan_is_made():
    # Permanence plan Mon 15 Jul 2024; supervision Mon 29 Jul (4 weeks from 1 Jul), then the next
    # within 8 weeks: 29 Jul + 56 days = Mon 23 Sep; Tue 24 Sep is a day late.
    def history(second):
        return lac(("2024-07-15", "permanence_plan_agreed", {"plan": "long_term_foster_care"}),
                   ("2024-07-29", "case_supervision_held", TM), (second, "case_supervision_held", TM))
    assert findings(check(history("2024-09-23"), SURREY), LAC_SUPERVISION) == []
    assert late(check(history("2024-09-24"), SURREY), LAC_SUPERVISION) == (
        "gap", "2024-09-23", {"value": 1, "unit": "days"})


def test_sdq_completed_annually():
    # Looked after from Mon 1 Jul 2024 + 12 months = Tue 1 Jul 2025; Wed 2 Jul is a day late.
    assert findings(check(lac(("2025-07-01", "sdq_completed")), SURREY), SDQ) == []
    assert late(check(lac(("2025-07-02", "sdq_completed")), SURREY), SDQ) == (
        "gap", "2025-07-01", {"value": 1, "unit": "days"})


def test_placement_planning_meeting_within_5_working_days_of_the_placement():
    # Placed Mon 1 Jul 2024: 2-5 Jul (4), Mon 8 Jul (5); Tue 9 Jul is one working day late.
    def history(held):
        return lac((held, "meeting_held", {"meeting": "placement_planning", **TM}))
    assert findings(check(history("2024-07-08"), SURREY), PPM_FIRST) == []
    assert late(check(history("2024-07-09"), SURREY), PPM_FIRST) == (
        "late", "2024-07-08", {"value": 1, "unit": "working_days"})


def test_placement_planning_meeting_for_a_new_placement():
    # New home Wed 21 Aug 2024: 22-23 Aug (2), Mon 26 Aug is a bank holiday, 27-29 Aug (5) -> Thu
    # 29 Aug; Fri 30 Aug is one working day late.
    def history(held):
        return lac(("2024-07-08", "meeting_held", {"meeting": "placement_planning"}),
                   ("2024-08-21", "placement_changed", {"placement_type": "U3", "reason": "CARPL"}),
                   (held, "meeting_held", {"meeting": "placement_planning"}))
    assert findings(check(history("2024-08-29"), SURREY), PPM_NEW) == []
    assert late(check(history("2024-08-30"), SURREY), PPM_NEW) == (
        "late", "2024-08-29", {"value": 1, "unit": "working_days"})


def test_placement_stability_meeting_chaired_by_the_team_manager():
    def history(by):
        return lac(("2024-08-01", "meeting_held", {"meeting": "placement_stability", "by": by}))
    assert findings(check(history("team_manager"), SURREY), STABILITY_CHAIR) == []
    assert [f.kind for f in findings(check(history("social_worker"), SURREY), STABILITY_CHAIR)] == ["guard_failed"]
    # Other meetings are not bound by it.
    other = lac(("2024-08-01", "meeting_held", {"meeting": "professionals", "by": "social_worker"}))
    assert findings(check(other, SURREY), STABILITY_CHAIR) == []


def test_review_outcomes_completed_by_the_iro_within_5_working_days():
    # Review Mon 22 Jul 2024: 23-26 Jul (4), Mon 29 Jul (5); Tue 30 Jul is one working day late.
    def history(recorded, by="iro"):
        return lac(("2024-07-22", "lac_review_held"), (recorded, "record_updated", {"subject": "decision", "by": by}))
    assert findings(check(history("2024-07-29"), SURREY), IRO_OUTCOMES) == []
    assert late(check(history("2024-07-30"), SURREY), IRO_OUTCOMES) == (
        "late", "2024-07-29", {"value": 1, "unit": "working_days"})


def test_cin_supervision_three_monthly_for_a_disabled_child():
    # Reading cwd_three_months: plan Mon 1 Jul 2024 + 3 months = Tue 1 Oct; Wed 2 Oct is a day late.
    policy = load_policy("surrey", {CIN_SUPERVISION: "cwd_three_months"})
    assert findings(check(cin(("2024-10-01", "case_supervision_held", TM), policy=policy), policy),
                    CIN_SUPERVISION) == []
    assert late(check(cin(("2024-10-02", "case_supervision_held", TM), policy=policy), policy), CIN_SUPERVISION) == (
        "gap", "2024-10-01", {"value": 1, "unit": "days"})


# --- casework: allocation and supervision during assessment ------------------------------------------

CHRONOLOGY = S + "casework.chronology_updated_within_5_working_days_of_allocation"
SUPERVISION_20 = S + "assessment.supervision_within_20_days_of_opening"


def test_chronology_updated_within_5_working_days_of_allocation():
    # Allocated Thu 2 May 2024: Fri 3 May (1), Mon 6 May is a bank holiday, 7-10 May (5) -> Fri 10 May;
    # Mon 13 May is one working day late.
    def history(updated):
        return sy_case(("2024-05-02", "case_allocated", {"team": "assessment", **TM}),
                       (updated, "record_updated", {"subject": "chronology", "by": "social_worker"}))
    assert findings(check(history("2024-05-10"), SURREY), CHRONOLOGY) == []
    assert late(check(history("2024-05-13"), SURREY), CHRONOLOGY) == (
        "late", "2024-05-10", {"value": 1, "unit": "working_days"})


def test_supervision_once_open_for_20_days():
    # Assessment started Tue 2 Jul 2024 + 20 days = Mon 22 Jul; Tue 23 Jul is a day late.
    def history(*later, policy=SURREY):
        return sy_case(("2024-07-02", "assessment_started"), *later, policy=policy)
    assert findings(check(history(("2024-07-22", "case_supervision_held", TM)), SURREY), SUPERVISION_20) == []
    assert late(check(history(("2024-07-23", "case_supervision_held", TM)), SURREY), SUPERVISION_20) == (
        "late", "2024-07-22", {"value": 1, "unit": "days"})
    # Reading working_days: 3-5 Jul (3), 8-12 (8), 15-19 (13), 22-26 (18), 29-30 Jul (20) -> Tue 30 Jul.
    policy = load_policy("surrey", {SUPERVISION_20: "working_days"})
    assert findings(check(history(("2024-07-30", "case_supervision_held", TM), policy=policy), policy),
                    SUPERVISION_20) == []
    assert late(check(history(("2024-07-31", "case_supervision_held", TM), policy=policy), policy),
                SUPERVISION_20) == ("late", "2024-07-30", {"value": 1, "unit": "working_days"})


# --- care leavers ------------------------------------------------------------------------------------

CL_SUPERVISION = S + "leaving_care.case_supervision_every_12_weeks"
CL_RECORDED = S + "leaving_care.visits_recorded_within_3_working_days"
CARE_LEAVER = {"date_of_birth": "2003-09-10"}
FORMER_RELEVANT = ("2024-01-08", "care_leaver_status_changed", {"status": "former_relevant"})
CL_VISIT = {"purpose": "leaving_care", "seen": True, "by": "personal_adviser"}


def test_care_leaver_case_supervision_every_12_weeks():
    # Former relevant from Mon 8 Jan 2024 + 84 days: 23 to 31 Jan, 52 to 29 Feb (leap year), 83 to
    # 31 Mar -> Mon 1 Apr; Tue 2 Apr is a day late.
    def history(held):
        return sy_case(FORMER_RELEVANT, (held, "case_supervision_held", TM), child=CARE_LEAVER)
    assert findings(check(history("2024-04-01"), SURREY), CL_SUPERVISION) == []
    assert late(check(history("2024-04-02"), SURREY), CL_SUPERVISION) == (
        "gap", "2024-04-01", {"value": 1, "unit": "days"})


def test_care_leaver_visits_recorded_within_3_working_days():
    # Visit Thu 28 Mar 2024; Fri 29 Mar and Mon 1 Apr are bank holidays; 2, 3, 4 Apr (3) -> Thu 4 Apr;
    # Fri 5 Apr is one working day late.
    def history(recorded):
        return sy_case(FORMER_RELEVANT, ("2024-03-28", "visit", CL_VISIT),
                       (recorded, "record_updated", {"subject": "visit", "by": "personal_adviser"}), child=CARE_LEAVER)
    assert findings(check(history("2024-04-04"), SURREY), CL_RECORDED) == []
    assert late(check(history("2024-04-05"), SURREY), CL_RECORDED) == (
        "late", "2024-04-04", {"value": 1, "unit": "working_days"})


# --- early help, assessment and fostering ------------------------------------------------------------

EH_VISIT = S + "early_help.first_visit_within_10_working_days_of_allocation"
EH_TAF = S + "early_help.first_taf_within_6_weeks_of_allocation"
ASSESSMENT_RECORDED = S + "assessment.visits_recorded_within_48_hours"
CARER_VISITS = S + "fostering.carer_visits_6_weekly"
EARLY_HELP = ("2024-05-02", "case_allocated", {"team": "early_help", **TM})


def test_early_help_first_visit_within_10_working_days_of_allocation():
    # Allocated Thu 2 May 2024: Fri 3 May (1), Mon 6 May is a bank holiday, 7-10 May (5), 13-17 May
    # (10) -> Fri 17 May; Mon 20 May is one working day late.
    def history(visited):
        return sy_case(EARLY_HELP, (visited, "visit", {"purpose": "other", "seen": True, "by": "early_help_worker"}))
    assert findings(check(history("2024-05-17"), SURREY), EH_VISIT) == []
    assert late(check(history("2024-05-20"), SURREY), EH_VISIT) == (
        "late", "2024-05-17", {"value": 1, "unit": "working_days"})
    # Allocation to another team starts no early help clock.
    other = sy_case(("2024-05-02", "case_allocated", {"team": "assessment"}), ("2024-05-20", "visit", {"seen": True}))
    assert findings(check(other, SURREY), EH_VISIT) == []


def test_early_help_first_taf_within_6_weeks_of_allocation():
    # Allocated Thu 2 May 2024 + 42 days = Thu 13 Jun; Fri 14 Jun is a day late.
    def history(held):
        return sy_case(EARLY_HELP, (held, "meeting_held", {"meeting": "team_around_family", "by": "early_help_worker"}))
    assert findings(check(history("2024-06-13"), SURREY), EH_TAF) == []
    assert late(check(history("2024-06-14"), SURREY), EH_TAF) == ("late", "2024-06-13", {"value": 1, "unit": "days"})


def test_assessment_visits_recorded_within_48_hours():
    # Visit Fri 5 Jul 2024 16:00 + 48 hours = Sun 7 Jul 16:00; Mon 8 Jul 09:00 is 17 hours late.
    def history(recorded):
        return sy_case(("2024-07-04", "assessment_started"),
                       ("2024-07-05T16:00", "visit", {"purpose": "assessment", "seen": True}),
                       (recorded, "record_updated", {"subject": "visit"}))
    assert findings(check(history("2024-07-07T15:00"), SURREY), ASSESSMENT_RECORDED) == []
    assert late(check(history("2024-07-08T09:00"), SURREY), ASSESSMENT_RECORDED) == (
        "late", "2024-07-07T16:00", {"value": 17, "unit": "hours"})


def test_foster_carers_visited_six_weekly():
    # Approved Mon 2 Sep 2024 + 42 days = Mon 14 Oct; Tue 15 Oct is a day late.
    def history(visited, policy=SURREY):
        return sy_case(("2024-09-02", "foster_carer_approved"), (visited, "foster_carer_visited"), policy=policy)
    assert findings(check(history("2024-10-14"), SURREY), CARER_VISITS) == []
    assert late(check(history("2024-10-15"), SURREY), CARER_VISITS) == ("gap", "2024-10-14", {"value": 1, "unit": "days"})
    # Reading settled_twelve_weekly: + 84 days: 28 to 30 Sep, 59 to 31 Oct -> Mon 25 Nov.
    policy = load_policy("surrey", {CARER_VISITS: "settled_twelve_weekly"})
    assert findings(check(history("2024-11-25", policy), policy), CARER_VISITS) == []
    assert late(check(history("2024-11-26", policy), policy), CARER_VISITS) == (
        "gap", "2024-11-25", {"value": 1, "unit": "days"})


# --- transfer and step down --------------------------------------------------------------------------

TO_FAMILY_SAFEGUARDING = S + "assessment.transfer_to_family_safeguarding_within_10_working_days"
STEP_DOWN = S + "assessment.step_down_within_10_working_days"
SEEN_AT_TRANSFER = S + "child_in_need.seen_within_5_working_days_of_transfer"


def assessed(outcome, authorised, *later):
    return sy_case(("2024-06-10", "assessment_started"),
                   (authorised, "assessment_authorised", {"outcome": outcome, **TM}), *later)


def test_transfer_to_family_safeguarding_within_10_working_days():
    # Authorised Mon 1 Jul 2024: 2-5 Jul (4), 8-12 Jul (9), Mon 15 Jul (10); Tue 16 Jul is one working
    # day late.
    def history(allocated):
        return assessed("cin_plan", "2024-07-01", (allocated, "case_allocated", {"team": "safeguarding", **TM}))
    assert findings(check(history("2024-07-15"), SURREY), TO_FAMILY_SAFEGUARDING) == []
    assert late(check(history("2024-07-16"), SURREY), TO_FAMILY_SAFEGUARDING) == (
        "late", "2024-07-15", {"value": 1, "unit": "working_days"})


def test_step_down_to_early_help_within_10_working_days():
    # Authorised Fri 23 Aug 2024; Mon 26 Aug is a bank holiday; 27-30 Aug (4), 2-6 Sep (9), Mon 9 Sep
    # (10); Tue 10 Sep is one working day late.
    def history(allocated):
        return assessed("early_help", "2024-08-23", (allocated, "case_allocated", {"team": "early_help", **TM}))
    assert findings(check(history("2024-09-09"), SURREY), STEP_DOWN) == []
    assert late(check(history("2024-09-10"), SURREY), STEP_DOWN) == (
        "late", "2024-09-09", {"value": 1, "unit": "working_days"})
    # A child in need outcome starts no step-down clock.
    assert findings(check(assessed("cin_plan", "2024-08-23"), SURREY), STEP_DOWN) == []


def test_child_seen_within_5_working_days_of_transfer():
    # Allocated Thu 23 May 2024: Fri 24 May (1), Mon 27 May is a bank holiday, 28-31 May (5) -> Fri
    # 31 May; Mon 3 Jun is one working day late.
    def history(seen):
        return sy_case(("2024-05-20", "cin_plan_started"), ("2024-05-23", "case_allocated", {"team": "safeguarding", **TM}),
                       (seen, "visit", {"purpose": "cin", "seen": True}))
    assert findings(check(history("2024-05-31"), SURREY), SEEN_AT_TRANSFER) == []
    assert late(check(history("2024-06-03"), SURREY), SEEN_AT_TRANSFER) == (
        "late", "2024-05-31", {"value": 1, "unit": "working_days"})


def test_no_supervision_is_due_when_the_case_closes_within_20_days():
    # Assessment Tue 2 Jul 2024, no further action and closed Fri 12 Jul, before the 20 days (Mon 22 Jul).
    c = sy_case(("2024-07-02", "assessment_started"),
                ("2024-07-12", "assessment_authorised", {"outcome": "nfa", **TM}),
                ("2024-07-12", "case_closed", TM))
    assert findings(check(c, SURREY, as_of="2024-08-30"), SUPERVISION_20) == []
