"""Derived child facts (vocabulary.yaml `facts:`), read by guards as child.<name>. Dates by hand."""

from conftest import case
from journey.calendar import england
from journey.compilers.facts import ChildAt
from journey.spec.load import load_policy

ENGLAND = load_policy("england")


def facts_after(*events, child=None):
    """The child as guards see them at each event, replayed through ChildAt."""
    c = case(*events, child=child or {"date_of_birth": "2008-03-10"})
    view = ChildAt(c.child, ENGLAND.facts, england)
    seen = []
    for ev in c.events:
        view.observe(ev)
        seen.append({name: view.get(name) for name in ("age", "weeks_looked_after_since_14", "legal_status",
                                                       "placement_type")})
    return seen


def test_age_turns_on_the_birthday():
    # Born 10 Mar 2008: 15 on Sat 9 Mar 2024, 16 on Sun 10 Mar 2024.
    seen = facts_after(("2024-03-09", "visit"), ("2024-03-10", "visit"))
    assert [s["age"] for s in seen] == [15, 16]


def test_a_leap_day_birthday_attains_the_age_on_1_march():
    seen = facts_after(("2025-02-28", "visit"), ("2025-03-01", "visit"), child={"date_of_birth": "2008-02-29"})
    assert [s["age"] for s in seen] == [16, 17]


def test_latest_legal_status_is_true_of_the_ending_event_and_then_forgotten():
    seen = facts_after(("2024-01-08", "looked_after_started", {"legal_status": "V2", "placement_type": "U6"}),
                       ("2024-02-01", "legal_status_changed", {"legal_status": "C1"}),
                       ("2024-03-01", "placement_changed", {"placement_type": "P1"}),
                       ("2024-04-01", "looked_after_ended", {"reason": "E4A"}),
                       ("2024-04-02", "visit"))
    assert [(s["legal_status"], s["placement_type"]) for s in seen] == [
        ("V2", "U6"), ("C1", "U6"), ("C1", "P1"), ("C1", "P1"), (None, None)]


def test_weeks_looked_after_count_from_the_14th_birthday_and_add_periods():
    # 14 on 10 Mar 2022. Care from Mon 7 Mar 2022: only days from 10 Mar count; ended Mon 21 Mar
    # (11 days, 1 week). Again from Mon 2 May 2022 to Wed 1 Jun 2022 (30 days): 41 days, 5 weeks.
    seen = facts_after(("2022-03-07", "looked_after_started", {"legal_status": "V2"}),
                       ("2022-03-21", "looked_after_ended", {"reason": "E4A"}),
                       ("2022-05-02", "looked_after_started", {"legal_status": "V2"}),
                       ("2022-06-01", "lac_review_held"))
    assert [s["weeks_looked_after_since_14"] for s in seen] == [0, 1, 1, 5]


def test_facts_needing_a_date_of_birth_are_unknown_without_one():
    c = case(("2024-01-08", "visit"))
    view = ChildAt(c.child, ENGLAND.facts, england)
    view.observe(c.events[0])
    assert view.get("age") is None and view.get("weeks_looked_after_since_14") is None


def test_a_copy_does_not_share_the_history():
    c = case(("2024-01-08", "looked_after_started", {"legal_status": "V2"}), child={"date_of_birth": "2008-03-10"})
    view = ChildAt(c.child, ENGLAND.facts, england)
    view.observe(c.events[0])
    other = view.copy()
    later = case(("2024-02-05", "looked_after_ended", {"reason": "E4A"}), ("2024-02-06", "visit")).events
    for ev in later:
        other.observe(ev)
    assert other.get("legal_status") is None and view.get("legal_status") == "V2"


def test_an_unborn_child_has_no_age_yet():
    seen = facts_after(("2024-04-04", "visit"), ("2024-04-09", "visit"), child={"date_of_birth": "2024-04-09"})
    assert [s["age"] for s in seen] == [None, 0]
