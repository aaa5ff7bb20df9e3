"""Parity: the table-driven validator and the ``transitions`` replay agree on every history."""

from hypothesis import HealthCheck, given, settings

from journey.calendar import england
from journey.compilers import compile_policy, tables_for
from journey.spec.load import load_policy
from journey.testing import histories
from journey.validator.engine import state_trace

POLICY = load_policy("england")
REPLAY = compile_policy("machines", POLICY)
TABLES = tables_for(POLICY)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(POLICY))
def test_validator_and_transitions_agree_on_state_sequences(case):
    assert state_trace(TABLES, case, england) == REPLAY.trace(case)


@settings(max_examples=200, deadline=None)
@given(histories(POLICY))
def test_every_rejected_move_is_a_finding(case):
    """Each event a machine refuses (or whose guards all fail) is reported exactly once."""
    from journey.validator import validate

    verdict = validate(case, POLICY, calendar=england, as_of=case.events[-1].at.date)
    accepted = {(i, p) for i, p, _ in REPLAY.trace(case)}
    routed = [(ev.index, p.id) for ev in case.events for p in POLICY.pathways_for(ev.type)]
    refused = sorted(set(routed) - accepted)
    reported = sorted((f.end.index, f.pathway) for f in verdict.findings if f.rule.endswith(".sequence"))
    assert reported == refused
