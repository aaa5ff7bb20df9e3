"""The command line: output formats, exit status 0/1/2, and nothing written on bad input."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journey.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_validate_bundled_example_json():
    result = run("validate", EXAMPLES / "c-0001.json", "--format", "json")
    assert result.exit_code == 1, result.output
    verdict = json.loads(result.stdout)
    assert verdict["case_id"] == "C-0001" and verdict["as_of"] == "2024-07-20"
    assert verdict["legal"] is False
    # ICPC: strategy discussion Tue 12 Mar 2024 -> due Thu 4 Apr (Easter counted out); held Fri 5 Apr.
    [late] = [f for f in verdict["findings"] if f["kind"] == "late"]
    assert (late["due"], late["actual"], late["late_by"]) == ("2024-04-04", "2024-04-05",
                                                              {"value": 1, "unit": "working_days"})
    # Next review conference: 3 Jul 2024 + 6 months = 3 Jan 2025, still pending.
    assert {"rule": "england.child_protection.reviews_every_6_months", "pathway": "child_protection",
            "due": "2025-01-03", "start": {"index": 11, "type": "rcpc_held", "at": "2024-07-03"}} in verdict["pending"]


def test_text_output_mentions_rule_and_source():
    result = run("validate", EXAMPLES / "c-0001.json")
    assert result.exit_code == 1
    assert "england.child_protection.icpc_within_15_working_days" in result.stdout
    assert "Working Together to Safeguard Children 2023" in result.stdout


def test_batch_jsonl_gives_one_json_line_per_case():
    result = run("validate", EXAMPLES / "cases.jsonl", "--format", "json")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["case_id"] for v in lines] == ["C-0002", "C-0003", "C-0004"]
    assert result.exit_code == 1


def test_csv_output_has_a_row_per_finding_and_every_case():
    result = run("validate", EXAMPLES / "cases.csv", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["case_id"] for r in rows} == {"C-0005", "C-0006"}
    # C-0005: contact Wed 1 May 2024 11:00, decision Fri 3 May -> due Thu 2 May, 1 working day late.
    [late] = [r for r in rows if r["case_id"] == "C-0005" and r["kind"] == "late"]
    assert (late["due"], late["late_by_value"], late["late_by_unit"]) == ("2024-05-02", "1", "working_days")


def test_clean_case_exits_zero(tmp_path):
    p = tmp_path / "ok.json"
    p.write_text(json.dumps({"case_id": "OK-1", "events": [
        {"at": "2024-01-08T09:00", "type": "contact_received"},
        {"at": "2024-01-08T10:00", "type": "referral_decision", "outcome": "nfa", "by": "social_worker"}]}))
    result = run("validate", p)
    assert result.exit_code == 0, result.output
    assert "no findings" in result.stdout


@pytest.mark.parametrize("content, words", [
    ('{"case_id": "C-9", "events": [{"at": "2024-01-01", "type": "contact_recieved"}]}',
     ["case C-9", "event 0", "field 'type'"]),
    ('{"case_id": "C-9", "events": [{"at": "2023-02-29", "type": "contact_received"}]}',
     ["case C-9", "event 0", "field 'at'"]),
    ('{"case_id": "C-9", "events": [{"at": "2024-01-02", "type": "contact_received"},'
     ' {"at": "2024-01-01", "type": "contact_received"}]}', ["case C-9", "event 1", "field 'at'"]),
    ('{"case_id": "C-9", "events": [', ["invalid JSON"]),
])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, content, words):
    p = tmp_path / "bad.json"
    p.write_text(content)
    out = tmp_path / "out.json"
    result = run("validate", p, "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and message.startswith("error: ")
    for w in words:
        assert w in message, message
    assert not out.exists() and list(tmp_path.iterdir()) == [p]


def test_output_file_written_when_input_is_good(tmp_path):
    out = tmp_path / "out.json"
    result = run("validate", EXAMPLES / "c-0001.json", "--format", "json", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text())["case_id"] == "C-0001"


def test_usage_errors_exit_2():
    assert run("validate", EXAMPLES / "c-0001.json", "--policy", "atlantis").exit_code == 2
    assert run("validate", EXAMPLES / "c-0001.json", "--as-of", "2024-13-01").exit_code == 2
    assert run("validate", EXAMPLES / "c-0001.json", "--format", "xml").exit_code == 2
    assert run("validate", EXAMPLES / "missing.json").exit_code == 2


def test_as_of_moves_pending_to_missing():
    result = run("validate", EXAMPLES / "c-0001.json", "--format", "json", "--as-of", "2025-02-01")
    verdict = json.loads(result.stdout)
    assert verdict["as_of"] == "2025-02-01"
    assert any(f["kind"] == "missing" and f["due"] == "2025-01-03" for f in verdict["findings"])


def test_rules_lists_every_rule_with_citation():
    result = run("rules")
    assert result.exit_code == 0
    for rid in ("england.front_door.decision_within_1_working_day",
                "england.child_protection.reviews_every_6_months"):
        assert rid in result.stdout
    assert "Working Together" in result.stdout


def test_explain_a_rule_and_a_near_miss():
    result = run("explain", "england.child_protection.icpc_within_15_working_days")
    assert result.exit_code == 0
    assert "15 working days" in result.stdout and "strategy discussion" in result.stdout
    assert "lapses on" in result.stdout
    miss = run("explain", "england.child_protection.icpc_within_15_workingdays")
    assert miss.exit_code == 2 and "did you mean" in miss.stderr


def test_explain_finds_a_local_rule_in_the_policy_its_id_names():
    result = run("explain", "barnet.child_protection.baby_seen_awake_every_2_weeks")
    assert result.exit_code == 0 and "until the child is 1 year\n" in result.stdout
    assert run("explain", "barnet.child_protection.baby_seen_awake_every_2_weeks", "--policy", "england").exit_code == 2


def test_events_lists_the_vocabulary_with_fields_and_pathways():
    result = run("events")
    assert result.exit_code == 0
    assert "strategy_discussion_held" in result.stdout and "child_protection" in result.stdout
    assert "outcome*" in result.stdout


def test_parallel_batch_matches_serial(tmp_path):
    serial = run("validate", EXAMPLES / "cases.jsonl", "--format", "json")
    parallel = run("validate", EXAMPLES / "cases.jsonl", "--format", "json", "--jobs", "2")
    assert parallel.exit_code == serial.exit_code == 1
    assert parallel.stdout == serial.stdout
