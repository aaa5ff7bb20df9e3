"""England baseline, leaving care (CPPCR 2010 Part 7, Care Leavers (England) Regs 2010). Dates by hand."""

import pytest
from typer.testing import CliRunner

from conftest import case, check, only
from journey.cli import app

P = "england.leaving_care."
LEAP = {"date_of_birth": "2008-02-29"}  # 16 on Thu 29 Feb 2024 (a leap year)


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == P + rule]


def shape(f):
    return f.kind, f.due, f.actual, (f.late_by.value, f.late_by.unit) if f.late_by else None


# Eligible from the 16th birthday, Thu 29 Feb 2024 -> needs assessment by Wed 29 May 2024; Thu 30 May: 1 day late.
@pytest.mark.parametrize("at, late", [("2024-05-29", None), ("2024-05-30", (1, "days"))])
def test_needs_assessment_within_3_months_of_16(at, late):
    v = check(case(("2024-02-29", "care_leaver_status_changed", {"status": "eligible"}),
                   (at, "needs_assessment_completed"), child=LEAP))
    found = findings(v, "needs_assessment_within_3_months_of_16")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-05-29", at, late)])
    assert all(f.start is None for f in found)


def test_needs_assessment_counts_from_becoming_eligible_after_16():
    # Eligible from Mon 1 Jul 2024 (aged 16 and 4 months) -> due Tue 1 Oct 2024.
    c = case(("2024-07-01", "care_leaver_status_changed", {"status": "eligible"}), child=LEAP)
    assert [p.due for p in check(c).pending if p.rule == P + "needs_assessment_within_3_months_of_16"] == ["2024-10-01"]
    assert shape(only(check(c, as_of="2024-10-02"), rule=P + "needs_assessment_within_3_months_of_16"))[:2] == (
        "missing", "2024-10-01")


def test_needs_assessment_without_a_date_of_birth_is_indeterminate():
    v = check(case(("2024-07-01", "care_leaver_status_changed", {"status": "eligible"})))
    f = only(v, rule=P + "needs_assessment_within_3_months_of_16")
    assert f.kind == "indeterminate" and v.legal


# Relevant from Mon 15 Jan 2024 -> first review within 6 months: Mon 15 Jul 2024 (Tue 16 Jul: 1 day late);
# a review on 15 Jul makes the next due Wed 15 Jan 2025 (Thu 16 Jan: 1 day late), also after the
# young person becomes former relevant on 1 Oct 2024 (the rule stays live).
@pytest.mark.parametrize("reviews, expected", [
    (["2024-07-15", "2025-01-15"], []),
    (["2024-07-16"], [("gap", "2024-07-15", "2024-07-16", (1, "days"))]),
    (["2024-07-15", "2025-01-16"], [("gap", "2025-01-15", "2025-01-16", (1, "days"))]),
])
def test_pathway_plan_reviewed_at_least_six_monthly(reviews, expected):
    events = [("2024-01-15", "care_leaver_status_changed", {"status": "relevant"}),
              ("2024-01-20", "pathway_plan_prepared"),
              ("2024-10-01", "care_leaver_status_changed", {"status": "former_relevant"})]
    events += [(d, "pathway_plan_reviewed") for d in reviews]
    v = check(case(*sorted(events, key=lambda e: e[0]), child={"date_of_birth": "2006-10-01"}))
    assert [shape(f) for f in findings(v, "pathway_plan_reviews_every_6_months")] == expected
    assert findings(v, "sequence") == []


def test_staying_put_only_for_a_former_relevant_child():
    bad = check(case(("2024-01-15", "care_leaver_status_changed", {"status": "relevant"}),
                     ("2024-02-01", "staying_put_started")))
    f = only(bad, rule=P + "sequence")
    assert (f.kind, f.end.index, f.severity) == ("illegal_transition", 1, "statute")
    ok = check(case(("2024-01-15", "care_leaver_status_changed", {"status": "former_relevant"}),
                    ("2024-02-01", "staying_put_started")))
    assert findings(ok, "sequence") == [] and ok.states["leaving_care"] == "staying_put"


def test_an_assessment_for_someone_not_a_care_leaver_is_illegal():
    v = check(case(("2024-01-15", "needs_assessment_completed")))
    assert only(v, rule=P + "sequence").kind == "illegal_transition"


def test_every_rule_is_listed_and_every_event_routed():
    runner = CliRunner()
    rules = runner.invoke(app, ["rules"]).stdout
    for r in ["needs_assessment_within_3_months_of_16", "pathway_plan_reviews_every_6_months"]:
        assert f"{P}{r}  [" in rules
    lines = runner.invoke(app, ["events"]).stdout.splitlines()
    for e in ["care_leaver_status_changed", "needs_assessment_completed", "pathway_plan_prepared",
              "pathway_plan_reviewed", "personal_adviser_appointed", "staying_put_started", "staying_put_ended",
              "leaving_care_ended"]:
        block = lines[next(i for i, line in enumerate(lines) if line.startswith(f"{e}  — ")) + 1]
        assert "leaving_care" in block, (e, block)
