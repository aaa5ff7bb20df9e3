"""England baseline: private fostering (Children (Private Arrangements for Fostering) Regulations
2005). Every date is counted by hand.

Calendar facts used below: 8 Jan 2024, 19 Feb 2024 and 9 Jan 2023 are Mondays; Good Friday is
29 Mar 2024 and Easter Monday 1 Apr 2024; 2024 is a leap year.
"""

import pytest

from conftest import case, check, only, shape

P = "england.private_fostering."
PF_VISIT = {"purpose": "private_fostering", "seen": True}


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == P + rule]


def proposed(at="2024-01-08"):
    return (at, "private_fostering_notified", {"arrangement": "proposed"})


# Notice of a proposed arrangement on Mon 8 Jan 2024; six weeks = 42 days: 23 days to 31 Jan, 19 in
# February -> Mon 19 Feb 2024 is the earliest start. A start on Fri 16 Feb is 3 days early.
@pytest.mark.parametrize("started, early", [("2024-02-19", None), ("2024-02-16", (3, "days"))])
def test_proposed_arrangement_notified_six_weeks_before(started, early):
    v = check(case(proposed(), ("2024-01-10", "visit", PF_VISIT), (started, "private_fostering_started")))
    found = findings(v, "notified_6_weeks_before")
    assert [shape(f) for f in found] == ([] if early is None else [("early", "2024-02-19", started, early)])
    if found:
        assert found[0].severity == "statute" and v.legal is False
    assert v.states["private_fostering"] == "arrangement"


def test_existing_arrangements_have_no_notice_period():
    v = check(case(("2024-01-08", "private_fostering_notified", {"arrangement": "existing"}),
                   ("2024-01-10", "visit", PF_VISIT)))
    assert findings(v, "notified_6_weeks_before") == []


# Notified Thu 21 Mar 2024: 22 (1), 25-28 (5), Good Friday and Easter Monday, 2 Apr (6), 3 Apr (7)
# -> due Wed 3 Apr 2024; Thu 4 Apr is one working day late.
@pytest.mark.parametrize("visited, late", [("2024-04-03", None), ("2024-04-04", (1, "working_days"))])
def test_visit_within_seven_working_days_of_notification(visited, late):
    v = check(case(("2024-03-21", "private_fostering_notified", {"arrangement": "existing"}),
                   (visited, "visit", PF_VISIT)))
    found = findings(v, "visit_within_7_working_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-03", visited, late)])


def test_a_visit_for_another_purpose_does_not_count():
    v = check(case(("2024-03-21", "private_fostering_notified", {"arrangement": "existing"}),
                   ("2024-03-22", "visit", {"purpose": "cin", "seen": True})), as_of="2024-04-04")
    f = only(v, rule=P + "visit_within_7_working_days")
    assert (f.kind, f.due) == ("missing", "2024-04-03")


def test_a_proposal_that_does_not_go_ahead_lapses_the_visit():
    v = check(case(proposed(), ("2024-01-09", "private_fostering_ended")), as_of="2024-06-01")
    assert v.findings == () and v.pending == ()


# Existing arrangement notified Mon 9 Jan 2023 (the first year runs to 9 Jan 2024). Visit Mon 16 Jan
# (first visit due 9 Jan + 42 days = 20 Feb: met) -> next due 16 Jan + 42 = 15 days to 31 Jan, 27 in
# February -> Mon 27 Feb 2023; a visit on Tue 28 Feb is a one-day gap.
@pytest.mark.parametrize("visited, late", [("2023-02-27", None), ("2023-02-28", (1, "days"))])
def test_visits_every_six_weeks_in_the_first_year(visited, late):
    v = check(case(("2023-01-09", "private_fostering_notified", {"arrangement": "existing"}),
                   ("2023-01-16", "visit", PF_VISIT), (visited, "visit", PF_VISIT)))
    found = findings(v, "visits_6_weekly_then_12_weekly")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2023-02-27", visited, late)])


# Visits every 42 days through the first year: 16 Jan; 27 Feb; 27 Feb + 42 = 1 (28 Feb) + 31 (Mar)
# + 10 -> 10 Apr; + 42 = 20 + 22 -> 22 May; + 42 = 9 + 30 + 3 -> 3 Jul; + 42 = 28 + 14 -> 14 Aug;
# + 42 = 17 + 25 -> 25 Sep; + 42 = 5 + 31 + 6 -> 6 Nov; + 42 = 24 + 18 -> 18 Dec 2023 (still the
# first year) -> next due 18 Dec + 42 = 13 + 29 -> 29 Jan 2024. The visit on 29 Jan 2024 falls after
# the first year (9 Jan 2024), so the next is due 12 weeks = 84 days later: 2 (30, 31 Jan) + 29 (Feb)
# + 31 (Mar) + 22 -> Mon 22 Apr 2024.
FIRST_YEAR = ["2023-01-16", "2023-02-27", "2023-04-10", "2023-05-22", "2023-07-03", "2023-08-14",
              "2023-09-25", "2023-11-06", "2023-12-18", "2024-01-29"]


@pytest.mark.parametrize("visited, late", [("2024-04-22", None), ("2024-04-23", (1, "days"))])
def test_visits_every_twelve_weeks_after_the_first_year(visited, late):
    v = check(case(("2023-01-09", "private_fostering_notified", {"arrangement": "existing"}),
                   *[(d, "visit", PF_VISIT) for d in FIRST_YEAR], (visited, "visit", PF_VISIT)))
    found = findings(v, "visits_6_weekly_then_12_weekly")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-04-22", visited, late)])


# Proposed arrangement starts Mon 19 Feb 2024 -> first visit in the arrangement within 42 days: 10
# (20-29 Feb) + 31 (Mar) + 1 -> Mon 1 Apr 2024. The visit on 10 Jan (before it began) meets the
# 7-working-day visit but does not count towards the arrangement's visits.
def test_first_visit_in_a_proposed_arrangement_within_six_weeks_of_its_start():
    c = case(proposed(), ("2024-01-10", "visit", PF_VISIT), ("2024-02-19", "private_fostering_started"))
    pending = [p.due for p in check(c, as_of="2024-04-01").pending if p.rule == P + "visits_6_weekly_then_12_weekly"]
    assert pending == ["2024-04-01"]
    f = only(check(c, as_of="2024-04-02"), rule=P + "visits_6_weekly_then_12_weekly")
    assert (f.kind, f.due) == ("missing", "2024-04-01")
