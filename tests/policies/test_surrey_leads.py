"""Surrey practice standards (seed 000) encoded in the second pass: rules counted back from a later
event (lead rules: reports before conferences and reviews, the advocate offered to a child of 12
or over, the matching report before the adoption panel, drafts by the first review in an adoptive
placement, details given by the first visit, an adopted child's record not closed before the life
story book and later life letter are given), rules bounded by the child's age or kind of placement
(a baby seen awake, a care order at home, unregulated placements, a disabled child in residential
care), and rules using vocabulary added in this pass (duty to refer after consent, housing told the
assessment's outcome, decisions outside a foster carer's authority, a connected person's reg 24
sign-off, youth justice prevention and diversion, out-of-court disposal referrals, recording of
critical incidents and significant risks, the first review after a pre-birth conference).

A compliant and a breaching history per rule. Every expected date is counted by hand in a comment.
Bank holidays in England, 2024: 1 Jan, 29 Mar (Good Friday), 1 Apr (Easter Monday), 6 May,
27 May, 26 Aug, 25 and 26 Dec. A lead rule's due date is the last day from which the lead, counted
forward, still reaches the later event, so it can fall on a bank holiday (Mon 1 Apr + 2 working
days = Wed 3 Apr).
"""

from __future__ import annotations

import pytest
from conftest import case, check, findings, only, shape

from journey.spec.load import load_policy

SURREY = load_policy("surrey")
TM = {"by": "team_manager"}
CP = "surrey.child_protection."
LAC = "surrey.looked_after."
ADOPTION = "surrey.adoption."


def sy_case(*events, child=None):
    return case(*events, child=child, policy=SURREY)


def report(at, recipient, document="conference_report"):
    return (at, "document_shared", {"document": document, "recipient": recipient})


# --- reports to child protection conferences (lines 433-436) ----------------------------------------

ICPC_FAMILY = CP + "icpc_report_to_family_2_working_days_before"
ICPC_CHAIR = CP + "icpc_report_to_chair_2_working_days_before"
RCPC_FAMILY = CP + "rcpc_report_to_family_5_working_days_before"
RCPC_CHAIR = CP + "rcpc_report_to_chair_5_working_days_before"


def conference(icpc, *between, child=None):
    """Strategy and section 47 from Tue 12 Mar 2024, then an initial conference on ``icpc``; the
    other events in date order (one on the conference day comes before it)."""
    events = [("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
              ("2024-03-12", "s47_started", TM),
              ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
              *between,
              (icpc, "icpc_held", {"outcome": "cp_plan"}),
              (icpc, "cp_plan_started")]
    return sy_case(*sorted(events, key=lambda e: e[0]), child=child)


@pytest.mark.parametrize("rule, recipient", [(ICPC_FAMILY, "family"), (ICPC_CHAIR, "chair")])
def test_report_two_working_days_before_the_initial_conference(rule, recipient):
    # ICPC Thu 4 Apr 2024: Wed 3 Apr (1), Tue 2 Apr (2): due Tue 2 Apr; Wed 3 Apr is 1 working day late.
    assert findings(check(conference("2024-04-04", report("2024-04-02", recipient)), SURREY), rule) == []
    f = only(check(conference("2024-04-04", report("2024-04-03", recipient)), SURREY), rule=rule)
    assert shape(f) == ("late", "2024-04-02", "2024-04-03", (1, "working_days"))
    # Over Easter: ICPC Wed 3 Apr 2024. Counted forward, Mon 1 Apr (Easter Monday) + 2 working days
    # = Tue 2 (1), Wed 3 Apr (2), so the last day it could be shared is the bank holiday Mon 1 Apr
    # (Thu 28 Mar is in time too); shared Tue 2 Apr is 1 working day late.
    assert findings(check(conference("2024-04-03", report("2024-03-28", recipient)), SURREY), rule) == []
    f = only(check(conference("2024-04-03", report("2024-04-02", recipient)), SURREY), rule=rule)
    assert shape(f) == ("late", "2024-04-01", "2024-04-02", (1, "working_days"))


def test_a_report_to_someone_else_does_not_count_for_the_initial_conference():
    # Only the chair had it: the family's report is missing (due Tue 2 Apr, for Thu 4 Apr).
    verdict = check(conference("2024-04-04", report("2024-03-28", "chair")), SURREY)
    assert findings(verdict, ICPC_CHAIR) == []
    f = only(verdict, rule=ICPC_FAMILY)
    assert (f.kind, f.due, f.start.type) == ("missing", "2024-04-02", "icpc_held")


@pytest.mark.parametrize("rule, recipient", [(RCPC_FAMILY, "family"), (RCPC_CHAIR, "chair")])
def test_report_five_working_days_before_each_review_conference(rule, recipient):
    # RCPC Thu 13 Jun 2024: Wed 12 (1), Tue 11 (2), Mon 10 (3), Fri 7 (4), Thu 6 Jun (5): due Thu 6 Jun.
    def history(shared):
        return conference("2024-04-04", report("2024-04-02", recipient), report(shared, recipient),
                          ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"}))
    assert findings(check(history("2024-06-06"), SURREY), rule) == []
    assert shape(only(check(history("2024-06-07"), SURREY), rule=rule)) == (
        "late", "2024-06-06", "2024-06-07", (1, "working_days"))
    # Over the 27 May bank holiday: RCPC Mon 3 Jun 2024. Counted forward, Mon 27 May (bank holiday)
    # + 5 working days = Tue 28 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), Mon 3 Jun (5): the last day
    # is Mon 27 May (Fri 24 May is in time too); Tue 28 May is 1 working day late.
    def early(shared):
        return conference("2024-04-04", report("2024-04-02", recipient), report(shared, recipient),
                          ("2024-06-03", "rcpc_held", {"outcome": "continue_plan"}))
    assert findings(check(early("2024-05-24"), SURREY), rule) == []
    assert shape(only(check(early("2024-05-28"), SURREY), rule=rule)) == (
        "late", "2024-05-27", "2024-05-28", (1, "working_days"))


def test_the_initial_conference_report_does_not_serve_the_review():
    # Only the ICPC report (Tue 2 Apr) was shared: the review of Thu 13 Jun has none (due Thu 6 Jun).
    verdict = check(conference("2024-04-04", report("2024-04-02", "family"),
                               ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"})), SURREY)
    assert findings(verdict, ICPC_FAMILY) == []
    f = only(verdict, rule=RCPC_FAMILY)
    assert (f.kind, f.due) == ("missing", "2024-06-06")


# --- an advocate offered to children aged 12 or over (line 458) -----------------------------------------

ADVOCATE_ICPC = CP + "advocate_offered_before_icpc_to_children_12_plus"
ADVOCATE_RCPC = CP + "advocate_offered_before_rcpc_to_children_12_plus"
AGED_12 = {"date_of_birth": "2011-06-01"}   # 12 on Thu 4 Apr 2024 and on Thu 13 Jun 2024
AGED_11 = {"date_of_birth": "2012-06-01"}   # 11 on Thu 4 Apr 2024


def invited(at, offered):
    return (at, "conference_invitation_decided", {"invited": True, "advocate_offered": offered})


def test_advocate_offered_on_or_before_the_conference_to_a_child_of_12():
    # Offered Tue 2 Apr, conference Thu 4 Apr 2024: in time. The same day counts (lead 0).
    assert findings(check(conference("2024-04-04", invited("2024-04-02", True), child=AGED_12), SURREY),
                    ADVOCATE_ICPC) == []
    assert findings(check(conference("2024-04-04", invited("2024-04-04", True), child=AGED_12), SURREY),
                    ADVOCATE_ICPC) == []
    # Invited but no advocate offered: missing, due on the conference day.
    f = only(check(conference("2024-04-04", invited("2024-04-02", False), child=AGED_12), SURREY),
             rule=ADVOCATE_ICPC)
    assert (f.kind, f.due) == ("missing", "2024-04-04")


def test_no_advocate_is_required_for_a_child_of_11():
    assert findings(check(conference("2024-04-04", invited("2024-04-02", False), child=AGED_11), SURREY),
                    ADVOCATE_ICPC) == []


def test_advocate_offered_again_before_each_review_conference():
    # The offer of Tue 2 Apr served the ICPC (Thu 4 Apr); the review of Thu 13 Jun needs its own.
    history = conference("2024-04-04", invited("2024-04-02", True),
                         ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"}), child=AGED_12)
    f = only(check(history, SURREY), rule=ADVOCATE_RCPC)
    assert (f.kind, f.due) == ("missing", "2024-06-13")
    history = conference("2024-04-04", invited("2024-04-02", True), invited("2024-06-03", True),
                         ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"}), child=AGED_12)
    assert findings(check(history, SURREY), ADVOCATE_RCPC) == []


# --- report to the looked after child review (line 558) ---------------------------------------------------

REVIEW_REPORT = LAC + "review_report_5_working_days_before_review"


def reviewed(review, *before):
    return sy_case(("2024-03-12", "looked_after_started", {"legal_status": "C1", "placement_type": "U6"}),
                   ("2024-03-12", "care_plan_prepared"), *before, (review, "lac_review_held"))


def test_review_report_5_working_days_before_the_review():
    # Review Thu 11 Apr 2024: Wed 10 (1), Tue 9 (2), Mon 8 (3), Fri 5 (4), Thu 4 Apr (5): due Thu 4 Apr.
    assert findings(check(reviewed("2024-04-11", report("2024-04-04", "iro", "review_report")), SURREY),
                    REVIEW_REPORT) == []
    f = only(check(reviewed("2024-04-11", report("2024-04-05", "iro", "review_report")), SURREY), rule=REVIEW_REPORT)
    assert shape(f) == ("late", "2024-04-04", "2024-04-05", (1, "working_days"))
    # Over Easter: review Mon 8 Apr. Counted forward, Mon 1 Apr (Easter Monday) + 5 working days =
    # Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 Apr (5): the last day is Mon 1 Apr (Thu 28
    # Mar is in time too); Tue 2 Apr is 1 working day late.
    assert findings(check(reviewed("2024-04-08", report("2024-03-28", "iro", "review_report")), SURREY),
                    REVIEW_REPORT) == []
    f = only(check(reviewed("2024-04-08", report("2024-04-02", "iro", "review_report")), SURREY), rule=REVIEW_REPORT)
    assert shape(f) == ("late", "2024-04-01", "2024-04-02", (1, "working_days"))


def test_no_review_report_is_missing():
    f = only(check(reviewed("2024-04-11", report("2024-04-02", "iro", "conference_report")), SURREY),
             rule=REVIEW_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-04-04")


# --- a care order made for a child living with a parent: a visit in the first week (line 444) ---------------

CARE_ORDER_VISIT = LAC + "visit_within_1_week_of_care_order_at_home"
VISIT = {"purpose": "looked_after", "seen": True}


def care_order(placement_type, *after):
    return sy_case(("2024-03-12", "looked_after_started", {"legal_status": "C1", "placement_type": placement_type}),
                   ("2024-06-03", "legal_status_changed", {"legal_status": "C2"}), *after)


def test_visit_within_a_week_of_a_care_order_for_a_child_at_home():
    # Care order Mon 3 Jun 2024 + 1 week = Mon 10 Jun; a visit on Tue 11 Jun is 1 day late.
    verdict = check(care_order("P1", ("2024-06-10", "visit", VISIT)), SURREY)
    assert verdict.states["placement"] == "parent_care_order"
    assert findings(verdict, CARE_ORDER_VISIT) == []
    f = only(check(care_order("P1", ("2024-06-11", "visit", VISIT)), SURREY), rule=CARE_ORDER_VISIT)
    assert (f.kind, f.due, f.actual) == ("late", "2024-06-10", "2024-06-11")


def test_no_care_order_visit_is_due_for_a_child_in_foster_care():
    verdict = check(care_order("U6"), SURREY, as_of="2024-07-31")
    assert findings(verdict, CARE_ORDER_VISIT) == []
    assert [p for p in verdict.pending if p.rule == CARE_ORDER_VISIT] == []


# --- unregulated placements: weekly visits (line 445), three-monthly reviews (line 555) ---------------------

UNREGULATED_VISITS = LAC + "unregulated_placement_visited_weekly"
UNREGULATED_REVIEWS = LAC + "unregulated_placement_reviews_every_3_months"


def placed(placement_type, *events):
    return sy_case(("2024-03-12", "looked_after_started", {"legal_status": "V2", "placement_type": placement_type}),
                   *events)


@pytest.mark.parametrize("code", ["H5", "P2"])
def test_child_in_an_unregulated_placement_visited_weekly(code):
    # Placed Tue 12 Mar 2024: visits due weekly, Tue 19 Mar, Tue 26 Mar, Tue 2 Apr.
    visits = [(d, "visit", VISIT) for d in ("2024-03-19", "2024-03-26", "2024-04-02")]
    verdict = check(placed(code, *visits), SURREY, as_of="2024-04-05")
    assert verdict.states["unregulated_placement"] == "placed"
    assert findings(verdict, UNREGULATED_VISITS) == []
    # Tue 19 Mar, then Wed 27 Mar: due Tue 26 Mar, 1 day late.
    visits = [(d, "visit", VISIT) for d in ("2024-03-19", "2024-03-27")]
    f = only(check(placed(code, *visits), SURREY, as_of="2024-03-29"), rule=UNREGULATED_VISITS)
    assert (f.kind, f.due, f.actual) == ("gap", "2024-03-26", "2024-03-27")


def test_weekly_visits_stop_on_a_move_to_a_regulated_placement():
    # H5 from Tue 12 Mar 2024, visited Tue 19 Mar, moved to foster care (U6) Fri 22 Mar: no weekly
    # visit is due after the move (a later visit on Mon 8 Apr is not late under this rule).
    verdict = check(placed("H5", ("2024-03-19", "visit", VISIT),
                           ("2024-03-22", "placement_changed", {"placement_type": "U6", "reason": "CARPL"}),
                           ("2024-04-08", "visit", VISIT)), SURREY, as_of="2024-04-10")
    assert verdict.states["unregulated_placement"] == "none"
    assert findings(verdict, UNREGULATED_VISITS) == []
    assert [p for p in verdict.pending if p.rule == UNREGULATED_VISITS] == []


def test_foster_care_is_not_an_unregulated_placement():
    verdict = check(placed("U6"), SURREY, as_of="2024-05-31")
    assert verdict.states["unregulated_placement"] == "none"
    assert findings(verdict, UNREGULATED_VISITS) == []


def test_reviews_every_3_months_in_an_unregulated_placement():
    # Foster care from Tue 12 Mar 2024, first review Thu 11 Apr; moved to semi-independent living
    # (H5) on Mon 15 Apr: reviews due 3 months on, Mon 15 Jul 2024, then Tue 15 Oct 2024.
    def history(*reviews):
        return placed("U6", ("2024-04-11", "lac_review_held"),
                      ("2024-04-15", "placement_changed", {"placement_type": "H5", "reason": "CARPL"}),
                      *[(r, "lac_review_held") for r in reviews])
    assert findings(check(history("2024-07-15", "2024-10-15"), SURREY, as_of="2024-10-20"), UNREGULATED_REVIEWS) == []
    # Reviewed Tue 16 Jul: 1 day late.
    f = only(check(history("2024-07-16"), SURREY, as_of="2024-07-20"), rule=UNREGULATED_REVIEWS)
    assert (f.kind, f.due, f.actual) == ("gap", "2024-07-15", "2024-07-16")
    # No review by Mon 15 Jul and none yet on Wed 31 Jul: missing.
    f = only(check(history(), SURREY, as_of="2024-07-31"), rule=UNREGULATED_REVIEWS)
    assert (f.kind, f.due) == ("missing", "2024-07-15")


# --- adoption: the matching report before the panel (line 860); the record closed only after the life
# story book and the later life letter are given (line 890) -------------------------------------------------

MATCHING_REPORT = ADOPTION + "matching_report_2_weeks_before_panel"
BOOK_BEFORE_CLOSED = ADOPTION + "life_story_book_before_record_closed"
LETTER_BEFORE_CLOSED = ADOPTION + "later_life_letter_before_record_closed"
MATCH_PANEL = ("2024-02-26", "panel_held", {"panel": "adoption", "match": True})


def adoption(*events):
    """Placement order Mon 5 Feb 2024, placed Mon 4 Mar; ``events`` in date order."""
    base = [("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"}),
            ("2024-02-05", "placement_authorised", {"basis": "placement_order"}),
            ("2024-03-04", "placed_for_adoption", {"authority": "placement_order"})]
    return sy_case(*sorted([*base, *events], key=lambda e: e[0]))


def test_matching_report_two_weeks_before_the_adoption_panel():
    # Panel Mon 26 Feb 2024 - 2 weeks = Mon 12 Feb; shared Tue 13 Feb is 1 day late.
    shared = lambda at: (at, "document_shared", {"document": "adoption_placement_report"})
    assert findings(check(adoption(shared("2024-02-12"), MATCH_PANEL), SURREY), MATCHING_REPORT) == []
    f = only(check(adoption(shared("2024-02-13"), MATCH_PANEL), SURREY), rule=MATCHING_REPORT)
    assert (f.kind, f.due, f.actual) == ("late", "2024-02-12", "2024-02-13")
    # A report shared before the placement order (Thu 1 Feb) does not count: missing.
    f = only(check(adoption(("2024-02-01", "document_shared", {"document": "adoption_placement_report"}),
                            MATCH_PANEL), SURREY), rule=MATCHING_REPORT)
    assert (f.kind, f.due) == ("missing", "2024-02-12")


def test_a_panel_that_does_not_consider_a_match_needs_no_matching_report():
    verdict = check(adoption(("2024-02-26", "panel_held", {"panel": "adoption", "match": False})), SURREY)
    assert findings(verdict, MATCHING_REPORT) == []


def test_adopted_childs_record_not_closed_before_the_life_story_book_and_letter():
    def given(at, document):
        return (at, "document_shared", {"document": document, "recipient": "adopters"})
    adopted = [("2024-08-30", "adoption_order_made"), ("2024-09-20", "celebration_hearing_held")]
    closed = ("2024-10-01", "case_closed", {"reason": "RC1"})
    verdict = check(adoption(*adopted, given("2024-09-25", "life_story_book"), given("2024-09-25", "later_life_letter"),
                             closed), SURREY)
    assert findings(verdict, BOOK_BEFORE_CLOSED) == [] and findings(verdict, LETTER_BEFORE_CLOSED) == []
    # Only the letter was given before the record was closed on Tue 1 Oct 2024 (the book after it).
    verdict = check(adoption(*adopted, given("2024-09-25", "later_life_letter"), closed,
                             given("2024-10-02", "life_story_book")), SURREY)
    assert findings(verdict, LETTER_BEFORE_CLOSED) == []
    f = only(verdict, rule=BOOK_BEFORE_CLOSED)
    assert (f.kind, f.due, f.start.type) == ("missing", "2024-10-01", "case_closed")


# --- after a pre-birth conference: the first review within 20 working days of the birth (line 426) --------

FIRST_REVIEW_AFTER_BIRTH = "surrey.pre_birth.first_review_within_20_working_days_of_birth"


def test_first_review_within_20_working_days_of_the_birth():
    # Pre-birth ICPC Thu 4 Apr 2024, born Tue 9 Apr. + 20 working days: Apr 10-12 (3), 15-19 (8),
    # 22-26 (13), 29 Apr-3 May (18), [Mon 6 May bank holiday], Tue 7 (19), Wed 8 May (20): due Wed
    # 8 May (before the ten weeks from the conference, Thu 13 Jun).
    def history(review):
        return conference("2024-04-04", ("2024-04-09", "child_born"),
                          (review, "rcpc_held", {"outcome": "continue_plan"}))
    assert findings(check(history("2024-05-08"), SURREY), FIRST_REVIEW_AFTER_BIRTH) == []
    f = only(check(history("2024-05-09"), SURREY), rule=FIRST_REVIEW_AFTER_BIRTH)
    assert shape(f) == ("late", "2024-05-08", "2024-05-09", (1, "working_days"))


def test_nothing_is_due_at_a_birth_after_the_first_review():
    # ICPC Thu 4 Apr 2024, first review Thu 13 Jun, born Thu 20 Jun: no second review is due by the birth.
    verdict = check(conference("2024-04-04", ("2024-06-13", "rcpc_held", {"outcome": "continue_plan"}),
                               ("2024-06-20", "child_born")), SURREY, as_of="2024-08-30")
    assert findings(verdict, FIRST_REVIEW_AFTER_BIRTH) == []
    assert [p for p in verdict.pending if p.rule == FIRST_REVIEW_AFTER_BIRTH] == []


# --- a disabled child in a residential placement: an unannounced visit every year (line 520) ---------------

UNANNOUNCED_YEARLY = "surrey.children_with_disabilities.unannounced_residential_visit_every_year"
DISABLED = {"date_of_birth": "2010-05-03", "attributes": {"disabled": True}}
UNANNOUNCED = {"purpose": "looked_after", "seen": True, "unannounced": True}


def residential(child, placement_type, *events):
    return sy_case(("2024-03-12", "looked_after_started", {"legal_status": "C2", "placement_type": placement_type}),
                   *events, child=child)


def test_disabled_child_in_a_childrens_home_has_an_unannounced_visit_every_year():
    # Placed Tue 12 Mar 2024; unannounced visits Tue 10 Sep 2024 and Wed 10 Sep 2025 (12 months on).
    verdict = check(residential(DISABLED, "K2", ("2024-09-10", "visit", UNANNOUNCED),
                                ("2025-09-10", "visit", UNANNOUNCED)), SURREY, as_of="2025-09-12")
    assert verdict.states["disabled_child_residential_placement"] == "placed"
    assert findings(verdict, UNANNOUNCED_YEARLY) == []
    # The second on Thu 11 Sep 2025 is a day after Wed 10 Sep 2025, 12 months after the first.
    f = only(check(residential(DISABLED, "K2", ("2024-09-10", "visit", UNANNOUNCED),
                               ("2025-09-11", "visit", UNANNOUNCED)), SURREY, as_of="2025-09-12"),
             rule=UNANNOUNCED_YEARLY)
    assert (f.kind, f.due, f.actual) == ("gap", "2025-09-10", "2025-09-11")


def test_no_unannounced_visit_in_the_first_year_is_missing():
    # Placed in a residential school (S1) Tue 12 Mar 2024; announced visits only: by Wed 12 Mar 2025
    # + 12 months nothing counts, so it is missing on Thu 20 Mar 2025.
    f = only(check(residential(DISABLED, "S1", ("2024-09-10", "visit", VISIT)), SURREY, as_of="2025-03-20"),
             rule=UNANNOUNCED_YEARLY)
    assert (f.kind, f.due) == ("missing", "2025-03-12")


@pytest.mark.parametrize("child, placement_type", [
    ({"date_of_birth": "2010-05-03", "attributes": {"disabled": False}}, "K2"),   # not recorded as disabled
    ({"date_of_birth": "2010-05-03"}, "K2"),                      # disability not recorded
    (DISABLED, "U6"),                                             # foster care
])
def test_the_yearly_unannounced_visit_binds_only_disabled_children_in_residential_care(child, placement_type):
    verdict = check(residential(child, placement_type), SURREY, as_of="2025-06-30")
    assert verdict.states["disabled_child_residential_placement"] == "none"
    assert findings(verdict, UNANNOUNCED_YEARLY) == []


# --- a baby on a child protection plan seen awake every 4 weeks (line 441) --------------------------------

BABY_AWAKE = "surrey.child_protection.baby_seen_awake_every_4_weeks"
AWAKE = {"purpose": "cp", "seen": True, "baby_seen_awake": True}
ASLEEP = {"purpose": "cp", "seen": True, "baby_seen_awake": False}


def test_baby_on_a_plan_seen_awake_every_4_weeks():
    # Born Mon 15 Jan 2024; plan from Thu 4 Apr 2024: seen awake Thu 2 May (4 weeks) and Thu 30 May.
    baby = {"date_of_birth": "2024-01-15"}
    verdict = check(conference("2024-04-04", ("2024-05-02", "visit", AWAKE), ("2024-05-30", "visit", AWAKE),
                               child=baby), SURREY, as_of="2024-06-01")
    assert verdict.states["baby_on_child_protection_plan"] == "baby"
    assert findings(verdict, BABY_AWAKE) == []
    # Seen awake Thu 2 May, then only asleep (Fri 17 May) until Fri 31 May: due Thu 30 May, a day late.
    verdict = check(conference("2024-04-04", ("2024-05-02", "visit", AWAKE), ("2024-05-17", "visit", ASLEEP),
                               ("2024-05-31", "visit", AWAKE), child=baby), SURREY, as_of="2024-06-01")
    f = only(verdict, rule=BABY_AWAKE)
    assert (f.kind, f.due, f.actual) == ("gap", "2024-05-30", "2024-05-31")


def test_the_rule_ends_after_the_first_birthday_and_does_not_bind_older_children():
    # Born Mon 1 May 2023: one on Wed 1 May 2024; seen awake Thu 25 Apr, then a visit on Thu 2 May
    # (aged one) ends the rule, so no visit seeing a baby awake is due by Thu 23 May.
    verdict = check(conference("2024-04-04", ("2024-04-25", "visit", AWAKE), ("2024-05-02", "visit", ASLEEP),
                               child={"date_of_birth": "2023-05-01"}), SURREY, as_of="2024-06-30")
    assert verdict.states["baby_on_child_protection_plan"] == "older"
    assert findings(verdict, BABY_AWAKE) == []
    verdict = check(conference("2024-04-04", child={"date_of_birth": "2020-01-15"}), SURREY, as_of="2024-06-30")
    assert verdict.states["baby_on_child_protection_plan"] == "older"
    assert findings(verdict, BABY_AWAKE) == []


def test_a_baby_born_on_a_pre_birth_plan_is_seen_awake_within_4_weeks_of_the_birth():
    # Pre-birth plan from Thu 4 Apr 2024, born Tue 9 Apr: first seen awake due Tue 7 May (4 weeks).
    verdict = check(conference("2024-04-04", ("2024-04-09", "child_born"), child={"date_of_birth": "2024-04-09"}),
                    SURREY, as_of="2024-05-10")
    f = only(verdict, rule=BABY_AWAKE)
    assert (f.kind, f.due) == ("missing", "2024-05-07")


def test_no_advocate_is_due_at_a_pre_birth_conference():
    # A pre-birth conference (Thu 4 Apr 2024) of a child born Tue 9 Apr: the child's age on the
    # conference day is unknown, so no advocate can be due.
    verdict = check(conference("2024-04-04", ("2024-04-09", "child_born"), child={"date_of_birth": "2024-04-09"}),
                    SURREY)
    assert findings(verdict, ADVOCATE_ICPC) == []


# --- significant events recorded within one working day (line 913) ------------------------------------------

SIGNIFICANT_EVENT = "surrey.recording.significant_event_recorded_within_1_working_day"


def test_critical_incident_recorded_within_one_working_day():
    # Incident Fri 24 May 2024 + 1 working day = Tue 28 May (Mon 27 May is a bank holiday);
    # recorded Wed 29 May is 1 working day late.
    def history(recorded, subject="incident"):
        return sy_case(("2024-05-20", "contact_received"), ("2024-05-24", "critical_incident_occurred"),
                       (recorded, "record_updated", {"subject": subject}))
    assert findings(check(history("2024-05-28"), SURREY), SIGNIFICANT_EVENT) == []
    f = only(check(history("2024-05-29"), SURREY), rule=SIGNIFICANT_EVENT)
    assert shape(f) == ("late", "2024-05-28", "2024-05-29", (1, "working_days"))
    # A case note is not the incident record: still missing on Thu 30 May.
    f = only(check(history("2024-05-28", "case_note"), SURREY, as_of="2024-05-30"), rule=SIGNIFICANT_EVENT)
    assert (f.kind, f.due) == ("missing", "2024-05-28")


# --- a child protection medical for chronic neglect within 7 days (line 385) -------------------------------

NEGLECT_MEDICAL = "surrey.child_protection.medical_for_chronic_neglect_within_7_days"


def test_medical_for_chronic_neglect_within_7_days_of_the_referral_for_it():
    # Requested Mon 3 Jun 2024 + 7 days = Mon 10 Jun; a medical on Tue 11 Jun is 1 day late.
    def history(held, concern="neglect"):
        return sy_case(("2024-06-03", "strategy_discussion_held", {"outcome": "s47", **TM}),
                       ("2024-06-03", "cp_medical_requested", {"concern": concern}),
                       (held, "cp_medical_completed"))
    assert findings(check(history("2024-06-10"), SURREY), NEGLECT_MEDICAL) == []
    assert shape(only(check(history("2024-06-11"), SURREY), rule=NEGLECT_MEDICAL)) == (
        "late", "2024-06-10", "2024-06-11", (1, "days"))
    # A medical for a suspected injury is not timed by this rule.
    assert findings(check(history("2024-06-11", concern="non_accidental_injury"), SURREY), NEGLECT_MEDICAL) == []


# --- youth homelessness: the housing authority told the assessment's outcome within 3 working days (line 254)

HOUSING_TOLD = "surrey.youth_homelessness.housing_told_assessment_outcome_within_3_working_days"


def homeless_assessed(*after, presented=True):
    start = [("2024-08-22", "homelessness_presented")] if presented else [("2024-08-22", "contact_received")]
    return sy_case(*start, ("2024-08-23", "assessment_started"),
                   ("2024-09-06", "assessment_authorised", {"outcome": "cin_plan", "by": "team_manager"}), *after)


def test_housing_told_the_outcome_within_3_working_days_of_the_assessment():
    # Authorised Fri 6 Sep 2024 + 3 working days = Mon 9 (1), Tue 10 (2), Wed 11 Sep (3);
    # sent Thu 12 Sep is 1 working day late.
    def sent(at, document="outcome_letter"):
        return (at, "document_shared", {"document": document, "recipient": "housing"})
    assert findings(check(homeless_assessed(sent("2024-09-11")), SURREY), HOUSING_TOLD) == []
    assert findings(check(homeless_assessed(sent("2024-09-10", "assessment")), SURREY), HOUSING_TOLD) == []
    assert shape(only(check(homeless_assessed(sent("2024-09-12")), SURREY), rule=HOUSING_TOLD)) == (
        "late", "2024-09-11", "2024-09-12", (1, "working_days"))
    # Sent to the family only: missing on Fri 13 Sep.
    f = only(check(homeless_assessed(("2024-09-09", "document_shared", {"document": "outcome_letter",
                                                                         "recipient": "family"})),
                   SURREY, as_of="2024-09-13"), rule=HOUSING_TOLD)
    assert (f.kind, f.due) == ("missing", "2024-09-11")


def test_no_housing_notice_after_an_assessment_of_a_young_person_not_homeless():
    verdict = check(homeless_assessed(presented=False), SURREY, as_of="2024-10-31")
    assert findings(verdict, HOUSING_TOLD) == []
    assert [p for p in verdict.pending if p.rule == HOUSING_TOLD] == []


# --- youth justice prevention and diversion: up to 12 weeks, seen weekly (line 238) ------------------------

PD_12_WEEKS = "surrey.youth_justice.prevention_diversion_intervention_up_to_12_weeks"
PD_WEEKLY = "surrey.youth_justice.seen_weekly_during_prevention_diversion"


def youth_justice(intervention, *events):
    return sy_case(("2024-06-03", "service_started", {"service": "youth_justice", "intervention": intervention}),
                   *events)


def test_prevention_and_diversion_ends_within_12_weeks():
    # Started Mon 3 Jun 2024 + 12 weeks (84 days: 27 to 30 Jun, 31 in Jul, 26 in Aug) = Mon 26 Aug;
    # ended Tue 27 Aug is 1 day late.
    ended = lambda at: (at, "service_ended", {"service": "youth_justice"})
    assert findings(check(youth_justice("prevention_diversion", ended("2024-08-26")), SURREY), PD_12_WEEKS) == []
    f = only(check(youth_justice("prevention_diversion", ended("2024-08-27")), SURREY), rule=PD_12_WEEKS)
    assert (f.kind, f.due, f.actual) == ("late", "2024-08-26", "2024-08-27")


def test_prevention_and_diversion_child_seen_weekly():
    # Started Mon 3 Jun 2024: seen Mon 10 and Mon 17 Jun (weekly); Mon 10 then Tue 18 Jun: due Mon 17 Jun.
    seen = lambda at: (at, "visit", {"purpose": "youth_justice", "seen": True})
    verdict = check(youth_justice("prevention_diversion", seen("2024-06-10"), seen("2024-06-17")), SURREY,
                    as_of="2024-06-20")
    assert verdict.states["prevention_diversion"] == "open"
    assert findings(verdict, PD_WEEKLY) == []
    f = only(check(youth_justice("prevention_diversion", seen("2024-06-10"), seen("2024-06-18")), SURREY,
                   as_of="2024-06-20"), rule=PD_WEEKLY)
    assert (f.kind, f.due, f.actual) == ("gap", "2024-06-17", "2024-06-18")


def test_a_court_order_is_not_bound_by_the_prevention_and_diversion_standards():
    verdict = check(youth_justice("court_order"), SURREY, as_of="2024-12-31")
    assert verdict.states["prevention_diversion"] == "none"
    assert findings(verdict, PD_WEEKLY) == [] and findings(verdict, PD_12_WEEKS) == []
    assert [p for p in verdict.pending if p.rule in (PD_WEEKLY, PD_12_WEEKS)] == []


# --- complaints, advocacy and contact details by the first visit (line 593) -------------------------------

BY_FIRST_VISIT = "surrey.looked_after.complaints_advocacy_and_contact_details_by_first_visit"
PACK = {"document": "coming_into_care_pack", "recipient": "child"}
FIRST_VISIT = {"purpose": "looked_after", "seen": True, "first_in_care_period": True}


def in_care(*events):
    return sy_case(("2024-03-12", "looked_after_started", {"legal_status": "V2", "placement_type": "U6"}), *events)


def test_details_given_to_the_child_by_the_first_visit():
    # In care Tue 12 Mar 2024; the pack given Wed 13 Mar, or on the day of the first visit (Thu 14 Mar).
    assert findings(check(in_care(("2024-03-13", "document_shared", PACK), ("2024-03-14", "visit", FIRST_VISIT)),
                          SURREY), BY_FIRST_VISIT) == []
    assert findings(check(in_care(("2024-03-14", "document_shared", PACK), ("2024-03-14", "visit", FIRST_VISIT)),
                          SURREY), BY_FIRST_VISIT) == []
    # Given on Fri 15 Mar, after the first visit of Thu 14 Mar: missing at the visit; later visits
    # (not the first) ask nothing more.
    verdict = check(in_care(("2024-03-14", "visit", FIRST_VISIT), ("2024-03-15", "document_shared", PACK),
                            ("2024-03-21", "visit", {"purpose": "looked_after", "seen": True})), SURREY)
    f = only(verdict, rule=BY_FIRST_VISIT)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-03-14", "2024-03-14")


# --- draft later life letter and life story book with the adopters by the first review (line 864) ----------

DRAFT_LETTER = ADOPTION + "draft_later_life_letter_with_adopters_by_first_review"
DRAFT_BOOK = ADOPTION + "draft_life_story_book_with_adopters_by_first_review"


def test_drafts_discussed_with_the_adopters_by_the_first_review_in_the_placement():
    # Placed Mon 4 Mar 2024; first review Mon 25 Mar. Both drafts shared Mon 18 Mar: in time.
    def draft(at, document):
        return (at, "document_shared", {"document": document, "recipient": "adopters"})
    # The first review in the placement is the one that moves the adoption pathway from placed to
    # placed_reviewed; no field of the review says so.
    first = ("2024-03-25", "adoption_review_held")
    later = ("2024-06-24", "adoption_review_held")
    verdict = check(adoption(draft("2024-03-18", "later_life_letter"), draft("2024-03-18", "life_story_book"),
                             first, later), SURREY)
    assert findings(verdict, DRAFT_LETTER) == [] and findings(verdict, DRAFT_BOOK) == []
    # Only the letter by the first review (the book on Tue 26 Mar, after it): the book is missing,
    # due on the review day; the later review asks nothing more.
    verdict = check(adoption(draft("2024-03-18", "later_life_letter"), first, draft("2024-03-26", "life_story_book"),
                             later), SURREY)
    assert findings(verdict, DRAFT_LETTER) == []
    f = only(verdict, rule=DRAFT_BOOK)
    assert (f.kind, f.due) == ("missing", "2024-03-25")


@pytest.mark.parametrize("rule", [DRAFT_LETTER, DRAFT_BOOK])
def test_drafts_are_not_judged_at_a_later_review_or_one_before_the_placement(rule):
    # A review before the placement (Mon 26 Feb 2024, the child authorised but not placed) and the
    # second review in the placement (Mon 24 Jun) are not the first review in the placement: with
    # no drafts shared at all, only the first review (Mon 25 Mar) is judged, once, on its own day.
    verdict = check(adoption(("2024-02-26", "adoption_review_held"), ("2024-03-25", "adoption_review_held"),
                             ("2024-06-24", "adoption_review_held")), SURREY)
    assert verdict.states["adoption"] == "placed_reviewing"
    f = only(verdict, rule=rule)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-03-25", "2024-03-25")


# --- significant risk situations recorded on the same day or early next morning (line 913) ----------------

RISK_RECORDED = "surrey.recording.significant_risk_recorded_by_next_day"


def test_significant_risk_recorded_by_the_next_day():
    # Risk increased Fri 7 Jun 2024 + 1 day = Sat 8 Jun (calendar days); Sun 9 Jun is 1 day late.
    def history(recorded):
        return sy_case(("2024-06-03", "contact_received"),
                       ("2024-06-07", "concern_identified", {"concern": "risk_increased"}),
                       (recorded, "record_updated", {"subject": "plan"}))
    assert findings(check(history("2024-06-07"), SURREY), RISK_RECORDED) == []
    assert findings(check(history("2024-06-08"), SURREY), RISK_RECORDED) == []
    assert shape(only(check(history("2024-06-09"), SURREY), rule=RISK_RECORDED)) == (
        "late", "2024-06-08", "2024-06-09", (1, "days"))
    # Another concern (drift) starts no clock.
    verdict = check(sy_case(("2024-06-03", "contact_received"), ("2024-06-07", "concern_identified", {"concern": "drift"})),
                    SURREY, as_of="2024-06-30")
    assert findings(verdict, RISK_RECORDED) == []


# --- duty to refer within 24 hours of consent (line 248) -----------------------------------------------------

DUTY_TO_REFER = "surrey.youth_homelessness.duty_to_refer_within_24_hours_of_consent"


def test_duty_to_refer_referral_within_24_hours_of_consent():
    # Consent Mon 2 Sep 2024 15:00 + 24 hours = Tue 3 Sep 15:00; referred 17:30 is 2.5 hours late
    # (reported in whole hours, rounded up: 3).
    def history(referred, to="housing"):
        return sy_case(("2024-09-02T10:00", "homelessness_presented"),
                       ("2024-09-02T15:00", "referral_consent_given", {"to": "housing"}),
                       (referred, "referral_made", {"to": to}))
    assert findings(check(history("2024-09-03T14:00"), SURREY), DUTY_TO_REFER) == []
    f = only(check(history("2024-09-03T17:30"), SURREY), rule=DUTY_TO_REFER)
    assert shape(f) == ("late", "2024-09-03T15:00", "2024-09-03T17:30", (3, "hours"))
    # A referral elsewhere (advocacy) does not count: missing on Wed 4 Sep.
    f = only(check(history("2024-09-02T16:00", to="advocacy"), SURREY, as_of="2024-09-04"), rule=DUTY_TO_REFER)
    assert (f.kind, f.due) == ("missing", "2024-09-03T15:00")


# --- a connected person's reg 24 assessment signed off by an ADM within 2 working days of the visit (line 815)

REG24_SIGN_OFF = "surrey.fostering.reg24_assessment_signed_off_by_adm_within_2_working_days"


def test_reg24_assessment_signed_off_by_an_adm_within_2_working_days_of_the_visit():
    # Visit Fri 24 May 2024 + 2 working days = Tue 28 (1, Mon 27 May a bank holiday), Wed 29 May (2);
    # signed off Thu 30 May is 1 working day late.
    def history(signed, approved_by="adm"):
        return sy_case(("2024-05-24", "prospective_carer_visited", {"service": "fostering", "connected_person": True}),
                       (signed, "document_shared", {"document": "assessment", "recipient": "adm",
                                                    "approved_by": approved_by}))
    assert findings(check(history("2024-05-29"), SURREY), REG24_SIGN_OFF) == []
    assert shape(only(check(history("2024-05-30"), SURREY), rule=REG24_SIGN_OFF)) == (
        "late", "2024-05-29", "2024-05-30", (1, "working_days"))
    # Signed off by a team manager, not an ADM: missing on Fri 31 May.
    f = only(check(history("2024-05-28", approved_by="team_manager"), SURREY, as_of="2024-05-31"), rule=REG24_SIGN_OFF)
    assert (f.kind, f.due) == ("missing", "2024-05-29")


def test_a_visit_to_prospective_mainstream_foster_carers_starts_no_reg24_clock():
    verdict = check(sy_case(("2024-05-24", "prospective_carer_visited", {"service": "fostering", "initial": True})),
                    SURREY, as_of="2024-07-31")
    assert findings(verdict, REG24_SIGN_OFF) == []


# --- decisions outside the foster carers' delegated authority within 72 hours (line 834) -------------------

CARER_DECISION = "surrey.fostering.decision_outside_carer_authority_within_72_hours"


def test_decision_outside_the_carers_authority_within_72_hours():
    # Asked Fri 7 Jun 2024 16:00 + 72 clock hours = Mon 10 Jun 16:00; recorded Tue 11 Jun 09:00 is
    # 17 hours late.
    def history(decided, asked_by="foster_carer"):
        return sy_case(("2024-06-03", "looked_after_started", {"legal_status": "C2", "placement_type": "U6"}),
                       ("2024-06-07T16:00", "decision_requested", {"from": asked_by}),
                       (decided, "record_updated", {"subject": "decision"}))
    assert findings(check(history("2024-06-10T15:00"), SURREY), CARER_DECISION) == []
    assert shape(only(check(history("2024-06-11T09:00"), SURREY), rule=CARER_DECISION)) == (
        "late", "2024-06-10T16:00", "2024-06-11T09:00", (17, "hours"))
    # A request from the family is not timed by this rule.
    assert findings(check(history("2024-06-14T09:00", asked_by="family"), SURREY), CARER_DECISION) == []


# --- by the second review, a decision whether the adopters can lodge their application (line 863) -----------

APPLICATION_DECISION = ADOPTION + "application_decision_by_second_review"


def test_application_decision_within_3_months_of_the_first_review():
    # Placed Mon 4 Mar 2024; first review Mon 25 Mar + 3 months = Tue 25 Jun (the second review's
    # latest date); a decision on Wed 26 Jun is 1 day late.
    first = ("2024-03-25", "adoption_review_held")

    def decided(at):
        return (at, "management_oversight_recorded", {"subject": "adoption_application_decision", "by": "team_manager"})
    verdict = check(adoption(first, decided("2024-06-25")), SURREY)
    assert verdict.states["adoption"] == "placed_reviewed"
    assert findings(verdict, APPLICATION_DECISION) == []
    f = only(check(adoption(first, decided("2024-06-26")), SURREY), rule=APPLICATION_DECISION)
    assert (f.kind, f.due, f.actual) == ("late", "2024-06-25", "2024-06-26")
    # No decision, but the adopters applied on Mon 3 Jun: nothing is owed any more.
    verdict = check(adoption(first, ("2024-06-03", "adoption_application_made")), SURREY, as_of="2024-07-31")
    assert findings(verdict, APPLICATION_DECISION) == []


# --- a referral for consideration of an out-of-court disposal progressed within 48 hours (line 235) ----------

OOCD_REFERRAL = "surrey.youth_justice.oocd_referral_progressed_within_48_hours"


def test_oocd_referral_progressed_within_48_hours_of_the_triage():
    # Referred at the triage Thu 6 Jun 2024 11:00 + 48 hours = Sat 8 Jun 11:00; progressed Mon 10 Jun
    # 09:00 is 46 hours late (13 to Sat 24:00, 24 on Sun, 9 on Mon).
    def history(progressed, intervention="out_of_court_disposal"):
        return sy_case(("2024-06-06T11:00", "service_referral_received",
                        {"service": "youth_justice", "intervention": intervention}),
                       (progressed, "service_referral_decided", {"service": "youth_justice", "outcome": "accepted"}))
    assert findings(check(history("2024-06-07T16:00"), SURREY), OOCD_REFERRAL) == []
    assert shape(only(check(history("2024-06-10T09:00"), SURREY), rule=OOCD_REFERRAL)) == (
        "late", "2024-06-08T11:00", "2024-06-10T09:00", (46, "hours"))
    # A referral for a prevention and diversion intervention is not timed by this rule.
    assert findings(check(history("2024-06-12T09:00", "prevention_diversion"), SURREY), OOCD_REFERRAL) == []
