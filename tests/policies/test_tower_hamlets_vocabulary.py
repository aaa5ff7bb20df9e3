"""Tower Hamlets (seed 004), third pass: rules encoded once the vocabulary had the events for them
(referrals, the final pre-proceedings meeting, letters of intent, records, packs, custody, PEPs,
needs assessments and identity documents). A compliant and a breaching history per rule; every
expected date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan, 29 Mar,
1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec; 2025: 1 Jan, 18 and 21 Apr, 5 May, 26 May, 25 Aug.
3 June 2024 is a Monday.
"""

from __future__ import annotations

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

TH = load_policy("tower_hamlets")
P = "tower_hamlets."


def th_case(*events, policy=TH, child=None):
    return case(*events, policy=policy, child=child)


def kind_due(verdict, rule):
    f = only(verdict, rule=rule)
    return f.kind, f.due


# --- legal planning meetings -------------------------------------------------------------------

LPM_APPROVAL = P + "legal_planning_meeting.referral_approved_by_head_of_service"
LPM_THURSDAY = P + "legal_planning_meeting.referral_by_thursday_before_the_meeting"


def lpm_referral(approved_by, policy=TH):
    return th_case(("2024-06-03", "referral_made", {"to": "legal_planning_meeting", "approved_by": approved_by}),
                   policy=policy)


def test_escalation_to_lpm_approved_by_head_of_service_or_group_manager():
    for role in ("head_of_service", "service_manager"):
        assert findings(check(lpm_referral(role), TH), LPM_APPROVAL) == []
    assert only(check(lpm_referral("team_manager"), TH), rule=LPM_APPROVAL).kind == "guard_failed"
    # Other referrals are not escalations to a legal planning meeting.
    fgc = th_case(("2024-06-03", "referral_made", {"to": "family_group_conference", "approved_by": "team_manager"}))
    assert findings(check(fgc, TH), LPM_APPROVAL) == []


def test_escalation_to_lpm_approved_by_head_of_service_only():
    policy = load_policy("tower_hamlets", {LPM_APPROVAL: "head_of_service_only"})
    assert findings(check(lpm_referral("head_of_service", policy), policy), LPM_APPROVAL) == []
    assert only(check(lpm_referral("service_manager", policy), policy), rule=LPM_APPROVAL).kind == "guard_failed"


def referred_then_lpm(referred, meeting, policy=TH):
    return th_case((referred, "referral_made", {"to": "legal_planning_meeting", "approved_by": "head_of_service"}),
                   (meeting, "legal_planning_meeting_held", {"outcome": "pre_proceedings"}), policy=policy)


def test_lpm_referral_sent_by_the_thursday_before_the_meeting():
    # Referral Thu 6 Jun 2024 + 5 days = Tue 11 Jun, the meeting: in time.
    assert findings(check(referred_then_lpm("2024-06-06", "2024-06-11"), TH), LPM_THURSDAY) == []
    # Referral Fri 7 Jun + 5 days = Wed 12 Jun: a meeting on Tue 11 Jun comes a day too soon
    # (the referral missed the Thursday cut-off).
    assert kind_due(check(referred_then_lpm("2024-06-07", "2024-06-11"), TH), LPM_THURSDAY) == ("early", "2024-06-12")
    # An emergency meeting for a child taken into police protection after the referral is not early.
    emergency = th_case(("2024-06-07", "referral_made", {"to": "legal_planning_meeting", "approved_by": "head_of_service"}),
                        ("2024-06-08", "police_protection_started"),
                        ("2024-06-10", "legal_planning_meeting_held", {"outcome": "issue"}))
    assert findings(check(emergency, TH), LPM_THURSDAY) == []


def test_lpm_referral_by_4pm_on_the_thursday():
    policy = load_policy("tower_hamlets", {LPM_THURSDAY: "by_4pm_thursday"})
    # Thu 6 Jun 2024 16:00 + 118 hours = Tue 11 Jun 14:00 (four days to Mon 16:00, then 22 hours).
    ok = referred_then_lpm("2024-06-06T16:00", "2024-06-11T14:00", policy)
    assert findings(check(ok, policy), LPM_THURSDAY) == []
    # Sent at 16:30 the earliest meeting is Tue 11 Jun 14:30.
    too_late = referred_then_lpm("2024-06-06T16:30", "2024-06-11T14:00", policy)
    assert kind_due(check(too_late, policy), LPM_THURSDAY) == ("early", "2024-06-11T14:30")


SO_REFERRAL = P + "supervision_order.referred_to_lpm_2_months_before_expiry"


def supervision_order(*later):
    return th_case(("2024-06-03", "final_order_made", {"order": "supervision_order"}), *later)


def test_supervision_order_referred_to_lpm_two_months_before_expiry():
    # Order Mon 3 Jun 2024 expires after one year (3 Jun 2025); ten months after the order is
    # Thu 3 Apr 2025.
    def referral(at):
        return (at, "referral_made", {"to": "legal_planning_meeting", "approved_by": "head_of_service"})
    assert findings(check(supervision_order(referral("2025-04-03")), TH), SO_REFERRAL) == []
    assert late(check(supervision_order(referral("2025-04-04")), TH), SO_REFERRAL) == (
        "late", "2025-04-03", {"value": 1, "unit": "days"})
    # Not referred by the time the order ends on Mon 2 Jun 2025: missed.
    ended = supervision_order(("2025-06-02", "supervision_order_ended", {"reason": "expired"}))
    assert kind_due(check(ended, TH), SO_REFERRAL) == ("missing", "2025-04-03")
    # Discharged early, on Mon 6 Jan 2025, before the referral was due: nothing owed.
    discharged = supervision_order(("2025-01-06", "supervision_order_ended", {"reason": "discharged"}))
    assert findings(check(discharged, TH, as_of="2025-06-30"), SO_REFERRAL) == []


S37 = P + "section_37.referred_to_lpm_2_weeks_before_filing"


def test_section_37_referral_two_weeks_before_filing():
    def history(filed):
        return th_case(("2024-06-03", "referral_made", {"to": "legal_planning_meeting", "approved_by": "head_of_service"}),
                       (filed, "document_shared", {"document": "section_37_report", "recipient": "court"}))
    # Referral Mon 3 Jun 2024 + 2 weeks = Mon 17 Jun: filing that day leaves two weeks.
    assert findings(check(history("2024-06-17"), TH), S37) == []
    # Filed Fri 14 Jun: the referral was only 11 days before; the filing could be no earlier than 17 Jun.
    assert kind_due(check(history("2024-06-14"), TH), S37) == ("early", "2024-06-17")
    # A report filed with no referral before it is not checked.
    alone = th_case(("2024-06-14", "document_shared", {"document": "section_37_report", "recipient": "court"}))
    assert findings(check(alone, TH), S37) == []


PP_ADVICE = P + "police_protection.legal_advice_within_72_hours"


def test_legal_advice_within_72_hours_of_police_protection():
    def history(at, to="legal_advice"):
        return th_case(("2024-06-03T10:00", "police_protection_started"),
                       (at, "referral_made", {"to": to}))
    # Mon 3 Jun 2024 10:00 + 72 hours = Thu 6 Jun 10:00.
    assert findings(check(history("2024-06-06T09:00"), TH), PP_ADVICE) == []
    assert findings(check(history("2024-06-05T15:00", to="legal_planning_meeting"), TH), PP_ADVICE) == []
    assert late(check(history("2024-06-06T12:00"), TH), PP_ADVICE) == ("late", "2024-06-06T10:00", {"value": 2, "unit": "hours"})


# --- pre-proceedings and care proceedings -----------------------------------------------------

FINAL_MAX = P + "pre_proceedings.final_meeting_within_16_weeks"
FINAL_MIN = P + "pre_proceedings.final_meeting_not_before_12_weeks"
LOI = P + "care_proceedings.letter_of_intent_within_3_days_of_lpm"


def final(at):
    # LPM Wed 5 Jun 2024, initial meeting Fri 14 Jun, review Fri 26 Jul. Twelve weeks after the
    # initial meeting: 14 Jun + 84 days = Fri 6 Sep; sixteen weeks: + 112 days = Fri 4 Oct.
    return th_case(("2024-06-05", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                   ("2024-06-07", "letter_before_proceedings_sent"),
                   ("2024-06-14", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                   ("2024-07-26", "pre_proceedings_meeting_held", {"meeting": "review"}),
                   (at, "pre_proceedings_meeting_held", {"meeting": "final"}))


def test_final_pre_proceedings_meeting_between_12_and_16_weeks():
    for ok in ("2024-09-06", "2024-10-04"):
        verdict = check(final(ok), TH)
        assert findings(verdict, FINAL_MAX) == [] and findings(verdict, FINAL_MIN) == []
    # Mon 7 Oct is three days after the sixteenth week.
    assert late(check(final("2024-10-07"), TH), FINAL_MAX) == ("late", "2024-10-04", {"value": 3, "unit": "days"})
    # Thu 5 Sep is a day before the twelfth week.
    assert kind_due(check(final("2024-09-05"), TH), FINAL_MIN) == ("early", "2024-09-06")


def test_letter_of_intent_within_three_days_of_lpm():
    def history(at, policy=TH, recipient="family"):
        return th_case(("2024-06-05", "legal_planning_meeting_held", {"outcome": "issue"}),
                       (at, "document_shared", {"document": "letter_of_intent", "recipient": recipient}),
                       policy=policy)
    # Wed 5 Jun 2024 + 3 days = Sat 8 Jun; served Mon 10 Jun is two days late.
    assert findings(check(history("2024-06-08"), TH), LOI) == []
    assert late(check(history("2024-06-10"), TH), LOI) == ("late", "2024-06-08", {"value": 2, "unit": "days"})
    # Sent to someone other than the parents it is not served: missing by Sat 8 Jun.
    assert kind_due(check(history("2024-06-07", recipient="court"), TH, as_of="2024-06-10"), LOI) == (
        "missing", "2024-06-08")
    # Three working days: Thu 6 (1), Fri 7 (2), Mon 10 Jun (3).
    policy = load_policy("tower_hamlets", {LOI: "working_days"})
    assert findings(check(history("2024-06-10", policy), policy), LOI) == []
    assert late(check(history("2024-06-11", policy), policy), LOI) == ("late", "2024-06-10", {"value": 1, "unit": "working_days"})


# --- pre-birth --------------------------------------------------------------------------------

# EDD Fri 20 Dec 2024. Week w+0 is EDD - 280 days + 7w: week 19 is EDD - 147 days = Fri 26 Jul
# 2024 (20 Nov 30, 20 Oct 61, 20 Sep 91, 20 Aug 122, 26 Jul 147). Week 35 is 16 weeks later:
# 2, 9, 16, 23 Aug (23), 30 Aug, 6, 13, 20, 27 Sep (28), 4, 11, 18, 25 Oct (32), 1, 8, 15 Nov (35)
# -> Fri 15 Nov 2024.
UNBORN = {"expected_date_of_birth": "2024-12-20"}
PB_FINAL = P + "pre_birth.final_ppm_by_week_35"
PB_FGC = P + "pre_birth.fgc_referral_by_week_19"
PB_SWET = P + "pre_birth.draft_swet_to_legal_by_week_35"


def unborn(*later):
    return th_case(("2024-06-03", "pre_birth_referral_received"), *later, child=UNBORN)


def test_pre_birth_final_ppm_by_week_35():
    def history(at):
        return unborn(("2024-08-05", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                      ("2024-08-07", "letter_before_proceedings_sent"),
                      ("2024-09-06", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                      ("2024-10-11", "pre_proceedings_meeting_held", {"meeting": "review"}),
                      (at, "pre_proceedings_meeting_held", {"meeting": "final"}))
    assert findings(check(history("2024-11-15"), TH), PB_FINAL) == []
    assert late(check(history("2024-11-18"), TH), PB_FINAL) == ("late", "2024-11-15", {"value": 3, "unit": "days"})
    # An unborn child not in pre-proceedings owes no final meeting.
    assert findings(check(unborn(), TH, as_of="2024-11-30"), PB_FINAL) == []


def test_pre_birth_fgc_referral_by_week_19():
    def history(at):
        return unborn((at, "referral_made", {"to": "family_group_conference"}))
    assert findings(check(history("2024-07-26"), TH), PB_FGC) == []
    assert late(check(history("2024-07-29"), TH), PB_FGC) == ("late", "2024-07-26", {"value": 3, "unit": "days"})
    # A referral elsewhere does not count.
    assert kind_due(check(unborn(("2024-07-22", "referral_made", {"to": "permanence_team"})), TH, as_of="2024-07-29"),
                    PB_FGC) == ("missing", "2024-07-26")


def test_pre_birth_draft_swet_to_legal_by_week_35_when_issuing_at_birth():
    def history(at):
        return unborn(("2024-08-05", "legal_planning_meeting_held", {"outcome": "issue"}),
                      (at, "document_shared", {"document": "social_work_evidence", "recipient": "legal"}))
    assert findings(check(history("2024-11-15"), TH), PB_SWET) == []
    assert late(check(history("2024-11-18"), TH), PB_SWET) == ("late", "2024-11-15", {"value": 3, "unit": "days"})
    # Not issuing at birth: nothing due.
    assert findings(check(unborn(), TH, as_of="2024-11-30"), PB_SWET) == []


# --- children looked after --------------------------------------------------------------------

LEGAL_STATUS = P + "looked_after.legal_status_recorded_within_24_hours"
CARE_PACK = P + "looked_after.coming_into_care_pack_within_3_days"
EMERGENCY = P + "looked_after.assessment_within_15_working_days_of_emergency_entry"
PEP_REVIEW = P + "looked_after.pep_reviewed_every_6_months"


def test_legal_status_recorded_within_24_hours():
    def history(at):
        return th_case(("2024-06-03T10:00", "looked_after_started", {"legal_status": "C1"}),
                       (at, "record_updated", {"subject": "legal_status"}))
    # Mon 3 Jun 2024 10:00 + 24 hours = Tue 4 Jun 10:00.
    assert findings(check(history("2024-06-04T09:00"), TH), LEGAL_STATUS) == []
    assert late(check(history("2024-06-04T11:00"), TH), LEGAL_STATUS) == ("late", "2024-06-04T10:00", {"value": 1, "unit": "hours"})


def test_coming_into_care_pack_within_three_days():
    def history(at, policy=TH, start="2024-06-03", status="V2"):
        return th_case((start, "looked_after_started", {"legal_status": status}),
                       (at, "document_shared", {"document": "coming_into_care_pack", "recipient": "child"}),
                       policy=policy)
    # Mon 3 Jun 2024 + 3 days = Thu 6 Jun.
    assert findings(check(history("2024-06-06"), TH), CARE_PACK) == []
    assert late(check(history("2024-06-07"), TH), CARE_PACK) == ("late", "2024-06-06", {"value": 1, "unit": "days"})
    # Across the late May bank holiday: Fri 24 May 2024 + 3 days = Mon 27 May; given Wed 29 May
    # is two days late. Three working days: Tue 28 (1), Wed 29 (2), Thu 30 May (3).
    assert late(check(history("2024-05-29", start="2024-05-24"), TH), CARE_PACK) == (
        "late", "2024-05-27", {"value": 2, "unit": "days"})
    policy = load_policy("tower_hamlets", {CARE_PACK: "three_working_days"})
    assert findings(check(history("2024-05-29", policy, start="2024-05-24"), policy), CARE_PACK) == []
    assert late(check(history("2024-05-31", policy, start="2024-05-24"), policy), CARE_PACK) == (
        "late", "2024-05-30", {"value": 1, "unit": "working_days"})
    # A short break is not a coming into care.
    assert findings(check(history("2024-06-20", status="V3"), TH), CARE_PACK) == []


def test_assessment_within_15_working_days_of_an_emergency_entry():
    def history(at, planned=False):
        fields = {"legal_status": "V2"} if planned is None else {"legal_status": "V2", "planned": planned}
        return th_case(("2024-06-03", "looked_after_started", fields),
                       ("2024-06-03", "assessment_started"),
                       (at, "assessment_authorised", {"outcome": "looked_after", "by": "team_manager"}))
    # Mon 3 Jun 2024: 4-7 Jun (4), 10-14 (9), 17-21 (14), Mon 24 Jun (15).
    assert findings(check(history("2024-06-24"), TH), EMERGENCY) == []
    assert late(check(history("2024-06-25"), TH), EMERGENCY) == ("late", "2024-06-24", {"value": 1, "unit": "working_days"})
    # A planned entry, or one the case does not say was unplanned, is not timed by this rule.
    assert findings(check(history("2024-07-31", planned=True), TH), EMERGENCY) == []
    assert findings(check(history("2024-07-31", planned=None), TH), EMERGENCY) == []


def test_pep_reviewed_every_six_months():
    def history(*later):
        return th_case(("2024-06-03", "looked_after_started", {"legal_status": "C2"}),
                       ("2024-06-28", "pep_completed"), *later)
    # PEP Fri 28 Jun 2024 + 6 months = Sat 28 Dec 2024.
    assert findings(check(history(("2024-12-27", "pep_completed")), TH), PEP_REVIEW) == []
    assert late(check(history(("2024-12-30", "pep_completed")), TH), PEP_REVIEW) == (
        "gap", "2024-12-28", {"value": 2, "unit": "days"})
    # The period of care ended on Mon 2 Sep 2024: no review is owed after it.
    assert findings(check(history(("2024-09-02", "looked_after_ended", {"reason": "E13"})), TH, as_of="2025-03-31"),
                    PEP_REVIEW) == []
    # A child with no PEP (too young for one) owes no review.
    young = th_case(("2024-06-03", "looked_after_started", {"legal_status": "C2"}))
    assert findings(check(young, TH, as_of="2025-03-31"), PEP_REVIEW) == []


# --- custody ----------------------------------------------------------------------------------

CUSTODY = P + "youth_justice.custody_visit_within_1_week_then_6_weekly"
LAV = {"purpose": "looked_after", "seen": True}


def test_looked_after_child_sentenced_to_custody_visited_within_a_week_then_six_weekly():
    def history(*visits):
        return th_case(("2024-06-03", "looked_after_started", {"legal_status": "C2"}),
                       ("2024-07-01", "custody_started", {"basis": "sentence"}),
                       *[(at, "visit", LAV) for at in visits])
    # Custody Mon 1 Jul 2024 + 1 week = Mon 8 Jul; then + 6 weeks = Mon 19 Aug.
    assert findings(check(history("2024-07-08", "2024-08-19"), TH), CUSTODY) == []
    assert late(check(history("2024-07-09"), TH), CUSTODY) == ("gap", "2024-07-08", {"value": 1, "unit": "days"})
    assert late(check(history("2024-07-08", "2024-08-20"), TH), CUSTODY) == ("gap", "2024-08-19", {"value": 1, "unit": "days"})


def test_child_remanded_to_youth_detention_becomes_looked_after():
    # Remanded Mon 1 Jul 2024 and looked after (J1) from the same day: first visit by Mon 8 Jul.
    def history(visit):
        return th_case(("2024-07-01", "custody_started", {"basis": "remand"}),
                       ("2024-07-01", "looked_after_started", {"legal_status": "J1"}),
                       (visit, "visit", LAV))
    assert findings(check(history("2024-07-08"), TH), CUSTODY) == []
    assert late(check(history("2024-07-10"), TH), CUSTODY) == ("gap", "2024-07-08", {"value": 2, "unit": "days"})


def test_custody_visits_stop_on_release_and_do_not_apply_to_a_child_not_looked_after():
    released = th_case(("2024-06-03", "looked_after_started", {"legal_status": "C2"}),
                       ("2024-07-01", "custody_started", {"basis": "sentence"}),
                       ("2024-07-05", "visit", LAV), ("2024-07-26", "custody_ended"))
    assert findings(check(released, TH, as_of="2024-12-31"), CUSTODY) == []
    not_looked_after = th_case(("2024-07-01", "custody_started", {"basis": "sentence"}))
    assert findings(check(not_looked_after, TH, as_of="2024-12-31"), CUSTODY) == []


# --- connected persons ------------------------------------------------------------------------

CP_ADM = P + "fostering.connected_person_approved_by_adm"


def test_connected_person_temporary_approval_by_the_agency_decision_maker():
    def history(by, policy=TH):
        return th_case(("2024-06-03", "connected_person_approved", {"by": by}), policy=policy)
    for by in ("adm", "head_of_service"):
        assert findings(check(history(by), TH), CP_ADM) == []
    assert only(check(history("team_manager"), TH), rule=CP_ADM).kind == "guard_failed"
    assert only(check(history("director"), TH), rule=CP_ADM).kind == "guard_failed"
    policy = load_policy("tower_hamlets", {CP_ADM: "with_director"})
    assert findings(check(history("director", policy), policy), CP_ADM) == []


# --- leaving care -----------------------------------------------------------------------------

SUMMARY = P + "leaving_care.summary_every_3_months"
PATHWAY_ASSESSMENT = P + "leaving_care.pathway_assessment_started_at_15_years_9_months"
NI_NUMBER = P + "leaving_care.ni_number_applied_for_3_months_before_16"


def test_care_leaver_file_summary_every_three_months():
    def history(*summaries):
        return th_case(("2024-06-03", "care_leaver_status_changed", {"status": "relevant"}),
                       *[(at, "record_updated", {"subject": "summary"}) for at in summaries])
    # Relevant from Mon 3 Jun 2024: first summary by Tue 3 Sep; the next by Tue 3 Dec.
    assert findings(check(history("2024-09-03", "2024-12-03"), TH), SUMMARY) == []
    assert late(check(history("2024-09-04"), TH), SUMMARY) == ("gap", "2024-09-03", {"value": 1, "unit": "days"})
    assert late(check(history("2024-09-03", "2024-12-04"), TH), SUMMARY) == ("gap", "2024-12-03", {"value": 1, "unit": "days"})
    assert kind_due(check(history(), TH, as_of="2024-09-10"), SUMMARY) == ("missing", "2024-09-03")


# Born Wed 3 Sep 2008: 15 years 9 months on Mon 3 Jun 2024; 15 years 10 months on Wed 3 Jul 2024.
TEEN = {"date_of_birth": "2008-09-03"}


def in_care(*later, policy=TH):
    return th_case(("2023-01-09", "looked_after_started", {"legal_status": "C2"}), *later, child=TEEN, policy=policy)


def test_pathway_assessment_started_at_15_years_9_months():
    started = lambda at: (at, "needs_assessment_started")  # noqa: E731
    # Due within a month of 3 Jun 2024: Wed 3 Jul 2024.
    assert findings(check(in_care(started("2024-07-03")), TH), PATHWAY_ASSESSMENT) == []
    assert late(check(in_care(started("2024-07-04")), TH), PATHWAY_ASSESSMENT) == (
        "late", "2024-07-03", {"value": 1, "unit": "days"})
    # By the day itself, Mon 3 Jun 2024.
    policy = load_policy("tower_hamlets", {PATHWAY_ASSESSMENT: "by_15_years_9_months"})
    assert findings(check(in_care(started("2024-06-03"), policy=policy), policy), PATHWAY_ASSESSMENT) == []
    assert late(check(in_care(started("2024-06-04"), policy=policy), policy), PATHWAY_ASSESSMENT) == (
        "late", "2024-06-03", {"value": 1, "unit": "days"})
    # A young person who left care at 15 (Mon 4 Mar 2024) owes nothing at 15 years 9 months.
    left = in_care(("2024-03-04", "looked_after_ended", {"reason": "E13"}))
    assert findings(check(left, TH, as_of="2024-08-30"), PATHWAY_ASSESSMENT) == []


def test_national_insurance_number_applied_for_three_months_before_16():
    applied = lambda at: (at, "identity_document_requested", {"document": "national_insurance_number"})  # noqa: E731
    # Three months before the 16th birthday (Tue 3 Sep 2024) is Mon 3 Jun 2024.
    assert findings(check(in_care(applied("2024-06-03")), TH), NI_NUMBER) == []
    assert late(check(in_care(applied("2024-06-05")), TH), NI_NUMBER) == ("late", "2024-06-03", {"value": 2, "unit": "days"})
    # Another document does not count.
    passport = in_care(("2024-05-20", "identity_document_requested", {"document": "passport"}))
    assert kind_due(check(passport, TH, as_of="2024-06-10"), NI_NUMBER) == ("missing", "2024-06-03")
    # Within the month: by Wed 3 Jul 2024.
    policy = load_policy("tower_hamlets", {NI_NUMBER: "within_the_month"})
    assert findings(check(in_care(applied("2024-07-03"), policy=policy), policy), NI_NUMBER) == []


# --- placed with parents (the England placement pathway) ----------------------------------------

CARE_ORDER_HOME = P + "placement.care_order_at_home_visited_within_1_week_then_weekly_until_first_review"
ICO_HOME = "england.placement.weekly_visits_connected_person_or_interim_order_at_home"


def at_home(*later, status="C2", placement="P1"):
    # Looked after from Mon 3 Jun 2024, placed with parents.
    return th_case(("2024-06-03", "looked_after_started", {"legal_status": status, "placement_type": placement}),
                   *later)


def visits(*dates):
    return [(at, "visit", LAV) for at in dates]


def test_care_order_at_home_weekly_until_the_review_then_six_weekly():
    # Visits Wed 5, 12, 19 Jun 2024 (a week apart); review Thu 20 Jun. The visit due after 19 Jun
    # is still weekly (Wed 26 Jun); from it the interval is six weeks: 26 Jun + 42 days = Wed 7 Aug.
    def history(last):
        return at_home(*visits("2024-06-05", "2024-06-12", "2024-06-19"), ("2024-06-20", "lac_review_held"),
                       *visits("2024-06-26", last))
    assert findings(check(history("2024-08-07"), TH), CARE_ORDER_HOME) == []
    assert late(check(history("2024-08-08"), TH), CARE_ORDER_HOME) == ("gap", "2024-08-07", {"value": 1, "unit": "days"})
    # Before the review: Wed 5 Jun + 1 week = Wed 12 Jun; a visit on Thu 13 Jun is a day late.
    assert late(check(at_home(*visits("2024-06-05", "2024-06-13")), TH), CARE_ORDER_HOME) == (
        "gap", "2024-06-12", {"value": 1, "unit": "days"})


def test_care_order_made_while_at_home_under_an_ico():
    # At home under an ICO (C1) from Mon 3 Jun 2024: England's weekly visits (reg 28(4)), not this
    # rule. The care order (C2) on Fri 14 Jun starts this rule: first visit within a week, by Fri
    # 21 Jun; Sat 22 Jun is a day late.
    def history(visit):
        return at_home(*visits("2024-06-05", "2024-06-12"), ("2024-06-14", "legal_status_changed", {"legal_status": "C2"}),
                       *visits(visit), status="C1")
    assert findings(check(history("2024-06-21"), TH), CARE_ORDER_HOME) == []
    f = only(check(history("2024-06-22"), TH), rule=CARE_ORDER_HOME)
    assert (f.due, f.late_by.to_dict()) == ("2024-06-21", {"value": 1, "unit": "days"})
    # Under the ICO alone, the England rule times the weekly visits: Wed 5 Jun + 1 week = Wed 12
    # Jun; Thu 13 Jun is a day late, and this rule says nothing.
    ico = at_home(*visits("2024-06-05", "2024-06-13"), status="C1")
    assert late(check(ico, TH), ICO_HOME) == ("gap", "2024-06-12", {"value": 1, "unit": "days"})
    assert findings(check(ico, TH), CARE_ORDER_HOME) == []


def test_moved_home_under_a_care_order_visited_within_a_week():
    # In foster care (U3) under a care order, moved home (P1) Mon 1 Jul 2024: first visit by Mon
    # 8 Jul; Tue 9 Jul is a day late.
    home = ("2024-07-01", "placement_changed", {"placement_type": "P1", "legal_status": "C2"})
    history = at_home(*visits("2024-06-05"), home, *visits("2024-07-09"), placement="U3")
    f = only(check(history, TH), rule=CARE_ORDER_HOME)
    assert (f.due, f.late_by.to_dict()) == ("2024-07-08", {"value": 1, "unit": "days"})
    # Moved back to foster care (U3) on Fri 5 Jul: the weekly visits stop.
    back = at_home(*visits("2024-06-05"), home, *visits("2024-07-02"),
                   ("2024-07-05", "placement_changed", {"placement_type": "U3", "legal_status": "C2"}),
                   *visits("2024-07-08", "2024-08-05"), placement="U3")
    assert findings(check(back, TH), CARE_ORDER_HOME) == []


# --- information for the foster carer ---------------------------------------------------------

CARER_INFO = P + "looked_after.information_shared_with_foster_carer_on_placement"
CARER_INFO_MOVE = P + "looked_after.information_shared_with_foster_carer_on_placement_change"
TO_CARER = {"document": "other", "recipient": "foster_carer"}


def test_information_shared_with_the_foster_carer_on_the_day_of_placement():
    def history(at, placement="U3", policy=TH):
        return th_case(("2024-06-03", "looked_after_started", {"legal_status": "V2", "placement_type": placement}),
                       (at, "document_shared", TO_CARER), policy=policy)
    # Placed Mon 3 Jun 2024: due that day; Tue 4 Jun is a day late.
    assert findings(check(history("2024-06-03"), TH), CARER_INFO) == []
    assert late(check(history("2024-06-04"), TH), CARER_INFO) == ("late", "2024-06-03", {"value": 1, "unit": "days"})
    # By the next day: Tue 4 Jun; Wed 5 Jun is a day late.
    policy = load_policy("tower_hamlets", {CARER_INFO: "next_day"})
    assert findings(check(history("2024-06-04", policy=policy), policy), CARER_INFO) == []
    assert late(check(history("2024-06-05", policy=policy), policy), CARER_INFO) == (
        "late", "2024-06-04", {"value": 1, "unit": "days"})
    # A children's home (K2) is not a foster placement.
    assert findings(check(history("2024-06-10", placement="K2"), TH), CARER_INFO) == []


def test_information_shared_with_the_new_foster_carer_on_a_placement_change():
    def history(at):
        return th_case(("2024-06-03", "looked_after_started", {"legal_status": "V2", "placement_type": "U3"}),
                       ("2024-06-03", "document_shared", TO_CARER),
                       ("2024-07-01", "placement_changed", {"placement_type": "U4"}),
                       (at, "document_shared", TO_CARER))
    # Moved Mon 1 Jul 2024: due that day; Wed 3 Jul is two days late.
    assert findings(check(history("2024-07-01"), TH), CARER_INFO_MOVE) == []
    assert late(check(history("2024-07-03"), TH), CARER_INFO_MOVE) == ("late", "2024-07-01", {"value": 2, "unit": "days"})


# --- orderings: viability and checks before approval, reviewing officer before the LPM ----------

VIABILITY = P + "fostering.viability_assessment_before_temporary_approval"
POLICE_CHECKS = P + "fostering.police_checks_requested_before_temporary_approval"
SO_REVIEW = P + "supervision_order.reviewed_by_ciro_before_lpm"
VIABLE = {"assessment": "connected_person_viability"}
ADM = {"by": "adm"}


def test_connected_person_approved_only_after_a_viability_assessment():
    # Assessment completed Wed 5 Jun 2024, approval Thu 6 Jun: in time (lead 0 days: on or before).
    ok = th_case(("2024-06-03", "service_assessment_started", VIABLE), ("2024-06-05", "service_assessment_completed", VIABLE),
                 ("2024-06-06", "connected_person_approved", ADM))
    assert findings(check(ok, TH), VIABILITY) == []
    # The same day also counts (completed Thu 6 Jun, before the approval that day).
    same_day = th_case(("2024-06-06", "service_assessment_completed", VIABLE), ("2024-06-06", "connected_person_approved", ADM))
    assert findings(check(same_day, TH), VIABILITY) == []
    # No assessment: missing, due on the day of the approval (Thu 6 Jun).
    no_assessment = th_case(("2024-06-06", "connected_person_approved", ADM))
    assert kind_due(check(no_assessment, TH), VIABILITY) == ("missing", "2024-06-06")
    # Another assessment does not count; one viability assessment allows one approval.
    other = th_case(("2024-06-05", "service_assessment_completed", {"assessment": "early_help"}),
                    ("2024-06-06", "connected_person_approved", ADM))
    assert kind_due(check(other, TH), VIABILITY) == ("missing", "2024-06-06")
    twice = th_case(("2024-06-05", "service_assessment_completed", VIABLE), ("2024-06-06", "connected_person_approved", ADM),
                    ("2024-09-02", "connected_person_approved", ADM))
    f = only(check(twice, TH), rule=VIABILITY)
    assert (f.kind, f.due, f.start.index) == ("missing", "2024-09-02", 2)


def test_police_checks_requested_before_temporary_approval():
    # DBS check requested Mon 3 Jun 2024, approval Thu 6 Jun: in time.
    def history(*checks):
        return th_case(*checks, ("2024-06-05", "service_assessment_completed", VIABLE),
                       ("2024-06-06", "connected_person_approved", ADM))
    assert findings(check(history(("2024-06-03", "carer_check_requested", {"check": "dbs"})), TH), POLICE_CHECKS) == []
    # Only a medical: missing, due on the day of the approval (Thu 6 Jun).
    assert kind_due(check(history(("2024-06-03", "carer_check_requested", {"check": "medical"})), TH), POLICE_CHECKS) == (
        "missing", "2024-06-06")


def test_supervision_order_reviewed_by_the_reviewing_officer_before_the_lpm():
    # Supervision order Mon 3 Jun 2024; legal planning meeting Tue 4 Mar 2025.
    def history(*between):
        return th_case(("2024-06-03", "final_order_made", {"order": "supervision_order"}), *between,
                       ("2025-03-04", "legal_planning_meeting_held", {"outcome": "no_further_action"}))
    reviewed = ("2025-02-25", "meeting_held", {"meeting": "supervision_order_review", "by": "iro"})
    assert findings(check(history(reviewed), TH), SO_REVIEW) == []
    # No review: missing, due on the day of the meeting (lead 0 days), Tue 4 Mar 2025.
    assert kind_due(check(history(), TH), SO_REVIEW) == ("missing", "2025-03-04")
    # Another kind of meeting is not the review.
    other = ("2025-02-25", "meeting_held", {"meeting": "professionals"})
    assert kind_due(check(history(other), TH), SO_REVIEW) == ("missing", "2025-03-04")
    # An extended order (Tue 20 May 2025) needs a new review before the next LPM (Tue 3 Feb 2026).
    extended = th_case(("2024-06-03", "final_order_made", {"order": "supervision_order"}), reviewed,
                       ("2025-03-04", "legal_planning_meeting_held", {"outcome": "no_further_action"}),
                       ("2025-05-20", "supervision_order_extended"),
                       ("2026-02-03", "legal_planning_meeting_held", {"outcome": "no_further_action"}))
    f = only(check(extended, TH), rule=SO_REVIEW)
    assert (f.kind, f.due, f.start.index) == ("missing", "2026-02-03", 4)
    # No supervision order, or one that has ended (Mon 2 Jun 2025): no such review is needed.
    assert findings(check(th_case(("2024-06-05", "legal_planning_meeting_held", {"outcome": "pre_proceedings"})), TH),
                    SO_REVIEW) == []
    ended = th_case(("2024-06-03", "final_order_made", {"order": "supervision_order"}), ("2025-06-02", "supervision_order_ended"),
                    ("2025-06-10", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}))
    assert findings(check(ended, TH), SO_REVIEW) == []


# --- counted back from the conference or the review (lead rules) -------------------------------

TO_FAMILY = P + "child_protection.icpc_report_shared_with_family_3_days_before"
TO_CHAIR = P + "child_protection.icpc_report_sent_to_chair_2_working_days_before"
REPORT = {"document": "conference_report"}
BY_TM = {"by": "team_manager"}


def to_conference(*between, icpc="2024-06-24", start=("2024-06-03", "2024-06-10"), before=(), policy=TH):
    # By default: strategy discussion and enquiry Mon 3 Jun 2024, concluded Mon 10 Jun, conference
    # Mon 24 Jun 2024.
    return th_case(*before, (start[0], "strategy_discussion_held", {"outcome": "s47", **BY_TM}),
                   (start[0], "s47_started", BY_TM), (start[1], "s47_concluded", {"outcome": "icpc", **BY_TM}),
                   *between, (icpc, "icpc_held", {"outcome": "cp_plan"}), policy=policy)


def shared(at, recipient):
    return (at, "document_shared", {**REPORT, "recipient": recipient})


def test_conference_report_shared_with_the_family_three_days_before():
    # Mon 24 Jun 2024 - 3 days = Fri 21 Jun.
    assert findings(check(to_conference(shared("2024-06-21", "family")), TH), TO_FAMILY) == []
    assert late(check(to_conference(shared("2024-06-22", "family")), TH), TO_FAMILY) == (
        "late", "2024-06-21", {"value": 1, "unit": "days"})
    # Not shared: missing, due Fri 21 Jun; shared only with the chair does not count.
    assert kind_due(check(to_conference(shared("2024-06-20", "chair")), TH), TO_FAMILY) == ("missing", "2024-06-21")
    # A report shared before this enquiry started (Fri 31 May) does not count.
    early = to_conference(before=[shared("2024-05-31", "family")])
    assert kind_due(check(early, TH), TO_FAMILY) == ("missing", "2024-06-21")
    # Three working days: Fri 21 (1), Thu 20 (2), Wed 19 Jun (3); Thu 20 Jun is a working day late.
    policy = load_policy("tower_hamlets", {TO_FAMILY: "working_days"})
    assert findings(check(to_conference(shared("2024-06-19", "family"), policy=policy), policy), TO_FAMILY) == []
    assert late(check(to_conference(shared("2024-06-20", "family"), policy=policy), policy), TO_FAMILY) == (
        "late", "2024-06-19", {"value": 1, "unit": "working_days"})


def test_conference_report_sent_to_the_chair_two_working_days_before():
    # Mon 24 Jun 2024: Fri 21 (1), Thu 20 Jun (2).
    assert findings(check(to_conference(shared("2024-06-20", "chair")), TH), TO_CHAIR) == []
    assert late(check(to_conference(shared("2024-06-21", "chair")), TH), TO_CHAIR) == (
        "late", "2024-06-20", {"value": 1, "unit": "working_days"})
    # Enquiry from Mon 13 May 2024, conference Tue 28 May 2024 (Mon 27 May a bank holiday): Fri 24
    # (1), Thu 23 May (2).
    may = ("2024-05-13", "2024-05-20")
    assert late(check(to_conference(shared("2024-05-24", "chair"), icpc="2024-05-28", start=may), TH), TO_CHAIR) == (
        "late", "2024-05-23", {"value": 1, "unit": "working_days"})
    assert kind_due(check(to_conference(icpc="2024-05-28", start=may), TH), TO_CHAIR) == ("missing", "2024-05-23")


REPORT_TO_IRO = P + "looked_after.review_report_with_iro_5_days_before"
DISCUSSED = P + "looked_after.review_discussed_with_child_family_or_carer_20_days_before"
PREPARED = {"purpose": "review_preparation", "with_child": True}


def reviewed(*between, review="2024-07-01"):
    # Looked after from Mon 3 Jun 2024; first review Mon 1 Jul 2024 (20 working days: 4-7 Jun (4),
    # 10-14 (9), 17-21 (14), 24-28 (19), Mon 1 Jul (20)).
    return th_case(("2024-06-03", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                   *between, (review, "lac_review_held"))


def test_review_report_with_the_iro_five_days_before():
    # Mon 1 Jul 2024 - 5 days = Wed 26 Jun.
    to_iro = lambda at: (at, "document_shared", {"document": "review_report", "recipient": "iro"})  # noqa: E731
    assert findings(check(reviewed(to_iro("2024-06-26")), TH), REPORT_TO_IRO) == []
    assert late(check(reviewed(to_iro("2024-06-27")), TH), REPORT_TO_IRO) == ("late", "2024-06-26", {"value": 1, "unit": "days"})
    # The notification that the child came into care is not the report, nor is the report shared
    # only with the family.
    notice = ("2024-06-03", "document_shared", {"document": "notification", "recipient": "iro"})
    assert kind_due(check(reviewed(notice), TH), REPORT_TO_IRO) == ("missing", "2024-06-26")
    family = ("2024-06-20", "document_shared", {"document": "review_report", "recipient": "family"})
    assert kind_due(check(reviewed(family), TH), REPORT_TO_IRO) == ("missing", "2024-06-26")
    # The report for the first review does not serve the second (Mon 2 Dec 2024 - 5 days = Wed 27 Nov).
    second = reviewed(to_iro("2024-06-26"), ("2024-07-01", "lac_review_held"), review="2024-12-02")
    assert kind_due(check(second, TH), REPORT_TO_IRO) == ("missing", "2024-11-27")


def test_review_discussed_with_the_child_twenty_days_before():
    # Mon 1 Jul 2024 - 20 days = Tue 11 Jun.
    talk = lambda at: (at, "family_contacted", PREPARED)  # noqa: E731
    assert findings(check(reviewed(talk("2024-06-11")), TH), DISCUSSED) == []
    assert late(check(reviewed(talk("2024-06-12")), TH), DISCUSSED) == ("late", "2024-06-11", {"value": 1, "unit": "days"})
    # Contact for another purpose does not count.
    other = ("2024-06-05", "family_contacted", {"purpose": "other", "with_child": True})
    assert kind_due(check(reviewed(other), TH), DISCUSSED) == ("missing", "2024-06-11")


# --- seen alone from age 5 (child.age) ------------------------------------------------------------

SEEN_ALONE = P + "visits.child_aged_5_or_over_seen_alone"


def cin_visit(at, alone, dob):
    return th_case((at, "visit", {"purpose": "cin", "seen": True, "seen_alone": alone}), child={"date_of_birth": dob})


def test_child_aged_five_or_over_seen_alone():
    # Born Thu 6 Jun 2019: 4 on Wed 5 Jun 2024, 5 on Thu 6 Jun 2024.
    assert findings(check(cin_visit("2024-06-06", True, "2019-06-06"), TH), SEEN_ALONE) == []
    assert only(check(cin_visit("2024-06-06", False, "2019-06-06"), TH), rule=SEEN_ALONE).kind == "guard_failed"
    assert findings(check(cin_visit("2024-06-05", False, "2019-06-06"), TH), SEEN_ALONE) == []
    # No date of birth: indeterminate unless the child was seen alone.
    no_dob = th_case(("2024-06-06", "visit", {"purpose": "cin", "seen": True, "seen_alone": False}))
    assert only(check(no_dob, TH), rule=SEEN_ALONE).kind == "indeterminate"
    # A visit where the child is not seen is not a statutory visit.
    unseen = th_case(("2024-06-06", "visit", {"purpose": "cin", "seen": False}), child={"date_of_birth": "2015-01-10"})
    assert findings(check(unseen, TH), SEEN_ALONE) == []


# --- pre-birth strategy discussion by week 20 (if required) ----------------------------------------

# EDD Fri 20 Dec 2024: week 19 is EDD - 147 days = Fri 26 Jul 2024, so week 20 is Fri 2 Aug 2024.
PB_STRATEGY = P + "pre_birth.strategy_discussion_by_week_20"  # the same unborn child (UNBORN) as above


def test_pre_birth_strategy_discussion_by_week_20_when_required():
    asked = ("2024-07-15", "strategy_discussion_requested", BY_TM)
    held = lambda at: (at, "strategy_discussion_held", {"outcome": "s47", **BY_TM})  # noqa: E731
    assert findings(check(unborn(asked, held("2024-08-02")), TH), PB_STRATEGY) == []
    assert late(check(unborn(asked, held("2024-08-05")), TH), PB_STRATEGY) == ("late", "2024-08-02", {"value": 3, "unit": "days"})
    assert kind_due(check(unborn(asked), TH, as_of="2024-08-09"), PB_STRATEGY) == ("missing", "2024-08-02")
    # Not required (no request): nothing is due.
    assert findings(check(unborn(), TH, as_of="2024-08-09"), PB_STRATEGY) == []
    # Requested after week 20 (Mon 12 Aug 2024): due that day.
    late_ask = ("2024-08-12", "strategy_discussion_requested", BY_TM)
    assert late(check(unborn(late_ask, held("2024-08-13")), TH), PB_STRATEGY) == ("late", "2024-08-12", {"value": 1, "unit": "days"})
    # While the discussion is awaited the other pre-birth limits still run: the assessment by week
    # 19 (Fri 26 Jul 2024) is missed on Mon 29 Jul.
    assert kind_due(check(unborn(asked), TH, as_of="2024-07-29"), P + "pre_birth.assessment_by_week_19") == (
        "missing", "2024-07-26")


# --- pre-birth legal planning meeting by week 23 -----------------------------------------------------

# EDD Fri 20 Dec 2024: week 23 is EDD - 119 days = week 20 (Fri 2 Aug 2024) + 21 days = Fri 23 Aug 2024.
PB_LPM = P + "pre_birth.lpm_by_week_23"
TO_LPM = ("2024-08-05", "referral_made", {"to": "legal_planning_meeting", "approved_by": "head_of_service"})


def test_pre_birth_legal_planning_meeting_by_week_23():
    meeting = lambda at: (at, "legal_planning_meeting_held", {"outcome": "pre_proceedings"})  # noqa: E731
    # Referred Mon 5 Aug 2024; meeting Tue 20 Aug: in time; Tue 27 Aug is 4 days after Fri 23 Aug.
    assert findings(check(unborn(TO_LPM, meeting("2024-08-20")), TH), PB_LPM) == []
    assert late(check(unborn(TO_LPM, meeting("2024-08-27")), TH), PB_LPM) == ("late", "2024-08-23", {"value": 4, "unit": "days"})
    assert kind_due(check(unborn(TO_LPM), TH, as_of="2024-08-30"), PB_LPM) == ("missing", "2024-08-23")
    # Not referred to a legal planning meeting (another referral): nothing is due.
    fgc = ("2024-08-05", "referral_made", {"to": "family_group_conference"})
    assert findings(check(unborn(fgc), TH, as_of="2024-08-30"), PB_LPM) == []
    # A born child referred to a legal planning meeting is not timed by the pregnancy.
    born = th_case(TO_LPM, ("2024-09-10", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                   child={"date_of_birth": "2020-01-10"})
    assert findings(check(born, TH), PB_LPM) == []
