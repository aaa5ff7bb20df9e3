"""England baseline, looked after children (CPPCR 2010). Every expected date was counted by hand.

Calendar used below (2024): Tue 12 Mar; Good Friday 29 Mar and Easter Monday 1 Apr are bank
holidays; the early May bank holiday is Mon 6 May.

From Tue 12 Mar 2024 (day 0), working days: 13, 14, 15 (3); 18, 19 (5) -> 5th is Tue 19 Mar;
20, 21, 22 (8); 25, 26 (10) -> 10th is Tue 26 Mar; 27, 28 (12); 29 Mar and 1 Apr are holidays;
2, 3, 4, 5 Apr (16); 8, 9, 10, 11 Apr (20) -> 20th is Thu 11 Apr; the 21st is Fri 12 Apr.
"""

import datetime as dt

import pytest
from typer.testing import CliRunner

from conftest import case, check, only, shape
from journey.cli import app

P = "england.looked_after."
CHILD = {"date_of_birth": "2016-05-03"}  # aged 7 in 2024
START = ("2024-03-12", "looked_after_started", {"legal_status": "V2", "placement_type": "U6"})
LAC_VISIT = {"purpose": "looked_after"}


def lac(*events, child=CHILD, start=START):
    return case(start, *events, child=child)


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == P + rule]


# --- care plan (reg 4(2)) -------------------------------------------------------------------------

def test_care_plan_on_the_10th_working_day_is_on_time():
    v = check(lac(("2024-03-26", "care_plan_prepared")))
    assert findings(v, "care_plan_within_10_working_days") == []


def test_care_plan_on_the_11th_working_day_is_late():
    v = check(lac(("2024-03-27", "care_plan_prepared")))
    f = only(v, rule=P + "care_plan_within_10_working_days")
    assert shape(f) == ("gap", "2024-03-26", "2024-03-27", (1, "working_days"))
    assert f.severity == "statute" and f.source.ref == "reg 4(2)" and f.start.index == 0


def test_care_plan_prepared_before_the_first_placement_meets_the_rule():
    c = case(("2024-03-08", "care_plan_prepared"), START, child=CHILD)
    v = check(c, as_of="2024-12-31")
    assert findings(v, "care_plan_within_10_working_days") == []
    assert v.states["looked_after"] == "awaiting_first_review"


def test_no_care_plan_is_missing_once_overdue():
    v = check(lac(), as_of="2024-03-27")
    assert shape(only(v, rule=P + "care_plan_within_10_working_days"))[:2] == ("missing", "2024-03-26")


# --- placement plans (reg 9(2)) -------------------------------------------------------------------

@pytest.mark.parametrize("at, late", [("2024-03-19", None), ("2024-03-20", (1, "working_days"))])
def test_placement_plan_for_the_first_placement(at, late):
    v = check(lac(("2024-03-13", "care_plan_prepared"), (at, "placement_plan_prepared")))
    found = findings(v, "placement_plan_within_5_working_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-03-19", at, late)])


# New placement Fri 3 May 2024; Mon 6 May is a bank holiday: 7, 8, 9, 10 (4), 13 (5) -> due Mon 13 May.
@pytest.mark.parametrize("at, late", [("2024-05-13", None), ("2024-05-14", (1, "working_days"))])
def test_placement_plan_for_each_new_placement_skips_the_bank_holiday(at, late):
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-05-03", "placement_changed", {"reason": "CARPL"}),
                  (at, "placement_plan_prepared")))
    found = findings(v, "placement_plan_for_each_new_placement")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-05-13", at, late)])


# --- IRO (IRO Handbook) ---------------------------------------------------------------------------

@pytest.mark.parametrize("at, late", [("2024-03-19", None), ("2024-03-20", (1, "working_days"))])
def test_iro_appointed_within_5_working_days(at, late):
    v = check(lac((at, "iro_appointed")))
    found = findings(v, "iro_appointed_within_5_working_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-03-19", at, late)])
    assert all(f.severity == "statutory_guidance" for f in found)


# --- reviews (reg 33) -----------------------------------------------------------------------------

@pytest.mark.parametrize("at, late", [("2024-04-11", None), ("2024-04-12", (1, "working_days"))])
def test_first_review_within_20_working_days_over_easter(at, late):
    v = check(lac(("2024-03-13", "care_plan_prepared"), (at, "lac_review_held")))
    found = findings(v, "first_review_within_20_working_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-11", at, late)])


# First review Thu 11 Apr 2024 -> second due 11 Jul 2024 (3 months); held Fri 12 Jul: 1 day late.
@pytest.mark.parametrize("at, late", [("2024-07-11", None), ("2024-07-12", (1, "days"))])
def test_second_review_within_3_months_of_the_first(at, late):
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-04-11", "lac_review_held"), (at, "lac_review_held")))
    found = findings(v, "second_review_within_3_months")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-07-11", at, late)])
    assert v.states["looked_after"] == "reviewing"


# Second review Thu 11 Jul 2024 -> third due Sat 11 Jan 2025; held Mon 13 Jan 2025: 2 days late.
@pytest.mark.parametrize("at, late", [("2025-01-10", None), ("2025-01-13", (2, "days"))])
def test_subsequent_reviews_every_6_months(at, late):
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-04-11", "lac_review_held"),
                  ("2024-07-11", "lac_review_held"), (at, "lac_review_held")))
    found = findings(v, "reviews_every_6_months")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2025-01-11", at, late)])


def test_second_review_missing_after_3_months():
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-04-11", "lac_review_held")), as_of="2024-07-12")
    assert shape(only(v, rule=P + "second_review_within_3_months"))[:2] == ("missing", "2024-07-11")


# --- statutory visits (reg 28) --------------------------------------------------------------------

# First visit within one week of Tue 12 Mar: due Tue 19 Mar; then six-weekly: 19 Mar + 42 days = Tue 30 Apr.
@pytest.mark.parametrize("visits, expected", [
    (["2024-03-19", "2024-04-30"], []),
    (["2024-03-20"], [("gap", "2024-03-19", "2024-03-20", (1, "days"))]),
    (["2024-03-19", "2024-05-01"], [("gap", "2024-04-30", "2024-05-01", (1, "days"))]),
])
def test_visits_within_a_week_then_six_weekly(visits, expected):
    v = check(lac(*[(d, "visit", LAC_VISIT) for d in visits]))
    assert [shape(f) for f in findings(v, "visits")] == expected


def test_visits_of_another_purpose_do_not_count():
    v = check(lac(("2024-03-18", "visit", {"purpose": "cin"})), as_of="2024-03-20")
    assert shape(only(v, rule=P + "visits"))[:2] == ("missing", "2024-03-19")


def _six_weekly_visits():
    # Inputs only: visits every 42 days from Tue 19 Mar 2024. The 8th after the first is Tue 18 Feb
    # 2025 (336 days), the 9th Tue 1 Apr 2025 (378 days).
    first = dt.date(2024, 3, 19)
    return [((first + dt.timedelta(days=42 * k)).isoformat(), "visit", LAC_VISIT) for k in range(10)]


def test_visits_become_three_monthly_after_the_first_year():
    # The first year runs to 12 Mar 2025. The visit of Tue 18 Feb 2025 is in the first year, so the
    # next is due six weeks later, 1 Apr 2025 (met). 1 Apr 2025 is after the first year: the next is
    # due three months later, Tue 1 Jul 2025 (a visit on 13 May, six weeks, is not needed).
    on_time = check(lac(*_six_weekly_visits(), ("2025-07-01", "visit", LAC_VISIT)))
    assert findings(on_time, "visits") == []
    late = check(lac(*_six_weekly_visits(), ("2025-07-02", "visit", LAC_VISIT)))
    assert [shape(f) for f in findings(late, "visits")] == [("gap", "2025-07-01", "2025-07-02", (1, "days"))]


def test_visits_six_weekly_reading_after_the_first_year():
    from journey.spec.load import load_policy
    policy = load_policy("england", interpretations={P + "visits": "any_other_placement"})
    c = case(START, *_six_weekly_visits(), ("2025-07-01", "visit", LAC_VISIT), child=CHILD, policy=policy)
    # Under reg 28(2)(c)(ii) the visit after 1 Apr 2025 is due 13 May 2025; 1 Jul is 49 days late.
    assert [shape(f) for f in findings(check(c, policy), "visits")] == [("gap", "2025-05-13", "2025-07-01", (49, "days"))]


# New placement Fri 3 May 2024: visit due within a week, Fri 10 May; Sat 11 May is 1 day late.
@pytest.mark.parametrize("at, late", [("2024-05-10", None), ("2024-05-11", (1, "days"))])
def test_visit_within_a_week_of_each_new_placement(at, late):
    v = check(lac(("2024-05-03", "placement_changed"), (at, "visit", LAC_VISIT)))
    found = findings(v, "visit_within_1_week_of_each_placement")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-05-10", at, late)])


# --- health (reg 7) -------------------------------------------------------------------------------

@pytest.mark.parametrize("at, late", [("2024-04-11", None), ("2024-04-12", (1, "working_days"))])
def test_initial_health_assessment_within_20_working_days(at, late):
    v = check(lac((at, "health_assessment_completed", {"assessment": "initial"})))
    found = findings(v, "initial_health_assessment")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-11", at, late)])


# Initial assessment Thu 11 Apr 2024. Aged 7: next within 12 months, Fri 11 Apr 2025 (Mon 14 Apr: 3 days late).
# Aged 2 (born 10 Jan 2022): next within 6 months, Fri 11 Oct 2024 (Mon 14 Oct: 3 days late).
@pytest.mark.parametrize("dob, second, due, late", [
    ("2016-05-03", "2025-04-11", None, None),
    ("2016-05-03", "2025-04-14", "2025-04-11", 3),
    ("2022-01-10", "2024-10-11", None, None),
    ("2022-01-10", "2024-10-14", "2024-10-11", 3),
])
def test_review_health_assessments_by_age(dob, second, due, late):
    v = check(lac(("2024-04-11", "health_assessment_completed"), (second, "health_assessment_completed"),
                  child={"date_of_birth": dob}))
    found = findings(v, "health_reviews")
    assert [shape(f) for f in found] == ([] if due is None else [("gap", due, second, (late, "days"))])


def test_health_review_interval_lengthens_at_five():
    # Born 1 Jun 2019: 4 at the assessment of 11 Apr 2024 (next due 11 Oct 2024, met on 11 Oct);
    # 5 on 11 Oct 2024, so the next is due 12 months later, Sat 11 Oct 2025; Mon 13 Oct is 2 days late.
    events = [("2024-04-11", "health_assessment_completed"), ("2024-10-11", "health_assessment_completed")]
    ok = check(lac(*events, ("2025-10-10", "health_assessment_completed"), child={"date_of_birth": "2019-06-01"}))
    assert findings(ok, "health_reviews") == []
    late = check(lac(*events, ("2025-10-13", "health_assessment_completed"), child={"date_of_birth": "2019-06-01"}))
    assert [shape(f) for f in findings(late, "health_reviews")] == [("gap", "2025-10-11", "2025-10-13", (2, "days"))]


# --- personal education plan (statutory guidance) -------------------------------------------------

@pytest.mark.parametrize("at, late", [("2024-04-11", None), ("2024-04-12", (1, "working_days"))])
def test_pep_within_20_working_days_for_a_school_age_child(at, late):
    v = check(lac((at, "pep_completed")))
    found = findings(v, "pep_within_20_working_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-11", at, late)])


def test_pep_for_a_child_under_five_is_due_after_the_fifth_birthday():
    # Born 10 Jan 2022: 5 on Sun 10 Jan 2027 (day 0); no bank holidays follow until Easter:
    # Mon 11 - Fri 15 (5); 18-22 (10); 25-29 (15); 1-5 Feb (20) -> Fri 5 Feb 2027.
    v = check(lac(child={"date_of_birth": "2022-01-10"}))
    assert [p.due for p in v.pending if p.rule == P + "pep_within_20_working_days"] == ["2027-02-05"]


# --- permanence plan (statutory guidance) ---------------------------------------------------------

# Looked after 12 Mar 2024 -> four months: Fri 12 Jul 2024; Mon 15 Jul is 3 days late.
@pytest.mark.parametrize("at, late", [("2024-07-12", None), ("2024-07-15", (3, "days"))])
def test_permanence_plan_by_the_second_review(at, late):
    v = check(lac((at, "permanence_plan_agreed", {"plan": "return_home"})))
    found = findings(v, "permanence_plan_by_second_review")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-07-12", at, late)])


# --- short breaks (reg 48, unverified timings) ----------------------------------------------------

SHORT = ("2024-01-02", "looked_after_started", {"legal_status": "V3"})


# First short break Tue 2 Jan 2024 -> first review within 3 months, Tue 2 Apr 2024; Wed 3 Apr: 1 day late.
@pytest.mark.parametrize("at, late", [("2024-04-02", None), ("2024-04-03", (1, "days"))])
def test_short_break_first_review_within_3_months(at, late):
    v = check(lac((at, "lac_review_held"), start=SHORT))
    found = findings(v, "short_break_reviews")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-04-02", at, late)])
    assert v.states["looked_after"] == "short_breaks"
    assert findings(v, "first_review_within_20_working_days") == []  # reg 33(1) does not apply


# First visit due 2 Apr 2024; a visit on 2 Apr makes the next due Wed 2 Oct 2024; Thu 3 Oct: 1 day late.
@pytest.mark.parametrize("visits, expected", [
    (["2024-04-02", "2024-10-02"], []),
    (["2024-04-03"], [("gap", "2024-04-02", "2024-04-03", (1, "days"))]),
    (["2024-04-02", "2024-10-03"], [("gap", "2024-10-02", "2024-10-03", (1, "days"))]),
])
def test_short_break_visits(visits, expected):
    v = check(lac(*[(d, "visit", LAC_VISIT) for d in visits], start=SHORT))
    assert [shape(f) for f in findings(v, "short_break_visits")] == expected
    assert findings(v, "visits") == []  # reg 28(2) does not apply


# --- sequence -------------------------------------------------------------------------------------

def test_closing_the_case_while_looked_after_is_illegal():
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-03-20", "case_closed", {"reason": "RC7"})))
    f = only(v, rule=P + "sequence")
    assert (f.kind, f.end.index, f.severity) == ("illegal_transition", 2, "statute")
    assert "looked_after_ended" in f.message


def test_closing_the_case_after_care_ends_is_legal():
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-03-20", "looked_after_ended", {"reason": "E4A"}),
                  ("2024-03-21", "case_closed", {"reason": "RC7"})))
    assert findings(v, "sequence") == []
    assert v.states["looked_after"] == "none"


def test_a_review_before_there_is_a_care_plan_is_illegal():
    v = check(lac(("2024-03-20", "lac_review_held")))
    f = only(v, rule=P + "sequence")
    assert (f.kind, f.end.index) == ("illegal_transition", 1)


def test_starting_to_be_looked_after_twice_is_illegal():
    v = check(lac(("2024-03-13", "care_plan_prepared"),
                  ("2024-03-20", "looked_after_started", {"legal_status": "C1"})))
    assert only(v, rule=P + "sequence").kind == "illegal_transition"


def test_a_short_break_legal_status_during_care_fails_the_guard():
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-03-20", "legal_status_changed", {"legal_status": "V4"})))
    assert only(v, rule=P + "sequence").kind == "guard_failed"
    ok = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-03-20", "legal_status_changed", {"legal_status": "C1"})))
    assert findings(ok, "sequence") == []


def test_reviews_move_through_the_phases():
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-04-11", "lac_review_held")), as_of="2024-04-11")
    assert v.states["looked_after"] == "awaiting_second_review"
    assert check(lac(), as_of="2024-03-12").states["looked_after"] == "awaiting_care_plan"


def test_placement_for_adoption_suspends_cppcr_reviews():
    # Placed for adoption on 20 Jun 2024 (after the first review): no LAC review is due while placed.
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-04-11", "lac_review_held"),
                  ("2024-06-20", "placed_for_adoption", {"authority": "placement_order"})), as_of="2024-12-31")
    assert v.states["looked_after"] == "placed_for_adoption"
    assert findings(v, "second_review_within_3_months") == []
    assert findings(v, "sequence") == []


def test_a_return_from_adopters_does_not_restart_visits_from_the_start_of_care():
    # Six-weekly visits from 19 Mar 2024 (30 Apr, 11 Jun, 23 Jul); placed for adoption 20 Jun, returned
    # 10 Jul 2024; the visit of 23 Jul is six weeks after 11 Jun: no finding.
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-03-19", "visit", LAC_VISIT),
                  ("2024-04-11", "lac_review_held"), ("2024-04-30", "visit", LAC_VISIT),
                  ("2024-06-11", "visit", LAC_VISIT),
                  ("2024-06-20", "placed_for_adoption", {"authority": "placement_order"}),
                  ("2024-07-10", "adoption_placement_ended"), ("2024-07-23", "visit", LAC_VISIT)))
    assert findings(v, "visits") == [] and v.states["looked_after"] == "reviewing"


def test_the_childs_death_lapses_the_deadlines_not_yet_due():
    # Died Mon 18 Mar 2024, before the first review (due 11 Apr) and the health assessment: nothing is missing.
    v = check(lac(("2024-03-13", "care_plan_prepared"), ("2024-03-14", "placement_plan_prepared"),
                  ("2024-03-14", "iro_appointed"), ("2024-03-18", "child_died")), as_of="2024-12-31")
    assert [f.rule for f in v.findings if f.rule.startswith(P)] == []


# --- listed by the CLI ----------------------------------------------------------------------------

RULES = ["care_plan_within_10_working_days", "placement_plan_within_5_working_days",
         "placement_plan_for_each_new_placement", "iro_appointed_within_5_working_days",
         "first_review_within_20_working_days", "second_review_within_3_months", "reviews_every_6_months",
         "visits", "visit_within_1_week_of_each_placement", "initial_health_assessment", "health_reviews",
         "pep_within_20_working_days", "permanence_plan_by_second_review", "short_break_reviews",
         "short_break_visits"]
EVENTS = ["looked_after_started", "legal_status_changed", "placement_changed", "care_plan_prepared",
          "placement_plan_prepared", "iro_appointed", "lac_review_held", "health_assessment_completed",
          "pep_completed", "permanence_plan_agreed", "looked_after_ended"]


def test_every_rule_is_listed_and_every_event_routed():
    runner = CliRunner()
    rules = runner.invoke(app, ["rules"])
    assert rules.exit_code == 0
    for r in RULES:
        assert f"{P}{r}  [" in rules.stdout
    lines = runner.invoke(app, ["events"]).stdout.splitlines()
    for e in EVENTS:
        block = lines[next(i for i, line in enumerate(lines) if line.startswith(f"{e}  — ")) + 1]
        assert "looked_after" in block, (e, block)


# --- reviews that must come first (reg 33(3)(e), reg 14(1), reg 32(2)) -------------------------

def test_ceasing_s20_accommodation_to_independent_living_needs_a_review_first():
    # START is s20 (V2) on Tue 12 Mar 2024; care ends Fri 22 Mar (E5, independent living).
    ended = ("2024-03-22", "looked_after_ended", {"reason": "E5"})
    f = only(check(lac(ended)), rule=P + "review_before_ceasing_s20_accommodation")
    assert (f.kind, f.due, f.start.type) == ("missing", "2024-03-22", "looked_after_ended")
    v = check(lac(("2024-03-21", "lac_review_held"), ended))
    assert findings(v, "review_before_ceasing_s20_accommodation") == []


@pytest.mark.parametrize("start, reason", [
    (START, "E4A"),  # home to a parent: no review needed first
    (("2024-03-12", "looked_after_started", {"legal_status": "C2", "placement_type": "U6"}), "E5"),  # in care
])
def test_no_early_review_when_the_child_goes_home_or_is_in_care(start, reason):
    v = check(lac(("2024-03-22", "looked_after_ended", {"reason": reason}), start=start))
    assert findings(v, "review_before_ceasing_s20_accommodation") == []


def test_a_review_in_an_earlier_period_of_care_does_not_count():
    c = lac(("2024-03-20", "lac_review_held"), ("2024-03-22", "looked_after_ended", {"reason": "E4A"}),
            ("2024-05-01", "looked_after_started", {"legal_status": "V2"}),
            ("2024-05-10", "looked_after_ended", {"reason": "E13"}))
    f = only(check(c), rule=P + "review_before_ceasing_s20_accommodation")
    assert (f.kind, f.due) == ("missing", "2024-05-10")


@pytest.mark.parametrize("reason, reviewed, expected", [
    ("CARPL", False, ["missing"]), ("CARPL", True, []), ("LAREQ", False, ["missing"]),
    ("ALLEG", False, []),  # an immediate risk: the authority may act at once (reg 14(3))
])
def test_a_placement_the_authority_ends_follows_a_review(reason, reviewed, expected):
    review = [("2024-04-10", "lac_review_held")] if reviewed else []
    v = check(lac(*review, ("2024-04-12", "placement_changed", {"reason": reason, "placement_type": "U6"})))
    assert [f.kind for f in findings(v, "review_before_terminating_a_placement")] == expected


def test_a_significant_care_plan_change_is_first_considered_at_a_review():
    change = ("2024-04-15", "care_plan_prepared", {"significant_change": True})
    assert [f.kind for f in findings(check(lac(change)), "significant_care_plan_change_first_considered_at_review")] == [
        "missing"]
    v = check(lac(("2024-04-11", "lac_review_held"), change, ("2024-04-20", "care_plan_prepared")))
    assert findings(v, "significant_care_plan_change_first_considered_at_review") == []
