"""BCP practice standards (seed 002), second pass: rules counted back from a later event (lead
rules), rules conditioned on the child's age or placement (child.age, child.placement_type), and
the rules the new casework vocabulary made checkable (concerns identified and discussed, welfare
checks, significant changes, a pregnancy discovered, meeting invitations, personal adviser
contact, staying put). A compliant and a breaching history for every rule; every date counted by
hand in a comment (never with journey's own calendar). England bank holidays used: Mon 6 May,
Mon 27 May and Mon 26 Aug 2024.
"""

from __future__ import annotations

import pytest
from conftest import case, check, days, findings, kinds, late, only, wd

from journey.spec.load import load_policy

BCP = load_policy("bcp")
TM = {"by": "team_manager"}
SM = {"by": "service_manager"}


def bcp_case(*events, child=None, policy=BCP):
    return case(*events, policy=policy, child=child)


# --- child protection: counted back from the conference ----------------------------------------
# Strategy discussion Mon 20 May 2024, enquiry concluded Thu 30 May, ICPC Fri 7 Jun 2024.
CP_START = (("2024-05-20", "strategy_discussion_held", {"outcome": "s47", **TM}),
            ("2024-05-20", "s47_started", TM),
            ("2024-05-30", "s47_concluded", {"outcome": "icpc", **TM}))
ICPC = ("2024-06-07", "icpc_held", {"outcome": "cp_plan"})
PLAN = ("2024-06-07", "cp_plan_started", {"category": "neglect"})
ASSESSMENT_SHARED = "bcp.child_protection.assessment_shared_2_working_days_before_icpc"
TO_FAMILY = {"document": "assessment", "recipient": "family"}


def test_assessment_shared_two_working_days_before_the_icpc():
    # ICPC Fri 7 Jun 2024; two working days back: Thu 6 (1), Wed 5 Jun (2). Shared Wed 5 Jun is in
    # time; Thu 6 Jun is one working day late; never shared is missing.
    ok = bcp_case(*CP_START, ("2024-06-05", "document_shared", TO_FAMILY), ICPC)
    assert findings(check(ok, BCP), ASSESSMENT_SHARED) == []
    verdict = check(bcp_case(*CP_START, ("2024-06-06", "document_shared", TO_FAMILY), ICPC), BCP)
    assert late(verdict, ASSESSMENT_SHARED) == ("late", "2024-06-05", wd(1))
    assert only(verdict, rule=ASSESSMENT_SHARED).severity == "local"
    missing = only(check(bcp_case(*CP_START, ICPC), BCP), rule=ASSESSMENT_SHARED)
    assert (missing.kind, missing.due) == ("missing", "2024-06-05")


def test_assessment_shared_with_someone_else_does_not_count():
    other = bcp_case(*CP_START, ("2024-06-03", "document_shared", {"document": "assessment", "recipient": "chair"}), ICPC)
    assert kinds(check(other, BCP), ASSESSMENT_SHARED) == ["missing"]


def test_assessment_shared_48_hours_reading():
    # ICPC Fri 7 Jun 2024 10:00 - 48 hours = Wed 5 Jun 10:00; 11:00 is an hour too late.
    policy = load_policy("bcp", {ASSESSMENT_SHARED: "forty_eight_hours"})
    icpc = ("2024-06-07T10:00", "icpc_held", {"outcome": "cp_plan"})
    ok = bcp_case(*CP_START, ("2024-06-05T10:00", "document_shared", TO_FAMILY), icpc, policy=policy)
    assert findings(check(ok, policy), ASSESSMENT_SHARED) == []
    bad = bcp_case(*CP_START, ("2024-06-05T11:00", "document_shared", TO_FAMILY), icpc, policy=policy)
    assert kinds(check(bad, policy), ASSESSMENT_SHARED) == ["late"]


RCPC_REPORT = "bcp.child_protection.report_shared_10_working_days_before_rcpc"
RCPC = ("2024-09-05", "rcpc_held", {"outcome": "continue_plan"})
REPORT = {"document": "conference_report", "recipient": "family"}


def test_rcpc_report_shared_ten_working_days_before():
    # RCPC Thu 5 Sep 2024; ten working days back: Wed 4 (1), Tue 3 (2), Mon 2 Sep (3), Fri 30 Aug
    # (4), Thu 29 (5), Wed 28 (6), Tue 27 (7), [Mon 26 Aug bank holiday], Fri 23 (8), Thu 22 (9),
    # Wed 21 Aug (10). Shared Wed 21 Aug is in time; Thu 22 Aug is one working day late.
    ok = bcp_case(*CP_START, ICPC, PLAN, ("2024-08-21", "document_shared", REPORT), RCPC)
    assert findings(check(ok, BCP), RCPC_REPORT) == []
    verdict = check(bcp_case(*CP_START, ICPC, PLAN, ("2024-08-22", "document_shared", REPORT), RCPC), BCP)
    assert late(verdict, RCPC_REPORT) == ("late", "2024-08-21", wd(1))


def test_the_icpc_report_does_not_serve_the_first_rcpc():
    # A report shared with the family Mon 3 Jun, before the ICPC, is the ICPC's: the RCPC needs its own.
    c = bcp_case(*CP_START, ("2024-06-03", "document_shared", REPORT), ICPC, PLAN, RCPC)
    f = only(check(c, BCP), rule=RCPC_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-08-21")


INVITED_ICPC = "bcp.child_protection.child_11_plus_invited_to_icpc"
INVITED_RCPC = "bcp.child_protection.child_11_plus_invited_to_rcpc"
ELEVEN = {"date_of_birth": "2013-06-07"}   # 11 on Fri 7 Jun 2024, the day of the ICPC
TEN = {"date_of_birth": "2013-06-08"}      # still 10 on Fri 7 Jun 2024
INVITE = ("2024-06-03", "conference_invitation_decided", {"invited": True, **TM})


def test_child_of_11_is_invited_to_the_icpc():
    ok = bcp_case(*CP_START, INVITE, ICPC, child=ELEVEN)
    assert findings(check(ok, BCP), INVITED_ICPC) == []
    # Decided Mon 3 Jun not to invite: no invitation on or before Fri 7 Jun.
    not_invited = ("2024-06-03", "conference_invitation_decided", {"invited": False, **TM})
    f = only(check(bcp_case(*CP_START, not_invited, ICPC, child=ELEVEN), BCP), rule=INVITED_ICPC)
    assert (f.kind, f.due) == ("missing", "2024-06-07")
    assert kinds(check(bcp_case(*CP_START, ICPC, child=ELEVEN), BCP), INVITED_ICPC) == ["missing"]


def test_a_child_of_10_is_not_held_to_the_invitation_rule():
    assert findings(check(bcp_case(*CP_START, ICPC, child=TEN), BCP), INVITED_ICPC) == []


def test_each_review_conference_needs_its_own_invitation():
    # The ICPC invitation (Mon 3 Jun) does not serve the RCPC of Thu 5 Sep 2024.
    c = bcp_case(*CP_START, INVITE, ICPC, PLAN, RCPC, child=ELEVEN)
    assert findings(check(c, BCP), INVITED_ICPC) == []
    assert kinds(check(c, BCP), INVITED_RCPC) == ["missing"]
    again = ("2024-09-02", "conference_invitation_decided", {"invited": True, **TM})
    assert findings(check(bcp_case(*CP_START, INVITE, ICPC, PLAN, again, RCPC, child=ELEVEN), BCP), INVITED_RCPC) == []


# --- child protection: welfare checks, increased risk, CP medicals, repeat plans -----------------
WELFARE = "bcp.child_protection.welfare_checks_within_24_hours_of_s47"


@pytest.mark.parametrize("done, expected", [
    ("2024-06-04T10:00", []),          # Mon 3 Jun 10:00 + 24 hours = Tue 4 Jun 10:00
    ("2024-06-04T11:00", ["late"]),    # an hour late
])
def test_welfare_checks_within_24_hours(done, expected):
    c = bcp_case(("2024-06-03T09:00", "strategy_discussion_held", {"outcome": "s47", **TM}),
                 ("2024-06-03T10:00", "s47_started", TM), (done, "welfare_checks_completed"))
    assert kinds(check(c, BCP), WELFARE) == expected


RISK = "bcp.child_protection.increased_risk_discussed_with_team_manager_24_hours"
RISK_UP = ("2024-06-10T09:00", "concern_identified", {"concern": "risk_increased", "by": "social_worker"})


@pytest.mark.parametrize("discussed, expected", [
    ("2024-06-11T09:00", []),          # Mon 10 Jun 09:00 + 24 hours = Tue 11 Jun 09:00
    ("2024-06-11T10:00", ["late"]),
])
def test_increased_risk_on_a_plan_discussed_with_the_team_manager_within_24_hours(discussed, expected):
    talk = (discussed, "concern_discussed", {"concern": "risk_increased", "discussed_with": "team_manager"})
    c = bcp_case(*CP_START, ICPC, PLAN, RISK_UP, talk)
    assert kinds(check(c, BCP), RISK) == expected


def test_increased_risk_before_a_plan_is_not_timed_by_the_cp_rule():
    # During the enquiry (no plan yet) the CP visiting rule does not apply.
    early = ("2024-05-22T09:00", "concern_identified", {"concern": "risk_increased"})
    assert findings(check(bcp_case(*CP_START[:2], early, CP_START[2]), BCP, as_of="2024-06-30"), RISK) == []


def test_an_increase_discussed_only_with_the_service_manager_is_missing():
    talk = ("2024-06-10T10:00", "concern_discussed", {"concern": "risk_increased", "discussed_with": "service_manager"})
    assert kinds(check(bcp_case(*CP_START, ICPC, PLAN, RISK_UP, talk), BCP, as_of="2024-06-30"), RISK) == ["missing"]


MEDICAL = "bcp.child_protection.medical_disagreement_escalated_60_minutes"


@pytest.mark.parametrize("escalated, expected", [
    ("2024-05-20T11:00", []),          # strategy meeting Mon 20 May 10:00 + 60 minutes = 11:00
    ("2024-05-20T11:01", ["late"]),
])
def test_medical_disagreement_escalated_within_60_minutes(escalated, expected):
    c = bcp_case(("2024-05-20T10:00", "strategy_discussion_held", {"outcome": "s47", **TM}),
                 ("2024-05-20T10:00", "concern_identified", {"concern": "cp_medical_disagreement", **TM}),
                 (escalated, "concern_discussed", {"concern": "cp_medical_disagreement",
                                                   "discussed_with": "service_manager", **TM}))
    assert kinds(check(c, BCP), MEDICAL) == expected


FINDINGS_TO_SM = "bcp.child_protection.repeat_plan_findings_to_service_manager_1_week"
SM_OVERSIGHT = "bcp.child_protection.repeat_plan_oversight_by_service_manager_2_weeks"
REPEAT = ("2024-06-10", "concern_identified", {"concern": "repeat_cp_plan", **TM})


def told_sm(on):
    return (on, "concern_discussed", {"concern": "repeat_cp_plan", "discussed_with": "service_manager", **TM})


def test_repeat_plan_findings_shared_with_the_service_manager_within_a_week():
    # Second plan identified Mon 10 Jun 2024 + 1 week = Mon 17 Jun; Tue 18 Jun is a day late.
    assert findings(check(bcp_case(REPEAT, told_sm("2024-06-17")), BCP), FINDINGS_TO_SM) == []
    assert late(check(bcp_case(REPEAT, told_sm("2024-06-18")), BCP), FINDINGS_TO_SM) == ("late", "2024-06-17", days(1))


def test_service_manager_oversight_of_a_repeat_plan_within_two_weeks():
    # Told Mon 17 Jun 2024 + 2 weeks = Mon 1 Jul; Tue 2 Jul is a day late; the team manager's own
    # oversight does not count.
    mo = {"subject": "repeat_cp_plan", **SM}
    ok = bcp_case(REPEAT, told_sm("2024-06-17"), ("2024-07-01", "management_oversight_recorded", mo))
    assert findings(check(ok, BCP), SM_OVERSIGHT) == []
    bad = bcp_case(REPEAT, told_sm("2024-06-17"), ("2024-07-02", "management_oversight_recorded", mo))
    assert late(check(bad, BCP), SM_OVERSIGHT) == ("late", "2024-07-01", days(1))
    by_tm = bcp_case(REPEAT, told_sm("2024-06-17"),
                     ("2024-06-20", "management_oversight_recorded", {"subject": "repeat_cp_plan", **TM}))
    assert kinds(check(by_tm, BCP, as_of="2024-07-15"), SM_OVERSIGHT) == ["missing"]


# --- looked after children --------------------------------------------------------------------
LAC = ("2024-07-01", "looked_after_started", {"legal_status": "V2", "placement_type": "U3"})  # Mon 1 Jul 2024
FOURTEEN = {"date_of_birth": "2010-01-01"}
LGM = "bcp.looked_after.legal_gateway_meeting_within_1_month_s20_under_16"
GATEWAY = {"meeting": "legal_gateway", **TM}


def test_legal_gateway_meeting_within_a_month_for_a_child_under_16_under_s20():
    # Accommodated under s20 Mon 1 Jul 2024 + 1 month = Thu 1 Aug; Fri 2 Aug is a day late.
    ok = bcp_case(LAC, ("2024-08-01", "meeting_held", GATEWAY), child=FOURTEEN)
    assert findings(check(ok, BCP), LGM) == []
    bad = bcp_case(LAC, ("2024-08-02", "meeting_held", GATEWAY), child=FOURTEEN)
    assert late(check(bad, BCP), LGM) == ("late", "2024-08-01", days(1))


@pytest.mark.parametrize("start, child", [
    (LAC, {"date_of_birth": "2008-06-30"}),                       # 16 on Sun 30 Jun 2024, the day before
    (("2024-07-01", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}), FOURTEEN),
])
def test_no_legal_gateway_meeting_owed_at_16_or_under_a_care_order(start, child):
    assert findings(check(bcp_case(start, child=child), BCP, as_of="2024-09-30"), LGM) == []


def test_legal_gateway_meeting_lapses_when_care_ends_first():
    ended = ("2024-07-15", "looked_after_ended", {"reason": "E13"})   # before the due date Thu 1 Aug
    assert findings(check(bcp_case(LAC, ended, child=FOURTEEN), BCP, as_of="2024-09-30"), LGM) == []


def test_legal_gateway_meeting_as_a_legal_planning_meeting():
    policy = load_policy("bcp", {LGM: "legal_planning_meeting"})
    lpm = ("2024-08-01", "legal_planning_meeting_held", {"outcome": "no_further_action", **TM})
    assert findings(check(bcp_case(LAC, lpm, child=FOURTEEN, policy=policy), policy), LGM) == []
    late_lpm = ("2024-08-02", "legal_planning_meeting_held", {"outcome": "no_further_action", **TM})
    assert kinds(check(bcp_case(LAC, late_lpm, child=FOURTEEN, policy=policy), policy), LGM) == ["late"]


REVIEW_REPORT = "bcp.looked_after.review_report_5_working_days_before_review"
REVIEW = ("2024-07-29", "lac_review_held")   # Mon 29 Jul 2024


def test_review_report_shared_five_working_days_before_the_review():
    # Review Mon 29 Jul 2024; five working days back: Fri 26 (1), Thu 25 (2), Wed 24 (3), Tue 23 (4),
    # Mon 22 Jul (5).
    shared = {"document": "review_report", "recipient": "iro"}
    assert findings(check(bcp_case(LAC, ("2024-07-22", "document_shared", shared), REVIEW), BCP), REVIEW_REPORT) == []
    verdict = check(bcp_case(LAC, ("2024-07-23", "document_shared", shared), REVIEW), BCP)
    assert late(verdict, REVIEW_REPORT) == ("late", "2024-07-22", wd(1))
    f = only(check(bcp_case(LAC, REVIEW), BCP), rule=REVIEW_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-07-22")


SIGNIFICANT = "bcp.looked_after.seen_within_1_working_day_of_significant_change"
CHANGE = ("2024-07-12", "significant_change_occurred", {"change": "bereavement"})   # Fri 12 Jul 2024
SEEN = {"purpose": "looked_after", "seen": True}


def test_child_in_care_seen_within_a_working_day_of_a_significant_change():
    # Fri 12 Jul 2024 + 1 working day = Mon 15 Jul; Tue 16 Jul is one working day late.
    assert findings(check(bcp_case(LAC, CHANGE, ("2024-07-15", "visit", SEEN)), BCP), SIGNIFICANT) == []
    verdict = check(bcp_case(LAC, CHANGE, ("2024-07-16", "visit", SEEN)), BCP)
    assert late(verdict, SIGNIFICANT) == ("late", "2024-07-15", wd(1))


def test_significant_change_same_day_reading():
    # Same day: due Fri 12 Jul 2024; seen Mon 15 Jul is three days late.
    policy = load_policy("bcp", {SIGNIFICANT: "same_day"})
    assert findings(check(bcp_case(LAC, CHANGE, ("2024-07-12", "visit", SEEN), policy=policy), policy),
                    SIGNIFICANT) == []
    verdict = check(bcp_case(LAC, CHANGE, ("2024-07-15", "visit", SEEN), policy=policy), policy)
    assert late(verdict, SIGNIFICANT) == ("late", "2024-07-12", days(3))


def test_significant_change_of_a_child_not_in_care_is_not_timed_here():
    c = bcp_case(("2024-07-01", "contact_received"), CHANGE)
    assert findings(check(c, BCP, as_of="2024-08-30"), SIGNIFICANT) == []


IRO_FIRST = "bcp.looked_after.iro_reviews_care_plan_10_working_days_after_care_starts"
IRO_MOVE = "bcp.looked_after.iro_reviews_care_plan_10_working_days_after_placement_change"
IRO_REVIEW = {"subject": "care_plan_review", "by": "iro"}


def test_iro_reviews_the_care_plan_within_ten_working_days_of_the_first_placement():
    # Mon 1 Jul 2024 + 10 working days: Tue 2 (1) ... Fri 5 (4), Mon 8 - Fri 12 (5-9), Mon 15 Jul (10).
    ok = bcp_case(LAC, ("2024-07-15", "management_oversight_recorded", IRO_REVIEW))
    assert findings(check(ok, BCP), IRO_FIRST) == []
    verdict = check(bcp_case(LAC, ("2024-07-16", "management_oversight_recorded", IRO_REVIEW)), BCP)
    assert late(verdict, IRO_FIRST) == ("late", "2024-07-15", wd(1))
    by_manager = bcp_case(LAC, ("2024-07-10", "management_oversight_recorded", {"subject": "care_plan_review", **TM}))
    assert kinds(check(by_manager, BCP, as_of="2024-08-30"), IRO_FIRST) == ["missing"]


def test_iro_reviews_the_care_plan_within_ten_working_days_of_a_new_placement():
    # Moved Mon 2 Sep 2024 + 10 working days: Tue 3 (1) ... Fri 6 (4), Mon 9 - Fri 13 (5-9), Mon 16 Sep (10).
    moved = ("2024-09-02", "placement_changed", {"placement_type": "U4", "reason": "CARPL"})
    first = ("2024-07-15", "management_oversight_recorded", IRO_REVIEW)
    ok = bcp_case(LAC, first, moved, ("2024-09-16", "management_oversight_recorded", IRO_REVIEW))
    assert findings(check(ok, BCP), IRO_MOVE) == []
    verdict = check(bcp_case(LAC, first, moved, ("2024-09-17", "management_oversight_recorded", IRO_REVIEW)), BCP)
    assert late(verdict, IRO_MOVE) == ("late", "2024-09-16", wd(1))


IRO_TO_SM = "bcp.looked_after.iro_timescales_to_service_manager_24_hours"


@pytest.mark.parametrize("shared, expected", [
    ("2024-09-03T10:00", []),          # IRO's plan Mon 2 Sep 10:00 + 24 hours = Tue 3 Sep 10:00
    ("2024-09-03T12:00", ["late"]),
])
def test_iro_shares_timescales_with_the_service_manager_within_24_hours(shared, expected):
    c = bcp_case(LAC, ("2024-09-02T10:00", "management_oversight_recorded", {"subject": "plan_progress_review", "by": "iro"}),
                 (shared, "document_shared", {"document": "plan", "recipient": "manager"}))
    assert kinds(check(c, BCP), IRO_TO_SM) == expected


# --- fostering ------------------------------------------------------------------------------
SUPERVISION_RECORD = "bcp.fostering.supervision_recorded_48_hours"


@pytest.mark.parametrize("recorded, expected", [
    ("2024-06-05T10:00", []),          # visit Mon 3 Jun 10:00 + 48 hours = Wed 5 Jun 10:00
    ("2024-06-05T10:30", ["late"]),
])
def test_foster_carer_supervision_recorded_within_48_hours(recorded, expected):
    c = bcp_case(("2024-06-03T10:00", "foster_carer_visited"),
                 (recorded, "record_updated", {"subject": "foster_carer_supervision"}))
    assert kinds(check(c, BCP), SUPERVISION_RECORD) == expected


CARER_CONCERN = "bcp.fostering.carer_concerns_discussed_with_team_manager_24_hours"


@pytest.mark.parametrize("discussed, expected", [
    ("2024-06-04T10:00", []),          # concern Mon 3 Jun 10:00 + 24 hours = Tue 4 Jun 10:00
    ("2024-06-04T12:00", ["late"]),
])
def test_concerns_about_a_carer_discussed_with_the_team_manager_within_24_hours(discussed, expected):
    c = bcp_case(("2024-06-03T10:00", "concern_identified", {"concern": "carer", "by": "social_worker"}),
                 (discussed, "concern_discussed", {"concern": "carer", "discussed_with": "team_manager"}))
    assert kinds(check(c, BCP), CARER_CONCERN) == expected


CARER_VIEWS = "bcp.fostering.carer_views_two_weeks_before_review"
FORM = {"document": "consultation_form", "recipient": "iro"}


def test_carer_views_gathered_two_weeks_before_the_review():
    # Review Mon 29 Jul 2024 - 2 weeks = Mon 15 Jul; a form on Tue 16 Jul is a day late.
    assert findings(check(bcp_case(LAC, ("2024-07-15", "document_shared", FORM), REVIEW), BCP), CARER_VIEWS) == []
    verdict = check(bcp_case(LAC, ("2024-07-16", "document_shared", FORM), REVIEW), BCP)
    assert late(verdict, CARER_VIEWS) == ("late", "2024-07-15", days(1))


def test_carer_views_not_owed_for_a_child_in_a_childrens_home():
    home = ("2024-07-01", "looked_after_started", {"legal_status": "V2", "placement_type": "R1"})
    assert findings(check(bcp_case(home, REVIEW), BCP), CARER_VIEWS) == []


# --- care leavers ---------------------------------------------------------------------------
CONTACT = "bcp.leaving_care.contact_two_monthly"
PA_CONTACT = "bcp.leaving_care.pa_contact_three_monthly_16_17"
RELEVANT = ("2024-07-01", "care_leaver_status_changed", {"status": "relevant"})
ELIGIBLE = ("2024-07-01", "care_leaver_status_changed", {"status": "eligible"})


def text(on, by="personal_adviser"):
    return (on, "family_contacted", {"with_child": True, "method": "text", "by": by})


def test_care_leaver_contacted_at_least_every_two_months():
    # Relevant from Mon 1 Jul 2024: first contact due by Sun 1 Sep 2024 (two calendar months); a
    # text on Mon 2 Sep is a day late.
    assert findings(check(bcp_case(RELEVANT, text("2024-09-01")), BCP, as_of="2024-09-02"), CONTACT) == []
    verdict = check(bcp_case(RELEVANT, text("2024-09-02")), BCP, as_of="2024-09-02")
    assert late(verdict, CONTACT) == ("gap", "2024-09-01", days(1))


def test_personal_adviser_contact_every_three_months_for_an_eligible_young_person():
    # Eligible from Mon 1 Jul 2024: first contact due by Tue 1 Oct 2024; Wed 2 Oct is a day late.
    assert findings(check(bcp_case(ELIGIBLE, text("2024-10-01")), BCP, as_of="2024-10-02"), PA_CONTACT) == []
    verdict = check(bcp_case(ELIGIBLE, text("2024-10-02")), BCP, as_of="2024-10-02")
    assert late(verdict, PA_CONTACT) == ("gap", "2024-10-01", days(1))
    # The social worker's contact is not the personal adviser's.
    by_sw = bcp_case(ELIGIBLE, text("2024-08-01", by="social_worker"))
    assert kinds(check(by_sw, BCP, as_of="2024-10-02"), PA_CONTACT) == ["missing"]


STAYING_PUT_TALK = "bcp.leaving_care.staying_put_discussed_by_pathway_plan"
STAYING_PUT_OFFER = "bcp.leaving_care.staying_put_offered_before_leaving_foster_care_at_18"
SIXTEEN = {"date_of_birth": "2008-01-01"}   # 16 in 2024
FOSTERED = ("2022-06-01", "looked_after_started", {"legal_status": "C2", "placement_type": "U4"})
PATHWAY_PLAN = ("2024-07-15", "pathway_plan_prepared")


def talk(on, purpose="staying_put_discussion"):
    return (on, "family_contacted", {"with_child": True, "with_parent_or_carer": True, "purpose": purpose})


def test_staying_put_discussed_by_the_pathway_plan():
    # Discussed on the day of the plan (Mon 15 Jul 2024, lead 0 days): in time; the day after: missing.
    ok = bcp_case(FOSTERED, talk("2024-07-15"), PATHWAY_PLAN, child=SIXTEEN)
    assert findings(check(ok, BCP), STAYING_PUT_TALK) == []
    f = only(check(bcp_case(FOSTERED, PATHWAY_PLAN, talk("2024-07-16"), child=SIXTEEN), BCP), rule=STAYING_PUT_TALK)
    assert (f.kind, f.due) == ("missing", "2024-07-15")


def test_staying_put_discussion_not_owed_outside_foster_care():
    home = ("2022-06-01", "looked_after_started", {"legal_status": "C2", "placement_type": "R1"})
    assert findings(check(bcp_case(home, PATHWAY_PLAN, child=SIXTEEN), BCP), STAYING_PUT_TALK) == []


def test_staying_put_offered_before_foster_care_ends_at_18():
    # 18 on Wed 31 Jul 2024; care ends that day in foster care.
    child = {"date_of_birth": "2006-07-31"}
    start = ("2020-01-06", "looked_after_started", {"legal_status": "C2", "placement_type": "U4"})
    ended = ("2024-07-31", "looked_after_ended", {"reason": "E8"})
    ok = bcp_case(start, talk("2024-06-03", "staying_put_offer"), ended, child=child)
    assert findings(check(ok, BCP), STAYING_PUT_OFFER) == []
    f = only(check(bcp_case(start, ended, child=child), BCP), rule=STAYING_PUT_OFFER)
    assert (f.kind, f.due) == ("missing", "2024-07-31")
    # Care ending at 17 (Tue 30 Jul 2024, the day before the birthday) is not held to it.
    at_17 = ("2024-07-30", "looked_after_ended", {"reason": "E8"})
    assert findings(check(bcp_case(start, at_17, child=child), BCP), STAYING_PUT_OFFER) == []


PA_ALLOCATED = "bcp.leaving_care.pa_allocated_worker_by_18"


def test_personal_adviser_is_the_allocated_worker_by_18():
    # Eligible from Wed 10 Jan 2024; 18 on Wed 31 Jul 2024 (within 0 days: on the birthday).
    child = {"date_of_birth": "2006-07-31"}
    eligible = ("2024-01-10", "care_leaver_status_changed", {"status": "eligible"})
    to_lc = {"team": "leaving_care", **TM}
    ok = bcp_case(eligible, ("2024-07-31", "case_allocated", to_lc), child=child)
    assert findings(check(ok, BCP, as_of="2024-08-31"), PA_ALLOCATED) == []
    bad = bcp_case(eligible, ("2024-08-01", "case_allocated", to_lc), child=child)
    assert late(check(bad, BCP, as_of="2024-08-31"), PA_ALLOCATED) == ("late", "2024-07-31", days(1))


# --- casework: concerns shared, meeting invitations, reassessments, pregnancies -------------------
SHARED_3 = "bcp.casework.concerns_shared_with_chair_or_iro_3_working_days"
SHARED_1 = "bcp.casework.safeguarding_concerns_shared_with_chair_or_iro_1_working_day"
PROFESSIONAL = "bcp.lado.professional_concern_discussed_with_manager_1_working_day"


def concern(on, kind):
    return (on, "concern_identified", {"concern": kind, "by": "social_worker"})


def discussed(on, who, kind):
    return (on, "concern_discussed", {"concern": kind, "discussed_with": who, "by": "social_worker"})


def test_drift_shared_with_the_iro_within_three_working_days():
    # Mon 3 Jun 2024 + 3 working days = Thu 6 Jun; Fri 7 Jun is one working day late.
    assert findings(check(bcp_case(concern("2024-06-03", "drift"), discussed("2024-06-06", "iro", "drift")), BCP), SHARED_3) == []
    verdict = check(bcp_case(concern("2024-06-03", "drift"), discussed("2024-06-07", "iro", "drift")), BCP)
    assert late(verdict, SHARED_3) == ("late", "2024-06-06", wd(1))
    with_tm = bcp_case(concern("2024-06-03", "drift"), discussed("2024-06-04", "team_manager", "drift"))
    assert kinds(check(with_tm, BCP, as_of="2024-06-30"), SHARED_3) == ["missing"]


def test_safeguarding_concern_shared_with_the_cp_chair_within_one_working_day():
    # Fri 24 May 2024 + 1 working day: Mon 27 May is a bank holiday, so Tue 28 May; Wed 29 is late.
    ok = bcp_case(concern("2024-05-24", "safeguarding"), discussed("2024-05-28", "cp_chair", "safeguarding"))
    assert findings(check(ok, BCP), SHARED_1) == [] and findings(check(ok, BCP), SHARED_3) == []
    verdict = check(bcp_case(concern("2024-05-24", "safeguarding"), discussed("2024-05-29", "cp_chair", "safeguarding")), BCP)
    assert late(verdict, SHARED_1) == ("late", "2024-05-28", wd(1))


def test_concern_about_a_professional_discussed_with_the_line_manager_within_one_working_day():
    # Fri 24 May 2024 + 1 working day = Tue 28 May (Mon 27 May bank holiday); Wed 29 May is late.
    ok = bcp_case(concern("2024-05-24", "professional"), discussed("2024-05-28", "team_manager", "professional"))
    assert findings(check(ok, BCP), PROFESSIONAL) == []
    verdict = check(bcp_case(concern("2024-05-24", "professional"), discussed("2024-05-29", "team_manager", "professional")), BCP)
    assert late(verdict, PROFESSIONAL) == ("late", "2024-05-28", wd(1))


NOTICE = "bcp.casework.family_given_one_week_notice_of_meetings"
CHILD_INVITED = "bcp.casework.child_11_plus_invited_to_meetings"
FNM = ("2024-06-10", "meeting_held", {"meeting": "family_network"})   # Mon 10 Jun 2024


def invitation(on, to):
    return (on, "document_shared", {"document": "meeting_invitation", "recipient": to})


def test_family_given_a_week_of_notice_of_a_meeting():
    # Meeting Mon 10 Jun 2024 - 1 week = Mon 3 Jun; an invitation on Tue 4 Jun is a day late.
    assert findings(check(bcp_case(invitation("2024-06-03", "family"), FNM), BCP), NOTICE) == []
    verdict = check(bcp_case(invitation("2024-06-04", "family"), FNM), BCP)
    assert late(verdict, NOTICE) == ("late", "2024-06-03", days(1))
    professionals = ("2024-06-10", "meeting_held", {"meeting": "professionals"})
    assert findings(check(bcp_case(professionals), BCP), NOTICE) == []


def test_child_of_11_invited_to_a_meeting():
    eleven = {"date_of_birth": "2013-01-01"}
    ok = bcp_case(invitation("2024-06-10", "child"), FNM, child=eleven)   # the same day: lead 0 days
    assert findings(check(ok, BCP), CHILD_INVITED) == []
    f = only(check(bcp_case(invitation("2024-06-03", "family"), FNM, child=eleven), BCP), rule=CHILD_INVITED)
    assert (f.kind, f.due) == ("missing", "2024-06-10")
    ten = {"date_of_birth": "2014-01-01"}
    assert findings(check(bcp_case(FNM, child=ten), BCP), CHILD_INVITED) == []


REASSESSMENT = "bcp.assessment.oversight_10_working_days_after_reassessment_allocation"


def test_oversight_within_ten_working_days_of_allocation_for_a_reassessment():
    # Mon 3 Jun 2024 + 10 working days: Tue 4 (1) ... Fri 7 (4), Mon 10 - Fri 14 (5-9), Mon 17 Jun (10).
    allocated = ("2024-06-03", "case_allocated", {"team": "other", "reassessment": True, **TM})
    mo = {"subject": "allocation", **TM}
    assert findings(check(bcp_case(allocated, ("2024-06-17", "management_oversight_recorded", mo)), BCP),
                    REASSESSMENT) == []
    verdict = check(bcp_case(allocated, ("2024-06-18", "management_oversight_recorded", mo)), BCP)
    assert late(verdict, REASSESSMENT) == ("late", "2024-06-17", wd(1))
    first_time = ("2024-06-03", "case_allocated", {"team": "other", "reassessment": False, **TM})
    assert findings(check(bcp_case(first_time), BCP, as_of="2024-07-31"), REASSESSMENT) == []


UNBORN = "bcp.pre_birth.unborn_record_created_3_working_days"


def test_unborn_record_created_within_three_working_days_of_discovering_a_pregnancy():
    # Thu 23 May 2024 + 3 working days: Fri 24 (1), [Mon 27 bank holiday], Tue 28 (2), Wed 29 May (3).
    found = ("2024-05-23", "pregnancy_discovered", {"by": "social_worker"})
    record = {"subject": "unborn_child_record"}
    assert findings(check(bcp_case(found, ("2024-05-29", "record_updated", record)), BCP), UNBORN) == []
    verdict = check(bcp_case(found, ("2024-05-30", "record_updated", record)), BCP)
    assert late(verdict, UNBORN) == ("late", "2024-05-29", wd(1))


REG24_FIRST = "bcp.fostering.connected_carer_approved_2_working_days_after_first_placement"
REG24_MOVE = "bcp.fostering.connected_carer_approved_2_working_days_after_placement_change"
WITH_CONNECTED = {"legal_status": "C2", "placement_type": "U1", "arrangement": "connected_person_temporary"}


def test_connected_carer_approved_within_two_working_days_of_placement():
    # Placed Mon 3 Jun 2024 + 2 working days = Wed 5 Jun; approved Thu 6 Jun is one working day late.
    placed = ("2024-06-03", "looked_after_started", WITH_CONNECTED)
    assert findings(check(bcp_case(placed, ("2024-06-05", "connected_person_approved", SM)), BCP), REG24_FIRST) == []
    verdict = check(bcp_case(placed, ("2024-06-06", "connected_person_approved", SM)), BCP)
    assert late(verdict, REG24_FIRST) == ("late", "2024-06-05", wd(1))


def test_connected_carer_approved_before_the_placement_needs_nothing_more():
    # Approved Fri 31 May 2024, placed Mon 3 Jun: the assessment came first, no clock starts.
    c = bcp_case(("2024-05-31", "connected_person_approved", SM), ("2024-06-03", "looked_after_started", WITH_CONNECTED))
    assert findings(check(c, BCP, as_of="2024-07-31"), REG24_FIRST) == []


def test_connected_carer_approved_within_two_working_days_of_a_move():
    # Moved Fri 24 May 2024 + 2 working days: Mon 27 May bank holiday, Tue 28 (1), Wed 29 May (2).
    lac = ("2024-05-01", "looked_after_started", {"legal_status": "C2", "placement_type": "U4"})
    moved = ("2024-05-24", "placement_changed", {"placement_type": "U1", "arrangement": "connected_person_temporary"})
    assert findings(check(bcp_case(lac, moved, ("2024-05-29", "connected_person_approved", SM)), BCP), REG24_MOVE) == []
    verdict = check(bcp_case(lac, moved, ("2024-05-30", "connected_person_approved", SM)), BCP)
    assert late(verdict, REG24_MOVE) == ("late", "2024-05-29", wd(1))


# --- adoption: the child's permanence report before the IRH -------------------------------------
CPR = "bcp.adoption.permanence_report_one_month_before_irh"
ISSUED = ("2024-05-01", "care_proceedings_issued", {"order_sought": "care_order", **SM})
IRH = ("2024-09-16", "court_hearing_held", {"hearing": "issues_resolution", "placement_order_sought": True})


def test_permanence_report_completed_a_month_before_the_irh():
    # IRH Mon 16 Sep 2024 - 1 month = Fri 16 Aug; the report shared Sat 17 Aug is a day late.
    report = {"document": "child_permanence_report", "recipient": "court"}
    assert findings(check(bcp_case(ISSUED, ("2024-08-16", "document_shared", report), IRH), BCP), CPR) == []
    verdict = check(bcp_case(ISSUED, ("2024-08-17", "document_shared", report), IRH), BCP)
    assert late(verdict, CPR) == ("late", "2024-08-16", days(1))
    f = only(check(bcp_case(ISSUED, IRH), BCP), rule=CPR)
    assert (f.kind, f.due) == ("missing", "2024-08-16")


def test_no_permanence_report_owed_when_adoption_is_not_the_plan():
    irh = ("2024-09-16", "court_hearing_held", {"hearing": "issues_resolution", "placement_order_sought": False})
    assert findings(check(bcp_case(ISSUED, irh), BCP), CPR) == []


# --- transfers from the MASH, a changed conference view, seeing the child alone -------------------
SAME_DAY = "bcp.assessment.allocated_same_day_as_transfer_from_mash"
MASH = (("2024-06-03T09:00", "contact_received"),
        ("2024-06-03T10:00", "referral_decision", {"outcome": "assessment", **TM}))


def transferred(at):
    return (at, "case_transferred", {"team": "assessment", **TM})


def allocated(at):
    return (at, "case_allocated", {"team": "assessment", **TM})


def test_allocated_the_same_day_as_the_transfer_from_the_mash():
    # Transferred Mon 3 Jun 2024 11:00: allocated 15:00 the same day is in time; Tue 4 Jun a day late.
    ok = bcp_case(*MASH, transferred("2024-06-03T11:00"), allocated("2024-06-03T15:00"))
    assert findings(check(ok, BCP), SAME_DAY) == []
    verdict = check(bcp_case(*MASH, transferred("2024-06-03T11:00"), allocated("2024-06-04T09:00")), BCP)
    assert late(verdict, SAME_DAY) == ("late", "2024-06-03", days(1))


def test_allocated_within_a_working_day_of_an_out_of_hours_transfer():
    # Reading out_of_hours: transferred Fri 7 Jun 2024 + 1 working day = Mon 10 Jun; Tue 11 Jun is late.
    policy = load_policy("bcp", {SAME_DAY: "out_of_hours"})
    mash = (("2024-06-07T17:00", "contact_received"), ("2024-06-07T18:00", "referral_decision", {"outcome": "assessment", **TM}))
    ok = bcp_case(*mash, transferred("2024-06-07T19:00"), allocated("2024-06-10T09:00"), policy=policy)
    assert findings(check(ok, policy), SAME_DAY) == []
    bad = bcp_case(*mash, transferred("2024-06-07T19:00"), allocated("2024-06-11T09:00"), policy=policy)
    assert late(check(bad, policy), SAME_DAY) == ("late", "2024-06-10", wd(1))


def test_a_transfer_without_a_front_door_decision_is_not_timed_here():
    assert findings(check(bcp_case(transferred("2024-06-03T11:00")), BCP, as_of="2024-06-30"), SAME_DAY) == []


VIEW_CHANGED = "bcp.child_protection.changed_view_fed_back_1_working_day"


def test_changed_conference_view_fed_back_to_the_line_manager_within_one_working_day():
    # View changed at the ICPC Fri 7 Jun 2024 + 1 working day = Mon 10 Jun; Tue 11 Jun is late.
    changed = ("2024-06-07", "concern_identified", {"concern": "view_changed", "by": "social_worker"})

    def feedback(on):
        return (on, "concern_discussed", {"concern": "view_changed", "discussed_with": "team_manager", "by": "social_worker"})
    assert findings(check(bcp_case(*CP_START, ICPC, changed, feedback("2024-06-10")), BCP), VIEW_CHANGED) == []
    verdict = check(bcp_case(*CP_START, ICPC, changed, feedback("2024-06-11")), BCP)
    assert late(verdict, VIEW_CHANGED) == ("late", "2024-06-10", wd(1))


SEEN_ALONE = "bcp.child_protection.seen_alone_every_10_working_days"
EIGHT = {"date_of_birth": "2016-01-01"}
THREE = {"date_of_birth": "2021-01-01"}


@pytest.mark.parametrize("visit, child, expected", [
    ({"seen": True, "seen_alone": True}, EIGHT, []),
    ({"seen": True, "seen_alone": False, "not_seen_alone_reason": "not_competent"}, EIGHT, []),
    ({"seen": True, "seen_alone": False}, THREE, []),                 # under four
    ({"seen": True, "seen_alone": False}, EIGHT, ["missing"]),
    ({"seen": True, "seen_alone": False, "not_seen_alone_reason": "refused"}, EIGHT, ["missing"]),
])
def test_child_on_a_plan_seen_alone_every_10_working_days(visit, child, expected):
    # Plan Fri 7 Jun 2024 + 10 working days: Mon 10 - Fri 14 (1-5), Mon 17 - Fri 21 Jun (6-10). The
    # only visit is on Fri 21 Jun; as of Mon 24 Jun a visit that does not count leaves it missing.
    c = bcp_case(*CP_START, ICPC, PLAN, ("2024-06-21", "visit", {"purpose": "cp", **visit}), child=child)
    assert kinds(check(c, BCP, as_of="2024-06-24"), SEEN_ALONE) == expected


def test_an_assessment_shared_before_the_enquiry_does_not_serve_the_icpc():
    # Shared Mon 13 May 2024, before the section 47 enquiry of Mon 20 May: it is not the conference's.
    c = bcp_case(("2024-05-13", "document_shared", TO_FAMILY), *CP_START, ICPC)
    assert kinds(check(c, BCP), ASSESSMENT_SHARED) == ["missing"]


DETAILS = "bcp.looked_after.complaints_and_advocacy_details_by_first_visit"
PACK = {"document": "coming_into_care_pack", "recipient": "child"}
FIRST_VISIT = {"purpose": "looked_after", "seen": True, "first_in_care_period": True}


def test_complaints_and_advocacy_details_given_by_the_first_visit():
    # In care Mon 1 Jul 2024, first visit Wed 3 Jul: details given that day are in time (lead 0 days).
    ok = bcp_case(LAC, ("2024-07-03", "document_shared", PACK), ("2024-07-03", "visit", FIRST_VISIT))
    assert findings(check(ok, BCP), DETAILS) == []
    f = only(check(bcp_case(LAC, ("2024-07-03", "visit", FIRST_VISIT), ("2024-07-04", "document_shared", PACK)), BCP),
             rule=DETAILS)
    assert (f.kind, f.due) == ("missing", "2024-07-03")


def test_later_visits_need_no_fresh_details():
    later = {"purpose": "looked_after", "seen": True, "first_in_care_period": False}
    c = bcp_case(LAC, ("2024-07-02", "document_shared", PACK), ("2024-07-03", "visit", FIRST_VISIT),
                 ("2024-07-10", "visit", later))
    assert findings(check(c, BCP), DETAILS) == []


CCC = "bcp.child_in_need.continuing_care_checklist_at_16"
DISABLED_16 = {"date_of_birth": "2008-03-15"}     # 16 on Fri 15 Mar 2024
OPEN_TO_CHAD = ("2023-01-10", "service_started", {"service": "family_support", **TM})


def ccc(on):
    return (on, "referral_made", {"to": "continuing_health_care", "by": "social_worker"})


def test_continuing_care_checklist_while_the_disabled_child_is_16():
    # 16th birthday Fri 15 Mar 2024 + 1 year = Sat 15 Mar 2025; Mon 17 Mar 2025 is two days late.
    ok = bcp_case(OPEN_TO_CHAD, ccc("2025-03-15"), child=DISABLED_16)
    assert findings(check(ok, BCP, as_of="2025-04-30"), CCC) == []
    verdict = check(bcp_case(OPEN_TO_CHAD, ccc("2025-03-17"), child=DISABLED_16), BCP, as_of="2025-04-30")
    assert late(verdict, CCC) == ("late", "2025-03-15", days(2))


def test_no_checklist_owed_for_a_child_not_open_to_the_disabled_childrens_service():
    c = bcp_case(("2023-01-10", "contact_received"), child=DISABLED_16)
    assert findings(check(c, BCP, as_of="2025-04-30"), CCC) == []


APPLICATION_DECISION = "bcp.adoption.application_decision_by_second_review"
ADOPTION = (("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"}),
            ("2024-02-05", "placement_authorised", {"basis": "placement_order"}),
            ("2024-05-06", "placed_for_adoption", {"authority": "placement_order"}),
            ("2024-05-31", "adoption_review_held"))   # Fri 31 May 2024, the first since the placement
DECISION = {"subject": "adoption_application_decision", **TM}


def test_application_decision_within_three_months_of_the_first_review():
    # First review Fri 31 May 2024 + 3 months = Sat 31 Aug 2024; Mon 2 Sep is two days late.
    ok = bcp_case(*ADOPTION, ("2024-08-31", "management_oversight_recorded", DECISION))
    assert findings(check(ok, BCP), APPLICATION_DECISION) == []
    verdict = check(bcp_case(*ADOPTION, ("2024-09-02", "management_oversight_recorded", DECISION)), BCP)
    assert late(verdict, APPLICATION_DECISION) == ("late", "2024-08-31", days(2))


def test_the_second_review_does_not_start_another_clock():
    # Decision Fri 30 Aug 2024; the second review Fri 30 Aug and a third Thu 27 Feb 2025 need none more.
    c = bcp_case(*ADOPTION, ("2024-08-30", "management_oversight_recorded", DECISION),
                 ("2024-08-30", "adoption_review_held"),
                 ("2025-02-27", "adoption_review_held"))
    assert findings(check(c, BCP, as_of="2025-12-31"), APPLICATION_DECISION) == []
