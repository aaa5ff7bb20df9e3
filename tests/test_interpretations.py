"""Selecting another reading of an ambiguous rule at load time (``load_policy(name, interpretations)``)."""

import textwrap
from pathlib import Path

import pytest

from journey.errors import PolicyError
from journey.spec.interpretations import ambiguous_rules, chosen_reading, merge
from journey.spec.load import available_policies, load_policy

POLICY = textwrap.dedent("""\
    id: mini
    title: Mini
    extends: england
    rules:
      - id: mini.front_door.decide
        title: Decide within 15 days
        kind: deadline
        pathway: front_door
        severity: local
        source: {document: seed, line: 1, quote: "within 15 days"}
        start: {event: contact_received}
        end: {event: referral_decision, where: "outcome == 'assessment'"}
        limit: {value: 15, unit: days}
        interpretations:
          - {id: calendar, description: calendar days, chosen: true}
          - id: working
            description: working days
            overrides: {limit: {unit: working_days}}
          - id: words_only
            description: described, not modelled
          - id: broken
            description: a unit the schema does not know
            overrides: {limit: {unit: fortnights}}
          - id: renamed
            description: may not rename the rule
            overrides: {id: mini.front_door.other}
          - id: other_end
            description: any decision ends it
            overrides: {end: {where: null}}
    """)
RULE = "mini.front_door.decide"


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(POLICY)
    return path


def test_a_reading_replaces_only_the_fields_it_names(mini):
    rule = load_policy(mini, {RULE: "working"}).rule(RULE)
    assert (rule.limit.value, rule.limit.unit, rule.limit.bound) == (15, "working_days", "max")
    assert str(rule.end.where) == "outcome == 'assessment'"
    assert chosen_reading(rule).id == "working"
    assert [i.id for i in rule.interpretations if i.chosen] == ["working"]


def test_without_a_selection_the_chosen_reading_is_the_rule_as_written(mini):
    rule = load_policy(mini).rule(RULE)
    assert rule.limit.unit == "days" and chosen_reading(rule).id == "calendar"


def test_a_reading_can_clear_a_guard(mini):
    assert load_policy(mini, {RULE: "other_end"}).rule(RULE).end.where is None


def test_selecting_the_chosen_reading_changes_nothing(mini):
    assert load_policy(mini, {RULE: "calendar"}).rule(RULE) == load_policy(mini).rule(RULE)


def test_a_reading_without_overrides_is_a_warning_not_a_change(mini):
    policy = load_policy(mini, {RULE: "words_only"})
    assert policy.rule(RULE).limit.unit == "days"
    assert [i.code for i in policy.issues] == ["interpretation_not_modelled"]


def test_unknown_rule_names_the_rules_that_have_readings(mini):
    with pytest.raises(PolicyError) as info:
        load_policy(mini, {"mini.front_door.decid": "working"})
    assert info.value.code == "unknown_rule"
    assert RULE in str(info.value) and "england.front_door.decision_within_1_working_day" in str(info.value)
    assert "did you mean" in str(info.value)


def test_unknown_reading_names_the_known_ones(mini):
    with pytest.raises(PolicyError) as info:
        load_policy(mini, {RULE: "workin"})
    assert info.value.code == "unknown_rule"
    assert "calendar, working, words_only" in str(info.value)
    assert info.value.path.endswith("mini.yaml") and info.value.line == 5


def test_a_reading_is_validated_like_the_rule(mini):
    with pytest.raises(PolicyError) as info:
        load_policy(mini, {RULE: "broken"})
    assert info.value.code == "schema" and "limit.unit" in str(info.value)


def test_a_reading_cannot_change_which_rule_it_is(mini):
    with pytest.raises(PolicyError) as info:
        load_policy(mini, {RULE: "renamed"})
    assert info.value.code == "schema" and "may not override id" in str(info.value)


def test_inherited_rules_can_be_read_differently(mini):
    policy = load_policy(mini, {"england.front_door.decision_within_1_working_day": "from_contact"})
    assert policy.has_rule("england.front_door.decision_within_1_working_day")


def test_shipped_policies_are_cached_per_set_of_readings():
    assert load_policy("england") is load_policy("england")
    reading = {"england.front_door.decision_within_1_working_day": "from_referral_acceptance"}
    assert load_policy("england", reading) is load_policy("england", dict(reading))
    assert load_policy("england", reading) is not load_policy("england")


def test_merge_keeps_what_the_overrides_do_not_name():
    assert merge({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": 3}, "d": [2]}) == {"a": {"b": 3, "c": 2}, "d": [2]}


@pytest.mark.parametrize("name", available_policies())
def test_every_shipped_reading_applies_and_one_is_chosen(name):
    policy = load_policy(name)
    for rule in ambiguous_rules(policy):
        assert sum(i.chosen for i in rule.interpretations) == 1, rule.id
        for reading in rule.interpretations:
            reread = load_policy(name, {rule.id: reading.id}).rule(rule.id)
            assert chosen_reading(reread).id == reading.id
