"""England baseline: allegations against people who work with children (LADO). Dates counted by
hand: Good Friday 29 Mar 2024 and Easter Monday 1 Apr 2024 are bank holidays."""

import pytest

from conftest import case, check, only

LADO = "england.lado.informed_within_1_working_day"


# Allegation Thu 28 Mar 2024 -> one working day: Fri 29 Mar and Mon 1 Apr are holidays -> Tue 2 Apr;
# Wed 3 Apr is one working day late.
@pytest.mark.parametrize("informed, late", [("2024-04-02", None), ("2024-04-03", 1)])
def test_lado_informed_within_one_working_day(informed, late):
    v = check(case(("2024-03-28", "staff_allegation_received"), (informed, "lado_informed"),
                   ("2024-06-01", "staff_allegation_concluded", {"outcome": "unsubstantiated"})))
    found = [f for f in v.findings if f.rule == LADO]
    assert [(f.kind, f.due, f.late_by.value, f.late_by.unit) for f in found] == (
        [] if late is None else [("late", "2024-04-02", late, "working_days")])
    assert v.states["lado"] == "concluded"


def test_the_childs_death_does_not_end_the_duty_to_tell_the_lado():
    v = check(case(("2024-03-28", "staff_allegation_received"), ("2024-03-28", "child_died")), as_of="2024-04-03")
    f = only(v, rule=LADO)
    assert (f.kind, f.due) == ("missing", "2024-04-02")
    assert v.states["lado"] == "allegation"


def test_concluding_before_the_lado_is_told_is_out_of_order():
    f = only(check(case(("2024-03-28", "staff_allegation_received"),
                        ("2024-03-28", "staff_allegation_concluded", {"outcome": "unfounded"}))),
             kind="illegal_transition")
    assert f.rule == "england.lado.sequence"
