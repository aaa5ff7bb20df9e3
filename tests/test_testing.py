"""The public strategies: compliant histories validate clean, and each mutation breaks exactly the
rule it says it breaks — on England, on the synthetic policy of test_engine_rules.py and on a
richer synthetic policy whose rules can all be met together."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from conftest import case, check
from journey.spec.load import load_policy
from journey.testing import (MutationImpossible, compliant_histories, mutated_histories, mutations)
from journey.walk import predict
from test_engine_rules import POLICY_YAML as MINI_YAML

ENGLAND = load_policy("england")
# Searches: generate only (shrinking a found example is slow and not needed here).
SEARCH = dict(deadline=None, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.filter_too_much])

# Every rule kind, with rules that can all be met together (unlike mini's 24-hour maximum and
# 2-day minimum on the same decision), a guard rule and guarded transitions.
RICH_YAML = textwrap.dedent("""\
    id: rich
    title: Rich
    pathways:
      - id: q
        title: Q
        initial: none
        source: {document: test}
        states: [{id: none}, {id: open}, {id: review}, {id: closed, final: true}]
        transitions:
          - {event: contact_received, from: [none, closed], to: open}
          - {event: referral_decision, from: open, to: review, guard: "outcome in ['assessment', 'strategy_discussion']"}
          - {event: referral_decision, from: open, to: closed, guard: "outcome == 'nfa'"}
          - {event: visit, from: [open, review]}
          - {event: core_group_held, from: [open, review]}
          - {event: cin_plan_started, from: "*"}
          - {event: cin_plan_reviewed, from: "*"}
          - {event: case_closed, from: review, to: closed}
    rules:
      - id: rich.q.visits
        title: CP visits every 10 working days, then 15 after a core group
        kind: recurring
        pathway: q
        severity: local
        source: {document: test}
        event: {event: visit, where: "purpose == 'cp'"}
        every: {value: 10, unit: working_days}
        first: {after: {event: contact_received}, within: {value: 3, unit: working_days}}
        then: {on: {event: core_group_held}, every: {value: 15, unit: working_days}}
        while_in: [open, review]
      - id: rich.q.decide_24h
        title: Decision within 24 hours
        kind: deadline
        pathway: q
        severity: statutory_guidance
        source: {document: test}
        start: {event: contact_received}
        end: {event: referral_decision}
        limit: {value: 24, unit: hours}
      - id: rich.q.close_within_20
        title: Closed within 20 working days of a decision to act
        kind: deadline
        pathway: q
        severity: local
        source: {document: test}
        start: {event: referral_decision, where: "outcome in ['assessment', 'strategy_discussion']"}
        end: {event: case_closed}
        limit: {value: 20, unit: working_days}
        on_repeat: restart
      - id: rich.q.not_before_2_days
        title: Not closed within two days of the contact
        kind: deadline
        pathway: q
        severity: advisory
        source: {document: test}
        start: {event: contact_received}
        end: {event: case_closed}
        limit: {value: 2, unit: days, bound: min}
      - id: rich.q.decider
        title: Decisions by a manager
        kind: guard
        pathway: q
        severity: statute
        source: {document: test}
        event: {event: referral_decision}
        require: "by in ['team_manager', 'service_manager']"
      - id: rich.q.seen
        title: A CP visit sees the child
        kind: guard
        pathway: q
        severity: local
        source: {document: test}
        event: {event: visit, where: "purpose == 'cp'"}
        require: "seen"
      - id: rich.q.at_16
        title: Plan reviewed within 3 months of the 16th birthday
        kind: age
        pathway: q
        severity: local
        source: {document: test}
        age: {years: 16}
        end: {event: cin_plan_reviewed}
        within: {value: 3, unit: months}
        while_in: [open, review]
      - id: rich.q.prebirth
        title: Plan by gestation week 23
        kind: gestation
        pathway: q
        severity: local
        source: {document: test}
        week: 23
        end: {event: cin_plan_started}
        while_in: [open]
      - id: rich.q.visit_before_core_group
        title: A CP visit at least 2 working days before each core group
        kind: lead
        pathway: q
        severity: local
        source: {document: test}
        event: {event: visit, where: "purpose == 'cp'"}
        before: {event: core_group_held}
        lead: {value: 2, unit: working_days}
      - id: rich.q.review_at_most_5_days_in_30
        title: At most 5 days in review in any 30 days
        kind: cumulative
        pathway: q
        severity: local
        source: {document: test}
        limit: {value: 5, unit: days}
        window: {value: 30, unit: days}
        while_in: [review]
    """)


def _load(tmp_path_factory, name: str, text: str):
    path = tmp_path_factory.mktemp("policy") / f"{name}.yaml"
    path.write_text(text)
    return load_policy(path)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return _load(tmp_path_factory, "mini", MINI_YAML)


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    return _load(tmp_path_factory, "rich", RICH_YAML)


def _clean(policy, history) -> None:
    verdict = check(history, policy)
    assert [f.to_dict() for f in verdict.findings] == []
    assert predict(policy, history) == []


def _exactly(policy, mutated) -> None:
    history, rule, kind = mutated
    found = [(f.rule, f.kind) for f in check(history, policy).findings]
    assert found == [(rule, kind)]


# --- compliant histories ----------------------------------------------------------------------

@FAST
@given(compliant_histories(ENGLAND, max_events=30))
def test_england_compliant_histories_have_no_findings(history):
    _clean(ENGLAND, history)


@FAST
@given(data=st.data())
def test_mini_compliant_histories_have_no_findings(mini, data):
    _clean(mini, data.draw(compliant_histories(mini)))


@FAST
@given(data=st.data())
def test_rich_compliant_histories_have_no_findings(rich, data):
    _clean(rich, data.draw(compliant_histories(rich, max_events=30)))


def test_compliant_histories_reach_deep_states():
    """Not just front-door churn: a compliant walk gets as far as a review conference."""
    found = find(compliant_histories(ENGLAND, pathways=["child_protection"], max_events=40),
                 lambda h: any(e.type == "rcpc_held" for e in h.events),
                 settings=settings(max_examples=2000, **SEARCH))
    assert any(e.type == "cp_plan_started" for e in found.events)


def test_compliant_histories_meet_a_clock_rule_with_times(rich):
    found = find(compliant_histories(rich), lambda h: any(e.type == "referral_decision" for e in h.events),
                 settings=settings(max_examples=500, **SEARCH))
    decision = next(e for e in found.events if e.type == "referral_decision")
    contact = next(e for e in found.events if e.type == "contact_received")
    assert decision.at.has_time and contact.at.has_time


def test_mini_walks_stop_before_the_conflicting_decision_falls_due(mini):
    """mini asks for a decision within 24 hours and not before 2 days: no walk can decide, so
    every walk that opens the pathway ends within a day of the contact."""
    @settings(max_examples=100, deadline=None)
    @given(compliant_histories(mini, max_events=30))
    def inner(history):
        types = [e.type for e in history.events]
        assert "referral_decision" not in types
        if "contact_received" in types:
            contact = history.events[types.index("contact_received")]
            assert (history.events[-1].at.date - contact.at.date).days <= 1
    inner()


def test_unknown_pathway_is_an_error():
    with pytest.raises(KeyError, match="no pathway 'nowhere'"):
        find(compliant_histories(ENGLAND, pathways=["nowhere"]), lambda h: True, settings=settings(**SEARCH))


def test_strategies_print_as_their_public_call():
    assert repr(compliant_histories(ENGLAND, max_events=5)) == (
        "compliant_histories(<policy england>, pathways=None, max_events=5, case_id='H-1')")
    assert repr(mutated_histories(ENGLAND, kinds=["late"])).startswith(
        "mutated_histories(<policy england>, kinds=('late',)")


# --- mutations ----------------------------------------------------------------------------------

@FAST
@given(mutated_histories(ENGLAND, max_events=30))
def test_england_mutations_break_exactly_the_named_rule(mutated):
    _exactly(ENGLAND, mutated)


@FAST
@given(data=st.data())
def test_mini_mutations_break_exactly_the_named_rule(mini, data):
    _exactly(mini, data.draw(mutated_histories(mini, kinds=["late", "missing"])))


@FAST
@given(data=st.data())
def test_rich_mutations_break_exactly_the_named_rule(rich, data):
    _exactly(rich, data.draw(mutated_histories(rich, max_events=30)))


@pytest.mark.parametrize("kind", ["late", "missing", "gap", "illegal_transition", "guard_failed"])
def test_rich_policy_offers_every_mutation_kind(rich, kind):
    found = find(mutated_histories(rich, kinds=[kind], max_events=30), lambda m: True,
                 settings=settings(max_examples=300, **SEARCH))
    assert found.kind == kind
    _exactly(rich, found)


def test_impossible_mutation_kind_is_an_error_not_a_weaker_test(mini):
    with pytest.raises(MutationImpossible, match="guard_failed.*mini.*no guard rule"):
        mutated_histories(mini, kinds=["guard_failed"])
    with pytest.raises(ValueError, match="unknown mutation kind 'early'"):
        mutated_histories(mini, kinds=["early"])


def test_mutations_of_a_given_history_delay_the_decision_past_its_due_date():
    # Contact Fri 29 Mar 2024 (Good Friday); 1 working day on: Mon 1 Apr is Easter Monday, so the
    # decision is due Tue 2 Apr. The late mutation moves it to Wed 3 Apr.
    history = case(("2024-03-29", "contact_received"),
                   ("2024-04-02", "referral_decision", {"outcome": "nfa", "by": "team_manager"}))
    _clean(ENGLAND, history)
    late = find(mutations(ENGLAND, history, kinds=["late"]), lambda m: True, settings=settings(**SEARCH))
    assert (late.rule, late.kind) == ("england.front_door.decision_within_1_working_day", "late")
    assert [str(e.at) for e in late.history.events] == ["2024-03-29", "2024-04-03"]
    _exactly(ENGLAND, late)


def test_mutations_of_a_history_with_nothing_to_break_is_an_error():
    history = case(("2024-03-29", "contact_received"))
    with pytest.raises(MutationImpossible, match="no mutation of history T-1 of kind late"):
        mutations(ENGLAND, history, kinds=["late"])


def test_compliant_histories_cross_weekends_and_bank_holidays():
    from journey.calendar import england

    def off_days(h):
        return {e.at.date for e in h.events if not england.is_working_day(e.at.date)}
    found = find(compliant_histories(ENGLAND, max_events=30),
                 lambda h: any(d.weekday() < 5 for d in off_days(h)) and any(d.weekday() >= 5 for d in off_days(h)),
                 settings=settings(max_examples=1000, **SEARCH))
    assert off_days(found)


def test_compliant_histories_meet_some_deadline_on_its_last_day():
    """The boundary is where counting mistakes show: some walks meet an obligation on its due date."""
    def on_due_date(h):
        # the decision within 1 working day, met exactly on the due date (and not the same day)
        contact = next((e for e in h.events if e.type == "contact_received"), None)
        decision = next((e for e in h.events if e.type == "referral_decision"), None)
        if contact is None or decision is None:
            return False
        from journey.calendar import Duration, england
        return decision.at.date == england.add(contact.at.date, Duration(1, "working_days"))
    found = find(compliant_histories(ENGLAND, pathways=["front_door"], max_events=10), on_due_date,
                 settings=settings(max_examples=1000, **SEARCH))
    _clean(ENGLAND, found)


def test_readme_property_test_snippet_runs():
    from journey import load_policy, validate

    policy = load_policy("england")

    @settings(max_examples=20, deadline=None)
    @given(mutated_histories(policy))
    def test_each_mutation_is_reported_by_the_rule_it_breaks(mutated):
        history, rule, kind = mutated
        assert [(f.rule, f.kind) for f in validate(history, policy).findings] == [(rule, kind)]
    test_each_mutation_is_reported_by_the_rule_it_breaks()
