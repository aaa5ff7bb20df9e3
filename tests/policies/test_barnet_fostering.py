"""Barnet practice standards (seed 003), second pass: foster carers.

A compliant and a breaching history; the expected date is counted by hand from the calendar.
"""

from __future__ import annotations

from conftest import case, check, only, findings

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
ANNUAL = "barnet.fostering.annual_review_of_foster_carers"


def test_foster_carers_reviewed_annually():
    # Approved Thu 29 Feb 2024 + 1 year = 29 Feb 2025, clamped to Fri 28 Feb 2025; Mon 3 Mar is 3
    # days late. After a review on Fri 28 Feb 2025 the next is due Sat 28 Feb 2026, so by Sun
    # 1 Mar 2026 with none held it is missing.
    def history(*reviews):
        return case(("2024-02-29", "foster_carer_approved"), *[(r, "foster_carer_review_held") for r in reviews],
                    policy=BARNET)
    assert findings(check(history("2025-02-28"), BARNET), ANNUAL) == []
    f = only(check(history("2025-03-03"), BARNET), rule=ANNUAL)
    assert (f.kind, f.due, f.late_by.to_dict()) == ("gap", "2025-02-28", {"value": 3, "unit": "days"})
    verdict = check(history("2025-02-28"), BARNET, as_of="2026-03-01")
    f = only(verdict, rule=ANNUAL)
    assert (f.kind, f.due) == ("missing", "2026-02-28")
