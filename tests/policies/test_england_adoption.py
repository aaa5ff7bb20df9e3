"""England baseline, permanence through adoption (ACA 2002, AAR 2005). Dates counted by hand.

Agency timeline used below: the child became looked after on Tue 12 Mar 2023, the agency decision
maker decided on Mon 8 Jan 2024 that the child should be placed for adoption, a placement order
was made on Tue 16 Jan 2024 and the child was placed with prospective adopters on Mon 3 Jun 2024.
"""

import pytest
from typer.testing import CliRunner

from conftest import case, check, only, shape
from journey.cli import app

P = "england.adoption."
CHILD = {"date_of_birth": "2022-05-03"}
DECIDED = ("2024-01-08", "adoption_decision_made", {"decision": "should_be_placed"})
AUTHORISED = ("2024-01-16", "placement_authorised", {"basis": "placement_order"})
PLACED = ("2024-06-03", "placed_for_adoption", {"authority": "placement_order"})
VISIT = {"purpose": "looked_after"}


def adoption(*events):
    return case(DECIDED, AUTHORISED, *events, child=CHILD)


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == P + rule]


# --- reviews while authorised but not placed (reg 36(1)) ------------------------------------------

# Authority Tue 16 Jan 2024 -> first review within 3 months: Tue 16 Apr 2024 (Wed 17 Apr: 1 day late).
@pytest.mark.parametrize("at, late", [("2024-04-16", None), ("2024-04-17", (1, "days"))])
def test_first_review_within_3_months_of_authority(at, late):
    v = check(adoption((at, "adoption_review_held")))
    found = findings(v, "first_review_within_3_months_of_authority")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-16", at, late)])


def test_a_later_placement_order_does_not_restart_the_first_review_clock():
    # s19 consent Tue 16 Jan 2024, placement order Mon 4 Mar 2024: the review is still due 16 Apr.
    v = check(case(DECIDED, ("2024-01-16", "placement_authorised", {"basis": "s19_consent"}),
                   ("2024-03-04", "placement_authorised", {"basis": "placement_order"})), as_of="2024-04-17")
    assert shape(only(v, rule=P + "first_review_within_3_months_of_authority"))[:2] == ("missing", "2024-04-16")


# A review on Tue 16 Apr 2024 makes the next due Wed 16 Oct 2024 (Thu 17 Oct: 1 day late).
@pytest.mark.parametrize("at, late", [("2024-10-16", None), ("2024-10-17", (1, "days"))])
def test_reviews_every_6_months_while_authorised(at, late):
    v = check(adoption(("2024-04-16", "adoption_review_held"), (at, "adoption_review_held")))
    found = findings(v, "reviews_every_6_months_while_authorised")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-10-16", at, late)])


def test_a_return_from_the_adopters_does_not_count_from_the_old_authority():
    # Placed 3 Jun, returned 20 Jun 2024; reviews 1 Aug 2024 and 1 Feb 2025 (6 months): no finding.
    v = check(adoption(("2024-04-16", "adoption_review_held"), PLACED, ("2024-06-20", "adoption_placement_ended"),
                       ("2024-08-01", "adoption_review_held"), ("2025-02-01", "adoption_review_held")))
    assert findings(v, "reviews_every_6_months_while_authorised") == []
    assert findings(v, "first_review_within_3_months_of_authority") == []


# --- reviews after placement (reg 36(3)) ----------------------------------------------------------

# Placed Mon 3 Jun 2024 -> first review within 4 weeks: Mon 1 Jul 2024; Tue 2 Jul is 1 day late.
@pytest.mark.parametrize("at, late", [("2024-07-01", None), ("2024-07-02", (1, "days"))])
def test_first_review_within_4_weeks_of_placement(at, late):
    v = check(adoption(PLACED, (at, "adoption_review_held")))
    found = findings(v, "first_review_within_4_weeks_of_placement")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-07-01", at, late)])


def test_first_review_lapses_when_the_placement_ends():
    v = check(adoption(PLACED, ("2024-06-20", "adoption_placement_ended")), as_of="2024-12-31")
    assert findings(v, "first_review_within_4_weeks_of_placement") == []
    assert v.states["adoption"] == "authorised"


# First review Mon 1 Jul 2024 -> second within 3 months: Tue 1 Oct 2024; Wed 2 Oct: 1 day late.
@pytest.mark.parametrize("at, late", [("2024-10-01", None), ("2024-10-02", (1, "days"))])
def test_second_adoption_review_within_3_months(at, late):
    v = check(adoption(PLACED, ("2024-07-01", "adoption_review_held"), (at, "adoption_review_held")))
    found = findings(v, "second_review_within_3_months")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-10-01", at, late)])


# Second review Tue 1 Oct 2024 -> next within 6 months: Tue 1 Apr 2025; Wed 2 Apr: 1 day late.
@pytest.mark.parametrize("at, late", [("2025-04-01", None), ("2025-04-02", (1, "days"))])
def test_adoption_reviews_every_6_months_while_placed(at, late):
    v = check(adoption(PLACED, ("2024-07-01", "adoption_review_held"), ("2024-10-01", "adoption_review_held"),
                       (at, "adoption_review_held")))
    found = findings(v, "reviews_every_6_months_while_placed")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2025-04-01", at, late)])


# --- visits (reg 36(4)) ---------------------------------------------------------------------------

# Placed Mon 3 Jun 2024: first visit by Mon 10 Jun, then weekly (17 Jun, 24 Jun) until the first
# review on Fri 28 Jun. A first visit on Tue 11 Jun is 1 day late; a visit on Tue 18 Jun after one on
# Mon 10 Jun is 1 day late (due 17 Jun).
@pytest.mark.parametrize("visits, expected", [
    (["2024-06-10", "2024-06-17", "2024-06-24"], []),
    (["2024-06-11", "2024-06-18", "2024-06-25"], [("gap", "2024-06-10", "2024-06-11", (1, "days"))]),
    (["2024-06-10", "2024-06-18", "2024-06-25"], [("gap", "2024-06-17", "2024-06-18", (1, "days"))]),
])
def test_visits_weekly_until_the_first_review(visits, expected):
    v = check(adoption(PLACED, *[(d, "visit", VISIT) for d in visits], ("2024-06-28", "adoption_review_held")),
              as_of="2024-12-31")
    assert [shape(f) for f in findings(v, "visits_weekly_until_first_review")] == expected


def test_weekly_visits_stop_at_the_first_review():
    # After the first review (28 Jun) the agency decides the frequency: no weekly visit is due.
    v = check(adoption(PLACED, ("2024-06-10", "visit", VISIT), ("2024-06-17", "visit", VISIT),
                       ("2024-06-24", "visit", VISIT), ("2024-06-28", "adoption_review_held")), as_of="2024-09-30")
    assert findings(v, "visits_weekly_until_first_review") == []


# --- placement of a child under six weeks (s18(1), AAR reg 35(4)) ---------------------------------

def test_placement_under_six_weeks_without_written_agreement_fails():
    c = case(DECIDED, ("2024-01-12", "placed_for_adoption",
                       {"authority": "under_6_weeks_agreement", "parental_agreement": False}), child=CHILD)
    f = only(check(c), rule=P + "placement_under_6_weeks_needs_written_agreement")
    assert (f.kind, f.end.index, f.severity) == ("guard_failed", 1, "statute")
    assert "reg 35" in f.source.ref


def test_placement_under_six_weeks_with_written_agreement_passes():
    c = case(DECIDED, ("2024-01-12", "placed_for_adoption",
                       {"authority": "under_6_weeks_agreement", "parental_agreement": True}), child=CHILD)
    v = check(c)
    assert findings(v, "placement_under_6_weeks_needs_written_agreement") == []
    assert findings(v, "sequence") == [] and v.states["adoption"] == "placed"


def test_placement_without_authority_other_than_the_under_six_weeks_route_fails_the_guard():
    c = case(DECIDED, ("2024-01-12", "placed_for_adoption", {"authority": "placement_order"}), child=CHILD)
    assert only(check(c), rule=P + "sequence").kind == "guard_failed"


# --- before an adoption application (ACA 2002 s42(2), s44(3)) -------------------------------------

# Placed Mon 3 Jun 2024 + 10 weeks (70 days) = Mon 12 Aug 2024; an application on Fri 9 Aug is 3 days early.
@pytest.mark.parametrize("at, early", [("2024-08-12", None), ("2024-08-09", 3)])
def test_application_only_after_ten_weeks_with_the_adopters(at, early):
    v = check(adoption(PLACED, (at, "adoption_application_made")))
    found = findings(v, "child_lived_with_adopters_10_weeks")
    assert [shape(f) for f in found] == ([] if early is None else [("early", "2024-08-12", at, (early, "days"))])


# Notice Mon 15 Jan 2024 + 3 months = Mon 15 Apr 2024; an application on Fri 12 Apr is 3 days early.
@pytest.mark.parametrize("at, early", [("2024-04-15", None), ("2024-04-12", 3)])
def test_non_agency_application_at_least_3_months_after_notice(at, early):
    v = check(case(("2024-01-15", "adoption_notice_given"), (at, "adoption_application_made"), child=CHILD))
    found = findings(v, "notice_of_intention_3_months")
    assert [shape(f) for f in found] == ([] if early is None else [("early", "2024-04-15", at, (early, "days"))])
    assert v.states["adoption"] == "applied"


def test_a_min_bound_is_never_missing():
    v = check(case(("2024-01-15", "adoption_notice_given"), child=CHILD), as_of="2026-01-15")
    assert findings(v, "notice_of_intention_3_months") == []


# --- sequence -------------------------------------------------------------------------------------

def test_placement_order_before_the_agency_decision_is_illegal():
    v = check(case(AUTHORISED, child=CHILD))
    f = only(v, rule=P + "sequence")
    assert (f.kind, f.end.index, f.severity) == ("illegal_transition", 0, "statute")


def test_adoption_order_for_a_child_not_placed_is_illegal():
    v = check(adoption(("2024-03-01", "adoption_order_made")))
    assert only(v, rule=P + "sequence").kind == "illegal_transition"


def test_agency_route_to_adoption_order():
    v = check(adoption(PLACED, ("2024-07-01", "adoption_review_held"), ("2024-08-12", "adoption_application_made"),
                       ("2024-09-20", "adoption_order_made")))
    assert v.states["adoption"] == "adopted" and findings(v, "sequence") == []


def test_match_decision_before_the_should_be_placed_decision_fails_the_guard():
    v = check(case(("2024-01-08", "adoption_decision_made", {"decision": "match"}), child=CHILD))
    assert only(v, rule=P + "sequence").kind == "guard_failed"


def test_reversing_the_decision_ends_the_plan():
    v = check(adoption(("2024-03-01", "adoption_decision_reversed", {"reason": "RD1"})))
    assert v.states["adoption"] == "ended" and findings(v, "sequence") == []


# --- listed by the CLI ----------------------------------------------------------------------------

RULES = ["first_review_within_3_months_of_authority", "reviews_every_6_months_while_authorised",
         "first_review_within_4_weeks_of_placement",
         "second_review_within_3_months", "reviews_every_6_months_while_placed", "visits_weekly_until_first_review",
         "placement_under_6_weeks_needs_written_agreement", "child_lived_with_adopters_10_weeks",
         "notice_of_intention_3_months"]
EVENTS = ["adoption_decision_made", "placement_authorised", "placed_for_adoption", "adoption_review_held",
          "adoption_placement_ended", "adoption_decision_reversed", "adoption_notice_given",
          "adoption_application_made", "adoption_order_made"]


def test_every_rule_is_listed_and_every_event_routed():
    runner = CliRunner()
    rules = runner.invoke(app, ["rules"]).stdout
    for r in RULES:
        assert f"{P}{r}  [" in rules
    lines = runner.invoke(app, ["events"]).stdout.splitlines()
    for e in EVENTS:
        block = lines[next(i for i, line in enumerate(lines) if line.startswith(f"{e}  — ")) + 1]
        assert "adoption" in block, (e, block)
