"""England baseline, fostering approvals (CPPCR 2010 regs 24-25, FSR 2011 reg 28). Dates counted by hand.

A connected person is temporarily approved on Mon 8 Jan 2024. 16 weeks = 112 days: 23 days to
31 Jan, 29 in February (52), 31 in March (83), 29 in April (112) -> Mon 29 Apr 2024. 24 weeks = 168
days: 29 Apr + 56 days (1 to 31 May is 32, then 24 in June) -> Mon 24 Jun 2024.
"""

import pytest
from typer.testing import CliRunner

from conftest import case, check, only, shape
from journey.cli import app

P = "england.fostering."
APPROVED = ("2024-01-08", "connected_person_approved")


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == P + rule]


@pytest.mark.parametrize("at, late", [("2024-04-29", None), ("2024-04-30", (1, "days"))])
def test_temporary_approval_ends_within_16_weeks(at, late):
    v = check(case(APPROVED, (at, "temporary_approval_ended", {"outcome": "approved"})))
    found = findings(v, "temporary_approval_16_weeks")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-29", at, late)])


def test_an_extension_before_expiry_stops_the_16_week_clock():
    v = check(case(APPROVED, ("2024-04-22", "temporary_approval_extended"),
                   ("2024-06-24", "temporary_approval_ended", {"outcome": "approved"})))
    assert findings(v, "temporary_approval_16_weeks") == [] and findings(v, "extended_approval_24_weeks") == []


def test_an_extension_after_expiry_comes_too_late():
    v = check(case(APPROVED, ("2024-04-30", "temporary_approval_extended")))
    f = only(v, rule=P + "temporary_approval_16_weeks")
    assert (f.kind, f.due) == ("missing", "2024-04-29")


@pytest.mark.parametrize("at, late", [("2024-06-24", None), ("2024-06-25", (1, "days"))])
def test_an_extended_approval_ends_within_24_weeks_in_all(at, late):
    v = check(case(APPROVED, ("2024-04-22", "temporary_approval_extended"),
                   (at, "temporary_approval_ended", {"outcome": "placement_ended"})))
    found = findings(v, "extended_approval_24_weeks")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-06-24", at, late)])
    assert v.states["fostering"] == "ended"


def test_a_second_extension_is_illegal():
    v = check(case(APPROVED, ("2024-04-22", "temporary_approval_extended"), ("2024-06-20", "temporary_approval_extended")))
    f = only(v, rule=P + "sequence")
    assert (f.kind, f.end.index, f.severity) == ("illegal_transition", 2, "statute")


# Approved Mon 15 Jan 2024 -> first review within a year: Wed 15 Jan 2025 (Thu 16 Jan: 1 day late);
# a review on 15 Jan 2025 makes the next due Thu 15 Jan 2026.
@pytest.mark.parametrize("reviews, expected", [
    (["2025-01-15", "2026-01-15"], []),
    (["2025-01-16"], [("gap", "2025-01-15", "2025-01-16", (1, "days"))]),
    (["2025-01-15", "2026-01-16"], [("gap", "2026-01-15", "2026-01-16", (1, "days"))]),
])
def test_annual_review_of_approval(reviews, expected):
    v = check(case(("2024-01-15", "foster_carer_approved"), *[(d, "foster_carer_review_held") for d in reviews]))
    assert [shape(f) for f in findings(v, "annual_review_of_approval")] == expected


def test_a_connected_person_approved_at_the_end_of_temporary_approval_is_reviewed_within_a_year():
    # Approved on Mon 29 Apr 2024 -> first review due Tue 29 Apr 2025.
    v = check(case(APPROVED, ("2024-04-29", "temporary_approval_ended", {"outcome": "approved"})), as_of="2025-04-30")
    assert shape(only(v, rule=P + "annual_review_of_approval"))[:2] == ("missing", "2025-04-29")


def test_a_review_of_a_carer_who_is_not_approved_is_illegal():
    v = check(case(APPROVED, ("2024-02-01", "foster_carer_review_held")))
    assert only(v, rule=P + "sequence").kind == "illegal_transition"


def test_every_rule_is_listed_and_every_event_routed():
    runner = CliRunner()
    rules = runner.invoke(app, ["rules"]).stdout
    for r in ["temporary_approval_16_weeks", "extended_approval_24_weeks", "annual_review_of_approval"]:
        assert f"{P}{r}  [" in rules
    lines = runner.invoke(app, ["events"]).stdout.splitlines()
    for e in ["connected_person_approved", "temporary_approval_extended", "temporary_approval_ended",
              "foster_carer_approved", "foster_carer_review_held", "foster_carer_approval_terminated"]:
        block = lines[next(i for i, line in enumerate(lines) if line.startswith(f"{e}  — ")) + 1]
        assert "fostering" in block, (e, block)
