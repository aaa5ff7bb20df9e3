"""Verification of policies as graphs: reachability, ways out, transitions that can fire,
guards that can hold, and deadlines that can all be met (Simple Temporal Network)."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journey.cli import app
from journey.compilers import compile_policy
from journey.compilers.graph import PolicyGraph
from journey.compilers.satisfy import can_hold, first_match_possible
from journey.spec.guards import parse_guard
from journey.spec.load import available_policies, load_policy
from journey.spec.model import EventField
from journey.verify import ISSUE_CODES, Issue, milestones, verify

MINI = textwrap.dedent("""\
    id: mini
    title: Mini
    pathways:
      - id: p
        title: P
        initial: none
        source: {document: test}
        states:
          - {id: none}
          - {id: open}
          - {id: done, final: true}
        transitions:
          - {event: contact_received, from: none, to: open}
          - {event: referral_decision, from: open, to: done, guard: "outcome == 'nfa'"}
          - {event: referral_decision, from: open, to: none, guard: "outcome != 'nfa'"}
          - {event: case_closed, from: done, to: none}
    rules:
      - id: mini.p.decide
        title: Decide
        kind: deadline
        pathway: p
        severity: local
        source: {document: test}
        start: {event: contact_received}
        end: {event: referral_decision}
        limit: {value: 1, unit: working_days}
    """)

STATES_END = "      - {id: done, final: true}\n"
TRANSITIONS_END = "      - {event: case_closed, from: done, to: none}\n"


def rule(rule_id: str, start: str, end: str, value: int, unit: str, bound: str = "max", pathway: str = "p") -> str:
    return textwrap.indent(textwrap.dedent(f"""\
        - id: {rule_id}
          title: {rule_id}
          kind: deadline
          pathway: {pathway}
          severity: local
          source: {{document: test}}
          start: {{event: {start}}}
          end: {{event: {end}}}
          limit: {{value: {value}, unit: {unit}, bound: {bound}}}
        """), "  ")


PATHWAY_Q = textwrap.indent(textwrap.dedent("""\
    - id: q
      title: Q
      initial: none
      source: {document: test}
      states:
        - {id: none}
        - {id: started}
        - {id: finished, final: true}
      transitions:
        - {event: assessment_started, from: none, to: started}
        - {event: assessment_authorised, from: none}
        - {event: case_closed, from: started, to: finished}
    """), "  ")


def add_states(*lines: str) -> str:
    return MINI.replace(STATES_END, STATES_END + "".join(f"      - {line}\n" for line in lines))


def add_transitions(text: str, *lines: str) -> str:
    return text.replace(TRANSITIONS_END, TRANSITIONS_END + "".join(f"      - {line}\n" for line in lines))


def add_pathway_q(text: str) -> str:
    return text.replace("rules:\n", PATHWAY_Q + "rules:\n")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(text)
    return path


def issues_of(tmp_path: Path, text: str) -> list[Issue]:
    return verify(load_policy(write(tmp_path, text)))


def line_of(text: str, needle: str) -> int:
    [index] = [i for i, line in enumerate(text.splitlines()) if needle in line]
    return index + 1


# --- shipped policies -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", available_policies())
def test_every_shipped_policy_verifies_clean(name):
    policy = load_policy(name)
    assert [str(i) for i in verify(policy)] == []


@pytest.mark.parametrize("name", available_policies())
def test_milestones_work_for_every_shipped_pathway(name):
    policy = load_policy(name)
    for pathway in policy.pathways:
        for m in milestones(policy, pathway.id, dt.date(2024, 3, 12)):
            assert m.latest is None or m.earliest <= m.latest, (pathway.id, m)


def test_the_minimal_policy_verifies_clean(tmp_path):
    assert issues_of(tmp_path, MINI) == []


def test_graph_and_diagram_compilers_are_registered(england_policy):
    graphs = compile_policy("graph", england_policy)
    assert isinstance(graphs, PolicyGraph)
    cp = graphs["child_protection"]
    assert set(cp.states.nodes) == set(england_policy.pathway("child_protection").state_ids)
    # The ICPC rule is an STN edge from the strategy discussion to the ICPC.
    assert cp.stn.has_edge("strategy_discussion_held", "icpc_held")
    with pytest.raises(KeyError, match="known"):
        graphs["nowhere"]


# --- each defect, caught with its code -----------------------------------------------------------

def test_unreachable_state(tmp_path):
    [issue] = issues_of(tmp_path, add_states("{id: orphan}"))
    assert (issue.code, issue.pathway, issue.ids) == ("unreachable_state", "p", ("orphan",))
    assert issue.path.endswith("mini.yaml") and issue.line == 4  # nothing leads there: the pathway's line


def test_transition_from_an_unreachable_state_never_fires(tmp_path):
    text = add_transitions(add_states("{id: orphan}"), "{event: assessment_started, from: orphan, to: none}")
    issues = issues_of(tmp_path, text)
    assert {i.code for i in issues} == {"unreachable_state", "never_fires"}
    [never] = [i for i in issues if i.code == "never_fires"]
    assert never.line == line_of(text, "from: orphan") and never.ids == ("assessment_started", "orphan")


def test_dead_end(tmp_path):
    text = add_transitions(add_states("{id: stuck}"), "{event: assessment_started, from: open, to: stuck}")
    [issue] = issues_of(tmp_path, text)
    assert (issue.code, issue.ids) == ("dead_end", ("stuck",))
    assert issue.line == line_of(text, "to: stuck")  # the way in


def test_a_final_state_is_no_dead_end(tmp_path):
    text = add_transitions(add_states("{id: stopped, final: true}"),
                           "{event: assessment_started, from: open, to: stopped}")
    assert issues_of(tmp_path, text) == []


def test_cycle_that_never_leaves(tmp_path):
    text = add_transitions(add_states("{id: a}", "{id: b}"),
                           "{event: assessment_started, from: open, to: a}",
                           "{event: assessment_authorised, from: a, to: b}",
                           "{event: assessment_started, from: b, to: a}")
    [issue] = issues_of(tmp_path, text)
    assert (issue.code, issue.ids) == ("trapped_cycle", ("a", "b"))


def test_states_leading_only_into_a_dead_end_have_no_exit(tmp_path):
    text = add_transitions(add_states("{id: hall}", "{id: stuck}"),
                           "{event: assessment_started, from: open, to: hall}",
                           "{event: assessment_authorised, from: hall, to: stuck}")
    issues = issues_of(tmp_path, text)
    assert sorted((i.code, i.ids) for i in issues) == [("dead_end", ("stuck",)), ("no_exit", ("hall",))]


def test_guard_that_can_never_hold(tmp_path):
    text = MINI.replace("guard: \"outcome == 'nfa'\"", "guard: \"outcome == 'nfa' and outcome == 'signpost'\"")
    issues = issues_of(tmp_path, text)
    [guard] = [i for i in issues if i.code == "unsatisfiable_guard"]
    assert guard.line == line_of(text, "outcome == 'signpost'") and guard.path.endswith("mini.yaml")
    assert guard.ids == ("referral_decision", "open")
    # ... so the state it led to can no longer be reached.
    [unreachable] = [i for i in issues if i.code == "unreachable_state"]
    assert unreachable.ids == ("done",) and "never fire" in unreachable.message


def test_guard_on_an_empty_list_can_never_hold(tmp_path):
    text = MINI.replace("guard: \"outcome != 'nfa'\"", "guard: \"outcome in []\"")
    assert "unsatisfiable_guard" in {i.code for i in issues_of(tmp_path, text)}


def test_transition_that_an_earlier_one_always_wins(tmp_path):
    # outcome != 'nfa' (declared earlier) already takes every signpost decision.
    text = add_transitions(MINI, "{event: referral_decision, from: open, to: done, guard: \"outcome == 'signpost'\"}")
    [issue] = issues_of(tmp_path, text)
    assert issue.code == "shadowed_transition" and issue.line == line_of(text, "outcome == 'signpost'")


def test_inconsistent_deadlines_name_both_rules(tmp_path):
    # The decision within 5 days of the contact, and not before 10 days after it: 5 − 10 < 0.
    text = (MINI + rule("mini.p.within_5_days", "contact_received", "referral_decision", 5, "days")
            + rule("mini.p.not_before_10_days", "contact_received", "referral_decision", 10, "days", "min"))
    [issue] = issues_of(tmp_path, text)
    assert issue.code == "inconsistent_deadlines" and issue.pathway == "p"
    # "Within 1 working day" is on the same edge but can span up to 1 + 2 + 9 = 12 days counted
    # conservatively, so the 5 days rule is the one that binds.
    assert set(issue.ids) == {"mini.p.within_5_days", "mini.p.not_before_10_days"}
    assert issue.line in {line_of(text, "- id: mini.p.within_5_days"), line_of(text, "- id: mini.p.not_before_10_days")}
    assert issue.path.endswith("mini.yaml") and "-5 days" in issue.message


def test_inconsistent_deadlines_with_a_single_max_rule(tmp_path):
    text = (MINI.replace("value: 1, unit: working_days", "value: 5, unit: days")
            + rule("mini.p.not_before_10_days", "contact_received", "referral_decision", 10, "days", "min"))
    [issue] = issues_of(tmp_path, text)
    assert issue.code == "inconsistent_deadlines"
    assert set(issue.ids) == {"mini.p.decide", "mini.p.not_before_10_days"}
    assert "mini.p.decide" in issue.message and "mini.p.not_before_10_days" in issue.message


def test_units_are_converted_conservatively(tmp_path):
    # 5 working days can span up to 5 + 2×2 + 9 = 18 calendar days over weekends and holidays,
    # so "within 5 working days" and "not before 10 days" can both be met on some dates.
    text = (MINI.replace("value: 1, unit: working_days", "value: 5, unit: working_days")
            + rule("mini.p.not_before_10_days", "contact_received", "referral_decision", 10, "days", "min"))
    assert issues_of(tmp_path, text) == []


def test_a_min_bound_between_occurrences_of_one_event_is_no_cycle(tmp_path):
    # "the next contact not before 10 days after this one" relates two contacts, not one.
    text = MINI + rule("mini.p.spacing", "contact_received", "contact_received", 10, "days", "min")
    assert issues_of(tmp_path, text) == []


def test_inconsistent_deadlines_across_pathways(tmp_path):
    text = (add_pathway_q(MINI.replace("value: 1, unit: working_days", "value: 5, unit: days"))
            + rule("mini.q.not_before_10_days", "contact_received", "referral_decision", 10, "days", "min", "q"))
    [issue] = issues_of(tmp_path, text)
    assert (issue.code, issue.pathway) == ("inconsistent_deadlines", "p + q")
    assert set(issue.ids) == {"mini.p.decide", "mini.q.not_before_10_days"}


def test_deadline_whose_end_can_never_follow_its_start(tmp_path):
    # In q, an assessment can only be authorised before it starts: after assessment_started the
    # pathway is in 'started' and then 'finished', where assessment_authorised is not allowed.
    text = add_pathway_q(MINI) + rule("mini.q.authorise", "assessment_started", "assessment_authorised", 10,
                                      "working_days", pathway="q")
    [issue] = issues_of(tmp_path, text)
    assert issue.code == "deadline_unmeetable" and issue.ids == ("mini.q.authorise", "started")
    assert issue.line == line_of(text, "- id: mini.q.authorise")


def test_every_issue_code_is_a_declared_code(tmp_path):
    assert len(set(ISSUE_CODES)) == len(ISSUE_CODES)
    text = add_transitions(add_states("{id: orphan}", "{id: stuck}"),
                           "{event: assessment_started, from: open, to: stuck}")
    for issue in issues_of(tmp_path, text):
        assert issue.code in ISSUE_CODES
        assert str(issue).startswith(issue.path)


def test_a_local_policy_inherits_the_checks(tmp_path):
    base = write(tmp_path, MINI)
    local = tmp_path / "local.yaml"
    local.write_text(textwrap.dedent(f"""\
        id: local
        title: Local
        extends: {base}
        extend_pathways:
          - id: p
            states:
              - {{id: limbo}}
            transitions:
              - {{event: assessment_started, from: open, to: limbo}}
        """))
    [issue] = verify(load_policy(local))
    assert issue.code == "dead_end" and issue.path.endswith("local.yaml")


def test_extending_a_shipped_policy_with_conflicting_deadlines(tmp_path):
    local = tmp_path / "strict.yaml"
    local.write_text(textwrap.dedent("""\
        id: strict
        title: Strict
        extends: england
        rules:
        """) + rule("strict.child_protection.icpc_not_before_30_days", "strategy_discussion_held", "icpc_held",
                    30, "days", "min", "child_protection"))
    # 15 working days span at most 15 + 2×3 + 9 = 30 days counted conservatively, so "not
    # before 30 days" cannot be ruled out; 31 can.
    assert [i for i in verify(load_policy(local)) if i.code == "inconsistent_deadlines"] == []
    local.write_text(local.read_text().replace("value: 30", "value: 31"))
    [issue] = [i for i in verify(load_policy(local)) if i.code == "inconsistent_deadlines"]
    assert issue.code == "inconsistent_deadlines"
    assert set(issue.ids) == {"england.child_protection.icpc_within_15_working_days",
                              "strict.child_protection.icpc_not_before_30_days"}


# --- milestones -----------------------------------------------------------------------------------

def test_milestones_of_child_protection(england_policy):
    got = {m.event: m for m in milestones(england_policy, "child_protection", dt.date(2024, 3, 12))}
    # Strategy discussion Tue 12 Mar 2024. ICPC within 15 working days: 13,14,15 Mar (3),
    # 18–22 (8), 25–28 (12), Good Friday 29 Mar and Easter Monday 1 Apr are bank holidays,
    # 2,3,4 Apr (15) -> Thu 4 Apr.
    assert got["icpc_held"].latest == dt.date(2024, 4, 4)
    assert got["icpc_held"].via == ("england.child_protection.icpc_within_15_working_days",)
    # First core group within 10 working days of that ICPC: 5 Apr (1), 8–12 (6), 15–18 (10) -> Thu 18 Apr.
    assert got["core_group_held"].latest == dt.date(2024, 4, 18)
    assert len(got["core_group_held"].via) == 2 and got["core_group_held"].exact
    # First review within 3 months of 4 Apr -> 4 Jul.
    assert got["rcpc_held"].latest == dt.date(2024, 7, 4)
    assert got["strategy_discussion_held"].earliest == got["strategy_discussion_held"].latest == dt.date(2024, 3, 12)
    assert all(m.earliest == dt.date(2024, 3, 12) for m in got.values())


def test_milestones_earliest_from_a_min_bound_and_clock_units(tmp_path):
    text = (MINI.replace("value: 1, unit: working_days", "value: 30, unit: hours")
            + rule("mini.p.not_before_2_days", "contact_received", "referral_decision", 2, "days", "min"))
    policy = load_policy(write(tmp_path, text))
    got = {m.event: m for m in milestones(policy, "p", dt.date(2024, 3, 11))}
    # Contact Mon 11 Mar: not before 2 days -> Wed 13 Mar; within 30 hours of any time on
    # Monday -> at the latest Tue 12 Mar 23:59 + 6 h, so Wed 13 Mar (not exact: clock time).
    assert got["referral_decision"].earliest == dt.date(2024, 3, 13)
    assert got["referral_decision"].latest == dt.date(2024, 3, 13)
    assert not got["referral_decision"].exact


def test_milestones_of_an_unknown_pathway_name_the_known_ones(england_policy):
    with pytest.raises(KeyError, match="front_door"):
        milestones(england_policy, "nowhere", dt.date(2024, 1, 1))


# --- guard satisfiability -------------------------------------------------------------------------

ENUM = {"outcome": EventField(type="enum", values=("a", "b", "c"), required=True),
        "by": EventField(type="enum", values=("x", "y"))}
MIXED = {"n": EventField(type="int"), "note": EventField(type="text"), "seen": EventField(type="bool")}


@pytest.mark.parametrize("guard, fields, expected", [
    ("outcome == 'a'", ENUM, True),
    ("outcome == 'zzz'", ENUM, False),  # not a declared value
    ("outcome == 'a' and outcome == 'b'", ENUM, False),
    ("outcome in ['a', 'b'] and outcome not in ['a', 'b', 'c']", ENUM, False),
    ("outcome != 'a' and outcome != 'b'", ENUM, True),  # 'c'
    ("outcome != 'a' and outcome != 'b' and outcome != 'c'", ENUM, False),
    ("by == 'x' or by == 'zzz'", ENUM, True),
    ("by == null", ENUM, False),  # a missing field is unknown, never equal to anything
    ("seen and not seen", MIXED, False),
    ("seen and child.disabled", MIXED, True),
    ("n > 3 and n < 4", MIXED, True),  # 3.5: ints are not enforced by the guard language
    ("n > 3 and n < 3", MIXED, False),
    ("n >= 3 and n <= 3", MIXED, True),
    ("note == 'p' and note == 'q'", MIXED, False),
    ("note != 'p' and note != 'q'", MIXED, True),
    ("note > 'p' and note < 'q'", MIXED, True),
])
def test_can_hold(guard, fields, expected):
    assert can_hold(parse_guard(guard), fields) is expected


def test_fields_compared_with_each_other_cannot_be_told():
    assert can_hold(parse_guard("n < note"), MIXED) is None


def test_first_match_follows_declaration_order():
    a, b = parse_guard("outcome == 'a'"), parse_guard("outcome in ['a', 'b']")
    assert first_match_possible(b, ENUM, [a]) is True  # 'b' still reaches it
    assert first_match_possible(a, ENUM, [b]) is False
    assert first_match_possible(a, ENUM, [None]) is False  # an unguarded transition always wins
    # An earlier guard on a field the event may lack does not block a later one.
    assert first_match_possible(a, ENUM, [parse_guard("by == 'x'")]) is True


# --- command line ---------------------------------------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize("name", available_policies())
def test_cli_verify_shipped_policy(name):
    result = runner.invoke(app, ["verify", "--policy", name])
    issues = verify(load_policy(name))
    assert result.exit_code == (1 if issues else 0), result.output
    assert all(str(i) in result.stdout for i in issues)
    assert ("defect" if issues else "verifies clean") in result.stdout


def test_cli_verify_broken_policy_exits_one(tmp_path):
    path = write(tmp_path, add_states("{id: orphan}"))
    result = runner.invoke(app, ["verify", "--policy", str(path)])
    assert result.exit_code == 1
    assert "[unreachable_state]" in result.stdout and "mini.yaml:4" in result.stdout
    assert "1 defect" in result.stdout


def test_cli_verify_bad_usage_exits_two():
    result = runner.invoke(app, ["verify", "--policy", "atlantis"])
    assert result.exit_code == 2 and "england" in result.stderr


def test_every_issue_code_is_documented():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "verify.md").read_text()
    headings = {line.removeprefix("### ").strip() for line in docs.splitlines() if line.startswith("### ")}
    assert headings == set(ISSUE_CODES)
