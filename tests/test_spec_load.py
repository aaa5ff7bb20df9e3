"""Loading policies: safe YAML, line-numbered errors, layering, and definition checks."""

import textwrap
from pathlib import Path

import pytest

from journey.errors import PolicyError
from journey.spec.load import available_policies, load_policy
from journey.spec.yaml_lines import load_with_lines

BASE = textwrap.dedent("""\
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
        transitions:
          - {event: contact_received, from: none, to: open}
          - {event: referral_decision, from: open, to: none, guard: "outcome == 'nfa'"}
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


def write(tmp_path: Path, text: str, name: str = "mini.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_shipped_policies_load():
    assert "england" in available_policies()
    for name in available_policies():
        policy = load_policy(name)
        assert policy.rules and policy.pathways


def test_yaml_keeps_no_and_dates_as_strings():
    data, lines = load_with_lines("a: no\nb: off\nc: 2024-01-01\nd: true\ne: yes\n")
    assert data == {"a": "no", "b": "off", "c": "2024-01-01", "d": True, "e": "yes"}
    assert lines[("c",)] == 3


def test_yaml_rejects_duplicate_keys(tmp_path):
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, BASE + "title: again\n"))
    assert info.value.code == "yaml_syntax"


def test_yaml_tags_cannot_run_code(tmp_path):
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, "id: !!python/object/apply:os.system ['true']\n"))
    assert info.value.code == "yaml_syntax"


def test_minimal_policy_loads(tmp_path):
    policy = load_policy(write(tmp_path, BASE))
    assert policy.id == "mini"
    assert [p.id for p in policy.pathways_for("referral_decision")] == ["p"]
    assert policy.rule("mini.p.decide").limit.value == 1
    assert policy.pathway("p").transitions[0].line == 12


# (replacement in BASE, expected code, expected line, words in the message)
BROKEN = [
    ("unit: working_days}", "unit: fortnights}", "schema", 23, "limit.unit"),
    ("guard: \"outcome == 'nfa'\"", "guard: \"outcome = 'nfa'\"", "guard_syntax", 13, "column"),
    ("guard: \"outcome == 'nfa'\"", "guard: \"outcom == 'nfa'\"", "unknown_field", 13, "did you mean 'outcome'"),
    ("guard: \"outcome == 'nfa'\"", "guard: \"outcome == 'nope'\"", "unknown_field", 13, "not a value"),
    ("to: open}", "to: opne}", "unknown_state", 12, "did you mean 'open'"),
    ("end: {event: referral_decision}", "end: {event: referal_decision}", "unknown_event", 15, "did you mean 'referral_decision'"),
    ("pathway: p\n", "pathway: q\n", "unknown_pathway", 15, "pathway 'q'"),
    ("id: mini.p.decide", "id: other.p.decide", "schema", 15, "must start with"),
    ("severity: local", "severity: serious", "schema", 19, "severity"),
    ("kind: deadline", "kind: sometimes", "schema", 15, "kind"),
    ("    title: Decide\n", "    title: Decide\n    colour: red\n", "schema", 17, "colour"),
]


@pytest.mark.parametrize("old, new, code, line, words", BROKEN)
def test_broken_policies_name_file_line_and_field(tmp_path, old, new, code, line, words):
    assert old in BASE
    path = write(tmp_path, BASE.replace(old, new, 1))
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.code == code
    assert info.value.line == line, str(info.value)
    assert words in str(info.value)
    assert "mini.yaml" in str(info.value)


def test_all_errors_are_listed(tmp_path):
    text = BASE.replace("to: open}", "to: opne}").replace("pathway: p\n", "pathway: q\n")
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, text))
    assert "opne" in str(info.value) and "'q'" in str(info.value)


def test_unknown_policy_lists_known():
    with pytest.raises(PolicyError) as info:
        load_policy("atlantis")
    assert info.value.code == "unknown_policy" and "england" in str(info.value)


LOCAL = textwrap.dedent("""\
    id: local
    title: Local
    extends: {parent}
    rules:
      - id: local.p.decide_fast
        title: Decide fast
        kind: deadline
        pathway: p
        severity: local
        source: {{document: seed, line: 3, quote: "same day"}}
        tightens: mini.p.decide
        start: {{event: contact_received}}
        end: {{event: referral_decision}}
        limit: {{value: {value}, unit: {unit}}}
    """)


def layered(tmp_path, value, unit):
    write(tmp_path, BASE)
    return load_policy(write(tmp_path, LOCAL.format(parent=str(tmp_path / "mini.yaml"), value=value, unit=unit),
                             "local.yaml"))


def test_layering_adds_rules_and_keeps_parents(tmp_path):
    policy = layered(tmp_path, 0, "working_days")
    assert policy.lineage == ("mini", "local")
    assert {r.id for r in policy.rules} == {"mini.p.decide", "local.p.decide_fast"}
    assert policy.issues == ()


def test_laxer_local_rule_is_reported_and_statute_stays(tmp_path):
    policy = layered(tmp_path, 3, "working_days")
    assert [i.code for i in policy.issues] == ["laxer_than_statute"]
    assert "mini.p.decide still applies" in policy.issues[0].message
    assert policy.has_rule("mini.p.decide")


def test_cross_unit_comparison_is_conservative(tmp_path):
    # 1 working day vs 2 calendar days: depends on the day of the week, so it is flagged.
    assert [i.code for i in layered(tmp_path, 2, "days").issues] == ["maybe_laxer_than_statute"]
    # 12 hours is always within 1 working day.
    assert layered(tmp_path, 12, "hours").issues == ()


def test_extends_cycle(tmp_path):
    write(tmp_path, "id: a\ntitle: A\nextends: " + str(tmp_path / "b.yaml") + "\n", "a.yaml")
    write(tmp_path, "id: b\ntitle: B\nextends: " + str(tmp_path / "a.yaml") + "\n", "b.yaml")
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path / "a.yaml")
    assert info.value.code == "extends_cycle"


def test_yaml_merge_keys_can_be_overridden_but_not_repeated():
    data, _ = load_with_lines("base: &b {document: WT, ref: ch3}\nsrc:\n  <<: *b\n  ref: ch4\n")
    assert data["src"] == {"document": "WT", "ref": "ch4"}
    with pytest.raises(Exception, match="duplicate key"):
        load_with_lines("src:\n  ref: a\n  ref: b\n")


def test_event_fields_cannot_reuse_case_keys(tmp_path):
    text = BASE + "events:\n  thing_happened:\n    description: x\n    fields: {type: {type: text}}\n"
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, text))
    assert info.value.code == "schema" and "reserved" in str(info.value)


def test_a_policy_cannot_redefine_a_vocabulary_event(tmp_path):
    text = BASE + "events:\n  visit:\n    description: something else\n"
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, text))
    assert info.value.code == "duplicate_id" and "visit" in str(info.value)


def test_part_file_events_take_their_name_from_the_key(tmp_path):
    text = BASE + "events:\n  thing_happened:\n    description: x\n"
    assert load_policy(write(tmp_path, text)).vocabulary["thing_happened"].name == "thing_happened"


def test_a_role_field_is_an_enum_of_the_vocabulary_roles(tmp_path):
    text = BASE + "events:\n  thing_decided:\n    description: x\n    fields:\n      by: {type: role}\n"
    field = load_policy(write(tmp_path, text)).vocabulary["thing_decided"].fields["by"]
    assert field.type == "enum"
    assert {"team_manager", "iro", "adm"} <= set(field.values) and "manager" not in field.values


def test_star_in_an_extension_means_every_state_of_the_extended_pathway(tmp_path):
    write(tmp_path, BASE)
    local = (f"id: local\ntitle: Local\nextends: {tmp_path / 'mini.yaml'}\nextend_pathways:\n"
             "  - id: p\n    states: [{id: paused}]\n    transitions:\n      - {event: visit, from: '*'}\n")
    policy = load_policy(write(tmp_path, local, "local.yaml"))
    [t] = [t for t in policy.pathway("p").transitions if t.event == "visit"]
    assert t.source == ("none", "open", "paused")
