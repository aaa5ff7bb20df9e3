"""``journey policy-diff``: the rule diff, shrunk examples, the cohort effect, and the README example."""

from __future__ import annotations

import json
import re
import shlex
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from conftest import case
from journey.cli import app
from journey.policy_diff import rule_diff, shrink, workload, workload_category
from journey.simulate import cohort
from journey.spec.load import load_policy

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "policy_diff"
runner = CliRunner()

BASE = textwrap.dedent("""\
    id: local
    title: Local
    extends: england
    rules:
      - id: local.child_protection.cp_visits
        title: CP visits
        kind: recurring
        pathway: child_protection
        severity: local
        source: {document: test}
        event: {event: visit, where: "purpose == 'cp'"}
        every: {value: 20, unit: working_days}
        while_in: [plan]
      - id: local.front_door.decider
        title: Decided by a manager
        kind: guard
        pathway: front_door
        severity: local
        source: {document: test}
        event: {event: referral_decision}
        require: "by in ['team_manager', 'service_manager']"
      - id: local.child_protection.icpc_in_12
        title: ICPC within 12 working days
        kind: deadline
        pathway: child_protection
        severity: local
        source: {document: test}
        start: {event: strategy_discussion_held, where: "outcome == 's47'"}
        end: {event: icpc_held}
        limit: {value: 12, unit: working_days}
    """)


def _write(tmp_path: Path, name: str, text: str):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    return load_policy(path)


def test_rule_diff_names_each_kind_of_change(tmp_path):
    old = _write(tmp_path, "old", BASE)
    new_text = (BASE.replace("value: 20, unit: working_days", "value: 2, unit: weeks")   # 20 WD -> 2 weeks
                .replace("'team_manager', 'service_manager'", "'service_manager'")
                .replace("icpc_in_12", "icpc_in_15").replace("value: 12, unit: working_days", "value: 15, unit: working_days"))
    new = _write(tmp_path, "new", new_text)
    changes = {c.rule: c for c in rule_diff(old, new)}
    # 2 weeks = 14 calendar days is always shorter than 20 working days (at least 20 days).
    assert changes["local.child_protection.cp_visits"].change == "tightened"
    assert changes["local.child_protection.cp_visits"].details == ("every 20 working days → every 2 weeks",)
    assert changes["local.front_door.decider"].change == "tightened"
    assert changes["local.child_protection.icpc_in_12"].change == "removed"
    assert changes["local.child_protection.icpc_in_15"].change == "added"
    assert not any(r.startswith("england.") for r in changes)


def test_rule_diff_loosened_and_changed_guard(tmp_path):
    old = _write(tmp_path, "old", BASE)
    new = _write(tmp_path, "new", BASE.replace("value: 12, unit: working_days", "value: 14, unit: working_days")
                 .replace("where: \"purpose == 'cp'\"", "where: \"seen == true\""))
    changes = {c.rule: c for c in rule_diff(old, new)}
    assert changes["local.child_protection.icpc_in_12"].change == "loosened"
    assert changes["local.child_protection.cp_visits"].change == "changed guard"
    assert changes["local.child_protection.cp_visits"].details == ("event where: purpose == 'cp' → seen == true",)
    assert rule_diff(old, old) == []
    # 3 weeks against 20 working days: shorter or longer depending on the start date.
    mixed = _write(tmp_path, "mixed", BASE.replace("value: 20, unit: working_days", "value: 5, unit: weeks"))
    [change] = rule_diff(old, mixed)
    assert change.change == "changed" and "stricter or laxer depending on the dates" in change.details


def test_shrink_drops_every_event_it_can():
    c = case(("2024-01-08", "contact_received"), ("2024-01-09", "visit"), ("2024-01-10", "visit"),
             ("2024-01-11", "core_group_held"), ("2024-01-12", "visit"))
    small = shrink(c, lambda h: sum(e.type == "visit" for e in h.events) >= 2)
    assert [e.type for e in small.events] == ["visit", "visit"]
    assert [e.index for e in small.events] == [0, 1]


def test_workload_counts_per_child_year():
    assert [workload_category(e) for e in ("visit", "core_group_held", "rcpc_held", "cin_plan_reviewed", "s47_started")] == [
        "visits", "core groups", "conferences", "reviews", None]
    # 1 Jan to 31 Dec 2024 inclusive: 366 days = 1.002 child-years; four visits.
    c = case(("2024-01-01", "visit"), ("2024-03-01", "visit"), ("2024-06-01", "visit"), ("2024-12-31", "visit"))
    w = workload([c])
    assert w.counts == {"visits": 4} and round(w.child_years, 3) == round(366 / 365.25, 3)


def test_cohorts_are_reproducible_from_the_seed():
    england = load_policy("england")
    first = cohort(england, 5, seed=7)
    again = cohort(england, 5, seed=7)
    other = cohort(england, 5, seed=8)
    assert first == again
    assert first != other
    assert len({c.case_id for c in first}) == 5


def _readme_command() -> tuple[list[str], str]:
    """The policy-diff command of the README and the output printed under it."""
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```console\n\$ journey (policy-diff [^\n]+)\n(.*?)```", text, re.S)
    assert block, "README has no policy-diff example"
    return shlex.split(block.group(1)), block.group(2)


def test_readme_policy_diff_example_runs_and_shows_its_key_lines():
    args, shown = _readme_command()
    assert args[1:3] == ["examples/policy_diff/old.yaml", "examples/policy_diff/new.yaml"]
    result = runner.invoke(app, [args[0], *(str(ROOT / a) if a.startswith("examples/") else a for a in args[1:])])
    assert result.exit_code == 0, result.output
    got = result.stdout
    for line in ("policy-diff old → new  (seed 1, 100 simulated cases per policy)",
                 "  tightened      local.child_protection.cp_visits",
                 "      every 20 working days → every 10 working days",
                 "      first: 20 working days → 10 working days"):
        assert line in got and line in shown
    # A shrunk counter-example that breaks the tightened rule, with its timeline and finding.
    assert re.search(r"example 1: newly non-compliant — (gap|missing) local\.child_protection\.cp_visits "
                     r"\(shrunk from \d+ to \d+ events\)", got)
    assert re.search(r"\n     0  \d{4}-\d\d-\d\d \w{3} ", got)
    assert "    under new: " in got
    # Cohort: some OLD-compliant histories fail NEW, none the other way, and visits go up.
    share = re.search(r"compliant under old: (\d+) of 100; non-compliant under new: (\d+)", got)
    assert share and int(share.group(1)) == 100 and int(share.group(2)) > 0
    assert "compliant under new: 100 of 100; non-compliant under old: 0" in got
    visits = re.search(r"  visits +([\d.]+) +([\d.]+)", got)
    assert visits and float(visits.group(2)) > float(visits.group(1))


def test_policy_diff_json_and_bad_format(tmp_path):
    old, new = str(EXAMPLES / "old.yaml"), str(EXAMPLES / "new.yaml")
    result = runner.invoke(app, ["policy-diff", old, new, "--format", "json", "--cases", "30", "--seed", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rules"] == [{"rule": "local.child_protection.cp_visits", "change": "tightened",
                              "old": data["rules"][0]["old"], "new": data["rules"][0]["new"],
                              "details": ["every 20 working days → every 10 working days",
                                          "first: 20 working days → 10 working days"]}]
    assert set(data["workload"]["old"]["per_child_year"]) == {"visits", "reviews", "conferences", "core groups"}
    assert data["cohort"]["compliant_under_old"] == 30
    for ex in data["examples"]:
        assert ex["rule"] == "local.child_protection.cp_visits" and ex["finding"]["rule"] == ex["rule"]
    bad = runner.invoke(app, ["policy-diff", old, new, "--format", "csv"])
    assert bad.exit_code == 2 and "unknown format 'csv'" in bad.output


def test_policy_diff_of_a_policy_with_itself_finds_nothing():
    result = runner.invoke(app, ["policy-diff", "england", "england", "--cases", "20"])
    assert result.exit_code == 0, result.output
    assert "rules: no rule differs" in result.stdout
    assert "histories whose verdict changes: none found" in result.stdout
    assert "non-compliant under england: 0 (0.0%)" in result.stdout


def test_loosening_shows_histories_that_become_compliant():
    """The README example the other way round: from every 10 to every 20 working days."""
    old, new = str(EXAMPLES / "new.yaml"), str(EXAMPLES / "old.yaml")
    result = runner.invoke(app, ["policy-diff", old, new, "--format", "json", "--cases", "40", "--seed", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["change"] for r in data["rules"]] == ["loosened"]
    assert data["cohort"]["non_compliant_under_new"] == 0
    assert data["cohort"]["non_compliant_under_old"] > 0
    assert {e["direction"] for e in data["examples"]} == {"newly compliant"}


def test_transition_diff_lists_added_transitions(tmp_path):
    old = _write(tmp_path, "old", BASE)
    new = _write(tmp_path, "new", BASE + textwrap.dedent("""\
        extend_pathways:
          - id: child_protection
            transitions:
              - {event: core_group_held, from: [plan_agreed]}
        """))
    from journey.policy_diff import transition_diff
    assert [(t.pathway, t.change, t.transition) for t in transition_diff(old, new)] == [
        ("child_protection", "added", "core_group_held: plan_agreed → (stays)")]
    assert transition_diff(old, old) == []
