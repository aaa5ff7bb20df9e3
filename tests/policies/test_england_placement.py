"""England baseline, visits by kind of placement (CPPCR reg 28(2)-(5)): the `placement` pathway.
Every expected date was counted by hand.

Calendar (2024): Tue 12 Mar is the start of care. Weekly visits fall on Tuesdays: 19, 26 Mar,
2, 9, 16, 23, 30 Apr, 7 May. Thu 11 Apr is a looked after review. Tue 16 Apr + 4 weeks = Tue 14 May;
+ 6 weeks = Tue 28 May. Tue 7 May + 6 weeks (42 days: 24 to 31 May, 18 more) = Tue 18 Jun.
"""

import datetime as dt

import pytest

from conftest import case, check, findings, shape

P = "england.placement."
CHILD = {"date_of_birth": "2016-05-03"}
VISIT = {"purpose": "looked_after"}
WEEKLY = ["2024-03-19", "2024-03-26", "2024-04-02", "2024-04-09"]


def lac(start_fields, *events):
    return case(("2024-03-12", "looked_after_started", start_fields), *events, child=CHILD)


def visits(*dates):
    return [(d, "visit", VISIT) for d in dates]


@pytest.mark.parametrize("fields, state", [
    ({"legal_status": "C1", "placement_type": "P1"}, "parent_interim_care_order"),
    ({"legal_status": "C2", "placement_type": "P1"}, "parent_care_order"),
    ({"legal_status": "C2", "placement_type": "P1", "arrangement": "with_parent_before_assessment"},
     "parent_before_assessment"),
    ({"legal_status": "V2", "placement_type": "U3", "arrangement": "connected_person_temporary"},
     "connected_person_temporary"),
    ({"legal_status": "C2", "placement_type": "U4"}, "until_18"),
    ({"legal_status": "C2", "placement_type": "U6", "arrangement": "intended_until_18"}, "until_18"),
    ({"legal_status": "E1", "placement_type": "A3"}, "adoptive"),
    ({"legal_status": "V3"}, "short_breaks"),
    ({"legal_status": "V2", "placement_type": "K2"}, "other"),
    ({"legal_status": "C1"}, "other"),  # no placement type recorded
])
def test_the_start_of_care_classifies_the_placement(fields, state):
    assert check(lac(fields)).states["placement"] == state


def test_a_move_reclassifies_and_the_end_of_care_resets():
    c = lac({"legal_status": "C1", "placement_type": "U6"},
            ("2024-04-01", "placement_changed", {"placement_type": "P1", "legal_status": "C1"}))
    assert check(c).states["placement"] == "parent_interim_care_order"
    c = lac({"legal_status": "C1", "placement_type": "P1"}, ("2024-04-01", "looked_after_ended", {"reason": "E13"}))
    assert check(c).states["placement"] == "none"


# --- reg 28(4): interim care order at home, or reg 24: weekly, then four-weekly -------------------

RULE_4 = "weekly_visits_connected_person_or_interim_order_at_home"
ICO_HOME = {"legal_status": "C1", "placement_type": "P1"}


def test_interim_order_at_home_weekly_visits_met():
    assert findings(check(lac(ICO_HOME, *visits(*WEEKLY))), P + RULE_4) == []


def test_interim_order_at_home_an_eight_day_gap_is_late():
    # 26 Mar + 1 week = Tue 2 Apr; a visit on Wed 3 Apr is a day late.
    v = check(lac(ICO_HOME, *visits("2024-03-19", "2024-03-26", "2024-04-03")))
    assert [shape(f) for f in findings(v, P + RULE_4)] == [("gap", "2024-04-02", "2024-04-03", (1, "days"))]


@pytest.mark.parametrize("last, expected", [
    ("2024-05-14", []),
    ("2024-05-15", [("gap", "2024-05-14", "2024-05-15", (1, "days"))]),
])
def test_interim_order_at_home_four_weekly_after_the_first_review(last, expected):
    # Review Thu 11 Apr; the visit after it (Tue 16 Apr) is still due weekly; then four weeks: 14 May.
    c = lac(ICO_HOME, *visits(*WEEKLY), ("2024-04-11", "lac_review_held"), *visits("2024-04-16", last))
    assert [shape(f) for f in findings(check(c), P + RULE_4)] == expected


def test_connected_person_placement_first_visit_within_a_week():
    fields = {"legal_status": "V2", "placement_type": "U3", "arrangement": "connected_person_temporary"}
    v = check(lac(fields, *visits("2024-03-20")))
    assert [shape(f) for f in findings(v, P + RULE_4)] == [("gap", "2024-03-19", "2024-03-20", (1, "days"))]


def test_a_foster_placement_is_not_held_to_weekly_visits():
    v = check(lac({"legal_status": "V2", "placement_type": "U6"}, *visits("2024-04-23")))
    assert findings(v, P + RULE_4) == []


# --- reg 28(3): with a parent before the assessment: weekly, then six-weekly --------------------

RULE_3 = "weekly_visits_before_assessment"
REG_19 = {"legal_status": "C2", "placement_type": "P1", "arrangement": "with_parent_before_assessment"}


@pytest.mark.parametrize("last, expected", [
    ("2024-05-28", []),
    ("2024-05-29", [("gap", "2024-05-28", "2024-05-29", (1, "days"))]),
])
def test_before_assessment_six_weekly_after_the_first_review(last, expected):
    c = lac(REG_19, *visits(*WEEKLY), ("2024-04-11", "lac_review_held"), *visits("2024-04-16", last))
    assert [shape(f) for f in findings(check(c), P + RULE_3)] == expected


def test_before_assessment_weekly_until_the_review():
    # No review: after 9 Apr the next visit is due Tue 16 Apr; 17 Apr is a day late.
    v = check(lac(REG_19, *visits(*WEEKLY, "2024-04-17")))
    assert [shape(f) for f in findings(v, P + RULE_3)] == [("gap", "2024-04-16", "2024-04-17", (1, "days"))]


# --- reg 28(5): care order at home: six-weekly -------------------------------------------------

RULE_5 = "six_weekly_visits_care_order_at_home"
UNTIL_ORDER = WEEKLY + ["2024-04-16", "2024-04-23", "2024-04-30", "2024-05-07"]


@pytest.mark.parametrize("last, expected", [
    ("2024-06-18", []),
    ("2024-06-19", [("gap", "2024-06-18", "2024-06-19", (1, "days"))]),
])
def test_a_care_order_made_at_home_moves_to_six_weekly_visits(last, expected):
    c = lac(ICO_HOME, *visits(*UNTIL_ORDER), ("2024-05-07", "legal_status_changed", {"legal_status": "C2"}),
            *visits(last))
    v = check(c)
    assert v.states["placement"] == "parent_care_order"
    assert [shape(f) for f in findings(v, P + RULE_5)] == expected
    assert findings(v, P + RULE_4) == []  # the weekly rule ended with the interim order


# --- reg 28(2)(c)(ii): any other placement stays six-weekly after its first year ---------------

def _six_weekly_visits():
    # Inputs only: visits every 42 days from Tue 19 Mar 2024; the 10th is Tue 1 Apr 2025.
    first = dt.date(2024, 3, 19)
    return visits(*[(first + dt.timedelta(days=42 * k)).isoformat() for k in range(10)])


@pytest.mark.parametrize("last, expected", [
    ("2025-05-13", []),
    ("2025-07-01", [("gap", "2025-05-13", "2025-07-01", (49, "days"))]),
])
def test_other_placement_six_weekly_after_the_first_year(last, expected):
    # 1 Apr 2025 + 42 days (29 to 30 Apr, 13 more) = Tue 13 May 2025; 1 Jul 2025 is 49 days late.
    v = check(lac({"legal_status": "C2", "placement_type": "K2"}, *_six_weekly_visits(), *visits(last)))
    assert [shape(f) for f in findings(v, P + "six_weekly_visits_other_placements")] == expected
    assert findings(v, "england.looked_after.visits") == []  # three months after the first year


def test_placement_intended_until_18_is_three_monthly_after_the_first_year():
    v = check(lac({"legal_status": "C2", "placement_type": "U4"}, *_six_weekly_visits(), *visits("2025-07-01")))
    assert [f for f in v.findings if f.rule and f.rule.startswith(P)] == []
