"""BCP practice standards (seed 002), third pass: the rules the england `casework` events made
checkable (records on the child's file, documents shared, meetings, allocation, supervision,
foster carer visits). A compliant and a breaching history for every timed rule, and a passing and
a failing event for every guard; every date counted by hand in a comment (never with journey's
own calendar). England bank holidays used: Fri 29 Mar and Mon 1 Apr 2024 (Easter), Mon 6 May and
Mon 27 May 2024, Mon 26 Aug 2024, 25-26 Dec 2024, 1 Jan 2025.
"""

from __future__ import annotations

from conftest import case, check, only, days, findings, late, wd

from journey.spec.load import load_policy

BCP = load_policy("bcp")
TM = {"by": "team_manager"}


def bcp_case(*events, child=None, policy=BCP):
    return case(*events, policy=policy, child=child)


def cp_plan(*later):
    """Strategy discussion Tue 12 Mar 2024, s47, ICPC and CP plan Thu 4 Apr 2024."""
    return bcp_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                    ("2024-03-12", "s47_started", TM),
                    ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                    ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
                    ("2024-04-04", "cp_plan_started"), *later)


# --- child protection: records and plans ------------------------------------------------------

CP_VISIT_RECORDED = "bcp.child_protection.cp_visit_recorded_1_working_day"
S47_VISIT_RECORDED = "bcp.child_protection.s47_visit_recorded_2_working_days"
STRATEGY_MINUTES = "bcp.child_protection.strategy_minutes_2_working_days"
CORE_PLAN_RECORDED = "bcp.child_protection.core_group_plan_recorded_3_working_days"
CORE_PLAN_SENT = "bcp.child_protection.core_group_plan_sent_5_working_days"
VISIT_RECORD = {"subject": "visit"}


def test_cp_visit_recorded_within_one_working_day():
    # CP visit Fri 24 May 2024; Sat 25, Sun 26, Mon 27 May (bank holiday) skipped -> due Tue 28 May.
    visit = ("2024-05-24", "visit", {"purpose": "cp", "seen": True})
    ok = cp_plan(visit, ("2024-05-28", "record_updated", VISIT_RECORD))
    assert findings(check(ok, BCP), CP_VISIT_RECORDED) == []
    verdict = check(cp_plan(visit, ("2024-05-29", "record_updated", VISIT_RECORD)), BCP)
    assert late(verdict, CP_VISIT_RECORDED) == ("late", "2024-05-28", wd(1))
    assert only(verdict, rule=CP_VISIT_RECORDED).severity == "local"


def test_a_cp_visit_where_the_child_was_not_seen_starts_no_clock():
    visit = ("2024-05-24", "visit", {"purpose": "cp", "seen": False})
    assert findings(check(cp_plan(visit, ("2024-06-10", "record_updated", VISIT_RECORD)), BCP),
                    CP_VISIT_RECORDED) == []


def s47(*later):
    """Strategy discussion and s47 started Tue 26 Mar 2024."""
    return bcp_case(("2024-03-26", "strategy_discussion_held", {"outcome": "s47", **TM}),
                    ("2024-03-26", "s47_started", TM), *later)


def test_s47_visit_recorded_within_two_working_days():
    # s47 visit Wed 27 Mar 2024: Thu 28 (1), Fri 29 Good Friday, Sat, Sun, Mon 1 Apr Easter
    # Monday, Tue 2 Apr (2) -> due Tue 2 Apr; Wed 3 Apr is one working day late.
    visit = ("2024-03-27", "visit", {"purpose": "s47", "seen": True})
    assert findings(check(s47(visit, ("2024-04-02", "record_updated", VISIT_RECORD)), BCP),
                    S47_VISIT_RECORDED) == []
    verdict = check(s47(visit, ("2024-04-03", "record_updated", VISIT_RECORD)), BCP)
    assert late(verdict, S47_VISIT_RECORDED) == ("late", "2024-04-02", wd(1))


def test_s47_visit_recorded_other_subject_does_not_count():
    visit = ("2024-03-27", "visit", {"purpose": "s47", "seen": True})
    verdict = check(s47(visit, ("2024-03-28", "record_updated", {"subject": "case_note"}),
                        ("2024-04-03", "record_updated", VISIT_RECORD)), BCP)
    assert late(verdict, S47_VISIT_RECORDED) == ("late", "2024-04-02", wd(1))


def test_strategy_minutes_within_two_working_days():
    # Strategy discussion Thu 28 Mar 2024 10:00: Fri 29 Good Friday, Sat, Sun, Mon 1 Apr Easter
    # Monday, Tue 2 Apr (1), Wed 3 Apr (2) -> due Wed 3 Apr; Thu 4 Apr is one working day late.
    held = ("2024-03-28T10:00", "strategy_discussion_held", {"outcome": "s47", **TM})
    minutes = {"subject": "strategy_discussion"}
    assert findings(check(bcp_case(held, ("2024-04-03T09:00", "record_updated", minutes)), BCP),
                    STRATEGY_MINUTES) == []
    verdict = check(bcp_case(held, ("2024-04-04T09:00", "record_updated", minutes)), BCP)
    assert late(verdict, STRATEGY_MINUTES) == ("late", "2024-04-03", wd(1))


def test_strategy_minutes_48_hours_reading():
    # 48 hours from Thu 28 Mar 10:00 -> Sat 30 Mar 10:00; Wed 3 Apr 09:00 is 3 days 23 hours = 95
    # hours late.
    policy = load_policy("bcp", {STRATEGY_MINUTES: "forty_eight_hours"})
    held = ("2024-03-28T10:00", "strategy_discussion_held", {"outcome": "s47", **TM})
    minutes = {"subject": "strategy_discussion"}
    ok = bcp_case(held, ("2024-03-30T10:00", "record_updated", minutes), policy=policy)
    assert findings(check(ok, policy), STRATEGY_MINUTES) == []
    verdict = check(bcp_case(held, ("2024-04-03T09:00", "record_updated", minutes), policy=policy), policy)
    assert late(verdict, STRATEGY_MINUTES) == ("late", "2024-03-30T10:00", {"value": 95, "unit": "hours"})


def test_core_group_plan_recorded_within_three_working_days():
    # Core group Thu 2 May 2024: Fri 3 (1), Mon 6 May bank holiday, Tue 7 (2), Wed 8 (3) -> due
    # Wed 8 May; Thu 9 May is one working day late.
    core = ("2024-05-02", "core_group_held")
    plan = {"subject": "plan"}
    assert findings(check(cp_plan(core, ("2024-05-08", "record_updated", plan)), BCP), CORE_PLAN_RECORDED) == []
    verdict = check(cp_plan(core, ("2024-05-09", "record_updated", plan)), BCP)
    assert late(verdict, CORE_PLAN_RECORDED) == ("late", "2024-05-08", wd(1))


def test_core_group_plan_sent_within_five_working_days():
    # Core group Thu 2 May 2024: Fri 3 (1), Mon 6 May bank holiday, Tue 7 (2), Wed 8 (3), Thu 9
    # (4), Fri 10 (5) -> due Fri 10 May; Mon 13 May is one working day late.
    core = ("2024-05-02", "core_group_held")
    sent = {"document": "plan", "recipient": "family"}
    assert findings(check(cp_plan(core, ("2024-05-10", "document_shared", sent)), BCP), CORE_PLAN_SENT) == []
    verdict = check(cp_plan(core, ("2024-05-13", "document_shared", sent)), BCP)
    assert late(verdict, CORE_PLAN_SENT) == ("late", "2024-05-10", wd(1))


OUTLINE_ICPC = "bcp.child_protection.outline_plan_to_core_group_chair_after_icpc"
OUTLINE_RCPC = "bcp.child_protection.outline_plan_to_core_group_chair_after_rcpc"
TO_CHAIR = {"document": "plan", "recipient": "chair"}


def icpc_at(held, *later):
    return bcp_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                    ("2024-03-12", "s47_started", TM),
                    ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                    (held, "icpc_held", {"outcome": "cp_plan"}),
                    (held, "cp_plan_started"), *later)


def test_outline_plan_to_core_group_chair_within_10_minutes_of_icpc():
    # ICPC ends Thu 4 Apr 2024 11:00 + 10 minutes = 11:10; 11:25 is 15 minutes late.
    ok = icpc_at("2024-04-04T11:00", ("2024-04-04T11:10", "document_shared", TO_CHAIR))
    assert findings(check(ok, BCP), OUTLINE_ICPC) == []
    verdict = check(icpc_at("2024-04-04T11:00", ("2024-04-04T11:25", "document_shared", TO_CHAIR)), BCP)
    assert late(verdict, OUTLINE_ICPC) == ("late", "2024-04-04T11:10", {"value": 15, "unit": "minutes"})


def test_outline_plan_to_the_family_does_not_count():
    verdict = check(icpc_at("2024-04-04T11:00",
                            ("2024-04-04T11:05", "document_shared", {"document": "plan", "recipient": "family"}),
                            ("2024-04-04T11:25", "document_shared", TO_CHAIR)), BCP)
    assert late(verdict, OUTLINE_ICPC) == ("late", "2024-04-04T11:10", {"value": 15, "unit": "minutes"})


def test_outline_plan_to_core_group_chair_within_10_minutes_of_rcpc():
    # RCPC (plan continues) Thu 4 Jul 2024 14:00 + 10 minutes = 14:10; 14:30 is 20 minutes late.
    rcpc = ("2024-07-04T14:00", "rcpc_held", {"outcome": "continue_plan"})
    assert findings(check(cp_plan(rcpc, ("2024-07-04T14:10", "document_shared", TO_CHAIR)), BCP),
                    OUTLINE_RCPC) == []
    verdict = check(cp_plan(rcpc, ("2024-07-04T14:30", "document_shared", TO_CHAIR)), BCP)
    assert late(verdict, OUTLINE_RCPC) == ("late", "2024-07-04T14:10", {"value": 20, "unit": "minutes"})


# --- child in need: the plan recorded and distributed -----------------------------------------

CIN_RECORDED_START = "bcp.child_in_need.plan_recorded_5_working_days_after_plan_meeting"
CIN_RECORDED_REVIEW = "bcp.child_in_need.plan_recorded_5_working_days_after_review"
CIN_SENT_START = "bcp.child_in_need.plan_distributed_10_working_days_after_plan_meeting"
CIN_SENT_REVIEW = "bcp.child_in_need.plan_distributed_10_working_days_after_review"
PLAN_RECORD = ("record_updated", {"subject": "plan"})
PLAN_SENT = ("document_shared", {"document": "plan", "recipient": "family"})

# Meeting Wed 21 Aug 2024. Five working days: Thu 22 (1), Fri 23 (2), Mon 26 Aug bank holiday,
# Tue 27 (3), Wed 28 (4), Thu 29 (5) -> due Thu 29 Aug; Fri 30 Aug is one working day late.
# Ten working days: Fri 30 (6), Mon 2 Sep (7), Tue 3 (8), Wed 4 (9), Thu 5 (10) -> due Thu 5 Sep;
# Fri 6 Sep is one working day late.


def cin_started(*later):
    return bcp_case(("2024-08-21", "cin_plan_started"), *later)


def cin_reviewed(*later):
    """Plan Mon 1 Jul 2024, recorded and sent the same day; reviewed Wed 21 Aug 2024."""
    return bcp_case(("2024-07-01", "cin_plan_started"), ("2024-07-01", *PLAN_RECORD), ("2024-07-01", *PLAN_SENT),
                    ("2024-08-21", "cin_plan_reviewed"), *later)


def test_cin_plan_recorded_within_five_working_days_of_the_plan_meeting():
    assert findings(check(cin_started(("2024-08-29", *PLAN_RECORD)), BCP), CIN_RECORDED_START) == []
    verdict = check(cin_started(("2024-08-30", *PLAN_RECORD)), BCP)
    assert late(verdict, CIN_RECORDED_START) == ("late", "2024-08-29", wd(1))


def test_cin_plan_recorded_within_five_working_days_of_a_review():
    assert findings(check(cin_reviewed(("2024-08-29", *PLAN_RECORD)), BCP), CIN_RECORDED_REVIEW) == []
    verdict = check(cin_reviewed(("2024-08-30", *PLAN_RECORD)), BCP)
    assert late(verdict, CIN_RECORDED_REVIEW) == ("late", "2024-08-29", wd(1))


def test_cin_plan_distributed_within_ten_working_days_of_the_plan_meeting():
    assert findings(check(cin_started(("2024-09-05", *PLAN_SENT)), BCP), CIN_SENT_START) == []
    verdict = check(cin_started(("2024-09-06", *PLAN_SENT)), BCP)
    assert late(verdict, CIN_SENT_START) == ("late", "2024-09-05", wd(1))


def test_cin_plan_distributed_within_ten_working_days_of_a_review():
    assert findings(check(cin_reviewed(("2024-09-05", *PLAN_SENT)), BCP), CIN_SENT_REVIEW) == []
    verdict = check(cin_reviewed(("2024-09-06", *PLAN_SENT)), BCP)
    assert late(verdict, CIN_SENT_REVIEW) == ("late", "2024-09-05", wd(1))


# --- every visit recorded -----------------------------------------------------------------------

VISIT_RECORDED = "bcp.casework.visit_recorded_3_working_days"


def test_every_visit_recorded_within_three_working_days():
    # CIN visit Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2), Thu 29 (3) -> due
    # Thu 29 Aug; Fri 30 Aug is one working day late.
    visit = ("2024-08-23", "visit", {"purpose": "cin", "seen": True})
    ok = bcp_case(("2024-07-01", "cin_plan_started"), visit, ("2024-08-29", "record_updated", VISIT_RECORD))
    assert findings(check(ok, BCP), VISIT_RECORDED) == []
    verdict = check(bcp_case(("2024-07-01", "cin_plan_started"), visit,
                             ("2024-08-30", "record_updated", VISIT_RECORD)), BCP)
    assert late(verdict, VISIT_RECORDED) == ("late", "2024-08-29", wd(1))


# --- looked after: IRO note, family network meetings, placement planning, care plan to child -----

LAC = ("2024-07-01", "looked_after_started", {"legal_status": "V2", "placement_type": "U3"})  # Mon 1 Jul 2024


def lac(*events, start=LAC):
    # A care plan before the first placement (CPPCR reg 4), so that reviews are lawful.
    return bcp_case(("2024-07-01", "care_plan_prepared"), start, *events)


IRO_NOTE = "bcp.looked_after.iro_note_2_working_days_after_review"
CARE_PLAN_TO_CHILD = "bcp.looked_after.care_plan_to_child_5_working_days_after_review"
FNM_SIX_MONTHLY = "bcp.looked_after.family_network_meetings_six_monthly"
FNM_OVERSIGHT = "bcp.looked_after.family_network_decision_oversight_3_working_days"
PPM_NEW_CARE = "bcp.looked_after.placement_planning_meeting_5_working_days_new_care"
PPM_NEW_PLACEMENT = "bcp.looked_after.placement_planning_meeting_5_working_days_new_placement"
REVIEW = ("2024-08-23", "lac_review_held")  # Fri 23 Aug 2024
IRO_RECORD = {"subject": "case_note", "by": "iro"}
FNM = {"meeting": "family_network", "by": "team_manager"}
PPM = {"meeting": "placement_planning", "by": "social_worker"}


def test_iro_note_within_two_working_days_of_a_review():
    # Review Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2) -> due Wed 28 Aug;
    # Thu 29 Aug is one working day late.
    assert findings(check(lac(REVIEW, ("2024-08-28", "record_updated", IRO_RECORD)), BCP), IRO_NOTE) == []
    verdict = check(lac(REVIEW, ("2024-08-29", "record_updated", IRO_RECORD)), BCP)
    assert late(verdict, IRO_NOTE) == ("late", "2024-08-28", wd(1))


def test_a_note_by_the_social_worker_is_not_the_iro_note():
    verdict = check(lac(REVIEW, ("2024-08-27", "record_updated", {"subject": "case_note", "by": "social_worker"}),
                        ("2024-08-29", "record_updated", IRO_RECORD)), BCP)
    assert late(verdict, IRO_NOTE) == ("late", "2024-08-28", wd(1))


def test_care_plan_given_to_the_child_within_five_working_days_of_a_review():
    # Review Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2), Thu 29 (3), Fri 30
    # (4), Mon 2 Sep (5) -> due Mon 2 Sep; Tue 3 Sep is one working day late.
    to_child = {"document": "plan", "recipient": "child"}
    assert findings(check(lac(REVIEW, ("2024-09-02", "document_shared", to_child)), BCP), CARE_PLAN_TO_CHILD) == []
    verdict = check(lac(REVIEW, ("2024-09-03", "document_shared", to_child)), BCP)
    assert late(verdict, CARE_PLAN_TO_CHILD) == ("late", "2024-09-02", wd(1))


def test_a_plan_sent_to_the_family_is_not_given_to_the_child():
    verdict = check(lac(REVIEW, ("2024-08-27", "document_shared", {"document": "plan", "recipient": "family"}),
                        ("2024-09-03", "document_shared", {"document": "plan", "recipient": "child"})), BCP)
    assert late(verdict, CARE_PLAN_TO_CHILD) == ("late", "2024-09-02", wd(1))


def test_family_network_meetings_six_monthly():
    # In care from Mon 1 Jul 2024 + 6 calendar months = Wed 1 Jan 2025 (the bank holiday does not
    # move a calendar-month limit); Fri 3 Jan 2025 is two days late.
    assert findings(check(lac(("2025-01-01", "meeting_held", FNM)), BCP), FNM_SIX_MONTHLY) == []
    verdict = check(lac(("2025-01-03", "meeting_held", FNM)), BCP)
    assert late(verdict, FNM_SIX_MONTHLY) == ("gap", "2025-01-01", {"value": 2, "unit": "days"})


def test_other_meetings_are_not_family_network_meetings():
    verdict = check(lac(("2024-12-02", "meeting_held", {"meeting": "professionals"}),
                        ("2025-01-03", "meeting_held", FNM)), BCP)
    assert late(verdict, FNM_SIX_MONTHLY) == ("gap", "2025-01-01", {"value": 2, "unit": "days"})


def test_management_oversight_within_three_working_days_of_a_family_network_meeting():
    # Meeting Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2), Thu 29 (3) -> due
    # Thu 29 Aug; Fri 30 Aug is one working day late.
    fnm = ("2024-08-23", "meeting_held", FNM)
    mo = {"subject": "other", "by": "team_manager"}
    assert findings(check(lac(fnm, ("2024-08-29", "management_oversight_recorded", mo)), BCP), FNM_OVERSIGHT) == []
    verdict = check(lac(fnm, ("2024-08-30", "management_oversight_recorded", mo)), BCP)
    assert late(verdict, FNM_OVERSIGHT) == ("late", "2024-08-29", wd(1))


def test_placement_planning_meeting_within_five_working_days_of_coming_into_foster_care():
    # Foster placement (U3) from Mon 1 Jul 2024: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8
    # Jul (5) -> due Mon 8 Jul; Tue 9 Jul is one working day late.
    assert findings(check(lac(("2024-07-08", "meeting_held", PPM)), BCP), PPM_NEW_CARE) == []
    verdict = check(lac(("2024-07-09", "meeting_held", PPM)), BCP)
    assert late(verdict, PPM_NEW_CARE) == ("late", "2024-07-08", wd(1))


def test_no_placement_planning_meeting_clock_for_a_childrens_home():
    home = ("2024-07-01", "looked_after_started", {"legal_status": "V2", "placement_type": "K2"})
    assert findings(check(lac(("2024-07-20", "meeting_held", PPM), start=home), BCP), PPM_NEW_CARE) == []


def test_placement_planning_meeting_within_five_working_days_of_a_new_foster_placement():
    # Move to foster care (U1) Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2),
    # Thu 29 (3), Fri 30 (4), Mon 2 Sep (5) -> due Mon 2 Sep; Tue 3 Sep is one working day late.
    first = ("2024-07-08", "meeting_held", PPM)
    move = ("2024-08-23", "placement_changed", {"placement_type": "U1", "reason": "CARPL"})
    assert findings(check(lac(first, move, ("2024-09-02", "meeting_held", PPM)), BCP), PPM_NEW_PLACEMENT) == []
    verdict = check(lac(first, move, ("2024-09-03", "meeting_held", PPM)), BCP)
    assert late(verdict, PPM_NEW_PLACEMENT) == ("late", "2024-09-02", wd(1))


# --- front door: transfer and outcome to the referrer ---------------------------------------------

TRANSFERRED = "bcp.front_door.referral_transferred_1_working_day"
REFERRER_TOLD = "bcp.front_door.referrer_told_outcome_3_working_days"


def referral(*later):
    """Contact Fri 3 May 2024 10:00, MASH decision (assessment) the same day 14:00."""
    return bcp_case(("2024-05-03T10:00", "contact_received"),
                    ("2024-05-03T14:00", "referral_decision", {"outcome": "assessment", "by": "social_worker"}), *later)


def test_referral_transferred_within_one_working_day():
    # Decision Fri 3 May 2024: Sat, Sun, Mon 6 May bank holiday -> due Tue 7 May; Wed 8 May is one
    # working day late.
    allocated = {"team": "assessment", **TM}
    assert findings(check(referral(("2024-05-07T09:00", "case_allocated", allocated)), BCP), TRANSFERRED) == []
    verdict = check(referral(("2024-05-08T09:00", "case_allocated", allocated)), BCP)
    assert late(verdict, TRANSFERRED) == ("late", "2024-05-07", wd(1))


def test_an_allocation_within_the_mash_is_not_a_transfer():
    verdict = check(referral(("2024-05-03T15:00", "case_allocated", {"team": "front_door", **TM}),
                             ("2024-05-08T09:00", "case_allocated", {"team": "assessment", **TM})), BCP)
    assert late(verdict, TRANSFERRED) == ("late", "2024-05-07", wd(1))


def test_referrer_told_the_outcome_within_three_working_days():
    # Contact Fri 3 May 2024: Mon 6 May bank holiday, Tue 7 (1), Wed 8 (2), Thu 9 (3) -> due Thu 9
    # May; Fri 10 May is one working day late.
    letter = {"document": "outcome_letter", "recipient": "referrer"}
    assert findings(check(referral(("2024-05-09T16:00", "document_shared", letter)), BCP), REFERRER_TOLD) == []
    verdict = check(referral(("2024-05-10T09:00", "document_shared", letter)), BCP)
    assert late(verdict, REFERRER_TOLD) == ("late", "2024-05-09", wd(1))


def test_an_outcome_letter_to_the_family_is_not_to_the_referrer():
    verdict = check(referral(("2024-05-07T09:00", "document_shared", {"document": "outcome_letter", "recipient": "family"}),
                             ("2024-05-10T09:00", "document_shared", {"document": "outcome_letter", "recipient": "referrer"})), BCP)
    assert late(verdict, REFERRER_TOLD) == ("late", "2024-05-09", wd(1))


# --- allocation ---------------------------------------------------------------------------------

ALLOCATION_BY_TM = "bcp.assessment.allocation_decided_by_team_manager"
SEEN_AFTER_ALLOCATION = "bcp.assessment.child_seen_10_days_after_allocation"
OVERSIGHT_AFTER_ALLOCATION = "bcp.assessment.oversight_10_working_days_after_allocation"
ALLOCATED = ("2024-08-23", "case_allocated", {"team": "assessment", **TM})  # Fri 23 Aug 2024


def test_the_team_manager_decides_the_allocation():
    assert findings(check(bcp_case(ALLOCATED), BCP), ALLOCATION_BY_TM) == []
    verdict = check(bcp_case(("2024-08-23", "case_allocated", {"team": "assessment", "by": "social_worker"})), BCP)
    assert only(verdict, rule=ALLOCATION_BY_TM).kind == "guard_failed"


def test_an_assistant_team_manager_may_allocate_under_the_atm_reading():
    by_atm = ("2024-08-23", "case_allocated", {"team": "assessment", "by": "assistant_team_manager"})
    assert only(check(bcp_case(by_atm), BCP), rule=ALLOCATION_BY_TM).kind == "guard_failed"
    policy = load_policy("bcp", {ALLOCATION_BY_TM: "atm_may_allocate"})
    assert findings(check(bcp_case(by_atm, policy=policy), policy), ALLOCATION_BY_TM) == []


def test_child_seen_within_10_days_of_allocation():
    # Allocated Fri 23 Aug 2024 + 10 calendar days = Mon 2 Sep (the bank holiday does not count
    # against calendar days); Wed 4 Sep is two days late.
    seen = {"purpose": "assessment", "seen": True}
    assert findings(check(bcp_case(ALLOCATED, ("2024-09-02", "visit", seen)), BCP), SEEN_AFTER_ALLOCATION) == []
    verdict = check(bcp_case(ALLOCATED, ("2024-09-04", "visit", seen)), BCP)
    assert late(verdict, SEEN_AFTER_ALLOCATION) == ("late", "2024-09-02", {"value": 2, "unit": "days"})


def test_child_seen_within_10_working_days_reading():
    # 10 working days from Fri 23 Aug 2024: Mon 26 bank holiday, Tue 27 (1), Wed 28 (2), Thu 29 (3),
    # Fri 30 (4), Mon 2 Sep (5), Tue 3 (6), Wed 4 (7), Thu 5 (8), Fri 6 (9), Mon 9 Sep (10).
    policy = load_policy("bcp", {SEEN_AFTER_ALLOCATION: "working_days"})
    seen = {"purpose": "assessment", "seen": True}
    assert findings(check(bcp_case(ALLOCATED, ("2024-09-09", "visit", seen), policy=policy), policy),
                    SEEN_AFTER_ALLOCATION) == []
    verdict = check(bcp_case(ALLOCATED, ("2024-09-10", "visit", seen), policy=policy), policy)
    assert late(verdict, SEEN_AFTER_ALLOCATION) == ("late", "2024-09-09", wd(1))


def test_oversight_within_10_working_days_of_allocation_for_an_assessment():
    # Allocated Fri 23 Aug 2024; 10 working days (counted above) -> due Mon 9 Sep; Tue 10 Sep is one
    # working day late.
    mo = {"subject": "allocation", **TM}
    assert findings(check(bcp_case(ALLOCATED, ("2024-09-09", "management_oversight_recorded", mo)), BCP),
                    OVERSIGHT_AFTER_ALLOCATION) == []
    verdict = check(bcp_case(ALLOCATED, ("2024-09-10", "management_oversight_recorded", mo)), BCP)
    assert late(verdict, OVERSIGHT_AFTER_ALLOCATION) == ("late", "2024-09-09", wd(1))


def test_oversight_after_allocation_supervision_reading():
    policy = load_policy("bcp", {OVERSIGHT_AFTER_ALLOCATION: "supervision"})
    assert findings(check(bcp_case(ALLOCATED, ("2024-09-09", "case_supervision_held", TM), policy=policy), policy),
                    OVERSIGHT_AFTER_ALLOCATION) == []
    verdict = check(bcp_case(ALLOCATED, ("2024-09-10", "case_supervision_held", TM), policy=policy), policy)
    assert late(verdict, OVERSIGHT_AFTER_ALLOCATION) == ("late", "2024-09-09", wd(1))


# --- closure ------------------------------------------------------------------------------------

CLOSURE_BY_TM = "bcp.transfer_closure.closure_decided_by_team_manager"
CLOSED_AFTER_DECISION = "bcp.transfer_closure.closed_3_working_days_after_decision"


def cin_ended(*later):
    return bcp_case(("2024-07-01", "cin_plan_started"), ("2024-08-22", "cin_plan_ended"), *later)


def test_the_team_manager_decides_to_close():
    assert findings(check(cin_ended(("2024-08-23", "case_closed", TM)), BCP), CLOSURE_BY_TM) == []
    verdict = check(cin_ended(("2024-08-23", "case_closed", {"by": "social_worker"})), BCP)
    assert only(verdict, rule=CLOSURE_BY_TM).kind == "guard_failed"


def test_case_closed_within_three_working_days_of_the_decision():
    # Decision (management oversight, closure) Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1),
    # Wed 28 (2), Thu 29 (3) -> due Thu 29 Aug; Fri 30 Aug is one working day late.
    decided = ("2024-08-23", "management_oversight_recorded", {"subject": "closure", **TM})
    assert findings(check(cin_ended(decided, ("2024-08-29", "case_closed", TM)), BCP), CLOSED_AFTER_DECISION) == []
    verdict = check(cin_ended(decided, ("2024-08-30", "case_closed", TM)), BCP)
    assert late(verdict, CLOSED_AFTER_DECISION) == ("late", "2024-08-29", wd(1))


# --- fostering: supervising social worker visits ----------------------------------------------------

CARER_FOUR_WEEKLY = "bcp.fostering.carer_visited_four_weekly"
UNANNOUNCED = "bcp.fostering.unannounced_visit_six_monthly"
APPROVED = ("2024-07-01", "foster_carer_approved")  # Mon 1 Jul 2024


def test_foster_carer_visited_four_weekly():
    # Approved Mon 1 Jul 2024 + 4 weeks (28 days) = Mon 29 Jul; Wed 31 Jul is two days late.
    assert findings(check(bcp_case(APPROVED, ("2024-07-29", "foster_carer_visited")), BCP), CARER_FOUR_WEEKLY) == []
    verdict = check(bcp_case(APPROVED, ("2024-07-31", "foster_carer_visited")), BCP)
    assert late(verdict, CARER_FOUR_WEEKLY) == ("gap", "2024-07-29", days(2))


def test_foster_carer_visits_keep_four_weekly():
    # Visit Mon 29 Jul 2024 + 28 days = Mon 26 Aug (a bank holiday, but weeks are calendar days);
    # Tue 27 Aug is one day late.
    first = ("2024-07-29", "foster_carer_visited")
    assert findings(check(bcp_case(APPROVED, first, ("2024-08-26", "foster_carer_visited")), BCP),
                    CARER_FOUR_WEEKLY) == []
    verdict = check(bcp_case(APPROVED, first, ("2024-08-27", "foster_carer_visited")), BCP)
    assert late(verdict, CARER_FOUR_WEEKLY) == ("gap", "2024-08-26", days(1))


def test_unannounced_visit_at_least_six_monthly():
    # Approved Mon 1 Jul 2024 + 6 calendar months = Wed 1 Jan 2025; Fri 3 Jan is two days late.
    unannounced = {"unannounced": True}
    assert findings(check(bcp_case(APPROVED, ("2025-01-01", "foster_carer_visited", unannounced)), BCP),
                    UNANNOUNCED) == []
    verdict = check(bcp_case(APPROVED, ("2025-01-03", "foster_carer_visited", unannounced)), BCP)
    assert late(verdict, UNANNOUNCED) == ("gap", "2025-01-01", days(2))


def test_an_announced_visit_is_not_unannounced():
    verdict = check(bcp_case(APPROVED, ("2024-12-02", "foster_carer_visited", {"unannounced": False}),
                             ("2025-01-03", "foster_carer_visited", {"unannounced": True})), BCP)
    assert late(verdict, UNANNOUNCED) == ("gap", "2025-01-01", days(2))


def test_unannounced_visit_yearly_reading():
    # Approved Mon 1 Jul 2024 + 12 calendar months = Tue 1 Jul 2025; Thu 3 Jul is two days late.
    policy = load_policy("bcp", {UNANNOUNCED: "yearly"})
    unannounced = {"unannounced": True}
    approved = ("2024-07-01", "foster_carer_approved")
    ok = bcp_case(approved, ("2025-07-01", "foster_carer_visited", unannounced), policy=policy)
    assert findings(check(ok, policy), UNANNOUNCED) == []
    verdict = check(bcp_case(approved, ("2025-07-03", "foster_carer_visited", unannounced), policy=policy), policy)
    assert late(verdict, UNANNOUNCED) == ("gap", "2025-07-01", days(2))


# --- private fostering: supervisory visits to the carer ---------------------------------------------

PF_CARER = "bcp.private_fostering.carer_visits_6_weekly_then_12_weekly"


def private_fostering(*later):
    """Notified (proposed) Wed 1 May 2024; the arrangement starts Fri 10 May 2024."""
    return bcp_case(("2024-05-01", "private_fostering_notified", {"arrangement": "proposed"}),
                    ("2024-05-10", "private_fostering_started"), *later)


def test_private_foster_carer_visited_six_weekly():
    # Start Fri 10 May 2024 + 6 weeks (42 days): 10 May + 21 = 31 May, + 21 = Fri 21 Jun; Mon 24 Jun
    # is three days late.
    assert findings(check(private_fostering(("2024-06-21", "foster_carer_visited")), BCP), PF_CARER) == []
    verdict = check(private_fostering(("2024-06-24", "foster_carer_visited")), BCP)
    assert late(verdict, PF_CARER) == ("gap", "2024-06-21", days(3))


# Visits 42 days apart through the first year: Fri 21 Jun 2024, 2 Aug (21 Jun + 9 = 30 Jun, + 33),
# 13 Sep (+ 29 = 31 Aug, + 13), 25 Oct (+ 17, + 25), 6 Dec (+ 6, + 30, + 6), 17 Jan 2025 (+ 25, + 17),
# 28 Feb (+ 14, + 28), 11 Apr (+ 28 = 28 Mar, + 14), Fri 23 May 2025 (+ 19, + 23).
FIRST_YEAR = ["2024-06-21", "2024-08-02", "2024-09-13", "2024-10-25", "2024-12-06",
              "2025-01-17", "2025-02-28", "2025-04-11", "2025-05-23"]


def test_private_foster_carer_visited_12_weekly_after_the_first_year():
    # The arrangement is a year old on Sat 10 May 2025; from the visit of Fri 23 May 2025 the
    # interval is 12 weeks (84 days): 23 May + 8 = 31 May, + 30 = 30 Jun, + 31 = 31 Jul, + 15 = Fri
    # 15 Aug 2025; Mon 18 Aug is three days late.
    visits = [(d, "foster_carer_visited") for d in FIRST_YEAR]
    assert findings(check(private_fostering(*visits, ("2025-08-15", "foster_carer_visited")), BCP), PF_CARER) == []
    verdict = check(private_fostering(*visits, ("2025-08-18", "foster_carer_visited")), BCP)
    assert late(verdict, PF_CARER) == ("gap", "2025-08-15", days(3))


# --- supervision and statutory visits -------------------------------------------------------------

SUPERVISION_RECORDED = "bcp.casework.supervision_recorded_3_working_days"
IN_PERSON = "bcp.casework.statutory_visits_in_person_by_social_worker"


def test_supervision_recorded_within_three_working_days():
    # Supervision Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2), Thu 29 (3) -> due
    # Thu 29 Aug; Fri 30 Aug is one working day late.
    held = ("2024-08-23", "case_supervision_held", TM)
    record = {"subject": "supervision", **TM}
    assert findings(check(bcp_case(held, ("2024-08-29", "record_updated", record)), BCP), SUPERVISION_RECORDED) == []
    verdict = check(bcp_case(held, ("2024-08-30", "record_updated", record)), BCP)
    assert late(verdict, SUPERVISION_RECORDED) == ("late", "2024-08-29", wd(1))


def test_statutory_visits_are_in_person_by_a_social_worker():
    plan = ("2024-07-01", "cin_plan_started")
    ok = {"purpose": "cin", "seen": True, "in_person": True, "by": "social_worker"}
    assert findings(check(bcp_case(plan, ("2024-07-15", "visit", ok)), BCP), IN_PERSON) == []
    virtual = check(bcp_case(plan, ("2024-07-15", "visit", {**ok, "in_person": False})), BCP)
    assert only(virtual, rule=IN_PERSON).kind == "guard_failed"
    unqualified = check(bcp_case(plan, ("2024-07-15", "visit", {**ok, "by": "early_help_worker"})), BCP)
    assert only(unqualified, rule=IN_PERSON).kind == "guard_failed"


def test_a_visit_not_saying_whether_in_person_is_indeterminate():
    verdict = check(bcp_case(("2024-07-01", "cin_plan_started"),
                             ("2024-07-15", "visit", {"purpose": "cin", "seen": True})), BCP)
    assert only(verdict, rule=IN_PERSON).kind == "indeterminate"


# --- adoption and early help: allocations ---------------------------------------------------------

FAMILY_FINDING = "bcp.adoption.family_finding_allocation_2_weeks_after_placement_order"
EARLY_HELP_OVERSIGHT = "bcp.early_help.allocation_oversight_3_working_days"


def placement_order(*later):
    """Adoption decision Mon 8 Jan 2024; co-allocated to adoption Tue 9 Jan; placement order Tue 16 Jan."""
    return bcp_case(("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"}),
                    ("2024-01-09", "case_allocated", {"team": "adoption", **TM}),
                    ("2024-01-16", "placement_authorised", {"basis": "placement_order"}), *later,
                    child={"date_of_birth": "2022-05-03"})


def test_family_finding_allocation_within_two_weeks_of_the_placement_order():
    # Placement order Tue 16 Jan 2024 + 14 days = Tue 30 Jan; Thu 1 Feb is two days late. The
    # co-allocation of Tue 9 Jan, before the order, does not count.
    allocated = {"team": "adoption", **TM}
    assert findings(check(placement_order(("2024-01-30", "case_allocated", allocated)), BCP), FAMILY_FINDING) == []
    verdict = check(placement_order(("2024-02-01", "case_allocated", allocated)), BCP)
    assert late(verdict, FAMILY_FINDING) == ("late", "2024-01-30", days(2))


def test_early_help_allocation_oversight_within_three_working_days():
    # Opened for early help Thu 28 Mar 2024: Fri 29 Mar Good Friday, Mon 1 Apr Easter Monday, Tue 2
    # (1), Wed 3 (2), Thu 4 Apr (3) -> due Thu 4 Apr; Fri 5 Apr is one working day late.
    opened = ("2024-03-28", "service_started", {"service": "early_help", **TM})
    mo = {"subject": "allocation", **TM}
    assert findings(check(bcp_case(opened, ("2024-04-04", "management_oversight_recorded", mo)), BCP),
                    EARLY_HELP_OVERSIGHT) == []
    verdict = check(bcp_case(opened, ("2024-04-05", "management_oversight_recorded", mo)), BCP)
    assert late(verdict, EARLY_HELP_OVERSIGHT) == ("late", "2024-04-04", wd(1))


def test_early_help_oversight_case_note_reading():
    policy = load_policy("bcp", {EARLY_HELP_OVERSIGHT: "case_note"})
    opened = ("2024-03-28", "service_started", {"service": "early_help", **TM})
    note = {"subject": "case_note", **TM}
    assert findings(check(bcp_case(opened, ("2024-04-04", "record_updated", note), policy=policy), policy),
                    EARLY_HELP_OVERSIGHT) == []
    verdict = check(bcp_case(opened, ("2024-04-05", "record_updated", note), policy=policy), policy)
    assert late(verdict, EARLY_HELP_OVERSIGHT) == ("late", "2024-04-04", wd(1))


def test_early_help_oversight_allocation_reading():
    # The earlier reading: opened by allocation to an early help team (Thu 28 Mar 2024, due Thu 4
    # Apr as above). Under the chosen reading an allocation alone starts nothing.
    policy = load_policy("bcp", {EARLY_HELP_OVERSIGHT: "allocated_to_early_help_team"})
    mo = {"subject": "allocation", **TM}
    for team in ("early_help", "targeted_early_help"):
        opened = ("2024-03-28", "case_allocated", {"team": team, **TM})
        assert findings(check(bcp_case(opened, ("2024-04-04", "management_oversight_recorded", mo), policy=policy),
                              policy), EARLY_HELP_OVERSIGHT) == []
        verdict = check(bcp_case(opened, ("2024-04-05", "management_oversight_recorded", mo), policy=policy), policy)
        assert late(verdict, EARLY_HELP_OVERSIGHT) == ("late", "2024-04-04", wd(1))
    allocated = ("2024-03-28", "case_allocated", {"team": "early_help", **TM})
    assert findings(check(bcp_case(allocated), BCP, as_of="2024-05-01"), EARLY_HELP_OVERSIGHT) == []


# --- further readings and intervals ---------------------------------------------------------------

def test_closure_by_a_service_manager_fails_under_the_team_manager_only_reading():
    by_sm = ("2024-08-23", "case_closed", {"by": "service_manager"})
    assert findings(check(cin_ended(by_sm), BCP), CLOSURE_BY_TM) == []
    policy = load_policy("bcp", {CLOSURE_BY_TM: "team_manager_only"})
    c = bcp_case(("2024-07-01", "cin_plan_started"), ("2024-08-22", "cin_plan_ended"), by_sm, policy=policy)
    assert only(check(c, policy), rule=CLOSURE_BY_TM).kind == "guard_failed"


def test_s47_visit_recorded_48_hours_reading():
    # s47 visit Wed 27 Mar 2024 10:00 + 48 hours = Fri 29 Mar 10:00; recorded Fri 29 Mar 13:00 is
    # three hours late.
    policy = load_policy("bcp", {S47_VISIT_RECORDED: "forty_eight_hours"})
    start = [("2024-03-26", "strategy_discussion_held", {"outcome": "s47", **TM}), ("2024-03-26", "s47_started", TM),
             ("2024-03-27T10:00", "visit", {"purpose": "s47", "seen": True})]
    ok = bcp_case(*start, ("2024-03-29T10:00", "record_updated", VISIT_RECORD), policy=policy)
    assert findings(check(ok, policy), S47_VISIT_RECORDED) == []
    verdict = check(bcp_case(*start, ("2024-03-29T13:00", "record_updated", VISIT_RECORD), policy=policy), policy)
    assert late(verdict, S47_VISIT_RECORDED) == ("late", "2024-03-29T10:00", {"value": 3, "unit": "hours"})


def test_family_network_meetings_keep_six_monthly():
    # Meeting Mon 2 Dec 2024 + 6 calendar months = Mon 2 Jun 2025; Wed 4 Jun is two days late.
    first = ("2024-12-02", "meeting_held", FNM)
    assert findings(check(lac(first, ("2025-06-02", "meeting_held", FNM)), BCP), FNM_SIX_MONTHLY) == []
    verdict = check(lac(first, ("2025-06-04", "meeting_held", FNM)), BCP)
    assert late(verdict, FNM_SIX_MONTHLY) == ("gap", "2025-06-02", days(2))
