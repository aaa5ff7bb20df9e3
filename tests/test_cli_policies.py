"""The policy-comparison commands: `rules --compare`, `rules --ambiguities`, `--interpretation`,
`compare-policies`."""

import csv
import io
import json

from typer.testing import CliRunner

from journey.cli import app

runner = CliRunner()
FOUR_WEEKLY = "bcp.child_in_need.visits_four_weekly"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_rules_compare_text_names_standing_and_the_rule_tightened():
    result = run("rules", "--policy", "bcp", "--compare", "england")
    assert result.exit_code == 0, result.output
    line = next(l for l in result.stdout.splitlines() if "bcp.front_door.contact_processed_within_24_hours" in l)
    assert line.startswith("stricter")
    assert "tightens england.front_door.decision_within_1_working_day: within 1 working day" in result.stdout
    assert f"local only           {FOUR_WEEKLY}" in result.stdout
    assert "england." not in result.stdout.split("tightens")[0]  # inherited rules are not listed


def test_rules_compare_csv_has_one_row_per_local_rule():
    result = run("rules", "--policy", "bcp", "--compare", "england", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["rule"].split(".")[0] for r in rows} == {"bcp"}
    icpc = next(r for r in rows if r["rule"] == "bcp.child_protection.icpc_within_15_working_days")
    assert (icpc["standing"], icpc["tightens"]) == ("same", "england.child_protection.icpc_within_15_working_days")
    assert next(r for r in rows if r["rule"] == FOUR_WEEKLY)["standing"] == "local only"


def test_rules_ambiguities_lists_readings_and_the_chosen_one():
    result = run("rules", "--policy", "bcp", "--ambiguities")
    assert result.exit_code == 0
    assert FOUR_WEEKLY in result.stdout
    assert "four_weeks [chosen]" in result.stdout
    assert f"twenty_working_days [--interpretation {FOUR_WEEKLY}=twenty_working_days]" in result.stdout
    assert "from_referral_acceptance [not modelled]" in result.stdout  # inherited from england


def test_rules_ambiguities_csv():
    result = run("rules", "--policy", "bcp", "--ambiguities", "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["rule"] == FOUR_WEEKLY]
    assert [(r["interpretation"], r["chosen"]) for r in rows] == [("four_weeks", "true"), ("twenty_working_days", "false")]
    assert json.loads(rows[1]["overrides"])["every"] == {"value": 20, "unit": "working_days"}


def test_rules_with_an_interpretation_shows_the_reread_rule():
    result = run("rules", "--policy", "bcp", "-i", f"{FOUR_WEEKLY}=twenty_working_days", "--format", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(result.stdout)) if r["rule"] == FOUR_WEEKLY)
    assert "every 20 working days" in row["what"]


def test_validate_with_an_interpretation(tmp_path):
    # CIN plan Mon 1 Jul 2024; a visit on Mon 29 Jul is exactly four weeks later. The next visit,
    # Tue 27 Aug, is 29 days after it: late under "four weeks" (due Mon 26 Aug), but within 20
    # working days (30 Jul-2 Aug 4, 5-9 Aug 9, 12-16 Aug 14, 19-23 Aug 19, Tue 27 Aug 20; the
    # bank holiday Mon 26 Aug is not a working day) -> due Tue 27 Aug.
    case = {"case_id": "CIN-1", "events": [
        {"at": "2024-07-01", "type": "cin_plan_started"},
        {"at": "2024-07-29", "type": "visit", "seen": True},
        {"at": "2024-08-27", "type": "visit", "seen": True},
        {"at": "2024-08-28", "type": "cin_plan_reviewed"}]}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    plain = run("validate", path, "--policy", "bcp", "--format", "json")
    reread = run("validate", path, "--policy", "bcp", "--format", "json", "--interpretation",
                 f"{FOUR_WEEKLY}=twenty_working_days")
    late = [f for f in json.loads(plain.stdout)["findings"] if f["rule"] == FOUR_WEEKLY]
    assert [(f["kind"], f["due"]) for f in late] == [("gap", "2024-08-26")]
    assert [f for f in json.loads(reread.stdout)["findings"] if f["rule"] == FOUR_WEEKLY] == []


def test_bad_interpretation_is_a_usage_error():
    result = run("rules", "--policy", "bcp", "--interpretation", "no_equals_sign")
    assert result.exit_code == 2 and "RULE_ID=INTERP_ID" in result.stderr
    result = run("rules", "--policy", "bcp", "--interpretation", f"{FOUR_WEEKLY}=fortnightly")
    assert result.exit_code == 2
    assert "four_weeks, twenty_working_days" in result.stderr and "[unknown_rule]" in result.stderr


def test_compare_policies_csv():
    result = run("compare-policies", "--format", "csv", "--policies", "england,bcp")
    assert result.exit_code == 0, result.output
    rows = {r["topic"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert list(next(iter(rows.values()))) == ["topic", "england", "bcp"]
    assert (rows["ICPC"]["england"], rows["ICPC"]["bcp"]) == ("15 working days", "15 working days")
    assert rows["CP visits"]["bcp"] == "every 10 working days, then every 3 weeks"
    assert rows["CIN visits"]["bcp"] == "every 4 weeks"


def test_compare_policies_text_defaults_to_every_policy_england_first():
    result = run("compare-policies")
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header[:2] == ["topic", "england"] and "bcp" in header


def test_compare_policies_unknown_policy_is_a_usage_error():
    result = run("compare-policies", "--policies", "england,atlantis")
    assert result.exit_code == 2 and "atlantis" in result.stderr
