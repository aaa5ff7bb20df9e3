"""Tower Hamlets (seed 004), second pass: missing, private fostering, adoption, short breaks, court,
leaving care and pre-birth rules. A compliant and a breaching history per rule; every expected
date is counted by hand in a comment. 2024 bank holidays in England: 1 Jan, 29 Mar, 1 Apr, 6 May,
27 May, 26 Aug, 25 and 26 Dec. 3 June 2024 is a Monday.
"""

from __future__ import annotations

from conftest import case, check, only, findings, late

from journey.spec.load import load_policy

TH = load_policy("tower_hamlets")
P = "tower_hamlets."


def th_case(*events, policy=TH, child=None):
    return case(*events, policy=policy, child=child)


# --- missing ----------------------------------------------------------------------------------------------

MISSING_VISIT = P + "missing.visit_within_72_hours_of_return"


def returned(visit, policy=TH):
    return th_case(("2024-06-03T20:00", "missing_started", {"episode": "missing"}),
                   ("2024-06-04T10:00" if "T" in visit else "2024-06-04", "missing_ended"),
                   (visit, "visit", {"seen": True, "purpose": "other"}), policy=policy)


def test_visit_within_72_hours_of_return():
    # Returned Tue 4 Jun 2024 10:00 + 72 hours = Fri 7 Jun 10:00; 12:00 is two hours late.
    assert findings(check(returned("2024-06-07T09:00"), TH), MISSING_VISIT) == []
    assert late(check(returned("2024-06-07T12:00"), TH), MISSING_VISIT) == (
        "late", "2024-06-07T10:00", {"value": 2, "unit": "hours"})


def test_visit_within_three_days_of_return():
    # Returned Tue 4 Jun 2024 + 3 days = Fri 7 Jun; Sat 8 Jun is a day late.
    policy = load_policy("tower_hamlets", {MISSING_VISIT: "three_days"})
    assert findings(check(returned("2024-06-07", policy), policy), MISSING_VISIT) == []
    assert late(check(returned("2024-06-08", policy), policy), MISSING_VISIT) == ("late", "2024-06-07", {"value": 1, "unit": "days"})


# --- private fostering ------------------------------------------------------------------------------------

PF_FIRST = P + "private_fostering.visit_within_1_week"
PF_VISITS = P + "private_fostering.visits_every_4_weeks"
PFV = {"purpose": "private_fostering", "seen": True}


def existing(*later, policy=TH):
    return th_case(("2024-06-03", "private_fostering_notified", {"arrangement": "existing"}), *later, policy=policy)


def test_private_fostering_visit_within_one_week_of_notification():
    # Notified Mon 3 Jun 2024 + 1 week = Mon 10 Jun (the England 7 working days would be Wed 12 Jun).
    assert findings(check(existing(("2024-06-10", "visit", PFV)), TH), PF_FIRST) == []
    assert late(check(existing(("2024-06-11", "visit", PFV)), TH), PF_FIRST) == ("late", "2024-06-10", {"value": 1, "unit": "days"})


def test_private_fostering_visit_within_one_week_of_placement():
    # Proposed arrangement notified Mon 3 Jun 2024, child placed Mon 15 Jul + 1 week = Mon 22 Jul.
    policy = load_policy("tower_hamlets", {PF_FIRST: "from_placement"})

    def history(visit):
        return th_case(("2024-06-03", "private_fostering_notified", {"arrangement": "proposed"}),
                       ("2024-07-15", "private_fostering_started"), (visit, "visit", PFV), policy=policy)
    assert findings(check(history("2024-07-22"), policy), PF_FIRST) == []
    assert late(check(history("2024-07-23"), policy), PF_FIRST) == ("late", "2024-07-22", {"value": 1, "unit": "days"})


def test_private_fostering_visits_every_four_weeks():
    # Visit Mon 10 Jun 2024 + 28 days = Mon 8 Jul.
    assert findings(check(existing(("2024-06-10", "visit", PFV), ("2024-07-08", "visit", PFV)), TH), PF_VISITS) == []
    assert late(check(existing(("2024-06-10", "visit", PFV), ("2024-07-09", "visit", PFV)), TH), PF_VISITS) == (
        "gap", "2024-07-08", {"value": 1, "unit": "days"})


# --- adoption ---------------------------------------------------------------------------------------------

ADOPTION_VISITS = P + "adoption.weekly_visits_until_first_review"
LAC = {"purpose": "looked_after", "seen": True}


def placed(*visits):
    return th_case(("2024-04-02", "adoption_decision_made", {"decision": "should_be_placed"}),
                   ("2024-05-01", "placement_authorised", {"basis": "placement_order"}),
                   ("2024-06-03", "placed_for_adoption", {"authority": "placement_order"}),
                   *[(v, "visit", LAC) for v in visits])


def test_adoption_visits_within_seven_days_and_weekly():
    # Placed Mon 3 Jun 2024 + 7 days = Mon 10 Jun; then + 7 days = Mon 17 Jun.
    assert findings(check(placed("2024-06-10", "2024-06-17"), TH), ADOPTION_VISITS) == []
    assert late(check(placed("2024-06-11"), TH), ADOPTION_VISITS) == ("gap", "2024-06-10", {"value": 1, "unit": "days"})
    assert late(check(placed("2024-06-10", "2024-06-18"), TH), ADOPTION_VISITS) == (
        "gap", "2024-06-17", {"value": 1, "unit": "days"})


# --- short breaks -----------------------------------------------------------------------------------------

SB_VISITS = P + "short_breaks.visits_7_days_3_months_then_6_monthly"
SB_REVIEWS = P + "short_breaks.plan_reviewed_3_months_then_12_monthly"


def short_breaks(*later):
    return th_case(("2024-06-03", "looked_after_started", {"legal_status": "V3"}), *later)


def test_short_break_first_visit_within_seven_days():
    # First short break Mon 3 Jun 2024 + 7 days = Mon 10 Jun.
    assert findings(check(short_breaks(("2024-06-10", "visit", LAC)), TH), SB_VISITS) == []
    assert late(check(short_breaks(("2024-06-11", "visit", LAC)), TH), SB_VISITS) == (
        "gap", "2024-06-10", {"value": 1, "unit": "days"})


def test_short_break_second_visit_within_three_months_then_six_monthly():
    # Visit Fri 7 Jun 2024 + 3 months = Sat 7 Sep; Mon 9 Sep is two days late.
    assert late(check(short_breaks(("2024-06-07", "visit", LAC), ("2024-09-09", "visit", LAC)), TH), SB_VISITS) == (
        "gap", "2024-09-07", {"value": 2, "unit": "days"})
    # Visit Fri 6 Sep 2024 (more than 3 months after the start on 3 Jun): + 6 months = Thu 6 Mar 2025.
    def history(third):
        return short_breaks(("2024-06-07", "visit", LAC), ("2024-09-06", "visit", LAC), (third, "visit", LAC))
    assert findings(check(history("2025-03-06"), TH), SB_VISITS) == []
    assert late(check(history("2025-03-07"), TH), SB_VISITS) == ("gap", "2025-03-06", {"value": 1, "unit": "days"})


def test_short_break_plan_reviewed_within_three_months_then_yearly():
    # Mon 3 Jun 2024 + 3 months = Tue 3 Sep 2024; then + 12 months = Wed 3 Sep 2025.
    assert findings(check(short_breaks(("2024-09-03", "lac_review_held"), ("2025-09-03", "lac_review_held")), TH),
                    SB_REVIEWS) == []
    assert late(check(short_breaks(("2024-09-04", "lac_review_held")), TH), SB_REVIEWS) == (
        "gap", "2024-09-03", {"value": 1, "unit": "days"})
    assert late(check(short_breaks(("2024-09-03", "lac_review_held"), ("2025-09-04", "lac_review_held")), TH),
                SB_REVIEWS) == ("gap", "2025-09-03", {"value": 1, "unit": "days"})


# --- court ------------------------------------------------------------------------------------------------

SO_VISITS = P + "supervision_order.visits_every_28_days"
LBP = P + "pre_proceedings.letter_before_proceedings_within_5_days"
INITIAL_PPM = P + "pre_proceedings.initial_meeting_within_10_days"
REVIEW_MAX = P + "pre_proceedings.review_meeting_within_8_weeks"
REVIEW_MIN = P + "pre_proceedings.review_meeting_not_before_6_weeks"
ISSUE_AFTER_PP = P + "pre_proceedings.application_within_10_days_of_decision_to_issue"
ISSUE_AFTER_LPM = P + "care_proceedings.application_within_10_days_of_lpm"


def test_supervision_order_visits_every_28_days():
    # Order Mon 3 Jun 2024 + 28 days = Mon 1 Jul.
    def history(visit):
        return th_case(("2024-06-03", "final_order_made", {"order": "supervision_order"}),
                       (visit, "visit", {"seen": True, "purpose": "cin"}))
    assert findings(check(history("2024-07-01"), TH), SO_VISITS) == []
    assert late(check(history("2024-07-02"), TH), SO_VISITS) == ("gap", "2024-07-01", {"value": 1, "unit": "days"})


def lpm(*later, outcome="pre_proceedings", policy=TH):
    # Legal planning meeting Wed 5 Jun 2024.
    return th_case(("2024-06-05", "legal_planning_meeting_held", {"outcome": outcome}), *later, policy=policy)


def test_letter_before_proceedings_within_five_days():
    # Wed 5 Jun 2024 + 5 days = Mon 10 Jun.
    assert findings(check(lpm(("2024-06-10", "letter_before_proceedings_sent")), TH), LBP) == []
    assert late(check(lpm(("2024-06-11", "letter_before_proceedings_sent")), TH), LBP) == (
        "late", "2024-06-10", {"value": 1, "unit": "days"})


def test_letter_before_proceedings_within_five_working_days():
    # Wed 5 Jun 2024: Thu 6 (1), Fri 7 (2), Mon 10 (3), Tue 11 (4), Wed 12 Jun (5).
    policy = load_policy("tower_hamlets", {LBP: "working_days"})
    assert findings(check(lpm(("2024-06-12", "letter_before_proceedings_sent"), policy=policy), policy), LBP) == []
    assert late(check(lpm(("2024-06-13", "letter_before_proceedings_sent"), policy=policy), policy), LBP) == (
        "late", "2024-06-12", {"value": 1, "unit": "working_days"})


def test_initial_pre_proceedings_meeting_within_ten_days():
    # Wed 5 Jun 2024 + 10 days = Sat 15 Jun; a meeting on Mon 17 Jun is two days late.
    def history(at, policy=TH):
        return lpm(("2024-06-07", "letter_before_proceedings_sent"),
                   (at, "pre_proceedings_meeting_held", {"meeting": "initial"}), policy=policy)
    assert findings(check(history("2024-06-14"), TH), INITIAL_PPM) == []
    assert late(check(history("2024-06-17"), TH), INITIAL_PPM) == ("late", "2024-06-15", {"value": 2, "unit": "days"})
    # Ten working days: 6, 7 Jun (2), 10-14 (7), 17, 18, 19 Jun (10) -> Wed 19 Jun.
    policy = load_policy("tower_hamlets", {INITIAL_PPM: "working_days"})
    assert findings(check(history("2024-06-19", policy), policy), INITIAL_PPM) == []
    assert late(check(history("2024-06-20", policy), policy), INITIAL_PPM) == (
        "late", "2024-06-19", {"value": 1, "unit": "working_days"})


def review(at):
    # Initial meeting Fri 14 Jun 2024: six weeks is Fri 26 Jul, eight weeks Fri 9 Aug.
    return lpm(("2024-06-07", "letter_before_proceedings_sent"),
               ("2024-06-14", "pre_proceedings_meeting_held", {"meeting": "initial"}),
               (at, "pre_proceedings_meeting_held", {"meeting": "review"}))


def test_review_pre_proceedings_meeting_between_six_and_eight_weeks():
    for ok in ("2024-07-26", "2024-08-09"):
        verdict = check(review(ok), TH)
        assert findings(verdict, REVIEW_MAX) == [] and findings(verdict, REVIEW_MIN) == []
    # Mon 12 Aug is three days after the eighth week.
    assert late(check(review("2024-08-12"), TH), REVIEW_MAX) == ("late", "2024-08-09", {"value": 3, "unit": "days"})
    # Thu 25 Jul is a day before the sixth week.
    f = only(check(review("2024-07-25"), TH), rule=REVIEW_MIN)
    assert (f.kind, f.due) == ("early", "2024-07-26")


def test_application_within_ten_days_of_pre_proceedings_ending_with_issue():
    # Decision Fri 20 Sep 2024 + 10 days = Mon 30 Sep.
    def history(issued, policy=TH):
        return lpm(("2024-06-07", "letter_before_proceedings_sent"),
                   ("2024-06-14", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                   ("2024-09-20", "pre_proceedings_decision", {"outcome": "issue"}),
                   (issued, "care_proceedings_issued"), policy=policy)
    assert findings(check(history("2024-09-30"), TH), ISSUE_AFTER_PP) == []
    assert late(check(history("2024-10-01"), TH), ISSUE_AFTER_PP) == ("late", "2024-09-30", {"value": 1, "unit": "days"})
    # Ten working days: 23-27 Sep (5), 30 Sep-4 Oct (10) -> Fri 4 Oct; Mon 7 Oct is one working day late.
    policy = load_policy("tower_hamlets", {ISSUE_AFTER_PP: "working_days"})
    assert findings(check(history("2024-10-04", policy), policy), ISSUE_AFTER_PP) == []
    assert late(check(history("2024-10-07", policy), policy), ISSUE_AFTER_PP) == (
        "late", "2024-10-04", {"value": 1, "unit": "working_days"})


def test_application_within_ten_days_of_a_decision_to_issue_at_the_lpm():
    # Wed 5 Jun 2024 + 10 days = Sat 15 Jun; issued Mon 17 Jun is two days late.
    assert findings(check(lpm(("2024-06-14", "care_proceedings_issued"), outcome="issue"), TH), ISSUE_AFTER_LPM) == []
    assert late(check(lpm(("2024-06-17", "care_proceedings_issued"), outcome="issue"), TH), ISSUE_AFTER_LPM) == (
        "late", "2024-06-15", {"value": 2, "unit": "days"})


# --- leaving care -----------------------------------------------------------------------------------------

FIRST_PP_REVIEW = P + "leaving_care.first_pathway_plan_review_within_3_months"
PA_CONTACT = P + "leaving_care.pa_contact_8_weekly_then_12_weekly_after_21"
LC = {"purpose": "leaving_care", "seen": True}


def care_leaver(*later, status="relevant", dob="2006-07-15"):
    return th_case(("2024-06-03", "care_leaver_status_changed", {"status": status}), *later,
                   child={"date_of_birth": dob})


def test_first_pathway_plan_review_within_three_months():
    # Plan Mon 10 Jun 2024 + 3 months = Tue 10 Sep.
    def history(at):
        return care_leaver(("2024-06-10", "pathway_plan_prepared"), (at, "pathway_plan_reviewed"))
    assert findings(check(history("2024-09-10"), TH), FIRST_PP_REVIEW) == []
    assert late(check(history("2024-09-11"), TH), FIRST_PP_REVIEW) == ("late", "2024-09-10", {"value": 1, "unit": "days"})


def test_personal_adviser_contact_every_eight_weeks_before_21():
    # Aged 17. Contact Mon 10 Jun 2024 + 56 days = Mon 5 Aug.
    assert findings(check(care_leaver(("2024-06-10", "visit", LC), ("2024-08-05", "visit", LC)), TH), PA_CONTACT) == []
    assert late(check(care_leaver(("2024-06-10", "visit", LC), ("2024-08-06", "visit", LC)), TH), PA_CONTACT) == (
        "gap", "2024-08-05", {"value": 1, "unit": "days"})


def test_personal_adviser_contact_every_twelve_weeks_after_21():
    # Born 20 Jan 2003, so 21 on 20 Jan 2024. Contact Mon 10 Jun 2024 + 84 days = Mon 2 Sep.
    def history(second):
        return care_leaver(("2024-06-10", "visit", LC), (second, "visit", LC), status="former_relevant", dob="2003-01-20")
    assert findings(check(history("2024-09-02"), TH), PA_CONTACT) == []
    assert late(check(history("2024-09-03"), TH), PA_CONTACT) == ("gap", "2024-09-02", {"value": 1, "unit": "days"})


# --- pre-birth --------------------------------------------------------------------------------------------

PB_VISIT = P + "pre_birth.post_referral_visit_by_week_13"
PB_ASSESSMENT = P + "pre_birth.assessment_by_week_19"
# EDD Fri 20 Dec 2024. Week w+0 is EDD - 280 days + 7w: week 13 is EDD - 189 days and week 19 is
# EDD - 147 days. 20 Dec - 147 days: 20 Nov (30), 20 Oct (61), 20 Sep (91), 20 Aug (122), 26 Jul
# (147) -> Fri 26 Jul 2024; week 13 is 42 days earlier, Fri 14 Jun 2024.
UNBORN = {"expected_date_of_birth": "2024-12-20"}


def unborn(*later, referred="2024-06-03"):
    return th_case((referred, "pre_birth_referral_received"), *later, child=UNBORN)


def test_pre_birth_post_referral_visit_by_week_13():
    assert findings(check(unborn(("2024-06-14", "visit", {"purpose": "assessment"})), TH), PB_VISIT) == []
    assert late(check(unborn(("2024-06-17", "visit", {"purpose": "assessment"})), TH), PB_VISIT) == (
        "late", "2024-06-14", {"value": 3, "unit": "days"})


def test_pre_birth_late_referral_visit_due_on_referral():
    # Referred Mon 1 Jul 2024, after week 13: the visit is due on the day of the referral.
    f = only(check(unborn(("2024-07-02", "visit", {"purpose": "assessment"}), referred="2024-07-01"), TH), rule=PB_VISIT)
    assert (f.kind, f.due) == ("late", "2024-07-01")


def test_pre_birth_assessment_by_week_19():
    def history(at):
        return unborn(("2024-06-04", "assessment_started"),
                      (at, "assessment_authorised", {"outcome": "cin_plan", "by": "team_manager"}))
    assert findings(check(history("2024-07-26"), TH), PB_ASSESSMENT) == []
    assert late(check(history("2024-07-29"), TH), PB_ASSESSMENT) == ("late", "2024-07-26", {"value": 3, "unit": "days"})


# Week 23 is EDD - 119 days = 26 Jul + 28 days = Fri 23 Aug 2024; week 25 is Fri 6 Sep 2024;
# week 30 is Fri 11 Oct 2024.
PB_ICPC = P + "pre_birth.icpc_by_week_23"
PB_INITIAL_PPM = P + "pre_birth.initial_ppm_by_week_25"
PB_REVIEW_PPM = P + "pre_birth.review_ppm_by_week_30"
TM = {"by": "team_manager"}


def unborn_s47(*later):
    return unborn(("2024-07-29", "strategy_discussion_held", {"outcome": "s47", **TM}),
                  ("2024-07-29", "s47_started", TM),
                  ("2024-08-05", "s47_concluded", {"outcome": "icpc", **TM}), *later)


def test_pre_birth_icpc_by_week_23():
    assert findings(check(unborn_s47(("2024-08-23", "icpc_held", {"outcome": "cp_plan"})), TH), PB_ICPC) == []
    assert late(check(unborn_s47(("2024-08-26", "icpc_held", {"outcome": "cp_plan"})), TH), PB_ICPC) == (
        "late", "2024-08-23", {"value": 3, "unit": "days"})
    # An unborn child not on a child protection route owes no conference.
    assert findings(check(unborn(), TH, as_of="2024-09-30"), PB_ICPC) == []


def test_routing_section_47_and_lpm_into_pre_birth_leaves_born_children_alone():
    history = th_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                      ("2024-03-12", "s47_started", TM), ("2024-03-20", "s47_concluded", {"outcome": "icpc", **TM}),
                      ("2024-03-25", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}))
    assert [f.rule for f in check(history, TH).findings if ".pre_birth." in f.rule] == []


def unborn_pp(*later):
    return unborn(("2024-08-05", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                  ("2024-08-07", "letter_before_proceedings_sent"), *later)


def test_pre_birth_initial_and_review_ppm_by_weeks_25_and_30():
    ok = unborn_pp(("2024-09-06", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                   ("2024-10-11", "pre_proceedings_meeting_held", {"meeting": "review"}))
    verdict = check(ok, TH)
    assert findings(verdict, PB_INITIAL_PPM) == [] and findings(verdict, PB_REVIEW_PPM) == []
    assert late(check(unborn_pp(("2024-09-09", "pre_proceedings_meeting_held", {"meeting": "initial"})), TH),
                PB_INITIAL_PPM) == ("late", "2024-09-06", {"value": 3, "unit": "days"})
    verdict = check(unborn_pp(("2024-09-06", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                              ("2024-10-14", "pre_proceedings_meeting_held", {"meeting": "review"})), TH)
    assert late(verdict, PB_REVIEW_PPM) == ("late", "2024-10-11", {"value": 3, "unit": "days"})


PB_ISSUE = P + "pre_birth.application_by_first_working_day_after_birth"


def test_application_on_the_first_working_day_after_birth():
    # Decision to issue at birth (LPM Mon 5 Aug 2024); born Fri 23 Aug. Mon 26 Aug is a bank
    # holiday, so the first working day after the birth is Tue 27 Aug.
    def history(issued):
        return unborn(("2024-08-05", "legal_planning_meeting_held", {"outcome": "issue"}),
                      ("2024-08-23", "child_born"), (issued, "care_proceedings_issued"))
    assert findings(check(history("2024-08-27"), TH), PB_ISSUE) == []
    assert late(check(history("2024-08-28"), TH), PB_ISSUE) == ("gap", "2024-08-27", {"value": 1, "unit": "working_days"})


def test_application_after_birth_when_pre_proceedings_end_with_issue():
    # Pre-proceedings for the unborn child end on Fri 20 Sep 2024 with a decision to issue; born
    # Thu 3 Oct 2024, so the application is due on Fri 4 Oct; Mon 7 Oct is one working day late.
    def history(issued):
        return unborn_pp(("2024-09-06", "pre_proceedings_meeting_held", {"meeting": "initial"}),
                         ("2024-09-20", "pre_proceedings_decision", {"outcome": "issue"}),
                         ("2024-10-03", "child_born"), (issued, "care_proceedings_issued"))
    assert findings(check(history("2024-10-04"), TH), PB_ISSUE) == []
    assert late(check(history("2024-10-07"), TH), PB_ISSUE) == ("gap", "2024-10-04", {"value": 1, "unit": "working_days"})


def test_no_application_is_due_after_a_birth_without_a_decision_to_issue():
    assert findings(check(unborn(("2024-08-23", "child_born")), TH, as_of="2024-09-30"), PB_ISSUE) == []
