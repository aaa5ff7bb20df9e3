"""Barnet practice standards (seed 003), third pass: rules on the casework events.

The casework events (record_updated, document_shared, meeting_held, foster_carer_visited) are
routed by the england `casework` pathway; Barnet's rules on them live in its pathway part files.
A compliant and a breaching history per rule; every expected date is counted by hand in a comment
(never with journey's calendar). England bank holidays used: 2024-03-29 (Good Friday),
2024-04-01 (Easter Monday), 2024-05-06, 2024-05-27, 2024-08-26, 2024-12-25/26, 2025-01-01.
"""

from __future__ import annotations

from conftest import case, only, check as conftest_check, findings, late

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
TM = {"by": "team_manager"}
B = "barnet."

STRATEGY_RECORD = B + "child_protection.strategy_record_shared_within_2_working_days"
STRATEGY_RECORDED = B + "child_protection.strategy_actions_recorded_immediately"
OUTCOME_SHARED = B + "child_protection.s47_outcome_shared_within_24_hours"
CORE_MINUTES = B + "child_protection.core_group_minutes_within_5_working_days"
CORE_TO_FAMILY = B + "child_protection.core_group_record_to_family_within_5_working_days"
CP_REVIEW_MINUTES = B + "child_protection.review_minutes_to_family_within_7_working_days"
VISIT_RECORDED = B + "casework.visit_recorded_within_5_working_days"
CIN_MINUTES = B + "child_in_need.review_minutes_within_10_working_days"
CIN_MINUTES_FAMILY = B + "child_in_need.review_minutes_to_family_within_7_working_days"
LAC_MINUTES_FAMILY = B + "looked_after.review_minutes_to_family_within_7_working_days"
PLACEMENT_MEETING = B + "looked_after.placement_meeting_within_5_working_days"
PLACEMENT_MEETING_MOVE = B + "looked_after.placement_meeting_after_a_move_within_5_working_days"
UNANNOUNCED = B + "fostering.unannounced_visit_every_year"
SUPERVISING = B + "fostering.supervising_visit_monthly"
ICO = {"legal_status": "C1"}


def check(c, policy=BARNET, as_of=None):
    """conftest's check, against Barnet unless told otherwise."""
    return conftest_check(c, policy, as_of=as_of)


def bt_case(*events, policy=BARNET):
    return case(*events, policy=policy)


def shared(at, document, recipient=None):
    fields = {"document": document}
    if recipient:
        fields["recipient"] = recipient
    return (at, "document_shared", fields)


# --- child protection ---------------------------------------------------------------------------

def strategy(*later, at="2024-03-28", policy=BARNET):
    return bt_case((at, "strategy_discussion_held", {"outcome": "s47", **TM}), *later, policy=policy)


def test_strategy_record_shared_within_two_working_days():
    # Strategy Thu 28 Mar 2024: Fri 29 Mar Good Friday and Mon 1 Apr Easter Monday do not count;
    # Tue 2 Apr (1), Wed 3 Apr (2) -> due Wed 3 Apr. Shared Thu 4 Apr is 1 working day late.
    assert findings(check(strategy(shared("2024-04-03", "strategy_record", "professionals"))), STRATEGY_RECORD) == []
    assert late(check(strategy(shared("2024-04-04", "strategy_record", "professionals"))), STRATEGY_RECORD) == (
        "late", "2024-04-03", {"value": 1, "unit": "working_days"})


def test_strategy_record_clock_not_stopped_by_another_document():
    # Strategy Thu 28 Mar 2024 -> due Wed 3 Apr (as above); the core group minutes shared on
    # Tue 2 Apr are not the strategy record, so with nothing else shared it is missing by Thu 4 Apr.
    verdict = check(strategy(shared("2024-04-02", "core_group_minutes")), as_of="2024-04-04")
    f = only(verdict, rule=STRATEGY_RECORD)
    assert (f.kind, f.due) == ("missing", "2024-04-03")


def test_strategy_actions_recorded_within_one_working_day():
    # Strategy Fri 3 May 2024; Mon 6 May is the early May bank holiday -> due Tue 7 May.
    # Recorded Wed 8 May is 1 working day late.
    def history(at, subject="strategy_discussion"):
        return strategy((at, "record_updated", {"subject": subject}), at="2024-05-03")
    assert findings(check(history("2024-05-07")), STRATEGY_RECORDED) == []
    assert late(check(history("2024-05-08")), STRATEGY_RECORDED) == (
        "late", "2024-05-07", {"value": 1, "unit": "working_days"})


def test_strategy_actions_recorded_within_24_hours_under_that_reading():
    # Strategy Fri 3 May 2024 10:00 -> due Sat 4 May 10:00; recorded Mon 6 May 09:00 is
    # 24 (Sun 10:00) + 23 = 47 hours late.
    policy = load_policy("barnet", {STRATEGY_RECORDED: "twenty_four_hours"})
    verdict = check(strategy(("2024-05-06T09:00", "record_updated", {"subject": "strategy_discussion"}),
                             at="2024-05-03T10:00", policy=policy), policy)
    assert late(verdict, STRATEGY_RECORDED) == ("late", "2024-05-04T10:00", {"value": 47, "unit": "hours"})


def s47_outcome(*later):
    """Strategy Tue 12 Mar 2024, s47 started Wed 13 Mar, concluded Wed 20 Mar 15:00."""
    return bt_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-13", "s47_started", TM),
                   ("2024-03-20T15:00", "s47_concluded", {"outcome": "icpc", **TM}), *later)


def test_s47_outcome_shared_with_agencies_within_24_hours():
    # Concluded Wed 20 Mar 2024 15:00 -> due Thu 21 Mar 15:00; shared Fri 22 Mar 09:00 is
    # 9 (to midnight) + 9 = 18 hours late. Shared only with the family, it does not count.
    ok = s47_outcome(shared("2024-03-21T14:00", "outcome_letter", "professionals"))
    assert findings(check(ok), OUTCOME_SHARED) == []
    bad = s47_outcome(shared("2024-03-21T14:00", "outcome_letter", "family"),
                      shared("2024-03-22T09:00", "outcome_letter", "professionals"))
    assert late(check(bad), OUTCOME_SHARED) == ("late", "2024-03-21T15:00", {"value": 18, "unit": "hours"})


def plan(*later):
    """ICPC and plan Thu 4 Apr 2024 (s47 from Wed 13 Mar)."""
    return s47_outcome(("2024-04-04", "icpc_held", {"outcome": "cp_plan"}), ("2024-04-04", "cp_plan_started"), *later)


def test_core_group_minutes_circulated_within_five_working_days():
    # Core group Thu 23 May 2024: Fri 24 (1), Mon 27 May bank holiday, Tue 28 (2), Wed 29 (3),
    # Thu 30 (4), Fri 31 May (5) -> due Fri 31 May. Circulated Mon 3 Jun is 1 working day late.
    def history(at):
        return plan(("2024-05-23", "core_group_held"), shared(at, "core_group_minutes", "professionals"))
    assert findings(check(history("2024-05-31")), CORE_MINUTES) == []
    assert late(check(history("2024-06-03")), CORE_MINUTES) == ("late", "2024-05-31", {"value": 1, "unit": "working_days"})


def test_core_group_record_shared_with_the_family_within_five_working_days():
    # Core group Thu 22 Aug 2024: Fri 23 (1), Mon 26 Aug bank holiday, Tue 27 (2), Wed 28 (3),
    # Thu 29 (4), Fri 30 Aug (5) -> due Fri 30 Aug. The professionals' copy on Fri 23 Aug does not
    # count; the family's on Tue 3 Sep is Mon 2 (1), Tue 3 (2) -> 2 working days late.
    def history(family_at):
        return plan(("2024-08-22", "core_group_held"), shared("2024-08-23", "core_group_minutes", "professionals"),
                    shared(family_at, "core_group_minutes", "family"))
    assert findings(check(history("2024-08-30")), CORE_TO_FAMILY) == []
    assert late(check(history("2024-09-03")), CORE_TO_FAMILY) == ("late", "2024-08-30", {"value": 2, "unit": "working_days"})


def test_cp_review_conference_minutes_shared_with_the_family_within_seven_working_days():
    # RCPC Thu 23 May 2024: Fri 24 (1), Mon 27 May bank holiday, Tue 28 (2), Wed 29 (3), Thu 30 (4),
    # Fri 31 (5), Mon 3 Jun (6), Tue 4 Jun (7) -> due Tue 4 Jun. Review minutes to the family on
    # Thu 6 Jun: Wed 5 (1), Thu 6 (2) -> 2 working days late.
    def history(at, document):
        return plan(("2024-05-23", "rcpc_held", {"outcome": "continue_plan", "by": "cp_chair"}),
                    shared(at, document, "family"))
    assert findings(check(history("2024-06-04", "conference_minutes")), CP_REVIEW_MINUTES) == []
    assert late(check(history("2024-06-06", "review_minutes")), CP_REVIEW_MINUTES) == (
        "late", "2024-06-04", {"value": 2, "unit": "working_days"})


# --- recording ------------------------------------------------------------------------------------

def test_visit_recorded_within_five_working_days():
    # Visit Tue 24 Dec 2024: Wed 25 and Thu 26 Dec bank holidays, Fri 27 (1), Mon 30 (2), Tue 31 (3),
    # Wed 1 Jan 2025 bank holiday, Thu 2 (4), Fri 3 Jan (5) -> due Fri 3 Jan. A case note on Thu 2 Jan
    # is not the visit's record; recorded Mon 6 Jan is 1 working day late.
    def history(at):
        return bt_case(("2024-12-02", "cin_plan_started"), ("2024-12-24", "visit", {"seen": True}),
                       ("2025-01-02", "record_updated", {"subject": "case_note"}),
                       (at, "record_updated", {"subject": "visit", "by": "social_worker"}))
    assert findings(check(history("2025-01-03")), VISIT_RECORDED) == []
    assert late(check(history("2025-01-06")), VISIT_RECORDED) == ("late", "2025-01-03", {"value": 1, "unit": "working_days"})


# --- child in need ------------------------------------------------------------------------------

def cin_review(*later):
    """CIN plan Mon 1 Jul 2024, reviewed Mon 12 Aug."""
    return bt_case(("2024-07-01", "cin_plan_started"), ("2024-08-12", "cin_plan_reviewed"), *later)


def test_cin_review_minutes_distributed_within_ten_working_days():
    # Review Mon 12 Aug 2024: 13-16 Aug (4), 19-23 Aug (9), Mon 26 Aug bank holiday, Tue 27 Aug (10)
    # -> due Tue 27 Aug. Distributed Wed 28 Aug is 1 working day late.
    assert findings(check(cin_review(shared("2024-08-27", "review_minutes", "professionals"))), CIN_MINUTES) == []
    assert late(check(cin_review(shared("2024-08-28", "review_minutes", "professionals"))), CIN_MINUTES) == (
        "late", "2024-08-27", {"value": 1, "unit": "working_days"})


def test_cin_review_minutes_shared_with_the_family_within_seven_working_days():
    # Review Mon 12 Aug 2024: 13-16 Aug (4), Mon 19 (5), Tue 20 (6), Wed 21 Aug (7) -> due Wed 21 Aug.
    # The professionals' copy on Tue 13 Aug does not count; the family's on Fri 23 Aug is
    # Thu 22 (1), Fri 23 (2) -> 2 working days late (and within line 663's 10 working days).
    def history(family_at):
        return cin_review(shared("2024-08-13", "review_minutes", "professionals"),
                          shared(family_at, "review_minutes", "family"))
    assert findings(check(history("2024-08-21")), CIN_MINUTES_FAMILY) == []
    verdict = check(history("2024-08-23"))
    assert late(verdict, CIN_MINUTES_FAMILY) == ("late", "2024-08-21", {"value": 2, "unit": "working_days"})
    assert findings(verdict, CIN_MINUTES) == []


# --- children in care ---------------------------------------------------------------------------

def lac(*later):
    """Looked after (interim care order) from Thu 28 Mar 2024."""
    return bt_case(("2024-03-28", "looked_after_started", ICO), *later)


def test_cic_review_minutes_shared_with_the_family_within_seven_working_days():
    # Review Fri 26 Apr 2024: Mon 29 (1), Tue 30 (2), Wed 1 May (3), Thu 2 (4), Fri 3 (5),
    # Mon 6 May bank holiday, Tue 7 (6), Wed 8 May (7) -> due Wed 8 May. Thu 9 May is 1 working day late.
    def history(at):
        return lac(("2024-04-02", "care_plan_prepared"), ("2024-04-26", "lac_review_held"),
                   shared(at, "review_minutes", "family"))
    assert findings(check(history("2024-05-08")), LAC_MINUTES_FAMILY) == []
    assert late(check(history("2024-05-09")), LAC_MINUTES_FAMILY) == (
        "late", "2024-05-08", {"value": 1, "unit": "working_days"})


def placement_meeting(at, meeting="placement_planning"):
    return (at, "meeting_held", {"meeting": meeting, "by": "social_worker"})


def test_placement_meeting_within_five_working_days_of_coming_into_care():
    # Looked after Thu 28 Mar 2024: Good Friday 29 Mar and Easter Monday 1 Apr do not count;
    # Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 Apr (5) -> due Mon 8 Apr. A professionals'
    # meeting on Wed 3 Apr is not the placement meeting; Tue 9 Apr is 1 working day late.
    assert findings(check(lac(placement_meeting("2024-04-08"))), PLACEMENT_MEETING) == []
    verdict = check(lac(placement_meeting("2024-04-03", "professionals"), placement_meeting("2024-04-09")))
    assert late(verdict, PLACEMENT_MEETING) == ("late", "2024-04-08", {"value": 1, "unit": "working_days"})


def test_placement_planning_meeting_within_five_working_days_of_a_move():
    # New placement Fri 23 Aug 2024: Mon 26 Aug bank holiday, Tue 27 (1), Wed 28 (2), Thu 29 (3),
    # Fri 30 (4), Mon 2 Sep (5) -> due Mon 2 Sep. Wed 4 Sep is Tue 3 (1), Wed 4 (2) -> 2 working days late.
    def history(at):
        return lac(placement_meeting("2024-04-02"), ("2024-08-23", "placement_changed"), placement_meeting(at))
    assert findings(check(history("2024-09-02")), PLACEMENT_MEETING_MOVE) == []
    verdict = check(history("2024-09-04"))
    assert late(verdict, PLACEMENT_MEETING_MOVE) == ("late", "2024-09-02", {"value": 2, "unit": "working_days"})
    assert findings(verdict, PLACEMENT_MEETING) == []


# --- foster carers ------------------------------------------------------------------------------

def test_unannounced_visit_to_the_foster_home_every_year():
    # Approved Thu 29 Feb 2024 + 1 year = 29 Feb 2025, clamped to Fri 28 Feb 2025. An announced
    # visit (Wed 15 Jan 2025) does not count; the unannounced one on Mon 3 Mar is 3 days late.
    def history(*visits):
        return bt_case(("2024-02-29", "foster_carer_approved"),
                       *[(at, "foster_carer_visited", {"unannounced": u}) for at, u in visits])
    assert findings(check(history(("2025-01-15", False), ("2025-02-28", True))), UNANNOUNCED) == []
    verdict = check(history(("2025-01-15", False), ("2025-03-03", True)))
    assert late(verdict, UNANNOUNCED) == ("gap", "2025-02-28", {"value": 3, "unit": "days"})


def test_foster_family_visited_every_month():
    # Approved Wed 31 Jan 2024 + 1 month = 31 Feb, clamped to Thu 29 Feb 2024 (leap year); a first
    # visit on Fri 1 Mar is 1 day late. After a visit on Thu 29 Feb the next is due Fri 29 Mar; by
    # Mon 1 Apr with none it is missing.
    def history(*visits):
        return bt_case(("2024-01-31", "foster_carer_approved"), *[(at, "foster_carer_visited") for at in visits])
    assert findings(check(history("2024-02-29")), SUPERVISING) == []
    assert late(check(history("2024-03-01")), SUPERVISING) == ("gap", "2024-02-29", {"value": 1, "unit": "days"})
    f = only(check(history("2024-02-29"), as_of="2024-04-01"), rule=SUPERVISING)
    assert (f.kind, f.due) == ("missing", "2024-03-29")
