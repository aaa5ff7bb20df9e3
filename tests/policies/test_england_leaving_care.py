"""England baseline, leaving care (CPPCR 2010 Part 7, Care Leavers (England) Regs 2010). Dates by hand."""

import pytest
from typer.testing import CliRunner

from conftest import case, check, only, shape
from journey.cli import app

P = "england.leaving_care."
LEAP = {"date_of_birth": "2008-02-29"}  # 16 on Thu 29 Feb 2024 (a leap year)


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == P + rule]


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


# --- status derived from age and time in care ---------------------------------------------------
# Born Mon 10 Mar 2008: 14 on 10 Mar 2022, 16 on Sun 10 Mar 2024, 18 on Tue 10 Mar 2026.
# Looked after from Mon 8 Jan 2024 (aged 15). 13 weeks = 91 days: 23 days to 31 Jan, 29 in Feb
# (2024 is a leap year; 52), 31 in Mar (83), 8 in Apr (91) -> Mon 8 Apr 2024. Fri 5 Apr is day 88,
# 12 whole weeks.
BORN_2008 = {"date_of_birth": "2008-03-10"}
IN_CARE = ("2024-01-08", "looked_after_started", {"legal_status": "V2", "placement_type": "U6"})
LAC_VISIT = {"purpose": "looked_after"}


def leaver(*events, start=IN_CARE):
    return case(start, *events, child=BORN_2008)


def test_eligible_once_16_with_13_weeks_in_care_since_14():
    early = check(leaver(("2024-04-05", "lac_review_held")))
    assert early.states["leaving_care"] == "none"  # 16, but 12 weeks
    v = check(leaver(("2024-04-05", "lac_review_held"), ("2024-04-08", "visit", LAC_VISIT)))
    assert v.states["leaving_care"] == "eligible"  # 13 weeks on Mon 8 Apr


# Eligible from Mon 8 Apr 2024 (after the 16th birthday) -> needs assessment by Mon 8 Jul 2024.
@pytest.mark.parametrize("at, late", [("2024-07-08", None), ("2024-07-09", (1, "days"))])
def test_derived_eligibility_starts_the_needs_assessment_clock(at, late):
    v = check(leaver(("2024-04-08", "visit", LAC_VISIT), (at, "needs_assessment_completed")))
    found = findings(v, "needs_assessment_within_3_months_of_16")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-07-08", at, late)])


def test_leaving_care_at_17_makes_a_relevant_child_and_18_a_former_relevant_one():
    # Leaves care Mon 2 Jun 2025 (17): relevant; the first pathway plan review is due six months
    # later, Tue 2 Dec 2025. A review on Tue 10 Mar 2026, the 18th birthday, makes them former relevant.
    c = leaver(("2024-04-08", "visit", LAC_VISIT), ("2025-06-02", "looked_after_ended", {"reason": "E8"}))
    assert check(c).states["leaving_care"] == "relevant"
    pending = [p.due for p in check(c).pending if p.rule == P + "pathway_plan_reviews_every_6_months"]
    assert pending == ["2025-12-02"]
    c = leaver(("2024-04-08", "visit", LAC_VISIT), ("2025-06-02", "looked_after_ended", {"reason": "E8"}),
               ("2025-12-01", "pathway_plan_reviewed"), ("2026-03-10", "pathway_plan_reviewed"))
    v = check(c)
    assert v.states["leaving_care"] == "former_relevant" and findings(v, "pathway_plan_reviews_every_6_months") == []


def test_leaving_care_at_18_makes_a_former_relevant_child():
    v = check(leaver(("2026-03-10", "looked_after_ended", {"reason": "E8"})))
    assert v.states["leaving_care"] == "former_relevant"


def test_leaving_before_16_or_after_too_short_a_time_is_not_a_care_leaver():
    assert check(leaver(("2024-03-01", "looked_after_ended", {"reason": "E8"}))).states["leaving_care"] == "none"
    # In care from Mon 3 Jun 2024 (16) to Fri 30 Aug 2024: 88 days, 12 weeks.
    late_start = ("2024-06-03", "looked_after_started", {"legal_status": "V2", "placement_type": "U6"})
    v = check(leaver(("2024-08-30", "looked_after_ended", {"reason": "E8"}), start=late_start))
    assert v.states["leaving_care"] == "none"


def test_short_breaks_do_not_count_towards_the_13_weeks():
    short = ("2024-01-08", "looked_after_started", {"legal_status": "V3"})
    assert check(leaver(("2024-05-01", "lac_review_held"), start=short)).states["leaving_care"] == "none"


def test_periods_of_care_since_14_add_up():
    # 14 Mar - 13 Jun 2022 (91 days, aged 14) and 1 - 2 Apr 2024 (1 day): 92 days, 13 whole weeks.
    first = ("2022-03-14", "looked_after_started", {"legal_status": "V2"})
    c = leaver(("2022-06-13", "looked_after_ended", {"reason": "E13"}),
               ("2024-04-01", "looked_after_started", {"legal_status": "V2"}),
               ("2024-04-02", "lac_review_held"), start=first)
    assert check(c).states["leaving_care"] == "eligible"


@pytest.mark.parametrize("status, at, ok", [
    ("eligible", "2024-04-08", True),
    ("eligible", "2024-04-05", False),         # 12 weeks
    ("eligible", "2024-03-01", False),         # 15
    ("former_relevant", "2026-03-10", True),
    ("former_relevant", "2026-03-09", False),  # a day short of 18
])
def test_a_recorded_status_must_match_age_and_care(status, at, ok):
    v = check(leaver((at, "care_leaver_status_changed", {"status": status})))
    assert [f.kind for f in findings(v, "status_matches_age_and_care")] == ([] if ok else ["guard_failed"])


@pytest.mark.parametrize("reason, at, ok", [
    ("reached_21", "2029-03-10", True), ("reached_21", "2029-03-09", False),
    ("reached_25", "2033-03-10", True), ("reached_25", "2032-03-10", False),
    ("support_declined", "2027-01-04", True),
])
def test_duties_end_for_age_only_once_that_age_is_reached(reason, at, ok):
    c = leaver(("2026-03-10", "looked_after_ended", {"reason": "E8"}), (at, "leaving_care_ended", {"reason": reason}))
    assert [f.kind for f in findings(check(c), "duties_end_at_21_or_25")] == ([] if ok else ["guard_failed"])
