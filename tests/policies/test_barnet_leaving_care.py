"""Barnet practice standards (seed 003), second pass: care leavers.

A compliant and a breaching history per rule; every expected date is counted by hand from the
calendar in a comment (ages and months are calendar time, so no bank holiday matters here).
"""

from __future__ import annotations

from conftest import case, check, findings, late

from journey.spec.load import load_policy

BARNET = load_policy("barnet")
B = "barnet."
CHILD = {"date_of_birth": "2008-02-10"}  # 16 on Sat 10 Feb 2024

PLAN_16_3 = B + "leaving_care.pathway_plan_by_16_years_3_months"
PLAN_REVIEWS = B + "leaving_care.pathway_plan_reviewed_every_6_months"
PA_BEFORE_16 = B + "leaving_care.personal_adviser_before_16"


def lc(*events):
    return case(*events, child=CHILD, policy=BARNET)


ELIGIBLE = ("2024-02-10", "care_leaver_status_changed", {"status": "eligible"})


def test_pathway_plan_by_16_years_3_months():
    # 16 on Sat 10 Feb 2024 (eligible that day) + 3 months = Fri 10 May; Mon 13 May is 3 days late.
    assert findings(check(lc(ELIGIBLE, ("2024-05-10", "pathway_plan_prepared")), BARNET), PLAN_16_3) == []
    assert late(check(lc(ELIGIBLE, ("2024-05-13", "pathway_plan_prepared")), BARNET), PLAN_16_3) == (
        "late", "2024-05-10", {"value": 3, "unit": "days"})


def test_pathway_plan_counted_from_becoming_eligible_when_later():
    # Eligible only from Mon 1 Jul 2024 (after the 16th birthday) + 3 months = Tue 1 Oct; Wed 2 Oct is a day late.
    history = lc(("2024-07-01", "care_leaver_status_changed", {"status": "eligible"}), ("2024-10-02", "pathway_plan_prepared"))
    assert late(check(history, BARNET), PLAN_16_3) == ("late", "2024-10-01", {"value": 1, "unit": "days"})


def test_pathway_plan_reviewed_every_six_months():
    # Plan Fri 10 May 2024, and the young person leaves care (a relevant child) the same day:
    # + 6 months = Sun 10 Nov; Mon 11 Nov is a day late.
    def history(reviewed):
        return lc(ELIGIBLE, ("2024-05-10", "pathway_plan_prepared"),
                  ("2024-05-10", "care_leaver_status_changed", {"status": "relevant"}), (reviewed, "pathway_plan_reviewed"))
    assert findings(check(history("2024-11-08"), BARNET), PLAN_REVIEWS) == []
    assert late(check(history("2024-11-11"), BARNET), PLAN_REVIEWS) == ("gap", "2024-11-10", {"value": 1, "unit": "days"})


def test_personal_adviser_linked_before_the_16th_birthday():
    # In care from Mon 8 Jan 2024 (aged 15); 16 on Sat 10 Feb 2024, so the PA is due by then. An
    # appointment on Fri 9 Feb is in time; Mon 12 Feb is 2 days late.
    def history(appointed):
        return lc(("2024-01-08", "looked_after_started", {"legal_status": "C2"}), ("2024-01-10", "care_plan_prepared"),
                  (appointed, "personal_adviser_appointed"))
    verdict = check(history("2024-02-09"), BARNET)
    assert findings(verdict, PA_BEFORE_16) == []
    assert findings(verdict, "barnet.leaving_care.sequence") == []
    assert [f.kind for f in verdict.findings if f.pathway == "leaving_care"] == []
    assert late(check(history("2024-02-12"), BARNET), PA_BEFORE_16) == ("late", "2024-02-10", {"value": 2, "unit": "days"})
