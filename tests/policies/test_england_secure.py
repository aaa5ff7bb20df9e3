"""England baseline: secure accommodation (Children (Secure Accommodation) Regulations 1991).
Dates and times counted by hand; 15 Jan 2024 is a Monday and 2024 a leap year."""

import pytest

from conftest import case, check, only, shape

S = "england.secure_accommodation."


def findings(verdict, rule):
    return [f for f in verdict.findings if f.rule == S + rule]


def unauthorised(at="2024-05-07T18:00"):
    return (at, "secure_placement_started", {"authorised_by_court": False})


# Placed without court authority Tue 7 May 2024 at 18:00 -> 72 hours: Fri 10 May at 18:00.
@pytest.mark.parametrize("start, order, kind, late_by", [
    ("2024-05-07T18:00", "2024-05-10T18:00", None, None),
    ("2024-05-07T18:00", "2024-05-10T19:00", "late", (1, "hours")),
    ("2024-05-07", "2024-05-10", "indeterminate", None),
])
def test_court_authority_within_72_hours(start, order, kind, late_by):
    v = check(case(unauthorised(start), (order, "secure_order_made", {"order": "first"})))
    found = findings(v, "court_authority_within_72_hours")
    assert [f.kind for f in found] == ([kind] if kind else [])
    if late_by:
        assert (found[0].due, found[0].late_by.value, found[0].late_by.unit) == ("2024-05-10T18:00", *late_by)
    assert v.states["secure_accommodation"] == "authorised"


def test_release_within_72_hours_needs_no_order():
    v = check(case(unauthorised(), ("2024-05-09T12:00", "secure_placement_ended")), as_of="2024-06-01")
    assert v.findings == () and v.pending == ()


def test_held_past_72_hours_without_an_order_is_a_breach():
    v = check(case(unauthorised(), ("2024-05-11T09:00", "secure_placement_ended")))
    f = only(v, rule=S + "court_authority_within_72_hours")
    assert (f.kind, f.due) == ("missing", "2024-05-10T18:00")


# First order Mon 15 Jan 2024 -> three months: Mon 15 Apr 2024.
FIRST = [("2024-01-15", "secure_order_made", {"order": "first"}),
         ("2024-01-15", "secure_placement_started", {"authorised_by_court": True})]


@pytest.mark.parametrize("ended, late", [("2024-04-15", None), ("2024-04-16", (1, "days"))])
def test_first_order_at_most_three_months(ended, late):
    v = check(case(*FIRST, (ended, "secure_placement_ended")))
    found = findings(v, "first_order_at_most_3_months")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-15", ended, late)])


# Further order Fri 12 Apr 2024 -> six months: Sat 12 Oct 2024; Mon 14 Oct is two days late.
@pytest.mark.parametrize("ended, late", [("2024-10-12", None), ("2024-10-14", (2, "days"))])
def test_further_order_at_most_six_months(ended, late):
    v = check(case(*FIRST, ("2024-04-12", "secure_order_made", {"order": "further"}), (ended, "secure_placement_ended")))
    assert findings(v, "first_order_at_most_3_months") == []
    found = findings(v, "further_order_at_most_6_months")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-10-12", ended, late)])


def test_renewing_after_the_first_order_expired_is_too_late():
    v = check(case(*FIRST, ("2024-04-16", "secure_order_made", {"order": "further"})))
    f = only(v, rule=S + "first_order_at_most_3_months")
    assert (f.kind, f.due) == ("missing", "2024-04-15")


# Placed Wed 31 Jan 2024 -> first review within one month: 31 Feb does not exist -> Thu 29 Feb.
# Review 29 Feb -> next within three months: Wed 29 May 2024; Thu 30 May is a one-day gap.
PLACED = ("2024-01-31", "secure_placement_started", {"authorised_by_court": True})


@pytest.mark.parametrize("second, late", [("2024-05-29", None), ("2024-05-30", (1, "days"))])
def test_reviews_within_a_month_then_three_monthly(second, late):
    v = check(case(PLACED, ("2024-02-29", "secure_review_held"), (second, "secure_review_held")))
    found = findings(v, "reviews")
    assert [shape(f) for f in found] == ([] if late is None else [("gap", "2024-05-29", second, late)])


def test_first_review_missing():
    c = case(PLACED)
    assert [p.due for p in check(c, as_of="2024-02-29").pending if p.rule == S + "reviews"] == ["2024-02-29"]
    f = only(check(c, as_of="2024-03-01"), rule=S + "reviews")
    assert (f.kind, f.due) == ("missing", "2024-02-29")


# --- at most 72 hours in all without authority in any 28 days -----------------------------------
# Stays without authority; each ends with a release (secure_placement_ended). 1 Jul 2024 is a Monday.
AGG = "at_most_72_hours_in_28_days_without_authority"


def stays(*spans):
    events = []
    for start, end in spans:
        events += [unauthorised(start), (end, "secure_placement_ended")]
    return case(*events)


@pytest.mark.parametrize("spans, expected", [
    # One stay: 72 hours from Mon 1 Jul 10:00 is Thu 4 Jul 10:00.
    ([("2024-07-01T10:00", "2024-07-04T10:00")], []),
    ([("2024-07-01T10:00", "2024-07-04T10:01")], [("late", "2024-07-04T10:00", "2024-07-04T10:01", (1, "hours"))]),
    # 36 hours (to Tue 2 Jul 22:00), then from Mon 8 Jul 10:00: 36 hours left -> Tue 9 Jul 22:00.
    ([("2024-07-01T10:00", "2024-07-02T22:00"), ("2024-07-08T10:00", "2024-07-09T22:00")], []),
    ([("2024-07-01T10:00", "2024-07-02T22:00"), ("2024-07-08T10:00", "2024-07-09T23:00")],
     [("late", "2024-07-09T22:00", "2024-07-09T23:00", (1, "hours"))]),
    # 72 hours from Mon 1 Jul 10:00; again from Sun 28 Jul 10:00, 27 days later: the window ending
    # then still holds all 72 hours, so the second stay is due to end at once.
    ([("2024-07-01T10:00", "2024-07-04T10:00"), ("2024-07-28T10:00", "2024-07-28T11:00")],
     [("late", "2024-07-28T10:00", "2024-07-28T11:00", (1, "hours"))]),
    # Again from Mon 29 Jul 10:00, 28 days later: the first stay leaves the window minute by
    # minute as the second goes on, so 72 hours more are allowed, to Thu 1 Aug 10:00.
    ([("2024-07-01T10:00", "2024-07-04T10:00"), ("2024-07-29T10:00", "2024-08-01T10:00")], []),
])
def test_time_without_authority_adds_up_over_28_days(spans, expected):
    assert [shape(f) for f in findings(check(stays(*spans)), AGG)] == expected


def test_a_stay_still_going_past_its_limit_is_missing():
    c = case(unauthorised("2024-07-01T10:00"), ("2024-07-01T12:00", "secure_review_held"))
    v = check(c, as_of="2024-07-05")
    f = only(v, rule=S + AGG)
    assert (f.kind, f.due) == ("missing", "2024-07-04T10:00")


def test_a_court_order_ends_the_stay_without_authority():
    c = case(unauthorised("2024-07-01T10:00"), ("2024-07-03T10:00", "secure_order_made", {"order": "first"}),
             ("2024-07-20T10:00", "secure_placement_ended"))
    assert findings(check(c), AGG) == []


def test_date_only_stays_can_be_indeterminate():
    v = check(stays(("2024-07-01", "2024-07-04")))
    assert [f.kind for f in findings(v, AGG)] == ["indeterminate"]
