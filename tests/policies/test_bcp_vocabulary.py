"""BCP practice standards (seed 002), fourth pass: the rules that the new vocabulary made checkable
(service pathways and service assessments, `by` on looked_after_started, the court events and the
fostering approvals, pathway plan authorisation, family contact, notifications and supervision
records shared, allegation management meetings, management oversight of looked-after visiting and
family time). A compliant and a breaching history for every timed rule, and a passing and a
failing event for every guard; every date counted by hand in a comment (never with journey's own
calendar). England bank holidays used: Fri 29 Mar and Mon 1 Apr 2024 (Easter), Mon 6 May and Mon 27
May 2024.
"""

from __future__ import annotations

from conftest import case, check, days, findings, late, only, wd

from journey.spec.load import load_policy

BCP = load_policy("bcp")
TM = {"by": "team_manager"}
SM = {"by": "service_manager"}


def bcp_case(*events, child=None, policy=BCP):
    return case(*events, policy=policy, child=child)


# --- early help (seed section 10) -------------------------------------------------------------

TS_ASSESSMENT = "bcp.early_help.targeted_support_assessment_15_days"
LEVEL_THREE = "bcp.early_help.level_three_work_16_weeks"
TS_VISIT = "bcp.early_help.targeted_support_visit_10_days"
OPENED = ("2024-07-01", "service_started", {"service": "early_help", **TM})
TO_TS = ("2024-07-01", "case_allocated", {"team": "targeted_early_help", **TM})
EH_ASSESSMENT = {"assessment": "early_help", "by": "early_help_worker"}
EH_VISIT = {"purpose": "early_help", "seen": True, "by": "early_help_worker"}


def test_targeted_support_assessment_within_15_days():
    # Allocated to Targeted Support Mon 1 Jul 2024 + 15 days = Tue 16 Jul; Thu 18 Jul is two days late.
    ok = bcp_case(OPENED, TO_TS, ("2024-07-16", "service_assessment_completed", EH_ASSESSMENT))
    assert findings(check(ok, BCP), TS_ASSESSMENT) == []
    verdict = check(bcp_case(OPENED, TO_TS, ("2024-07-18", "service_assessment_completed", EH_ASSESSMENT)), BCP)
    assert late(verdict, TS_ASSESSMENT) == ("late", "2024-07-16", days(2))
    assert only(verdict, rule=TS_ASSESSMENT).severity == "local"


def test_targeted_support_assessment_working_days_reading():
    # Mon 1 Jul 2024 + 15 working days: Tue 2 (1) ... Fri 5 (4), Mon 8-Fri 12 (5-9), Mon 15-Fri 19
    # (10-14), Mon 22 Jul (15). Thu 18 Jul is in time; Tue 23 Jul is one working day late.
    policy = load_policy("bcp", {TS_ASSESSMENT: "working_days"})
    ok = bcp_case(OPENED, TO_TS, ("2024-07-18", "service_assessment_completed", EH_ASSESSMENT), policy=policy)
    assert findings(check(ok, policy), TS_ASSESSMENT) == []
    verdict = check(bcp_case(OPENED, TO_TS, ("2024-07-23", "service_assessment_completed", EH_ASSESSMENT),
                             policy=policy), policy)
    assert late(verdict, TS_ASSESSMENT) == ("late", "2024-07-22", wd(1))


def test_an_allocation_to_the_ordinary_early_help_team_does_not_start_the_targeted_support_clock():
    level_two = ("2024-07-01", "case_allocated", {"team": "early_help", **TM})
    verdict = check(bcp_case(OPENED, level_two, ("2024-08-30", "service_assessment_completed", EH_ASSESSMENT)), BCP)
    assert findings(verdict, TS_ASSESSMENT) == [] and findings(verdict, TS_VISIT) == []
    assert findings(verdict, LEVEL_THREE) == []


def test_closing_early_help_before_the_assessment_is_due_lapses_it():
    # Closed to early help Fri 12 Jul 2024, before the due date Tue 16 Jul: nothing is owed.
    ended = ("2024-07-12", "service_ended", {"service": "early_help", **TM})
    assert findings(check(bcp_case(OPENED, TO_TS, ended), BCP), TS_ASSESSMENT) == []
    # Closed Fri 19 Jul, after the due date, with no assessment: missed.
    late_end = ("2024-07-19", "service_ended", {"service": "early_help", **TM})
    verdict = check(bcp_case(OPENED, TO_TS, late_end), BCP)
    assert only(verdict, rule=TS_ASSESSMENT).kind == "missing"


def test_level_three_work_completed_within_16_weeks():
    # Mon 1 Jul 2024 + 16 weeks (112 days): 30 to Wed 31 Jul, 61 to Sat 31 Aug, 91 to Mon 30 Sep,
    # 112 to Mon 21 Oct 2024. Closed to early help Wed 23 Oct is two days late.
    ended = {"service": "early_help", **TM}
    ok = bcp_case(OPENED, TO_TS, ("2024-10-21", "service_ended", ended))
    assert findings(check(ok, BCP), LEVEL_THREE) == []
    verdict = check(bcp_case(OPENED, TO_TS, ("2024-10-23", "service_ended", ended)), BCP)
    assert late(verdict, LEVEL_THREE) == ("late", "2024-10-21", days(2))


def test_level_three_work_still_open_when_the_case_is_closed_late_is_missing():
    # No service_ended; the case is closed Fri 1 Nov 2024, after the due date Mon 21 Oct.
    verdict = check(bcp_case(OPENED, TO_TS, ("2024-11-01", "case_closed", TM)), BCP)
    assert only(verdict, rule=LEVEL_THREE).kind == "missing"
    # Closed Fri 4 Oct, within the 16 weeks: the work ended in time.
    assert findings(check(bcp_case(OPENED, TO_TS, ("2024-10-04", "case_closed", TM)), BCP), LEVEL_THREE) == []


def test_targeted_support_visit_within_10_days():
    # Allocated Mon 1 Jul 2024 + 10 days = Thu 11 Jul; Fri 12 Jul is a day late. A visit in which
    # the child is not seen (Wed 10 Jul) does not count.
    assert findings(check(bcp_case(OPENED, TO_TS, ("2024-07-11", "visit", EH_VISIT)), BCP), TS_VISIT) == []
    not_seen = ("2024-07-10", "visit", {**EH_VISIT, "seen": False})
    verdict = check(bcp_case(OPENED, TO_TS, not_seen, ("2024-07-12", "visit", EH_VISIT)), BCP)
    assert late(verdict, TS_VISIT) == ("late", "2024-07-11", days(1))


def test_targeted_support_visit_from_assessment_start_reading():
    # Assessment started Wed 3 Jul 2024 + 10 days = Sat 13 Jul: the Fri 12 Jul visit is in time;
    # Mon 15 Jul is two days late.
    policy = load_policy("bcp", {TS_VISIT: "from_assessment_start"})
    started = ("2024-07-03", "service_assessment_started", EH_ASSESSMENT)
    ok = bcp_case(OPENED, TO_TS, started, ("2024-07-12", "visit", EH_VISIT), policy=policy)
    assert findings(check(ok, policy), TS_VISIT) == []
    verdict = check(bcp_case(OPENED, TO_TS, started, ("2024-07-15", "visit", EH_VISIT), policy=policy), policy)
    assert late(verdict, TS_VISIT) == ("late", "2024-07-13", days(2))


# --- allocation for an assessment (seed section 12) --------------------------------------------

FAMILY_CONTACT = "bcp.assessment.family_contacted_24_hours_of_allocation"
CONTACTED = {"with_parent_or_carer": True, "by": "social_worker"}


def test_family_contacted_within_24_hours_of_allocation_for_assessment():
    # Assessment allocated (started) Mon 1 Jul 2024 10:00 + 24 hours = Tue 2 Jul 10:00; contact at
    # 13:00 that day is three hours late.
    started = ("2024-07-01T10:00", "assessment_started", {"by": "social_worker"})
    ok = bcp_case(started, ("2024-07-02T09:00", "family_contacted", CONTACTED))
    assert findings(check(ok, BCP), FAMILY_CONTACT) == []
    verdict = check(bcp_case(started, ("2024-07-02T13:00", "family_contacted", CONTACTED)), BCP)
    assert late(verdict, FAMILY_CONTACT) == ("late", "2024-07-02T10:00", {"value": 3, "unit": "hours"})


def test_contact_with_the_child_alone_is_not_contact_with_the_family():
    started = ("2024-07-01T10:00", "assessment_started", {"by": "social_worker"})
    child_only = ("2024-07-01T15:00", "family_contacted", {"with_child": True, "with_parent_or_carer": False})
    verdict = check(bcp_case(started, child_only, ("2024-07-02T13:00", "family_contacted", CONTACTED)), BCP)
    assert late(verdict, FAMILY_CONTACT) == ("late", "2024-07-02T10:00", {"value": 3, "unit": "hours"})


def test_family_contact_from_allocation_to_the_assessment_team_reading():
    # Allocated to the assessment team Mon 1 Jul 2024 16:00 + 24 hours = Tue 2 Jul 16:00; contact
    # at 18:00 is two hours late. Under the chosen reading the allocation alone starts nothing.
    policy = load_policy("bcp", {FAMILY_CONTACT: "from_allocation_to_assessment_team"})
    allocated = ("2024-07-01T16:00", "case_allocated", {"team": "assessment", **TM})
    ok = bcp_case(allocated, ("2024-07-02T15:00", "family_contacted", CONTACTED), policy=policy)
    assert findings(check(ok, policy), FAMILY_CONTACT) == []
    verdict = check(bcp_case(allocated, ("2024-07-02T18:00", "family_contacted", CONTACTED), policy=policy), policy)
    assert late(verdict, FAMILY_CONTACT) == ("late", "2024-07-02T16:00", {"value": 2, "unit": "hours"})
    assert findings(check(bcp_case(allocated), BCP, as_of="2024-07-10"), FAMILY_CONTACT) == []


# --- children with disabilities (seed section 17) ----------------------------------------------

DISABLED_SEEN = "bcp.child_in_need.disabled_child_seen_six_monthly"
FAMILY_SUPPORT = ("2024-07-01", "service_started", {"service": "family_support", **TM})
SEEN = {"purpose": "family_support", "seen": True}


def test_disabled_child_seen_at_least_six_monthly():
    # Open to the disabled children's service Mon 1 Jul 2024 + 6 months = Wed 1 Jan 2025 (calendar
    # months: the bank holiday does not move it). Fri 3 Jan 2025 is two days late.
    assert findings(check(bcp_case(FAMILY_SUPPORT, ("2025-01-01", "visit", SEEN)), BCP), DISABLED_SEEN) == []
    verdict = check(bcp_case(FAMILY_SUPPORT, ("2025-01-03", "visit", SEEN)), BCP)
    assert late(verdict, DISABLED_SEEN) == ("gap", "2025-01-01", days(2))
    assert only(verdict, rule=DISABLED_SEEN).severity == "local"


def test_disabled_child_not_checked_once_the_service_ends():
    # Closed to the service Mon 2 Dec 2024, before the first visit was due (Wed 1 Jan 2025).
    ended = ("2024-12-02", "service_ended", {"service": "family_support", **TM})
    assert findings(check(bcp_case(FAMILY_SUPPORT, ended), BCP, as_of="2025-03-01"), DISABLED_SEEN) == []


# --- private fostering (seed section 29) --------------------------------------------------------

PF_ASSESSMENT = "bcp.private_fostering.full_assessment_40_working_days"
NOTIFIED = ("2024-06-03", "private_fostering_notified", {"arrangement": "existing"})
PF_DONE = {"assessment": "private_fostering", "by": "social_worker"}


def test_private_fostering_full_assessment_within_40_working_days():
    # Notified Mon 3 Jun 2024 + 40 working days (no bank holidays in June or July): Tue 4-Fri 7 Jun
    # (1-4), 10-14 (5-9), 17-21 (10-14), 24-28 (15-19), 1-5 Jul (20-24), 8-12 (25-29), 15-19
    # (30-34), 22-26 (35-39), Mon 29 Jul (40). Tue 30 Jul is one working day late.
    visit = ("2024-06-07", "visit", {"purpose": "private_fostering", "seen": True})
    ok = bcp_case(NOTIFIED, visit, ("2024-07-29", "service_assessment_completed", PF_DONE))
    assert findings(check(ok, BCP), PF_ASSESSMENT) == []
    verdict = check(bcp_case(NOTIFIED, visit, ("2024-07-30", "service_assessment_completed", PF_DONE)), BCP)
    assert late(verdict, PF_ASSESSMENT) == ("late", "2024-07-29", wd(1))


def test_private_fostering_assessment_lapses_when_the_arrangement_ends_first():
    ended = ("2024-06-28", "private_fostering_ended")
    assert findings(check(bcp_case(NOTIFIED, ended), BCP, as_of="2024-09-01"), PF_ASSESSMENT) == []


# --- LADO (seed section 31) -------------------------------------------------------------------

ALLEGATIONS_MEETING = "bcp.lado.initial_allegations_meeting_5_days"
LADO_REFERRAL = ("2024-07-01", "lado_informed")
AMM = {"meeting": "allegation_management", "by": "lado"}


def test_initial_allegations_meeting_within_five_days():
    # Referral received Mon 1 Jul 2024 + 5 days = Sat 6 Jul; a meeting Mon 8 Jul is two days late.
    assert findings(check(bcp_case(LADO_REFERRAL, ("2024-07-05", "meeting_held", AMM)), BCP),
                    ALLEGATIONS_MEETING) == []
    verdict = check(bcp_case(LADO_REFERRAL, ("2024-07-08", "meeting_held", AMM)), BCP)
    assert late(verdict, ALLEGATIONS_MEETING) == ("late", "2024-07-06", days(2))


def test_initial_allegations_meeting_working_days_reading():
    # Mon 1 Jul 2024 + 5 working days = Mon 8 Jul: in time; Tue 9 Jul is one working day late.
    policy = load_policy("bcp", {ALLEGATIONS_MEETING: "working_days"})
    ok = bcp_case(LADO_REFERRAL, ("2024-07-08", "meeting_held", AMM), policy=policy)
    assert findings(check(ok, policy), ALLEGATIONS_MEETING) == []
    verdict = check(bcp_case(LADO_REFERRAL, ("2024-07-09", "meeting_held", AMM), policy=policy), policy)
    assert late(verdict, ALLEGATIONS_MEETING) == ("late", "2024-07-08", wd(1))


def test_another_meeting_is_not_an_allegations_meeting_and_conclusion_lapses_it():
    other = ("2024-07-03", "meeting_held", {"meeting": "professionals"})
    verdict = check(bcp_case(LADO_REFERRAL, other, ("2024-07-08", "meeting_held", AMM)), BCP)
    assert late(verdict, ALLEGATIONS_MEETING) == ("late", "2024-07-06", days(2))
    # Concluded Wed 3 Jul (below threshold), before the meeting was due: nothing is owed.
    concluded = ("2024-07-03", "staff_allegation_concluded", {"outcome": "unfounded"})
    assert findings(check(bcp_case(LADO_REFERRAL, concluded), BCP, as_of="2024-08-01"), ALLEGATIONS_MEETING) == []


# --- becoming looked after (seed sections 22 and 23) ----------------------------------------------

S20_BY_SM = "bcp.looked_after.s20_accommodation_by_service_manager"
IRS_NOTIFIED = "bcp.looked_after.irs_notified_2_working_days"
NOTIFICATION = {"document": "notification", "recipient": "iro"}


def test_s20_accommodation_decided_by_a_service_manager_or_above():
    for by in ("service_manager", "head_of_service", "director"):
        c = bcp_case(("2024-07-01", "looked_after_started", {"legal_status": "V2", "by": by}))
        assert findings(check(c, BCP), S20_BY_SM) == []
    c = bcp_case(("2024-07-01", "looked_after_started", {"legal_status": "V2", **TM}))
    assert only(check(c, BCP), rule=S20_BY_SM).kind == "guard_failed"


def test_s20_guard_leaves_orders_and_short_breaks_to_their_reading():
    order = bcp_case(("2024-07-01", "looked_after_started", {"legal_status": "C1", **TM}))
    assert findings(check(order, BCP), S20_BY_SM) == []
    short_break = ("2024-07-01", "looked_after_started", {"legal_status": "V3", **TM})
    assert findings(check(bcp_case(short_break), BCP), S20_BY_SM) == []
    policy = load_policy("bcp", {S20_BY_SM: "with_short_breaks"})
    assert only(check(bcp_case(short_break, policy=policy), policy), rule=S20_BY_SM).kind == "guard_failed"


def test_s20_decider_not_recorded_is_indeterminate():
    c = bcp_case(("2024-07-01", "looked_after_started", {"legal_status": "V2"}))
    assert only(check(c, BCP), rule=S20_BY_SM).kind == "indeterminate"


def test_irs_notified_within_two_working_days():
    # Looked after Thu 28 Mar 2024: Fri 29 Mar (Good Friday) and Mon 1 Apr (Easter Monday) are
    # not working days; Tue 2 Apr (1), Wed 3 Apr (2). Thu 4 Apr is one working day late.
    started = ("2024-03-28", "looked_after_started", {"legal_status": "V2", **SM})
    assert findings(check(bcp_case(started, ("2024-04-03", "document_shared", NOTIFICATION)), BCP),
                    IRS_NOTIFIED) == []
    verdict = check(bcp_case(started, ("2024-04-04", "document_shared", NOTIFICATION)), BCP)
    assert late(verdict, IRS_NOTIFIED) == ("late", "2024-04-03", wd(1))


def test_a_notification_to_someone_else_does_not_notify_the_irs():
    started = ("2024-03-28", "looked_after_started", {"legal_status": "V2", **SM})
    to_family = ("2024-04-02", "document_shared", {"document": "notification", "recipient": "family"})
    verdict = check(bcp_case(started, to_family, ("2024-04-04", "document_shared", NOTIFICATION)), BCP)
    assert late(verdict, IRS_NOTIFIED) == ("late", "2024-04-03", wd(1))


# --- children in care: who decides on visits and family time (seed sections 23 and 24) ----------

FAMILY_TIME_BY_SM = "bcp.looked_after.family_time_and_visiting_changes_by_service_manager"
LAC_REDUCTION_BY_SM = "bcp.looked_after.visit_reduction_by_service_manager"


def in_care(*later):
    return bcp_case(("2024-01-08", "looked_after_started", {"legal_status": "C2", **SM}), *later)


def test_family_time_and_visiting_increases_decided_by_the_service_manager():
    for subject in ("family_time_changed", "lac_visiting_increased"):
        ok = in_care(("2024-05-01", "management_oversight_recorded", {"subject": subject, **SM}))
        assert findings(check(ok, BCP), FAMILY_TIME_BY_SM) == []
        bad = in_care(("2024-05-01", "management_oversight_recorded", {"subject": subject, **TM}))
        assert only(check(bad, BCP), rule=FAMILY_TIME_BY_SM).kind == "guard_failed"


def test_reducing_visits_is_the_service_managers_decision():
    ok = in_care(("2024-05-01", "management_oversight_recorded", {"subject": "lac_visiting_reduced", **SM}))
    assert findings(check(ok, BCP), LAC_REDUCTION_BY_SM) == []
    bad = check(in_care(("2024-05-01", "management_oversight_recorded", {"subject": "lac_visiting_reduced", **TM})), BCP)
    assert only(bad, rule=LAC_REDUCTION_BY_SM).kind == "guard_failed"
    assert findings(bad, FAMILY_TIME_BY_SM) == []  # a reduction is checked once, by its own rule


# --- care leavers (seed section 28) -------------------------------------------------------------

PATHWAY_PLAN_BY_TM = "bcp.leaving_care.pathway_plan_authorised_by_team_manager"


def test_pathway_plan_authorised_by_the_team_manager():
    eligible = ("2024-03-01", "care_leaver_status_changed", {"status": "eligible"})
    prepared = ("2024-05-01", "pathway_plan_prepared", {"by": "personal_adviser"})
    ok = bcp_case(eligible, prepared, ("2024-05-03", "pathway_plan_authorised", TM))
    assert findings(check(ok, BCP), PATHWAY_PLAN_BY_TM) == []
    by_pa = bcp_case(eligible, prepared, ("2024-05-03", "pathway_plan_authorised", {"by": "personal_adviser"}))
    assert only(check(by_pa, BCP), rule=PATHWAY_PLAN_BY_TM).kind == "guard_failed"
    by_sm = bcp_case(eligible, prepared, ("2024-05-03", "pathway_plan_authorised", SM))
    assert only(check(by_sm, BCP), rule=PATHWAY_PLAN_BY_TM).kind == "guard_failed"
    policy = load_policy("bcp", {PATHWAY_PLAN_BY_TM: "team_manager_or_above"})
    by_sm = bcp_case(eligible, prepared, ("2024-05-03", "pathway_plan_authorised", SM), policy=policy)
    assert findings(check(by_sm, policy), PATHWAY_PLAN_BY_TM) == []


# --- fostering (seed section 29) ------------------------------------------------------------------

TEMP_APPROVAL_BY_SM = "bcp.fostering.temporary_approval_by_service_manager"
RATIFIED_BY_ADM = "bcp.fostering.connected_carer_approval_ratified_by_adm"
SUPERVISION_COPY = "bcp.fostering.supervision_copy_to_carer_5_working_days"


def test_temporary_approval_given_by_the_fostering_service_manager():
    assert findings(check(bcp_case(("2024-07-01", "connected_person_approved", SM)), BCP), TEMP_APPROVAL_BY_SM) == []
    verdict = check(bcp_case(("2024-07-01", "connected_person_approved", TM)), BCP)
    assert only(verdict, rule=TEMP_APPROVAL_BY_SM).kind == "guard_failed"


def test_connected_carer_approval_ratified_by_the_adm():
    temporary = ("2024-07-01", "connected_person_approved", SM)
    ok = bcp_case(temporary, ("2024-10-01", "temporary_approval_ended", {"outcome": "approved", "by": "adm"}))
    assert findings(check(ok, BCP), RATIFIED_BY_ADM) == []
    bad = bcp_case(temporary, ("2024-10-01", "temporary_approval_ended", {"outcome": "approved", **SM}))
    assert only(check(bad, BCP), rule=RATIFIED_BY_ADM).kind == "guard_failed"
    # A placement that ends is not an approval to ratify.
    moved = bcp_case(temporary, ("2024-08-01", "temporary_approval_ended", {"outcome": "placement_ended", **SM}))
    assert findings(check(moved, BCP), RATIFIED_BY_ADM) == []


def test_supervision_copy_sent_to_the_carer_within_five_working_days():
    # Visit Fri 24 May 2024: Mon 27 May is a bank holiday; Tue 28 (1), Wed 29 (2), Thu 30 (3), Fri
    # 31 May (4), Mon 3 Jun (5). Tue 4 Jun is one working day late.
    visited = ("2024-05-24", "foster_carer_visited")
    copy = {"document": "supervision_record", "recipient": "foster_carer"}
    assert findings(check(bcp_case(visited, ("2024-06-03", "document_shared", copy)), BCP), SUPERVISION_COPY) == []
    verdict = check(bcp_case(visited, ("2024-06-04", "document_shared", copy)), BCP)
    assert late(verdict, SUPERVISION_COPY) == ("late", "2024-06-03", wd(1))
    # The supervision record sent to someone else is not the carer's copy.
    elsewhere = ("2024-05-28", "document_shared", {"document": "supervision_record", "recipient": "professionals"})
    verdict = check(bcp_case(visited, elsewhere, ("2024-06-04", "document_shared", copy)), BCP)
    assert late(verdict, SUPERVISION_COPY) == ("late", "2024-06-03", wd(1))


# --- pre-proceedings and care proceedings (seed sections 20 and 22) -------------------------------

PLO_BY_SM = "bcp.court.pre_proceedings_decided_by_service_manager"
ISSUE_BY_SM = "bcp.court.decision_to_issue_by_service_manager"
APPLICATION_BY_SM = "bcp.court.application_to_court_by_service_manager"


def plo(lpm_by, decision_by=SM, issued_by=SM):
    return bcp_case(("2024-07-01", "legal_planning_meeting_held", {"outcome": "pre_proceedings", **lpm_by}),
                    ("2024-07-05", "letter_before_proceedings_sent"),
                    ("2024-07-19", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                    ("2024-10-14", "pre_proceedings_decision", {"outcome": "issue", **decision_by}),
                    ("2024-10-21", "care_proceedings_issued", {"order_sought": "care_order", **issued_by}))


def test_plo_and_proceedings_decided_by_a_service_manager_or_above():
    verdict = check(plo(SM), BCP)
    for rule in (PLO_BY_SM, ISSUE_BY_SM, APPLICATION_BY_SM):
        assert findings(verdict, rule) == []
    verdict = check(plo({"by": "head_of_service"}, {"by": "director"}, {"by": "head_of_service"}), BCP)
    for rule in (PLO_BY_SM, ISSUE_BY_SM, APPLICATION_BY_SM):
        assert findings(verdict, rule) == []


def test_a_team_managers_plo_or_issue_decision_breaches():
    verdict = check(plo(TM, TM, TM), BCP)
    for rule in (PLO_BY_SM, ISSUE_BY_SM, APPLICATION_BY_SM):
        assert only(verdict, rule=rule).kind == "guard_failed"


def test_a_legal_planning_meeting_deciding_no_further_action_is_not_checked():
    c = bcp_case(("2024-07-01", "legal_planning_meeting_held", {"outcome": "no_further_action", **TM}))
    assert findings(check(c, BCP), PLO_BY_SM) == []
    issue = bcp_case(("2024-07-01", "legal_planning_meeting_held", {"outcome": "issue", **TM}))
    assert only(check(issue, BCP), rule=PLO_BY_SM).kind == "guard_failed"


def test_application_to_court_service_manager_only_reading():
    policy = load_policy("bcp", {APPLICATION_BY_SM: "service_manager_only"})
    by_hos = bcp_case(("2024-10-21", "care_proceedings_issued", {"by": "head_of_service"}), policy=policy)
    assert only(check(by_hos, policy), rule=APPLICATION_BY_SM).kind == "guard_failed"
    by_sm = bcp_case(("2024-10-21", "care_proceedings_issued", SM), policy=policy)
    assert findings(check(by_sm, policy), APPLICATION_BY_SM) == []


# --- child protection medicals and contact with those with PR (seed section 19) ------------------

CP_MEDICAL = "bcp.child_protection.cp_medical_within_24_hours"
NO_CONTACT_BY_TM = "bcp.child_protection.no_contact_with_pr_decided_by_team_manager"
STRATEGY = ("2024-07-01T10:00", "strategy_discussion_held", {"outcome": "s47", **TM})
MEDICAL_REQUESTED = ("2024-07-01T14:00", "cp_medical_requested", TM)


def test_cp_medical_within_24_hours_of_the_request():
    # Requested Mon 1 Jul 2024 14:00 + 24 hours = Tue 2 Jul 14:00; held at 17:00 is three hours late.
    ok = bcp_case(STRATEGY, MEDICAL_REQUESTED, ("2024-07-02T11:00", "cp_medical_completed", {"by": "health"}))
    assert findings(check(ok, BCP), CP_MEDICAL) == []
    verdict = check(bcp_case(STRATEGY, MEDICAL_REQUESTED, ("2024-07-02T17:00", "cp_medical_completed")), BCP)
    assert late(verdict, CP_MEDICAL) == ("late", "2024-07-02T14:00", {"value": 3, "unit": "hours"})
    assert only(verdict, rule=CP_MEDICAL).severity == "local"


def test_cp_medical_never_held_is_missing_when_the_child_moves_away():
    # Moved away Fri 5 Jul 2024, after the medical was due (Tue 2 Jul 14:00).
    verdict = check(bcp_case(STRATEGY, MEDICAL_REQUESTED, ("2024-07-05", "moved_out_of_area")), BCP)
    assert only(verdict, rule=CP_MEDICAL).kind == "missing"


def test_decision_not_to_contact_a_parent_made_by_the_team_manager():
    s47 = ("2024-07-01", "s47_started", TM)
    ok = bcp_case(STRATEGY, s47, ("2024-07-02", "management_oversight_recorded", {"subject": "parent_not_contacted", **TM}))
    assert findings(check(ok, BCP), NO_CONTACT_BY_TM) == []
    by_sw = {"subject": "parent_not_contacted", "by": "social_worker"}
    verdict = check(bcp_case(STRATEGY, s47, ("2024-07-02", "management_oversight_recorded", by_sw)), BCP)
    assert only(verdict, rule=NO_CONTACT_BY_TM).kind == "guard_failed"


# --- legal advice and court orders (seed sections 7 and 20) --------------------------------------

LEGAL_ADVICE_BY_SM = "bcp.court.legal_advice_sought_with_service_manager_approval"
ICO_SHARED = "bcp.court.interim_order_shared_with_service_manager_1_working_day"
FINAL_SHARED = "bcp.court.final_order_shared_with_service_manager_1_working_day"
EPO_SHARED = "bcp.court.emergency_protection_order_shared_with_service_manager_1_working_day"
ORDER_TO_SM = {"document": "court_order", "recipient": "manager"}


def test_legal_advice_sought_with_a_service_managers_approval():
    for to in ("legal_advice", "legal_planning_meeting"):
        ok = bcp_case(("2024-07-01", "referral_made", {"to": to, "approved_by": "service_manager", "by": "social_worker"}))
        assert findings(check(ok, BCP), LEGAL_ADVICE_BY_SM) == []
        bad = bcp_case(("2024-07-01", "referral_made", {"to": to, "approved_by": "team_manager", "by": "social_worker"}))
        assert only(check(bad, BCP), rule=LEGAL_ADVICE_BY_SM).kind == "guard_failed"
    fgc = bcp_case(("2024-07-01", "referral_made", {"to": "family_group_conference", "approved_by": "team_manager"}))
    assert findings(check(fgc, BCP), LEGAL_ADVICE_BY_SM) == []
    unrecorded = bcp_case(("2024-07-01", "referral_made", {"to": "legal_advice", "by": "social_worker"}))
    assert only(check(unrecorded, BCP), rule=LEGAL_ADVICE_BY_SM).kind == "indeterminate"


def test_interim_order_shared_with_the_service_manager_within_one_working_day():
    # ICO Tue 2 Jul 2024 + 1 working day = Wed 3 Jul; Thu 4 Jul is one working day late.
    issued = ("2024-07-01", "care_proceedings_issued", {"order_sought": "care_order", **SM})
    ico = ("2024-07-02", "interim_order_made", {"order": "interim_care_order"})
    assert findings(check(bcp_case(issued, ico, ("2024-07-03", "document_shared", ORDER_TO_SM)), BCP), ICO_SHARED) == []
    verdict = check(bcp_case(issued, ico, ("2024-07-04", "document_shared", ORDER_TO_SM)), BCP)
    assert late(verdict, ICO_SHARED) == ("late", "2024-07-03", wd(1))
    to_family = ("2024-07-03", "document_shared", {"document": "court_order", "recipient": "family"})
    verdict = check(bcp_case(issued, ico, to_family, ("2024-07-04", "document_shared", ORDER_TO_SM)), BCP)
    assert late(verdict, ICO_SHARED) == ("late", "2024-07-03", wd(1))


def test_final_order_shared_with_the_service_manager_within_one_working_day():
    # Care order Fri 24 May 2024: Mon 27 May is a bank holiday, so due Tue 28 May; Wed 29 May is
    # one working day late. A withdrawn application leaves no order to share.
    issued = ("2024-01-08", "care_proceedings_issued", {"order_sought": "care_order", **SM})
    order = ("2024-05-24", "final_order_made", {"order": "care_order"})
    assert findings(check(bcp_case(issued, order, ("2024-05-28", "document_shared", ORDER_TO_SM)), BCP),
                    FINAL_SHARED) == []
    verdict = check(bcp_case(issued, order, ("2024-05-29", "document_shared", ORDER_TO_SM)), BCP)
    assert late(verdict, FINAL_SHARED) == ("late", "2024-05-28", wd(1))
    withdrawn = ("2024-05-24", "final_order_made", {"order": "withdrawn"})
    assert findings(check(bcp_case(issued, withdrawn), BCP, as_of="2024-07-01"), FINAL_SHARED) == []


def test_emergency_protection_order_shared_within_one_working_day():
    # EPO Thu 28 Mar 2024: Fri 29 Mar and Mon 1 Apr are bank holidays, so due Tue 2 Apr; Wed 3 Apr
    # is one working day late.
    epo = ("2024-03-28", "emergency_protection_order_made")
    assert findings(check(bcp_case(epo, ("2024-04-02", "document_shared", ORDER_TO_SM)), BCP), EPO_SHARED) == []
    verdict = check(bcp_case(epo, ("2024-04-03", "document_shared", ORDER_TO_SM)), BCP)
    assert late(verdict, EPO_SHARED) == ("late", "2024-04-02", wd(1))


# --- care leavers' accommodation (seed section 28) -----------------------------------------------

NEW_ACCOMMODATION = "bcp.leaving_care.seen_at_new_accommodation_5_working_days"
RELEVANT = ("2024-05-13", "care_leaver_status_changed", {"status": "relevant"})
LC_SEEN = {"purpose": "leaving_care", "seen": True, "by": "personal_adviser"}


def test_care_leaver_seen_within_five_working_days_of_moving():
    # Moved Fri 24 May 2024: Mon 27 May bank holiday; Tue 28 (1), Wed 29 (2), Thu 30 (3), Fri 31
    # (4), Mon 3 Jun (5). Tue 4 Jun is one working day late.
    moved = ("2024-05-24", "accommodation_changed")
    assert findings(check(bcp_case(RELEVANT, moved, ("2024-06-03", "visit", LC_SEEN)), BCP), NEW_ACCOMMODATION) == []
    verdict = check(bcp_case(RELEVANT, moved, ("2024-06-04", "visit", LC_SEEN)), BCP)
    assert late(verdict, NEW_ACCOMMODATION) == ("late", "2024-06-03", wd(1))


def test_a_second_move_restarts_the_five_working_days():
    # Moved again Wed 29 May 2024: Thu 30 (1), Fri 31 (2), Mon 3 Jun (3), Tue 4 (4), Wed 5 Jun (5).
    # The Tue 4 Jun visit is in time for the newest home, and the first move is not reported.
    moves = [("2024-05-24", "accommodation_changed"), ("2024-05-29", "accommodation_changed")]
    assert findings(check(bcp_case(RELEVANT, *moves, ("2024-06-04", "visit", LC_SEEN)), BCP), NEW_ACCOMMODATION) == []
    verdict = check(bcp_case(RELEVANT, *moves, ("2024-06-06", "visit", LC_SEEN)), BCP)
    assert late(verdict, NEW_ACCOMMODATION) == ("late", "2024-06-05", wd(1))


# --- adoption: the decision on the match (seed section 30) ---------------------------------------

MATCH_DECISION = "bcp.adoption.adm_match_decision_7_days_after_panel"


def matching_panel(*later, policy=BCP):
    """Should be placed Mon 8 Jan 2024, placement order Tue 16 Jan, matching panel Thu 4 Jul 2024."""
    return bcp_case(("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"}),
                    ("2024-01-16", "placement_authorised", {"basis": "placement_order"}),
                    ("2024-07-04", "panel_held", {"panel": "adoption"}), *later, policy=policy)


def test_match_decision_within_seven_days_of_the_panel():
    # Panel Thu 4 Jul 2024 + 7 days = Thu 11 Jul; Mon 15 Jul is four days late. A decision against
    # the match (Wed 10 Jul) is also a decision in time.
    match = {"decision": "match"}
    assert findings(check(matching_panel(("2024-07-11", "adoption_decision_made", match)), BCP), MATCH_DECISION) == []
    declined = ("2024-07-10", "adoption_decision_made", {"decision": "match_declined"})
    assert findings(check(matching_panel(declined), BCP), MATCH_DECISION) == []
    verdict = check(matching_panel(("2024-07-15", "adoption_decision_made", match)), BCP)
    assert late(verdict, MATCH_DECISION) == ("late", "2024-07-11", days(4))


def test_match_decision_working_days_reading():
    # Thu 4 Jul 2024 + 7 working days: Fri 5 (1), Mon 8 (2), Tue 9 (3), Wed 10 (4), Thu 11 (5),
    # Fri 12 (6), Mon 15 Jul (7). Tue 16 Jul is one working day late.
    policy = load_policy("bcp", {MATCH_DECISION: "working_days"})
    match = {"decision": "match"}
    ok = matching_panel(("2024-07-15", "adoption_decision_made", match), policy=policy)
    assert findings(check(ok, policy), MATCH_DECISION) == []
    verdict = check(matching_panel(("2024-07-16", "adoption_decision_made", match), policy=policy), policy)
    assert late(verdict, MATCH_DECISION) == ("late", "2024-07-15", wd(1))


def test_a_declined_match_is_a_lawful_adoption_decision():
    declined = ("2024-07-10", "adoption_decision_made", {"decision": "match_declined"})
    verdict = check(matching_panel(declined), BCP)
    assert [f.to_dict() for f in verdict.findings if f.kind in ("illegal_transition", "guard_failed")] == []


# --- assessments of prospective carers (seed section 29) -------------------------------------------

MAINSTREAM = "bcp.fostering.mainstream_assessment_within_20_weeks_of_application"
LODGINGS = "bcp.fostering.supported_lodgings_assessment_within_20_weeks_of_application"


def carer_assessment(service, completed, policy=BCP):
    return bcp_case(("2024-07-01", "carer_assessment_started", {"service": service, "stage": "one"}),
                    ("2024-09-02", "carer_assessment_started", {"service": service, "stage": "two"}),
                    (completed, "carer_assessment_completed", {"service": service, "stage": "two"}), policy=policy)


def test_fostering_and_supported_lodgings_assessments_within_20_weeks():
    # Application (stage one) Mon 1 Jul 2024 + 20 weeks (140 days): 30 to Wed 31 Jul, 61 to Sat 31
    # Aug, 91 to Mon 30 Sep, 122 to Thu 31 Oct, 140 to Mon 18 Nov 2024. Wed 20 Nov is two days late.
    for service, rule in (("fostering", MAINSTREAM), ("supported_lodgings", LODGINGS)):
        assert findings(check(carer_assessment(service, "2024-11-18"), BCP), rule) == []
        verdict = check(carer_assessment(service, "2024-11-20"), BCP)
        assert late(verdict, rule) == ("late", "2024-11-18", days(2))
    # An adoption assessment is neither.
    verdict = check(carer_assessment("adoption", "2024-12-20"), BCP)
    assert findings(verdict, MAINSTREAM) == [] and findings(verdict, LODGINGS) == []


def test_fostering_assessment_sixteen_weeks_reading():
    # Mon 1 Jul 2024 + 16 weeks (112 days) = Mon 21 Oct 2024; Mon 18 Nov is 28 days late.
    policy = load_policy("bcp", {MAINSTREAM: "sixteen_weeks"})
    assert findings(check(carer_assessment("fostering", "2024-10-21", policy), policy), MAINSTREAM) == []
    verdict = check(carer_assessment("fostering", "2024-11-18", policy), policy)
    assert late(verdict, MAINSTREAM) == ("late", "2024-10-21", days(28))


LESS_CONTACT_BY_TM = "bcp.leaving_care.less_frequent_contact_decided_by_team_manager"


def test_less_frequent_care_leaver_contact_decided_by_the_team_manager():
    reduced = {"subject": "care_leaver_contact_reduced"}
    ok = bcp_case(RELEVANT, ("2024-06-03", "management_oversight_recorded", {**reduced, **TM}))
    assert findings(check(ok, BCP), LESS_CONTACT_BY_TM) == []
    by_pa = bcp_case(RELEVANT, ("2024-06-03", "management_oversight_recorded", {**reduced, "by": "personal_adviser"}))
    assert only(check(by_pa, BCP), rule=LESS_CONTACT_BY_TM).kind == "guard_failed"
    policy = load_policy("bcp", {LESS_CONTACT_BY_TM: "team_manager_or_above"})
    by_sm = bcp_case(RELEVANT, ("2024-06-03", "management_oversight_recorded", {**reduced, **SM}), policy=policy)
    assert findings(check(by_sm, policy), LESS_CONTACT_BY_TM) == []
    assert only(check(bcp_case(RELEVANT, ("2024-06-03", "management_oversight_recorded", {**reduced, **SM})), BCP),
                rule=LESS_CONTACT_BY_TM).kind == "guard_failed"


# --- correspondence (seed sections 5 and 6) --------------------------------------------------------

CORRESPONDENCE = "bcp.casework.correspondence_answered_3_working_days"
SAFEGUARDING_CORRESPONDENCE = "bcp.casework.safeguarding_correspondence_answered_1_working_day"


def test_correspondence_answered_within_three_working_days():
    # Email from the family Mon 1 Jul 2024 + 3 working days = Thu 4 Jul; Fri 5 Jul is one day late.
    email = ("2024-07-01", "correspondence_received", {"sender": "family"})
    assert findings(check(bcp_case(email, ("2024-07-04", "correspondence_answered")), BCP), CORRESPONDENCE) == []
    verdict = check(bcp_case(email, ("2024-07-05", "correspondence_answered", {"by": "social_worker"})), BCP)
    assert late(verdict, CORRESPONDENCE) == ("late", "2024-07-04", wd(1))
    assert findings(verdict, SAFEGUARDING_CORRESPONDENCE) == []


def test_safeguarding_correspondence_answered_within_one_working_day():
    # Received Fri 24 May 2024; Mon 27 May is a bank holiday, so due Tue 28 May. Answered Wed 29
    # May: one working day late, though within the three working days (Thu 30 May).
    concern = ("2024-05-24", "correspondence_received", {"sender": "professional", "safeguarding": True})
    ok = bcp_case(concern, ("2024-05-28", "correspondence_answered"))
    assert findings(check(ok, BCP), SAFEGUARDING_CORRESPONDENCE) == []
    verdict = check(bcp_case(concern, ("2024-05-29", "correspondence_answered")), BCP)
    assert late(verdict, SAFEGUARDING_CORRESPONDENCE) == ("late", "2024-05-28", wd(1))
    assert findings(verdict, CORRESPONDENCE) == []


# --- LADO triage and the later life letter (seed sections 30 and 31) ------------------------------

LADO_TRIAGE = "bcp.lado.referral_triaged_24_hours"
LATER_LIFE_LETTER = "bcp.adoption.later_life_letter_10_working_days_after_celebration_hearing"


def test_lado_referral_triaged_within_24_hours():
    # Referral Mon 1 Jul 2024 15:00 + 24 hours = Tue 2 Jul 15:00; triaged at 17:00 is two hours late.
    informed = ("2024-07-01T15:00", "lado_informed")
    ok = bcp_case(informed, ("2024-07-02T14:00", "lado_referral_triaged", {"by": "lado"}))
    assert findings(check(ok, BCP), LADO_TRIAGE) == []
    verdict = check(bcp_case(informed, ("2024-07-02T17:00", "lado_referral_triaged", {"by": "lado"})), BCP)
    assert late(verdict, LADO_TRIAGE) == ("late", "2024-07-02T15:00", {"value": 2, "unit": "hours"})


def test_later_life_letter_completed_within_10_working_days_of_the_celebration_hearing():
    # Celebration hearing Thu 2 May 2024 + 10 working days: Fri 3 (1), Mon 6 May bank holiday, Tue 7
    # (2), Wed 8 (3), Thu 9 (4), Fri 10 (5), Mon 13-Fri 17 (6-10) -> Fri 17 May. Mon 20 May is one
    # working day late. A draft recorded before the hearing (Mon 8 Jan) does not count.
    history = [("2023-06-05", "adoption_decision_made", {"decision": "should_be_placed"}),
               ("2023-06-20", "placement_authorised", {"basis": "placement_order"}),
               ("2023-09-04", "placed_for_adoption", {"authority": "placement_order"}),
               ("2024-01-08", "record_updated", {"subject": "later_life_letter"}),
               ("2024-03-15", "adoption_order_made"),
               ("2024-05-02", "celebration_hearing_held")]
    letter = {"subject": "later_life_letter", "by": "social_worker"}
    assert findings(check(bcp_case(*history, ("2024-05-17", "record_updated", letter)), BCP), LATER_LIFE_LETTER) == []
    verdict = check(bcp_case(*history, ("2024-05-20", "record_updated", letter)), BCP)
    assert late(verdict, LATER_LIFE_LETTER) == ("late", "2024-05-17", wd(1))
    # The hearing is lawful only after the adoption order (the adoption pathway's `adopted`).
    assert [f.to_dict() for f in verdict.findings if f.pathway == "adoption" and f.kind == "illegal_transition"] == []
    early = check(bcp_case(*history[:3], ("2023-10-02", "celebration_hearing_held")), BCP)
    refused = [f for f in early.findings if f.pathway == "adoption" and f.kind == "illegal_transition"]
    assert [f.end.type for f in refused] == ["celebration_hearing_held"]


ADM_DECISION = "bcp.adoption.adm_decision_7_working_days_of_paperwork"
DRAFT_LETTER = "bcp.adoption.draft_later_life_letter_by_second_review"


def test_adm_decision_within_seven_working_days_of_the_paperwork():
    # Permanence report sent to the ADM Thu 28 Mar 2024: Fri 29 Mar and Mon 1 Apr are bank
    # holidays; Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 (5), Tue 9 (6), Wed 10 Apr (7).
    # A decision on Thu 11 Apr is one working day late.
    pack = ("2024-03-28", "document_shared", {"document": "child_permanence_report", "recipient": "adm"})
    decided = {"decision": "should_be_placed"}
    assert findings(check(bcp_case(pack, ("2024-04-10", "adoption_decision_made", decided)), BCP), ADM_DECISION) == []
    verdict = check(bcp_case(pack, ("2024-04-11", "adoption_decision_made", decided)), BCP)
    assert late(verdict, ADM_DECISION) == ("late", "2024-04-10", wd(1))
    # The report sent to legal is not the ADM's receipt.
    to_legal = ("2024-03-20", "document_shared", {"document": "child_permanence_report", "recipient": "legal"})
    verdict = check(bcp_case(to_legal, pack, ("2024-04-11", "adoption_decision_made", decided)), BCP)
    assert late(verdict, ADM_DECISION) == ("late", "2024-04-10", wd(1))


def placed(*later, policy=BCP):
    """Should be placed Mon 8 Jan 2024, placement order Tue 16 Jan, placed Mon 1 Jul 2024."""
    return bcp_case(("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"}),
                    ("2024-01-16", "placement_authorised", {"basis": "placement_order"}),
                    ("2024-07-01", "placed_for_adoption", {"authority": "placement_order"}), *later, policy=policy)


def test_draft_later_life_letter_by_the_second_adoption_review():
    # Placed Mon 1 Jul 2024 + 4 months = Fri 1 Nov 2024; a draft on Mon 4 Nov is three days late.
    draft = {"subject": "later_life_letter", "by": "social_worker"}
    assert findings(check(placed(("2024-11-01", "record_updated", draft)), BCP), DRAFT_LETTER) == []
    verdict = check(placed(("2024-11-04", "record_updated", draft)), BCP)
    assert late(verdict, DRAFT_LETTER) == ("late", "2024-11-01", days(3))
    # Under the three-month reading the draft is due Tue 1 Oct 2024: Fri 1 Nov is 31 days late.
    policy = load_policy("bcp", {DRAFT_LETTER: "three_months"})
    verdict = check(placed(("2024-11-01", "record_updated", draft), policy=policy), policy)
    assert late(verdict, DRAFT_LETTER) == ("late", "2024-10-01", days(31))


def test_draft_later_life_letter_lapses_when_the_placement_ends():
    # The placement ends Mon 2 Sep 2024, before the draft is due (Fri 1 Nov).
    ended = ("2024-09-02", "adoption_placement_ended")
    assert findings(check(placed(ended), BCP, as_of="2024-12-01"), DRAFT_LETTER) == []
