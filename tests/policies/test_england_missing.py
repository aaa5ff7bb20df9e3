"""England baseline: missing episodes and return interviews (DfE statutory guidance, January
2014). A clock rule: dates and times counted by hand; 2024-06-03 is a Monday."""

import pytest

from conftest import case, check, only

RHI = "england.missing.return_interview_within_72_hours"


def episode(started, ended, *more):
    return case((started, "missing_started", {"episode": "missing"}), (ended, "missing_ended"), *more)


# Back on Tue 4 Jun 2024 at 10:00 -> interview due by Fri 7 Jun at 10:00.
@pytest.mark.parametrize("ended, interview, kind, late_by, due", [
    ("2024-06-04T10:00", "2024-06-07T10:00", None, None, None),
    ("2024-06-04T10:00", "2024-06-07T11:00", "late", (1, "hours"), "2024-06-07T10:00"),
    ("2024-06-04T10:00", "2024-06-07", "indeterminate", None, "2024-06-07T10:00"),   # any time that day
    ("2024-06-04T10:00", "2024-06-06", None, None, None),                            # by 6 Jun 23:59
    ("2024-06-04", "2024-06-08", "late", (1, "hours"), "2024-06-07"),                # 72 h from 4 Jun at the latest
])
def test_return_interview_within_72_hours(ended, interview, kind, late_by, due):
    v = check(episode("2024-06-03T20:00", ended, (interview, "return_interview_held", {"outcome": "held"})))
    found = [f for f in v.findings if f.rule == RHI]
    assert [f.kind for f in found] == ([kind] if kind else [])
    if found:
        assert found[0].due == due and found[0].severity == "statutory_guidance"
        assert (found[0].late_by.value, found[0].late_by.unit) == late_by if late_by else found[0].late_by is None
    assert v.legal is (kind != "late")
    assert v.states["missing"] == "none"


def test_no_interview_is_pending_then_missing():
    c = episode("2024-06-03T20:00", "2024-06-04T10:00")
    assert [p.due for p in check(c, as_of="2024-06-07").pending if p.rule == RHI] == ["2024-06-07T10:00"]
    f = only(check(c, as_of="2024-06-08"), rule=RHI)
    assert (f.kind, f.due) == ("missing", "2024-06-07T10:00")


def test_going_missing_again_before_the_interview_lapses_it():
    # Back 4 Jun 10:00, missing again 5 Jun 09:00 (inside 72 hours): no finding; back again 6 Jun
    # 12:00, interview 8 Jun 12:00 (exactly 72 hours after the second return).
    c = episode("2024-06-03T20:00", "2024-06-04T10:00",
                ("2024-06-05T09:00", "missing_started", {"episode": "away"}), ("2024-06-06T12:00", "missing_ended"),
                ("2024-06-09T12:00", "return_interview_held", {"outcome": "declined"}))
    assert [f for f in check(c).findings if f.rule == RHI] == []


def test_going_missing_again_after_72_hours_without_an_interview_is_a_breach():
    c = episode("2024-06-03T20:00", "2024-06-04T10:00", ("2024-06-10T09:00", "missing_started", {"episode": "missing"}))
    f = only(check(c), rule=RHI)
    assert (f.kind, f.due) == ("missing", "2024-06-07T10:00")


def test_an_interview_with_no_return_is_out_of_order():
    f = only(check(case(("2024-06-03T20:00", "missing_started"), ("2024-06-04", "return_interview_held"))),
             kind="illegal_transition")
    assert f.rule == "england.missing.sequence"


def test_closing_the_case_does_not_end_the_duty():
    c = episode("2024-06-03T20:00", "2024-06-04T10:00", ("2024-06-05", "case_closed", {"reason": "RC7"}))
    f = only(check(c, as_of="2024-06-08"), rule=RHI)
    assert (f.kind, f.due) == ("missing", "2024-06-07T10:00")
