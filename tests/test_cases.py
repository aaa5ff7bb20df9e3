"""Case readers: JSON, JSONL and CSV, and errors that name case, event index and field."""

import json

import pytest

from journey.cases import read_cases
from journey.errors import CaseError
from journey.spec.load import load_policy

VOCAB = load_policy("england").vocabulary
GOOD = {"case_id": "C-1", "child": {"date_of_birth": "2016-05-03", "attributes": {"disabled": False}},
        "events": [{"at": "2024-01-08T09:30", "type": "contact_received"},
                   {"at": "2024-01-08T15:00", "type": "referral_decision", "outcome": "nfa", "by": "team_manager"}]}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_json_jsonl_and_csv_agree(tmp_path):
    a = read_cases(write(tmp_path, "a.json", json.dumps(GOOD)), VOCAB)
    b = read_cases(write(tmp_path, "b.jsonl", json.dumps(GOOD) + "\n\n"), VOCAB)
    c = read_cases(write(tmp_path, "c.csv",
                         "case_id,date_of_birth,child.disabled,at,type,outcome,by\n"
                         "C-1,2016-05-03,false,2024-01-08T09:30,contact_received,,\n"
                         "C-1,2016-05-03,false,2024-01-08T15:00,referral_decision,nfa,team_manager\n"), VOCAB)
    assert a == b == c
    assert a[0].events[1].fields == {"outcome": "nfa", "by": "team_manager"}
    assert str(a[0].events[0].at) == "2024-01-08T09:30"


def test_many_cases_in_csv_keep_their_own_order(tmp_path):
    cases = read_cases(write(tmp_path, "m.csv",
                             "case_id,at,type\nA,2024-01-01,contact_received\nB,2024-01-02,contact_received\n"
                             "A,2024-01-03,case_closed\n"), VOCAB)
    assert [(c.case_id, [e.type for e in c.events]) for c in cases] == [
        ("A", ["contact_received", "case_closed"]), ("B", ["contact_received"])]


def bad(tmp_path, mutate) -> str:
    case = json.loads(json.dumps(GOOD))
    mutate(case)
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "bad.json", json.dumps(case)), VOCAB)
    return str(info.value)


@pytest.mark.parametrize("mutate, words", [
    (lambda c: c["events"][1].update(type="referal_decision"),
     ["case C-1", "event 1", "field 'type'", "did you mean 'referral_decision'"]),
    (lambda c: c["events"][0].update(at="2024-02-30"), ["case C-1", "event 0", "field 'at'", "2024-02-30"]),
    (lambda c: c["events"][0].update(at="2024-01-09"), ["case C-1", "event 1", "field 'at'", "earlier than event 0"]),
    (lambda c: c["events"][1].pop("outcome"), ["event 1", "field 'outcome'", "requires outcome"]),
    (lambda c: c["events"][1].update(outcome="maybe"), ["event 1", "field 'outcome'", "not a value"]),
    (lambda c: c["events"][1].update(colour="red"), ["event 1", "field 'colour'", "not a field of referral_decision"]),
    (lambda c: c["events"][0].pop("at"), ["event 0", "field 'at'", "missing"]),
    (lambda c: c.pop("case_id"), ["field 'case_id'"]),
    (lambda c: c["child"].update(date_of_birth="2016-13-01"), ["case C-1", "field 'child.date_of_birth'"]),
    (lambda c: c["child"]["attributes"].update(religion="x"), ["field 'child.attributes.religion'"]),
])
def test_bad_input_names_case_event_and_field(tmp_path, mutate, words):
    message = bad(tmp_path, mutate)
    for w in words:
        assert w in message, message
    assert "\n" not in message


def test_free_text_is_never_echoed(tmp_path):
    message = bad(tmp_path, lambda c: c["events"][0].update(type="Jane Smith, 4 Acacia Avenue"))
    assert "Jane" not in message and "Acacia" not in message and "event 0" in message


def test_invalid_json(tmp_path):
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "x.json", '{"case_id": "C-1", '), VOCAB)
    assert "invalid JSON" in str(info.value) and "line 1" in str(info.value)


def test_jsonl_errors_name_the_line(tmp_path):
    text = json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "case_id": "C-2", "events": [{"type": "visit"}]})
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "x.jsonl", text), VOCAB)
    assert str(info.value).startswith("x.jsonl:2, case C-2, event 0, field 'at'")


def test_duplicate_case_ids(tmp_path):
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "x.jsonl", json.dumps(GOOD) + "\n" + json.dumps(GOOD)), VOCAB)
    assert "twice" in str(info.value)


def test_csv_without_required_columns(tmp_path):
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "x.csv", "case_id,when,type\nA,2024-01-01,visit\n"), VOCAB)
    assert "'at'" in str(info.value)


def test_csv_child_details_must_agree(tmp_path):
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "x.csv", "case_id,date_of_birth,at,type\nA,2016-01-01,2024-01-01,visit\n"
                                            "A,2016-01-02,2024-01-02,visit\n"), VOCAB)
    assert "case A" in str(info.value) and "date_of_birth" in str(info.value)


def test_events_on_the_same_date_with_and_without_time_are_in_order(tmp_path):
    case = {**GOOD, "events": [{"at": "2024-01-08T09:00", "type": "contact_received"},
                               {"at": "2024-01-08", "type": "contact_received"},
                               {"at": "2024-01-08T15:00", "type": "contact_received"}]}
    assert len(read_cases(write(tmp_path, "x.json", json.dumps(case)), VOCAB)[0].events) == 3


def test_a_date_only_event_does_not_hide_a_clock_going_backwards(tmp_path):
    case = {**GOOD, "events": [{"at": "2024-01-08T15:00", "type": "contact_received"},
                               {"at": "2024-01-08", "type": "contact_received"},
                               {"at": "2024-01-08T09:00", "type": "contact_received"}]}
    with pytest.raises(CaseError) as info:
        read_cases(write(tmp_path, "x.json", json.dumps(case)), VOCAB)
    assert "event 2" in str(info.value) and "earlier than event 0" in str(info.value)
