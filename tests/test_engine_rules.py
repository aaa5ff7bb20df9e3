"""Every rule kind of the engine on a small synthetic policy. Dates counted by hand."""

import textwrap

import pytest

from conftest import case, check, only, findings
from journey.spec.load import load_policy

POLICY_YAML = textwrap.dedent("""\
    id: mini
    title: Mini
    pathways:
      - id: p
        title: P
        initial: none
        source: {document: test}
        states: [{id: none}, {id: open}, {id: closed, final: true}]
        transitions:
          - {event: contact_received, from: none, to: open}
          - {event: referral_decision, from: open, to: closed}
          - {event: visit, from: "*"}
          - {event: core_group_held, from: "*"}
          - {event: cin_plan_started, from: "*"}
          - {event: cin_plan_reviewed, from: "*"}
          - {event: document_shared, from: "*"}
    rules:
      - id: mini.p.visits
        title: Visits every 10 working days, then every 15 after a core group
        kind: recurring
        pathway: p
        severity: local
        source: {document: test}
        event: {event: visit}
        every: {value: 10, unit: working_days}
        first: {after: {event: contact_received}, within: {value: 5, unit: working_days}}
        then: {on: {event: core_group_held}, every: {value: 15, unit: working_days}}
        while_in: [open]
      - id: mini.p.reviews
        title: Reviews six-weekly in the first year, then three-monthly
        kind: recurring
        pathway: p
        severity: local
        source: {document: test}
        event: {event: cin_plan_reviewed}
        every: {value: 6, unit: weeks}
        then: {after: {value: 1, unit: years}, every: {value: 3, unit: months}}
        while_in: [open]
      - id: mini.p.decide_24h
        title: Decision within 24 hours
        kind: deadline
        pathway: p
        severity: local
        source: {document: test}
        start: {event: contact_received}
        end: {event: referral_decision}
        limit: {value: 24, unit: hours}
      - id: mini.p.cooling_off
        title: Decision not before two days
        kind: deadline
        pathway: p
        severity: advisory
        source: {document: test}
        start: {event: contact_received}
        end: {event: referral_decision}
        limit: {value: 2, unit: days, bound: min}
      - id: mini.p.at_16
        title: Plan reviewed within 3 months of the 16th birthday
        kind: age
        pathway: p
        severity: local
        source: {document: test}
        age: {years: 16}
        end: {event: cin_plan_reviewed}
        within: {value: 3, unit: months}
        while_in: [open]
      - id: mini.p.prebirth
        title: Plan by gestation week 23
        kind: gestation
        pathway: p
        severity: local
        source: {document: test}
        week: 23
        end: {event: cin_plan_started}
        while_in: [open]
      - id: mini.p.baby_visits
        title: A baby is visited fortnightly until their first birthday
        kind: recurring
        pathway: p
        severity: local
        source: {document: test}
        event: {event: visit, where: "seen"}
        every: {value: 2, unit: weeks}
        first: {within: {value: 2, unit: weeks}}
        until_age: {years: 1}
        while_in: [open]
      - id: mini.p.review_while_open
        title: A plan started while open is reviewed within 10 working days
        kind: deadline
        pathway: p
        severity: local
        source: {document: test}
        start: {event: cin_plan_started}
        end: {event: cin_plan_reviewed}
        limit: {value: 10, unit: working_days}
        while_in: [open]
      - id: mini.p.report_before_core_group
        title: Report shared at least 3 working days before each core group
        kind: lead
        pathway: p
        severity: local
        source: {document: test}
        event: {event: document_shared, where: "document == 'assessment'"}
        before: {event: core_group_held}
        lead: {value: 3, unit: working_days}
      - id: mini.p.visit_before_review_while_open
        title: A visit on or before each plan review while open
        kind: lead
        pathway: p
        severity: local
        source: {document: test}
        event: {event: visit}
        before: {event: cin_plan_reviewed}
        lead: {value: 0, unit: days}
        while_in: [open]
      - id: mini.p.plan_before_review_6h
        title: Plan started at least 6 hours before a review
        kind: lead
        pathway: p
        severity: local
        source: {document: test}
        event: {event: cin_plan_started}
        before: {event: cin_plan_reviewed}
        lead: {value: 6, unit: hours}
    """)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    path = tmp_path_factory.mktemp("policy") / "mini.yaml"
    path.write_text(POLICY_YAML)
    return load_policy(path)


def test_recurring_first_gap_and_switch(mini):
    # Contact Mon 8 Jan 2024. First visit within 5 WD: 9,10,11,12,15 -> due Mon 15 Jan (met).
    # Next within 10 WD of 15 Jan: 16-19 (4), 22-26 (9), 29 (10) -> due Mon 29 Jan; visit Tue 30 Jan: 1 WD late.
    # Next from 30 Jan (10 WD, no core group yet): 31, 1, 2 Feb (3), 5-9 (8), 12, 13 (10) -> due 13 Feb (met).
    # Core group on 1 Feb switches to 15 WD: from 13 Feb: 14-16 (3), 19-23 (8), 26 Feb-1 Mar (13), 4, 5 Mar (15)
    # -> due Tue 5 Mar; visit Wed 6 Mar: 1 WD late.
    c = case(("2024-01-08", "contact_received"), ("2024-01-15", "visit"), ("2024-01-30", "visit"),
             ("2024-02-01", "core_group_held"), ("2024-02-13", "visit"), ("2024-03-06", "visit"),
             ("2024-03-07", "referral_decision", {"outcome": "nfa"}), policy=mini)
    gaps = findings(check(c, mini, as_of="2024-12-31"), "mini.p.visits")
    assert [(f.kind, f.due, f.actual, f.late_by.value, f.late_by.unit) for f in gaps] == [
        ("gap", "2024-01-29", "2024-01-30", 1, "working_days"),
        ("gap", "2024-03-05", "2024-03-06", 1, "working_days")]


def test_recurring_first_visit_missing(mini):
    c = case(("2024-01-08", "contact_received"), policy=mini)
    assert [p.due for p in check(c, mini, as_of="2024-01-15").pending if p.rule == "mini.p.visits"] == ["2024-01-15"]
    f = only(check(c, mini, as_of="2024-01-16"), rule="mini.p.visits")
    assert (f.kind, f.due) == ("missing", "2024-01-15")


def test_leaving_the_state_after_the_due_date_is_missing(mini):
    # First visit due 15 Jan; the pathway closes on 17 Jan with no visit.
    c = case(("2024-01-08", "contact_received"), ("2024-01-17", "referral_decision", {"outcome": "nfa"}), policy=mini)
    f = only(check(c, mini, as_of="2024-12-31"), rule="mini.p.visits")
    assert (f.kind, f.due) == ("missing", "2024-01-15") and "lapsed on 2024-01-17" in f.message


def test_recurring_interval_changes_after_a_year(mini):
    # Active from 2 Jan 2023; first year ends 2 Jan 2024.
    # Review 20 Nov 2023 -> +6 weeks = 1 Jan 2024 (met on 1 Jan; still in the first year, so +6 weeks
    # again = 12 Feb 2024, met); 12 Feb is after the first year -> +3 months = 12 May 2024; held 13 May: 1 day late.
    c = case(("2023-01-02", "contact_received"), ("2023-11-20", "cin_plan_reviewed"),
             ("2024-01-01", "cin_plan_reviewed"), ("2024-02-12", "cin_plan_reviewed"),
             ("2024-05-13", "cin_plan_reviewed"), policy=mini)
    gaps = findings(check(c, mini), "mini.p.reviews")
    assert [(f.due, f.late_by.value, f.late_by.unit) for f in gaps] == [("2024-05-12", 1, "days")]


@pytest.mark.parametrize("start, end, kind, late_by", [
    ("2024-01-08T09:30", "2024-01-09T09:30", None, None),            # exactly 24 hours
    ("2024-01-08T09:30", "2024-01-09T10:00", "late", 1),             # 30 minutes over, rounded up
    ("2024-01-08", "2024-01-09", "indeterminate", None),             # 0 to 48 hours: cannot tell
    ("2024-01-08", "2024-01-08T23:00", None, None),                  # at most 23 hours
    ("2024-01-08", "2024-01-10", "late", 1),                         # at least 24 h + 1 s
])
def test_clock_deadline_with_and_without_times(mini, start, end, kind, late_by):
    c = case((start, "contact_received"), (end, "referral_decision", {"outcome": "nfa"}), policy=mini)
    found = findings(check(c, mini), "mini.p.decide_24h")
    assert [f.kind for f in found] == ([kind] if kind else [])
    if late_by:
        assert found[0].late_by.to_dict() == {"value": late_by, "unit": "hours"}


def test_indeterminate_does_not_make_a_case_unlawful_or_non_compliant(mini):
    c = case(("2024-01-08", "contact_received"), ("2024-01-09", "visit"), ("2024-01-10", "visit"),
             ("2024-01-10", "referral_decision", {"outcome": "nfa"}), policy=mini)
    c2 = case(("2024-01-08", "contact_received"), ("2024-01-09", "visit"),
              ("2024-01-09", "referral_decision", {"outcome": "nfa"}), policy=mini)
    v = check(c2, mini)
    assert only(v, rule="mini.p.decide_24h").kind == "indeterminate"
    assert v.compliant is True and v.legal is True
    assert check(c, mini).compliant is False  # the 10 Jan decision is certainly late


def test_minimum_interval_is_early(mini):
    # Not before 2 days after 8 Jan -> earliest 10 Jan; decided 9 Jan: 1 day early.
    c = case(("2024-01-08", "contact_received"), ("2024-01-09", "referral_decision", {"outcome": "nfa"}), policy=mini)
    f = only(check(c, mini), rule="mini.p.cooling_off")
    assert (f.kind, f.due, f.late_by.to_dict(), f.severity) == ("early", "2024-01-10", {"value": 1, "unit": "days"}, "advisory")


def test_age_rule_from_a_29_february_birthday(mini):
    # Born 29 Feb 2008: 16 on 29 Feb 2024 (leap year); + 3 months = 29 May 2024; reviewed 30 May: 1 day late.
    c = case(("2023-12-01", "contact_received"), ("2024-05-30", "cin_plan_reviewed"),
             child={"date_of_birth": "2008-02-29"}, policy=mini)
    f = only(check(c, mini), rule="mini.p.at_16")
    assert (f.kind, f.due, f.late_by.value) == ("late", "2024-05-29", 1)
    assert f.start is None


def test_age_rule_counts_from_entry_when_that_is_later(mini):
    # 16 on 29 Feb 2024, but the pathway opens on 1 Apr 2024 -> due 1 Jul 2024.
    c = case(("2024-04-01", "contact_received"), child={"date_of_birth": "2008-02-29"}, policy=mini)
    assert [p.due for p in check(c, mini).pending if p.rule == "mini.p.at_16"] == ["2024-07-01"]


def test_age_rule_without_a_date_of_birth_is_indeterminate(mini):
    c = case(("2024-04-01", "contact_received"), policy=mini)
    assert only(check(c, mini), rule="mini.p.at_16").kind == "indeterminate"


def test_gestation_rule(mini):
    # EDD Sat 1 Mar 2025 is 40+0 weeks; week 23 is 17 weeks (119 days) earlier: 1 Mar -> 1 Feb (28 days),
    # -> 1 Jan (59), -> 1 Dec 2024 (90), -> 2 Nov 2024 (119). Plan on 4 Nov: 2 days late.
    child = {"expected_date_of_birth": "2025-03-01"}
    late = case(("2024-10-01", "contact_received"), ("2024-11-04", "cin_plan_started"), child=child, policy=mini)
    f = only(check(late, mini), rule="mini.p.prebirth")
    assert (f.kind, f.due, f.late_by.value) == ("late", "2024-11-02", 2)
    waiting = case(("2024-10-01", "contact_received"), child=child, policy=mini)
    assert [p.due for p in check(waiting, mini, as_of="2024-11-02").pending if p.rule == "mini.p.prebirth"] == ["2024-11-02"]
    assert only(check(waiting, mini, as_of="2024-11-03"), rule="mini.p.prebirth").kind == "missing"


def test_event_no_pathway_handles_is_an_advisory_unknown_event(mini):
    c = case(("2024-01-08T09:00", "contact_received"), ("2024-01-08T10:00", "icpc_held", {"outcome": "cp_plan"}),
             policy=mini)
    v = check(c, mini)
    f = only(v, kind="unknown_event")
    assert (f.severity, f.end.index, f.rule) == ("advisory", 1, "mini.vocabulary.unrouted")
    # Besides it, only indeterminate findings (no date of birth / expected date of birth given).
    assert {x.kind for x in v.findings} == {"unknown_event", "indeterminate"}
    assert v.exit_code == 0 and v.legal and v.compliant


def test_describe_rule_says_when_the_interval_changes(mini):
    from journey.spec.describe import describe_rule
    words = describe_rule(mini.rule("mini.p.visits"))
    assert "at least every 10 working days" in words and "then every 15 working days (once core group held)" in words
    assert "then every 3 months (after 1 year)" in describe_rule(mini.rule("mini.p.reviews"))


def test_describe_rule_says_how_long_before_for_a_lead_rule(mini):
    from journey.spec.describe import describe_rule
    words = describe_rule(mini.rule("mini.p.report_before_core_group"))
    assert words == "document shared (where document == 'assessment') at least 3 working days before each core group held"


# --- lead rules: counted back from a later event ---------------------------------------------
# Core group Fri 7 Jun 2024. Three working days before it: Thu 6 (1), Wed 5 (2), Tue 4 Jun (3):
# the report is due by Tue 4 Jun. Core group Tue 28 May 2024 (after the Mon 27 May bank holiday):
# Fri 24 (1), Thu 23 (2), Wed 22 May (3).
LEAD = "mini.p.report_before_core_group"
REPORT = {"document": "assessment", "recipient": "family"}


@pytest.mark.parametrize("shared, group, due, late_by", [
    ("2024-06-04", "2024-06-07", "2024-06-04", None),
    ("2024-06-05", "2024-06-07", "2024-06-04", (1, "working_days")),
    ("2024-06-06", "2024-06-07", "2024-06-04", (2, "working_days")),
    ("2024-05-22", "2024-05-28", "2024-05-22", None),
    ("2024-05-23", "2024-05-28", "2024-05-22", (1, "working_days")),
])
def test_lead_rule_counts_back_from_the_later_event(mini, shared, group, due, late_by):
    c = case(("2024-05-01", "contact_received"), (shared, "document_shared", REPORT), (group, "core_group_held"),
             policy=mini)
    found = findings(check(c, mini), LEAD)
    if late_by is None:
        assert found == []
    else:
        [f] = found
        assert (f.kind, f.due, f.actual, (f.late_by.value, f.late_by.unit)) == ("late", due, shared, late_by)
        assert f.start.type == "core_group_held" and f.end.type == "document_shared"


def test_lead_rule_with_nothing_before_is_missing(mini):
    c = case(("2024-05-01", "contact_received"), ("2024-06-07", "core_group_held"),
             ("2024-06-07", "document_shared", REPORT), policy=mini)  # shared after the group: too late
    f = only(check(c, mini), rule=LEAD)
    assert (f.kind, f.due, f.end) == ("missing", "2024-06-04", None)


def test_lead_rule_needs_a_fresh_report_for_each_later_event(mini):
    # One report (Tue 4 Jun) serves the group of Fri 7 Jun, not the next one on Fri 21 Jun.
    c = case(("2024-05-01", "contact_received"), ("2024-06-04", "document_shared", REPORT),
             ("2024-06-07", "core_group_held"), ("2024-06-21", "core_group_held"), policy=mini)
    f = only(check(c, mini), rule=LEAD)
    assert (f.kind, f.due, f.start.at) == ("missing", "2024-06-18", "2024-06-21")  # Tue 18 Jun: 3 wd before


def test_lead_rule_ignores_other_documents_and_is_never_pending(mini):
    c = case(("2024-05-01", "contact_received"), ("2024-06-03", "document_shared", {"document": "plan"}),
             policy=mini)
    v = check(c, mini, as_of="2024-12-31")
    assert findings(v, LEAD) == [] and [p for p in v.pending if p.rule == LEAD] == []


@pytest.mark.parametrize("started, kind", [
    ("2024-06-07T09:00", None),          # 09:00 + 6 h = 15:00, the review's time
    ("2024-06-07T09:01", "late"),        # a minute short
    ("2024-06-07", "indeterminate"),     # no time of day: could be either
])
def test_lead_rule_in_clock_hours(mini, started, kind):
    c = case(("2024-05-01", "contact_received"), (started, "cin_plan_started"),
             ("2024-06-07T15:00", "cin_plan_reviewed"), policy=mini)
    found = [f.kind for f in findings(check(c, mini), "mini.p.plan_before_review_6h")]
    assert found == ([] if kind is None else [kind])


# --- a deadline that starts only in some states -------------------------------------------------
# Plan started Mon 3 Jun 2024: 10 working days -> Mon 17 Jun 2024.
@pytest.mark.parametrize("events, expected", [
    ([("2024-06-01", "contact_received"), ("2024-06-03", "cin_plan_started")], [("missing", "2024-06-17")]),
    ([("2024-06-03", "cin_plan_started")], []),  # the pathway is still 'none': no clock
    ([("2024-06-01", "contact_received"), ("2024-06-02", "referral_decision", {"outcome": "nfa"}),
      ("2024-06-03", "cin_plan_started")], []),  # closed
])
def test_deadline_starts_only_while_in_its_states(mini, events, expected):
    v = check(case(*events, policy=mini), mini, as_of="2024-06-18")
    assert [(f.kind, f.due) for f in findings(v, "mini.p.review_while_open")] == expected


# --- a recurring rule owed only while the child is young ----------------------------------------
# Born Sat 1 Jul 2023, 1 on Mon 1 Jul 2024. Open from Mon 3 Jun 2024: the first visit is due
# Mon 17 Jun; the next would be due Mon 1 Jul, the birthday itself, so it is not owed.
BABY = {"date_of_birth": "2023-07-01"}
SEEN = {"seen": True}


@pytest.mark.parametrize("events, child, as_of, expected", [
    ([("2024-06-17", "visit", SEEN)], BABY, "2024-12-31", []),
    ([], BABY, "2024-06-18", [("missing", "2024-06-17")]),
    ([("2024-06-18", "visit", SEEN)], BABY, "2024-12-31", [("gap", "2024-06-17")]),
    ([], {"date_of_birth": "2022-01-10"}, "2024-12-31", []),  # already over one
    ([], {}, "2024-12-31", [("indeterminate", None)]),
    ([], {"date_of_birth": "2024-06-20"}, "2024-12-31", []),  # due Mon 17 Jun, before the birth: not owed
])
def test_recurring_rule_until_an_age(mini, events, child, as_of, expected):
    c = case(("2024-06-03", "contact_received"), *events, child=child, policy=mini)
    found = findings(check(c, mini, as_of=as_of), "mini.p.baby_visits")
    assert [(f.kind, f.due) for f in found] == expected


@pytest.mark.parametrize("events, expected", [
    ([("2024-06-03", "contact_received"), ("2024-06-10", "cin_plan_reviewed")], [("missing", "2024-06-10")]),
    ([("2024-06-03", "contact_received"), ("2024-06-10", "visit"), ("2024-06-10", "cin_plan_reviewed")], []),
    ([("2024-06-10", "cin_plan_reviewed")], []),  # not open: not judged
])
def test_lead_rule_judged_only_while_in_its_states(mini, events, expected):
    found = findings(check(case(*events, policy=mini), mini), "mini.p.visit_before_review_while_open")
    assert [(f.kind, f.due) for f in found] == expected
