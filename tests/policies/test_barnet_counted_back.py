"""Barnet practice standards (seed 003), fourth pass: reports counted back from the conference or
review (lead rules), seeing a child aged three or over alone, and the under-10s conference principle.

A compliant and a breaching history per rule; every expected date is counted by hand from the
calendar in a comment. Bank holidays in England used here: 2024-03-29 (Good Friday), 2024-04-01
(Easter Monday).
"""

from __future__ import annotations

from conftest import case, check as check_with, findings, late, only

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
B = "barnet."

ICPC_REPORT = B + "child_protection.icpc_report_to_family_3_days_before"
RCPC_REPORT = B + "child_protection.rcpc_report_to_family_5_working_days_before"
LAC_REPORT = B + "looked_after.review_report_3_working_days_before_review"
S47_ALONE = B + "child_protection.s47_child_three_or_over_seen_alone"
CP_ALONE = B + "child_protection.cp_child_three_or_over_seen_alone"
CIN_ALONE = B + "child_in_need.child_three_or_over_seen_alone"
LAC_ALONE = B + "looked_after.child_three_or_over_seen_alone"
UNDER_10 = B + "conferences.under_10s_not_invited_in_person"

REPORT_TO_FAMILY = {"document": "conference_report", "recipient": "family"}
ICO = {"legal_status": "C1"}


def check(history, policy=None, as_of=None):
    return check_with(history, policy or BARNET, as_of=as_of)


def conference(*between, icpc="2024-01-22", later=(), policy=BARNET, child=None):
    """Strategy discussion Mon 8 Jan 2024, enquiries Mon 8 - Fri 12 Jan, ICPC (Mon 22 Jan)."""
    return case(("2024-01-08", "strategy_discussion_held", {"outcome": "s47"}),
                ("2024-01-08", "s47_started"),
                ("2024-01-12", "s47_concluded", {"outcome": "icpc"}),
                *between,
                (icpc, "icpc_held", {"outcome": "cp_plan"}),
                (icpc, "cp_plan_started"),
                *later, policy=policy, child=child)


def report(at):
    return (at, "document_shared", REPORT_TO_FAMILY)


# --- reports counted back from the conference ---------------------------------------------------

def test_icpc_report_shared_with_the_family_three_days_before():
    # ICPC Mon 22 Jan 2024 - 3 days = Fri 19 Jan. Shared Fri 19: fine. Shared Sat 20: a day late.
    assert findings(check(conference(report("2024-01-19"))), ICPC_REPORT) == []
    assert late(check(conference(report("2024-01-20"))), ICPC_REPORT) == ("late", "2024-01-19", {"value": 1, "unit": "days"})
    # Never shared (or only with the professionals): missing.
    f = only(check(conference(("2024-01-15", "document_shared", {"document": "conference_report",
                                                                 "recipient": "professionals"}))), rule=ICPC_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-01-19")
    # Read as working days: Mon 22 Jan - 3 working days = Fri 19 (1), Thu 18 (2), Wed 17 (3): a
    # report on Thu 18 Jan is one working day late.
    policy = load_policy("barnet", {ICPC_REPORT: "working_days"})
    assert late(check(conference(report("2024-01-18"), policy=policy), policy), ICPC_REPORT) == (
        "late", "2024-01-17", {"value": 1, "unit": "working_days"})
    assert findings(check(conference(report("2024-01-17"), policy=policy), policy), ICPC_REPORT) == []


def test_rcpc_report_shared_with_the_family_five_working_days_before():
    # Review Mon 15 Apr 2024 - 5 working days: Fri 12 (1), Thu 11 (2), Wed 10 (3), Tue 9 (4), Mon
    # 8 Apr (5). Shared Mon 8 Apr: fine. Shared Tue 9 Apr: one working day late.
    def history(*shared):
        return conference(report("2024-01-19"),
                          later=(*shared, ("2024-04-15", "rcpc_held", {"outcome": "continue_plan"})))
    assert findings(check(history(report("2024-04-08"))), RCPC_REPORT) == []
    assert late(check(history(report("2024-04-09"))), RCPC_REPORT) == ("late", "2024-04-08", {"value": 1, "unit": "working_days"})
    # The ICPC's report (Fri 19 Jan) does not serve the review: missing.
    f = only(check(history()), rule=RCPC_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-04-08")
    assert findings(check(history()), ICPC_REPORT) == []


def lac(start, *later, policy=BARNET, child=None):
    return case((start, "looked_after_started", ICO), *later, policy=policy, child=child)


def test_cic_review_report_three_working_days_before_the_review():
    review = ("2024-04-26", "lac_review_held")
    shared = {"document": "review_report", "recipient": "iro"}
    # Review Fri 26 Apr 2024 - 3 working days: Thu 25 (1), Wed 24 (2), Tue 23 Apr (3).
    assert findings(check(lac("2024-03-28", ("2024-04-23", "document_shared", shared), review)), LAC_REPORT) == []
    assert late(check(lac("2024-03-28", ("2024-04-24", "document_shared", shared), review)), LAC_REPORT) == (
        "late", "2024-04-23", {"value": 1, "unit": "working_days"})
    f = only(check(lac("2024-03-28", review)), rule=LAC_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-04-23")
    # Over Easter: review Wed 3 Apr 2024 - 3 working days: Tue 2 Apr (1), [Mon 1 Apr Easter Monday,
    # Fri 29 Mar Good Friday], Thu 28 Mar (2), Wed 27 Mar (3). Thu 28 Mar is one working day late.
    easter = ("2024-04-03", "lac_review_held")
    assert findings(check(lac("2024-03-04", ("2024-03-27", "document_shared", shared), easter)), LAC_REPORT) == []
    assert late(check(lac("2024-03-04", ("2024-03-28", "document_shared", shared), easter)), LAC_REPORT) == (
        "late", "2024-03-27", {"value": 1, "unit": "working_days"})
    # Read as reaching the IRO: a report sent only to the family (Tue 23 Apr) does not count.
    policy = load_policy("barnet", {LAC_REPORT: "shared_with_iro"})
    to_family = lac("2024-03-28", ("2024-04-23", "document_shared", {"document": "review_report", "recipient": "family"}),
                    review, policy=policy)
    assert findings(check(to_family), LAC_REPORT) == []
    assert only(check(to_family, policy), rule=LAC_REPORT).kind == "missing"


# --- a child aged three or over seen alone -------------------------------------------------------
THREE_ON_10_JAN_2024 = {"date_of_birth": "2021-01-10"}   # three on Wed 10 Jan 2024, the visit
TWO_ON_10_JAN_2024 = {"date_of_birth": "2021-01-11"}     # turns three the next day


def alone_cases(rule, purpose, *before):
    def verdict(child, **visit):
        return check(case(*before, ("2024-01-10", "visit", {"purpose": purpose, "seen": True, **visit}),
                          policy=BARNET, child=child))
    assert findings(verdict(THREE_ON_10_JAN_2024, seen_alone=True), rule) == []
    assert findings(verdict(THREE_ON_10_JAN_2024, seen_alone=False, not_seen_alone_reason="refused"), rule) == []
    assert findings(verdict(THREE_ON_10_JAN_2024, seen_alone=False,
                            not_seen_alone_reason="not_in_best_interests"), rule) == []
    assert only(verdict(THREE_ON_10_JAN_2024, seen_alone=False, not_seen_alone_reason="other"), rule=rule).kind == "guard_failed"
    # No reason recorded: indeterminate, not a breach.
    assert only(verdict(THREE_ON_10_JAN_2024, seen_alone=False), rule=rule).kind == "indeterminate"
    # Under three on the day of the visit: not required.
    assert findings(verdict(TWO_ON_10_JAN_2024, seen_alone=False), rule) == []


def test_section_47_visit_child_three_or_over_seen_alone():
    alone_cases(S47_ALONE, "s47", ("2024-01-08", "strategy_discussion_held", {"outcome": "s47"}),
                ("2024-01-08", "s47_started"))


def test_cp_visit_child_three_or_over_seen_alone():
    alone_cases(CP_ALONE, "cp", ("2024-01-02", "icpc_held", {"outcome": "cp_plan"}), ("2024-01-02", "cp_plan_started"))


def test_cin_visit_child_three_or_over_seen_alone():
    alone_cases(CIN_ALONE, "cin", ("2024-01-02", "cin_plan_started"))


def test_looked_after_visit_child_three_or_over_seen_alone():
    alone_cases(LAC_ALONE, "looked_after", ("2024-01-02", "looked_after_started", ICO))


def test_each_guard_reads_only_its_own_visits():
    v = check(case(("2024-01-02", "cin_plan_started"),
                   ("2024-01-10", "visit", {"purpose": "cin", "seen": True, "seen_alone": False,
                                            "not_seen_alone_reason": "other"}),
                   policy=BARNET, child=THREE_ON_10_JAN_2024))
    assert only(v, rule=CIN_ALONE).kind == "guard_failed"
    assert findings(v, CP_ALONE) == findings(v, S47_ALONE) == findings(v, LAC_ALONE) == []


# --- under-10s not invited to a conference in person --------------------------------------------

def test_children_under_ten_not_invited_to_attend_in_person():
    def verdict(invited, child):
        return check(conference(("2024-01-17", "conference_invitation_decided", {"invited": invited, "by": "cp_chair"}),
                                child=child))
    nine = {"date_of_birth": "2014-01-18"}     # nine on Wed 17 Jan 2024, ten the next day
    ten = {"date_of_birth": "2014-01-17"}      # ten on Wed 17 Jan 2024
    assert only(verdict(True, nine), rule=UNDER_10).kind == "guard_failed"
    assert findings(verdict(False, nine), UNDER_10) == []
    assert findings(verdict(True, ten), UNDER_10) == []
    # No date of birth: cannot be told.
    assert only(verdict(True, None), rule=UNDER_10).kind == "indeterminate"


# --- babies seen awake (a baby read as a child under one) ----------------------------------------
CP_BABY = B + "child_protection.baby_seen_awake_every_2_weeks"
CIN_BABY = B + "child_in_need.baby_seen_awake_every_3_weeks"
LAC_BABY = B + "looked_after.baby_seen_awake_every_4_weeks"
BABY = {"date_of_birth": "2023-06-03"}      # one year old on Mon 3 Jun 2024
AWAKE = {"seen": True, "baby_seen_awake": True}
ASLEEP = {"seen": True, "baby_seen_awake": False}


def cp_plan(*later, child=BABY, as_of="2024-09-30"):
    """The ICPC history above: on a plan from Mon 22 Jan 2024."""
    return check(conference(later=later, child=child), as_of=as_of)


def test_baby_on_a_cp_plan_seen_awake_every_two_weeks():
    # Seen awake Wed 24 Jan 2024 + 2 weeks = Wed 7 Feb. Seen awake then: fine (judged on 7 Feb).
    # Seen asleep on 7 Feb and awake on Thu 8 Feb: a day late (an asleep visit does not count).
    assert findings(cp_plan(("2024-01-24", "visit", AWAKE), ("2024-02-07", "visit", AWAKE), as_of="2024-02-07"),
                    CP_BABY) == []
    assert late(cp_plan(("2024-01-24", "visit", AWAKE), ("2024-02-07", "visit", ASLEEP), ("2024-02-08", "visit", AWAKE),
                        as_of="2024-02-08"), CP_BABY) == ("gap", "2024-02-07", {"value": 1, "unit": "days"})


def test_the_baby_standard_ends_at_the_first_birthday():
    # On a plan from Mon 22 Jan 2024: first seen awake by Mon 5 Feb, then every two weeks: 19 Feb,
    # 4 Mar (2024 is a leap year), 18 Mar, 1 Apr, 15 Apr, 29 Apr, 13 May, 27 May. The next would
    # be due Mon 10 Jun, after the first birthday (Mon 3 Jun 2024), so it is not owed.
    fortnights = ["2024-02-05", "2024-02-19", "2024-03-04", "2024-03-18", "2024-04-01", "2024-04-15",
                  "2024-04-29", "2024-05-13"]
    seen = [(d, "visit", AWAKE) for d in fortnights]
    assert findings(cp_plan(*seen, ("2024-05-27", "visit", AWAKE)), CP_BABY) == []
    # Stopping at 13 May: the visit due Mon 27 May, a week before the birthday, is owed and missing.
    f = only(cp_plan(*seen, ("2024-06-04", "visit", ASLEEP)), rule=CP_BABY)
    assert (f.kind, f.due) == ("missing", "2024-05-27")
    # An older child (four) visited monthly: the standard never applies.
    older = {"date_of_birth": "2020-01-01"}
    assert findings(cp_plan(("2024-01-24", "visit", ASLEEP), ("2024-02-21", "visit", {"seen": True}), child=older),
                    CP_BABY) == []


def test_baby_in_need_seen_awake_every_three_weeks():
    # Plan Mon 8 Jan 2024; seen awake Wed 10 Jan + 3 weeks = Wed 31 Jan; Thu 1 Feb is a day late.
    def verdict(second):
        return check(case(("2024-01-08", "cin_plan_started"), ("2024-01-10", "visit", AWAKE), (second, "visit", AWAKE),
                          ("2024-02-02", "cin_plan_ended"), policy=BARNET, child=BABY))
    assert findings(verdict("2024-01-31"), CIN_BABY) == []
    assert late(verdict("2024-02-01"), CIN_BABY) == ("gap", "2024-01-31", {"value": 1, "unit": "days"})


def test_baby_in_care_seen_awake_every_four_weeks():
    # In care Mon 8 Jan 2024; seen awake Wed 10 Jan + 4 weeks = Wed 7 Feb; Thu 8 Feb is a day late.
    def verdict(second, policy=BARNET):
        return check(lac("2024-01-08", ("2024-01-10", "visit", AWAKE), (second, "visit", AWAKE),
                         ("2024-02-09", "looked_after_ended", {"reason": "E13"}), policy=policy, child=BABY), policy)
    assert findings(verdict("2024-02-07"), LAC_BABY) == []
    assert late(verdict("2024-02-08"), LAC_BABY) == ("gap", "2024-02-07", {"value": 1, "unit": "days"})
    # Read as under two: the same history is judged the same way for this baby.
    policy = load_policy("barnet", {LAC_BABY: "under_two"})
    assert late(verdict("2024-02-08", policy), LAC_BABY) == ("gap", "2024-02-07", {"value": 1, "unit": "days"})


def test_a_toddler_counts_as_a_baby_only_when_read_as_under_two():
    # Twenty months old (born Sat 3 Jun 2022) in care from Mon 8 Jan 2024: seen awake Wed 10 Jan,
    # then visited asleep on Thu 8 Feb only. Under one: no standard. Under two: due Wed 7 Feb, and
    # the asleep visit does not count, so it is missing at 31 Mar.
    toddler = {"date_of_birth": "2022-06-03"}
    history = [("2024-01-10", "visit", AWAKE), ("2024-02-08", "visit", ASLEEP)]
    assert findings(check(lac("2024-01-08", *history, child=toddler), as_of="2024-03-31"), LAC_BABY) == []
    policy = load_policy("barnet", {LAC_BABY: "under_two"})
    f = only(check(lac("2024-01-08", *history, policy=policy, child=toddler), policy, as_of="2024-03-31"), rule=LAC_BABY)
    assert (f.kind, f.due) == ("missing", "2024-02-07")


# --- the IRO told of a significant change ----------------------------------------------------------
IRO_CHANGE = B + "looked_after.iro_informed_of_significant_change_within_1_working_day"
CHANGE = {"change": "school_move"}
WITH_IRO = {"concern": "significant_event", "discussed_with": "iro"}


def test_iro_informed_of_a_significant_change_within_one_working_day():
    def verdict(changed, discussed, policy=BARNET, end=("concern_discussed", WITH_IRO)):
        return check(lac("2024-01-08", (changed, "significant_change_occurred", CHANGE), (discussed, *end),
                         policy=policy), policy, as_of="2024-04-30")
    # Changed Fri 22 Mar 2024 + 1 working day = Mon 25 Mar.
    assert findings(verdict("2024-03-22", "2024-03-25"), IRO_CHANGE) == []
    assert late(verdict("2024-03-22", "2024-03-26"), IRO_CHANGE) == ("late", "2024-03-25", {"value": 1, "unit": "working_days"})
    # Changed Thu 28 Mar 2024 + 1 working day: Good Friday (29 Mar) and Easter Monday (1 Apr) are
    # not working days, so Tue 2 Apr; Wed 3 Apr is a working day late.
    assert findings(verdict("2024-03-28", "2024-04-02"), IRO_CHANGE) == []
    assert late(verdict("2024-03-28", "2024-04-03"), IRO_CHANGE) == ("late", "2024-04-02", {"value": 1, "unit": "working_days"})
    # Discussed with the team manager only: missing.
    f = only(verdict("2024-03-22", "2024-03-25", end=("concern_discussed", {"concern": "significant_event",
                                                                            "discussed_with": "team_manager"})),
             rule=IRO_CHANGE)
    assert (f.kind, f.due) == ("missing", "2024-03-25")
    # Read as the same day: changed Fri 22 Mar, discussed Mon 25 Mar is 3 days late.
    same_day = load_policy("barnet", {IRO_CHANGE: "same_day"})
    assert late(verdict("2024-03-22", "2024-03-25", same_day), IRO_CHANGE) == ("late", "2024-03-22", {"value": 3, "unit": "days"})
    # Read as informed in writing: a document sent to the IRO on Mon 25 Mar counts.
    writing = load_policy("barnet", {IRO_CHANGE: "informed_in_writing"})
    sent = ("document_shared", {"document": "other", "recipient": "iro"})
    assert findings(verdict("2024-03-22", "2024-03-25", writing, end=sent), IRO_CHANGE) == []
    # A change while the child is not looked after starts no clock.
    v = check(case(("2024-03-22", "significant_change_occurred", CHANGE), policy=BARNET), as_of="2024-04-30")
    assert findings(v, IRO_CHANGE) == []


# --- family finding referral processed ----------------------------------------------------------
FAMILY_FINDING = B + "adoption.family_finding_referral_processed_within_7_days"


def test_family_finding_referral_processed_within_seven_days():
    ff = {"service": "family_finding"}

    def verdict(decided, policy=BARNET):
        return check(case(("2024-01-08", "service_referral_received", ff),
                          (decided, "service_referral_decided", {**ff, "outcome": "accepted"}), policy=policy), policy)
    # Received Mon 8 Jan 2024 + 7 days = Mon 15 Jan; decided Tue 16 Jan is a day late.
    assert findings(verdict("2024-01-15"), FAMILY_FINDING) == []
    assert late(verdict("2024-01-16"), FAMILY_FINDING) == ("late", "2024-01-15", {"value": 1, "unit": "days"})
    # Read as working days: Tue 9 (1), Wed 10 (2), Thu 11 (3), Fri 12 (4), Mon 15 (5), Tue 16 (6),
    # Wed 17 Jan (7); Tue 16 is in time, Thu 18 a working day late.
    policy = load_policy("barnet", {FAMILY_FINDING: "working_days"})
    assert findings(verdict("2024-01-16", policy), FAMILY_FINDING) == []
    assert late(verdict("2024-01-18", policy), FAMILY_FINDING) == ("late", "2024-01-17", {"value": 1, "unit": "working_days"})
    # A decision on another service's referral does not count: missing at 31 Jan.
    other = check(case(("2024-01-08", "service_referral_received", ff),
                       ("2024-01-10", "service_referral_decided", {"service": "adoption_support", "outcome": "accepted"}),
                       policy=BARNET), as_of="2024-01-31")
    f = only(other, rule=FAMILY_FINDING)
    assert (f.kind, f.due) == ("missing", "2024-01-15")
