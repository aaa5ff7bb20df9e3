"""Comparing a local policy with the statutory one, and timescales side by side."""

import textwrap
from pathlib import Path

import pytest

from journey.spec.compare import TOPICS, Topic, compare_rules, standing, timescale_table
from journey.spec.load import load_policy

LOCAL = textwrap.dedent("""\
    id: local
    title: Local
    extends: england
    rules:
      - id: local.child_protection.icpc_10
        title: ICPC in 10 working days
        kind: deadline
        pathway: child_protection
        severity: local
        tightens: england.child_protection.icpc_within_15_working_days
        source: {document: seed}
        start: {event: strategy_discussion_held, where: "outcome == 's47'"}
        end: {event: icpc_held}
        limit: {value: 10, unit: working_days}
      - id: local.child_protection.rcpc_7_months
        title: Reviews seven-monthly
        kind: recurring
        pathway: child_protection
        severity: local
        tightens: england.child_protection.reviews_every_6_months
        source: {document: seed}
        event: {event: rcpc_held}
        every: {value: 7, unit: months}
        while_in: [plan]
      - id: local.front_door.decide_in_2_days
        title: Decide in 2 days
        kind: deadline
        pathway: front_door
        severity: local
        tightens: england.front_door.decision_within_1_working_day
        source: {document: seed}
        start: {event: contact_received}
        end: {event: referral_decision}
        limit: {value: 2, unit: days}
      - id: local.front_door.managers_decide
        title: Managers decide
        kind: guard
        pathway: front_door
        severity: local
        tightens: england.front_door.decision_by_social_worker
        source: {document: seed}
        event: {event: referral_decision}
        require: "by in ['team_manager', 'service_manager']"
      - id: local.child_protection.visits
        title: CP visits
        kind: recurring
        pathway: child_protection
        severity: local
        source: {document: seed}
        event: {event: visit, where: "seen == true"}
        every: {value: 10, unit: working_days}
        while_in: [plan]
      - id: local.assessment.disabled_30
        title: Disabled children assessed in 30 working days
        kind: deadline
        pathway: assessment
        severity: local
        source: {document: seed}
        start: {event: assessment_started, where: "child.disabled == true"}
        end: {event: assessment_authorised}
        limit: {value: 30, unit: working_days}
    """)


@pytest.fixture()
def local(tmp_path: Path):
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL)
    return load_policy(path)


def test_each_added_rule_is_stricter_same_laxer_or_local_only(local):
    found = {c.rule.id: c.standing for c in compare_rules(local, load_policy("england"))}
    assert found == {
        "local.child_protection.icpc_10": "stricter",
        "local.child_protection.rcpc_7_months": "laxer",
        # 2 calendar days can end after 1 working day (a Friday contact), so it is not always stricter.
        "local.front_door.decide_in_2_days": "not always stricter",
        "local.front_door.managers_decide": "stricter",  # a subset of the roles England allows
        "local.child_protection.visits": "local only",
        "local.assessment.disabled_30": "local only",
    }


def test_inherited_rules_are_not_compared(local):
    assert not [c for c in compare_rules(local, load_policy("england")) if c.rule.id.startswith("england.")]


def test_a_minimum_wait_is_stricter_when_longer():
    policy = load_policy("england")
    base = policy.rule("england.front_door.decision_within_1_working_day")
    longer = base.model_copy(update={"limit": base.limit.model_copy(update={"bound": "min", "value": 3})})
    shorter = base.model_copy(update={"limit": base.limit.model_copy(update={"bound": "min", "value": 1})})
    assert standing(longer, shorter) == "stricter"
    assert standing(shorter, longer) == "laxer"
    assert standing(longer, base) == "not comparable"  # a minimum against a maximum


def test_rules_of_different_kinds_are_not_comparable():
    policy = load_policy("england")
    assert standing(policy.rule("england.front_door.decision_by_social_worker"),
                    policy.rule("england.front_door.decision_within_1_working_day")) == "not comparable"


def test_table_shows_the_most_local_rule_and_leaves_out_empty_topics(local):
    table = timescale_table([load_policy("england"), local])
    rows = dict(table.rows)
    assert table.policies == ("england", "local")
    assert rows["ICPC"] == ("15 working days", "10 working days")
    assert rows["RCPC then"] == ("every 6 months", "every 7 months")
    assert rows["CP visits"] == ("—", "every 10 working days")
    # The disabled-children rule applies to some children only, so it is starred.
    assert rows["assessment"] == ("45 working days", "30 working days*")
    assert "LAC review second" not in rows or any(c != "—" for c in rows["LAC review second"])


def test_a_topic_with_no_rule_anywhere_is_omitted():
    table = timescale_table([load_policy("england")], [Topic("nothing", "no_such_event")])
    assert table.rows == ()


def test_topics_have_unique_labels():
    labels = [t.label for t in TOPICS]
    assert len(labels) == len(set(labels))
