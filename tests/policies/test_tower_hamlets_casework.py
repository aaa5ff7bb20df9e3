"""Tower Hamlets (seed 004), third pass: rules made checkable by the casework events.

A compliant and a breaching history per rule; every expected date is counted by hand in a comment,
never with journey's calendar. 2024 bank holidays in England: 1 Jan, 29 Mar (Good Friday), 1 Apr
(Easter Monday), 6 May, 27 May, 26 Aug, 25 and 26 Dec; 2025: 1 Jan.
"""

from __future__ import annotations

from conftest import case, check, findings, late

from journey.spec.load import load_policy

TH = load_policy("tower_hamlets")
TM = {"by": "team_manager"}
W = "tower_hamlets.workforce."
SUPERVISION_NOTE = {"subject": "supervision"}


def th_case(*events, policy=TH):
    return case(*events, policy=policy)


def cp_plan(*later, policy=TH):
    """Strategy discussion Tue 12 Mar 2024, s47, ICPC and child protection plan on Thu 4 Apr 2024."""
    return th_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                   ("2024-04-04", "icpc_held", {"outcome": "cp_plan"}),
                   ("2024-04-04", "cp_plan_started"), *later, policy=policy)


def cin_plan(*later, policy=TH):
    """A child in need plan from Mon 1 Jul 2024."""
    return th_case(("2024-07-01", "cin_plan_started"), *later, policy=policy)


# --- supervision and recording (workforce.yaml) -----------------------------------------------------

SUP_RECORDED = W + "supervision_recorded_within_1_working_day"
CP_SUPERVISED = W + "cp_child_discussed_in_supervision_monthly"
CIN_SUPERVISED = W + "cin_child_discussed_in_supervision_monthly"
CP_NOTE = W + "cp_supervision_case_note_every_4_weeks"
CIN_NOTE = W + "cin_supervision_case_note_every_4_weeks"


def test_supervision_recorded_on_the_file_within_one_working_day():
    # Supervision Thu 28 Mar 2024: Fri 29 Mar (Good Friday), the weekend and Mon 1 Apr (Easter
    # Monday) are not working days; the first working day is Tue 2 Apr.
    def history(recorded, subject="supervision"):
        return th_case(("2024-03-28", "case_supervision_held", TM),
                       (recorded, "record_updated", {"subject": subject}))
    assert findings(check(history("2024-04-02"), TH), SUP_RECORDED) == []
    assert late(check(history("2024-04-03"), TH), SUP_RECORDED) == (
        "late", "2024-04-02", {"value": 1, "unit": "working_days"})


def test_a_record_of_something_else_is_not_the_supervision_record():
    history = th_case(("2024-03-28", "case_supervision_held", TM),
                      ("2024-04-02", "record_updated", {"subject": "visit"}),
                      ("2024-04-03", "record_updated", SUPERVISION_NOTE))
    assert late(check(history, TH), SUP_RECORDED) == ("late", "2024-04-02", {"value": 1, "unit": "working_days"})


def test_a_child_on_a_cp_plan_discussed_in_supervision_monthly():
    # Plan Thu 4 Apr 2024: first supervision due a month later, Sat 4 May; then Fri 3 May + 1 month
    # = Mon 3 Jun (calendar months: the bank holidays of 6 and 27 May do not count).
    ok = cp_plan(("2024-05-03", "case_supervision_held", TM), ("2024-06-03", "case_supervision_held", TM))
    assert findings(check(ok, TH), CP_SUPERVISED) == []
    gap = cp_plan(("2024-05-03", "case_supervision_held", TM), ("2024-06-04", "case_supervision_held", TM))
    assert late(check(gap, TH), CP_SUPERVISED) == ("gap", "2024-06-03", {"value": 1, "unit": "days"})


def test_the_first_supervision_on_a_cp_plan_within_a_month():
    # Plan Thu 4 Apr 2024 + 1 month = Sat 4 May; a supervision on Mon 6 May is 2 days late.
    assert late(check(cp_plan(("2024-05-06", "case_supervision_held", TM)), TH), CP_SUPERVISED) == (
        "gap", "2024-05-04", {"value": 2, "unit": "days"})


def test_cp_supervision_read_as_every_four_weeks():
    # Plan Thu 4 Apr 2024 + 28 days = Thu 2 May; Fri 3 May is a day late under this reading.
    policy = load_policy("tower_hamlets", {CP_SUPERVISED: "four_weeks"})
    ok = cp_plan(("2024-05-02", "case_supervision_held", TM), policy=policy)
    assert findings(check(ok, policy), CP_SUPERVISED) == []
    bad = cp_plan(("2024-05-03", "case_supervision_held", TM), policy=policy)
    assert late(check(bad, policy), CP_SUPERVISED) == ("gap", "2024-05-02", {"value": 1, "unit": "days"})


def test_a_child_on_a_cin_plan_discussed_in_supervision_monthly():
    # Plan Mon 1 Jul 2024 + 1 month = Thu 1 Aug; Fri 2 Aug is a day late.
    assert findings(check(cin_plan(("2024-08-01", "case_supervision_held", TM)), TH), CIN_SUPERVISED) == []
    assert late(check(cin_plan(("2024-08-02", "case_supervision_held", TM)), TH), CIN_SUPERVISED) == (
        "gap", "2024-08-01", {"value": 1, "unit": "days"})


def test_cp_supervision_case_note_every_four_weeks():
    # Plan Thu 4 Apr 2024 + 28 days = Thu 2 May; + 28 days = Thu 30 May; Fri 31 May is a day late.
    def history(second):
        return cp_plan(("2024-05-02", "record_updated", SUPERVISION_NOTE), (second, "record_updated", SUPERVISION_NOTE))
    assert findings(check(history("2024-05-30"), TH), CP_NOTE) == []
    assert late(check(history("2024-05-31"), TH), CP_NOTE) == ("gap", "2024-05-30", {"value": 1, "unit": "days"})


def test_cin_supervision_case_note_every_four_weeks():
    # Plan Mon 1 Jul 2024 + 28 days = Mon 29 Jul; a note on Tue 30 Jul is a day late, and a visit
    # record on 29 Jul is not a supervision case note.
    assert findings(check(cin_plan(("2024-07-29", "record_updated", SUPERVISION_NOTE)), TH), CIN_NOTE) == []
    bad = cin_plan(("2024-07-29", "record_updated", {"subject": "visit"}),
                   ("2024-07-30", "record_updated", SUPERVISION_NOTE))
    assert late(check(bad, TH), CIN_NOTE) == ("gap", "2024-07-29", {"value": 1, "unit": "days"})


# --- looked after (looked_after.yaml) --------------------------------------------------------------

L = "tower_hamlets.looked_after."
IHA_PAPERWORK = L + "iha_paperwork_to_admin_within_4_days"
PROFESSIONALS = L + "professionals_informed_of_legal_status_within_5_working_days"
IRO_MIDWAY = L + "iro_meets_social_worker_6_weeks_after_review"


def lac(start: str, *later, status: str = "C2", policy=TH):
    return th_case((start, "looked_after_started", {"legal_status": status}), *later, policy=policy)


def shared(at: str, recipient: str, document: str = "other"):
    return (at, "document_shared", {"document": document, "recipient": recipient})


def test_iha_paperwork_to_admin_within_four_days():
    # In care Thu 23 May 2024 + 4 calendar days = Mon 27 May (a bank holiday, but these are
    # calendar days); Tue 28 May is a day late. A document sent to the IRO does not count.
    assert findings(check(lac("2024-05-23", shared("2024-05-27", "admin")), TH), IHA_PAPERWORK) == []
    bad = lac("2024-05-23", shared("2024-05-27", "iro"), shared("2024-05-28", "admin"))
    assert late(check(bad, TH), IHA_PAPERWORK) == ("late", "2024-05-27", {"value": 1, "unit": "days"})


def test_iha_forms_within_four_working_days_under_line_508():
    # In care Thu 23 May 2024: Fri 24 (1), Mon 27 May bank holiday, Tue 28 (2), Wed 29 (3), Thu 30 (4).
    policy = load_policy("tower_hamlets", {IHA_PAPERWORK: "working_days"})
    assert findings(check(lac("2024-05-23", shared("2024-05-30", "admin"), policy=policy), policy), IHA_PAPERWORK) == []
    assert late(check(lac("2024-05-23", shared("2024-05-31", "admin"), policy=policy), policy), IHA_PAPERWORK) == (
        "late", "2024-05-30", {"value": 1, "unit": "working_days"})


def test_iha_paperwork_not_required_for_short_breaks():
    assert findings(check(lac("2024-05-23", shared("2024-06-28", "admin"), status="V3"), TH), IHA_PAPERWORK) == []


def test_professionals_informed_of_legal_status_within_five_working_days():
    # In care Fri 22 Mar 2024: Mon 25 (1), Tue 26 (2), Wed 27 (3), Thu 28 (4); Fri 29 Mar (Good
    # Friday) and Mon 1 Apr (Easter Monday) are bank holidays; Tue 2 Apr (5).
    assert findings(check(lac("2024-03-22", shared("2024-04-02", "professionals")), TH), PROFESSIONALS) == []
    assert late(check(lac("2024-03-22", shared("2024-04-03", "professionals")), TH), PROFESSIONALS) == (
        "late", "2024-04-02", {"value": 1, "unit": "working_days"})


def reviewed(*later):
    # In care Mon 3 Jun 2024, care plan Wed 5 Jun, first review Fri 28 Jun; + 6 weeks = Fri 9 Aug.
    return lac("2024-06-03", ("2024-06-05", "care_plan_prepared"), ("2024-06-28", "lac_review_held"), *later)


def test_iro_meets_the_social_worker_six_weeks_after_the_review():
    ok = reviewed(("2024-08-09", "meeting_held", {"meeting": "professionals", "by": "iro"}))
    assert findings(check(ok, TH), IRO_MIDWAY) == []
    # A meeting held by the social worker on 9 Aug is not the IRO's; the IRO's on Mon 12 Aug is 3 days late.
    bad = reviewed(("2024-08-09", "meeting_held", {"meeting": "professionals", "by": "social_worker"}),
                   ("2024-08-12", "meeting_held", {"meeting": "professionals", "by": "iro"}))
    assert late(check(bad, TH), IRO_MIDWAY) == ("late", "2024-08-09", {"value": 3, "unit": "days"})


# --- pre-proceedings (court.yaml) -----------------------------------------------------------------

PPM_MINUTES = "tower_hamlets.pre_proceedings.meeting_minutes_shared_within_5_days"


def ppm(*later, policy=TH):
    # Legal planning meeting Wed 5 Jun 2024, letter Fri 7 Jun, initial meeting Fri 14 Jun 2024.
    return th_case(("2024-06-05", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                   ("2024-06-07", "letter_before_proceedings_sent"),
                   ("2024-06-14", "pre_proceedings_meeting_held", {"meeting": "initial"}), *later, policy=policy)


def test_pre_proceedings_minutes_shared_within_five_days():
    # Fri 14 Jun 2024 + 5 days = Wed 19 Jun; Thu 20 Jun is a day late. Minutes sent only to the
    # professionals do not count.
    assert findings(check(ppm(shared("2024-06-19", "family")), TH), PPM_MINUTES) == []
    bad = ppm(shared("2024-06-18", "professionals"), shared("2024-06-20", "family"))
    assert late(check(bad, TH), PPM_MINUTES) == ("late", "2024-06-19", {"value": 1, "unit": "days"})


def test_review_meeting_minutes_and_closing_letter_within_five_days():
    # Review meeting Fri 26 Jul 2024 + 5 days = Wed 31 Jul; a closing letter on Thu 1 Aug is a day late.
    def history(letter):
        return ppm(shared("2024-06-18", "family"),
                   ("2024-07-26", "pre_proceedings_meeting_held", {"meeting": "review"}),
                   shared(letter, "family", "outcome_letter"))
    assert findings(check(history("2024-07-31"), TH), PPM_MINUTES) == []
    assert late(check(history("2024-08-01"), TH), PPM_MINUTES) == ("late", "2024-07-31", {"value": 1, "unit": "days"})


def test_pre_proceedings_minutes_within_five_working_days():
    # Fri 14 Jun 2024: Mon 17 (1), Tue 18 (2), Wed 19 (3), Thu 20 (4), Fri 21 Jun (5).
    policy = load_policy("tower_hamlets", {PPM_MINUTES: "working_days"})
    assert findings(check(ppm(shared("2024-06-21", "family"), policy=policy), policy), PPM_MINUTES) == []
    assert late(check(ppm(shared("2024-06-24", "family"), policy=policy), policy), PPM_MINUTES) == (
        "late", "2024-06-21", {"value": 1, "unit": "working_days"})


LAC_SUPERVISED = W + "looked_after_child_discussed_in_supervision_monthly"
LAC_NOTE = W + "looked_after_supervision_case_note_every_4_weeks"


def test_a_looked_after_child_discussed_in_supervision_monthly():
    # In care Mon 3 Jun 2024 + 1 month = Wed 3 Jul; then Wed 3 Jul + 1 month = Sat 3 Aug.
    ok = lac("2024-06-03", ("2024-07-03", "case_supervision_held", TM), ("2024-08-03", "case_supervision_held", TM))
    assert findings(check(ok, TH), LAC_SUPERVISED) == []
    bad = lac("2024-06-03", ("2024-07-03", "case_supervision_held", TM), ("2024-08-05", "case_supervision_held", TM))
    assert late(check(bad, TH), LAC_SUPERVISED) == ("gap", "2024-08-03", {"value": 2, "unit": "days"})


def test_a_looked_after_child_supervision_case_note_every_four_weeks():
    # In care Mon 3 Jun 2024 + 28 days = Mon 1 Jul; a note on Tue 2 Jul is a day late.
    assert findings(check(lac("2024-06-03", ("2024-07-01", "record_updated", SUPERVISION_NOTE)), TH), LAC_NOTE) == []
    assert late(check(lac("2024-06-03", ("2024-07-02", "record_updated", SUPERVISION_NOTE)), TH), LAC_NOTE) == (
        "gap", "2024-07-01", {"value": 1, "unit": "days"})
