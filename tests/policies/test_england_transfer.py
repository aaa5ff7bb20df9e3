"""England baseline: transfer-in of a child protection plan. Dates counted by hand."""

import pytest

from conftest import case, check, only

TRANSFER = "england.transfer.conference_within_15_working_days"


# Notified Tue 10 Dec 2024: 11, 12, 13, 16, 17, 18, 19, 20, 23, 24 (10); 25 and 26 Dec are bank
# holidays; 27, 30, 31 (13); 1 Jan holiday; 2, 3 Jan (15) -> due Fri 3 Jan 2025; Mon 6 Jan is one
# working day late.
@pytest.mark.parametrize("held, late", [("2025-01-03", None), ("2025-01-06", 1)])
def test_transfer_in_conference_within_15_working_days(held, late):
    v = check(case(("2024-12-10", "cp_transfer_notified"),
                   (held, "transfer_in_conference_held", {"outcome": "cp_plan"}), (held, "cp_plan_started")))
    found = [f for f in v.findings if f.rule == TRANSFER]
    assert [(f.kind, f.due, f.late_by.value, f.late_by.unit) for f in found] == (
        [] if late is None else [("late", "2025-01-03", late, "working_days")])
    # The conference starts the child protection plan here, as an initial conference would.
    assert (v.states["transfer"], v.states["child_protection"]) == ("ended", "plan")
    assert not [f for f in v.findings if f.kind == "illegal_transition"]


def test_no_conference_is_pending_then_missing():
    c = case(("2024-12-10", "cp_transfer_notified"))
    assert [p.due for p in check(c, as_of="2025-01-03").pending if p.rule == TRANSFER] == ["2025-01-03"]
    assert only(check(c, as_of="2025-01-04"), rule=TRANSFER).kind == "missing"


def test_a_conference_deciding_no_plan_ends_child_protection():
    v = check(case(("2024-12-10", "cp_transfer_notified"),
                   ("2024-12-20", "transfer_in_conference_held", {"outcome": "no_plan"})))
    assert v.findings == () and v.states["child_protection"] == "ended"


def test_a_transfer_in_conference_without_notice_is_out_of_order():
    f = only(check(case(("2024-12-20", "transfer_in_conference_held", {"outcome": "cp_plan"}))),
             rule="england.transfer.sequence")
    assert f.kind == "illegal_transition"
