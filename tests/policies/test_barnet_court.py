"""Barnet practice standards (seed 003), second pass: PLO pre-proceedings.

A compliant and a breaching history per rule; every expected date is counted by hand from the
calendar in a comment (weeks and months are calendar time, so no bank holiday matters here).
"""

from __future__ import annotations

from conftest import case, check, findings, late

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
B = "barnet."
REVIEW_PPM = B + "pre_proceedings.review_meetings_six_weekly"
SIX_MONTHS = B + "pre_proceedings.at_most_six_months"


def plo(*later, policy=BARNET):
    """Legal planning meeting Mon 8 Jan 2024 decides on pre-proceedings; letter Fri 12 Jan;
    initial pre-proceedings meeting Mon 22 Jan."""
    return case(("2024-01-08", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                ("2024-01-12", "letter_before_proceedings_sent"),
                ("2024-01-22", "pre_proceedings_meeting_held", {"meeting": "initial"}), *later, policy=policy)


def test_review_pre_proceedings_meetings_six_weekly():
    # Initial meeting Mon 22 Jan 2024 + 42 days = Mon 4 Mar; Tue 5 Mar is a day late. The next
    # one is due six weeks after that review: Tue 5 Mar + 42 days = Tue 16 Apr.
    review = {"meeting": "review"}
    assert findings(check(plo(("2024-03-04", "pre_proceedings_meeting_held", review)), BARNET), REVIEW_PPM) == []
    assert late(check(plo(("2024-03-05", "pre_proceedings_meeting_held", review)), BARNET), REVIEW_PPM) == (
        "gap", "2024-03-04", {"value": 1, "unit": "days"})
    verdict = check(plo(("2024-03-05", "pre_proceedings_meeting_held", review),
                        ("2024-04-17", "pre_proceedings_meeting_held", review)), BARNET)
    assert [(f.kind, f.due) for f in findings(verdict, REVIEW_PPM)] == [("gap", "2024-03-04"), ("gap", "2024-04-16")]


def test_no_review_meeting_is_due_once_pre_proceedings_end():
    # Stepped down Fri 1 Mar 2024, before the review was due (Mon 4 Mar): nothing is owed.
    verdict = check(plo(("2024-03-01", "pre_proceedings_decision", {"outcome": "step_down"})), BARNET, as_of="2024-06-01")
    assert findings(verdict, REVIEW_PPM) == []


def test_pre_proceedings_not_longer_than_six_months():
    # Decision to start Mon 8 Jan 2024 + 6 months = Mon 8 Jul; a decision on Tue 9 Jul is a day
    # late. From the letter (Fri 12 Jan) it would be due Fri 12 Jul, so 9 Jul is in time.
    def history(decided, policy=BARNET):
        return plo((decided, "pre_proceedings_decision", {"outcome": "issue"}), policy=policy)
    assert findings(check(history("2024-07-08"), BARNET), SIX_MONTHS) == []
    assert late(check(history("2024-07-09"), BARNET), SIX_MONTHS) == ("late", "2024-07-08", {"value": 1, "unit": "days"})
    policy = load_policy("barnet", {SIX_MONTHS: "from_letter"})
    assert findings(check(history("2024-07-09", policy), policy), SIX_MONTHS) == []
