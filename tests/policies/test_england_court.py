"""England baseline: pre-proceedings, care proceedings, supervision orders and the emergency
powers (EPO, police protection, child assessment orders). Every date is counted by hand.

Calendar facts used below: 1 Jul 2024, 8 Jan 2024 and 20 May 2024 are Mondays; 2024 is a leap
year (29 days in February).
"""

import pytest

from conftest import case, check, findings, only, shape
from journey.spec.load import load_policy

PP = "england.pre_proceedings."
CP = "england.care_proceedings."
SO = "england.supervision_order."
EPO = "england.emergency_protection."
POL = "england.police_protection.at_most_72_hours"
CAO = "england.child_assessment_order.at_most_7_days"


# --- pre-proceedings ------------------------------------------------------------------------

def pre_proceedings(*more):
    return case(("2024-01-02", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                ("2024-01-03", "letter_before_proceedings_sent", {"fgdm_offered": True}),
                ("2024-01-08", "pre_proceedings_meeting_held", {"meeting": "initial"}), *more)


# Initial meeting Mon 8 Jan 2024; 16 weeks = 112 days: 23 days to 31 Jan, 29 in February (52), 31
# in March (83), 29 in April (112) -> Mon 29 Apr 2024.
@pytest.mark.parametrize("decided, late", [("2024-04-29", None), ("2024-04-30", (1, "days"))])
def test_pre_proceedings_concluded_within_16_weeks(decided, late):
    v = check(pre_proceedings(("2024-03-04", "pre_proceedings_meeting_held", {"meeting": "review"}),
                              (decided, "pre_proceedings_decision", {"outcome": "step_down"})))
    found = findings(v, PP + "concluded_within_16_weeks")
    # The review meeting on 4 Mar does not restart the clock.
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-04-29", decided, late)])
    if found:
        assert found[0].severity == "advisory" and found[0].source.confidence == "unverified"
    assert v.legal and v.exit_code == 0  # advisory: best practice, not law
    assert v.states["pre_proceedings"] == "ended"


def test_a_pre_proceedings_meeting_before_the_letter_is_out_of_order():
    v = check(case(("2024-01-02", "legal_planning_meeting_held", {"outcome": "pre_proceedings"}),
                   ("2024-01-08", "pre_proceedings_meeting_held", {"meeting": "initial"})))
    f = only(v, kind="illegal_transition")
    assert (f.rule, f.end.index) == (PP + "sequence", 1)


# --- care proceedings: 26 weeks -------------------------------------------------------------

# Issued Mon 8 Jan 2024; 26 weeks = 182 days: 112 days -> 29 Apr (above), then 1 day to 30 Apr,
# 31 in May (32), 30 in June (62), 8 in July (70) -> Mon 8 Jul 2024.
def issued(at="2024-01-08", **fields):
    return (at, "care_proceedings_issued", {"order_sought": "care_order", "fgdm_offered": True, **fields})


@pytest.mark.parametrize("final, late", [("2024-07-08", None), ("2024-07-09", (1, "days"))])
def test_care_proceedings_within_26_weeks(final, late):
    v = check(case(issued(), ("2024-01-10", "interim_order_made", {"order": "interim_care_order"}),
                   (final, "final_order_made", {"order": "care_order"})))
    found = findings(v, CP + "within_26_weeks")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-07-08", final, late)])
    if found:
        assert found[0].severity == "statute" and v.legal is False


def test_an_extension_within_the_26_weeks_replaces_the_limit():
    v = check(case(issued(), ("2024-07-01", "proceedings_extended", {"weeks": 8}),
                   ("2024-08-30", "final_order_made", {"order": "care_order"})))
    assert findings(v, CP + "within_26_weeks") == [] and findings(v, CP + "extension_at_most_8_weeks") == []


# Extensions run from the end of the period they extend: 8 weeks from Mon 8 Jul 2024 is Mon 2 Sep
# (23 days to 31 Jul, 31 in Aug, 2 in Sep = 56); 4 more weeks from Mon 2 Sep is Mon 30 Sep.
@pytest.mark.parametrize("extensions, final, expected", [
    ([("2024-07-01", 8)], "2024-09-02", None),
    ([("2024-07-01", 8)], "2024-09-03", ("late", "2024-09-02", "2024-09-03", (1, "days"))),
    ([("2024-07-01", 8), ("2024-08-26", 4)], "2024-09-30", None),
    ([("2024-07-01", 8), ("2024-08-26", 4)], "2024-10-01", ("late", "2024-09-30", "2024-10-01", (1, "days"))),
])
def test_extensions_chain_from_the_end_of_the_period_they_extend(extensions, final, expected):
    ext = [(at, "proceedings_extended", {"weeks": w}) for at, w in extensions]
    v = check(case(issued(), *ext, (final, "final_order_made", {"order": "care_order"})))
    assert [shape(f) for f in findings(v, CP + "within_26_weeks")] == ([] if expected is None else [expected])


def test_a_second_extension_after_the_first_ran_out_comes_too_late():
    v = check(case(issued(), ("2024-07-01", "proceedings_extended", {"weeks": 8}),
                   ("2024-09-03", "proceedings_extended", {"weeks": 4})))
    f = only(v, rule=CP + "within_26_weeks")
    assert (f.kind, f.due) == ("missing", "2024-09-02")


def test_an_extension_with_no_length_is_indeterminate():
    v = check(case(issued(), ("2024-07-01", "proceedings_extended", {})))
    assert [f.kind for f in findings(v, CP + "within_26_weeks")] == ["indeterminate"]


def test_an_extension_after_the_26_weeks_comes_too_late():
    v = check(case(issued(), ("2024-07-09", "proceedings_extended", {"weeks": 8})))
    f = only(v, rule=CP + "within_26_weeks")
    assert (f.kind, f.due) == ("missing", "2024-07-08")


def test_the_beginning_with_reading_ends_the_26_weeks_a_day_sooner():
    # 181 days from Mon 8 Jan 2024 -> Sun 7 Jul 2024.
    policy = load_policy("england", interpretations={CP + "within_26_weeks": "beginning_with_issue"})
    c = case(issued(), ("2024-07-08", "final_order_made", {"order": "care_order"}), policy=policy)
    f = only(check(c, policy), rule=CP + "within_26_weeks")
    assert shape(f) == ("late", "2024-07-07", "2024-07-08", (1, "days"))


@pytest.mark.parametrize("weeks, kind", [(8, None), (9, "guard_failed"), (None, "indeterminate")])
def test_each_extension_is_at_most_8_weeks(weeks, kind):
    fields = {} if weeks is None else {"weeks": weeks}
    v = check(case(issued(), ("2024-07-01", "proceedings_extended", fields)))
    found = findings(v, CP + "extension_at_most_8_weeks")
    assert [f.kind for f in found] == ([kind] if kind else [])


@pytest.mark.parametrize("fields, kind", [
    ({"fgdm_offered": True}, None),
    ({"fgdm_offered": False, "fgdm_not_in_best_interests": True}, None),
    ({"fgdm_offered": False, "fgdm_not_in_best_interests": False}, "guard_failed"),
    ({}, "indeterminate"),
])
def test_fgdm_offered_before_application(fields, kind):
    v = check(case(("2024-01-08", "care_proceedings_issued", {"order_sought": "care_order", **fields})))
    found = findings(v, CP + "fgdm_offered_before_application")
    assert [f.kind for f in found] == ([kind] if kind else [])
    if kind == "guard_failed":
        assert found[0].severity == "statute" and v.legal is False


def test_a_final_order_without_proceedings_is_illegal():
    v = check(case(("2024-01-08", "final_order_made", {"order": "care_order"})))
    assert only(v, rule=CP + "sequence").kind == "illegal_transition"


# --- supervision orders ---------------------------------------------------------------------

# Issued Mon 9 Jan 2023; supervision order made Thu 1 Jun 2023 -> one year: Sat 1 Jun 2024; three
# years: Mon 1 Jun 2026.
SO_MADE = [issued("2023-01-09"), ("2023-06-01", "final_order_made", {"order": "supervision_order"})]


@pytest.mark.parametrize("ended, late", [("2024-06-01", None), ("2024-06-03", (2, "days"))])
def test_supervision_order_ends_after_one_year_unless_extended(ended, late):
    v = check(case(*SO_MADE, (ended, "supervision_order_ended", {"reason": "expired"})))
    found = findings(v, SO + "expires_after_1_year")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-06-01", ended, late)])
    assert findings(v, SO + "at_most_3_years") == []
    assert v.states["supervision_order"] == "ended"


def test_a_supervision_order_never_ended_is_missing_after_a_year():
    assert [p.due for p in check(case(*SO_MADE), as_of="2024-06-01").pending
            if p.rule == SO + "expires_after_1_year"] == ["2024-06-01"]
    f = only(check(case(*SO_MADE), as_of="2024-06-02"), rule=SO + "expires_after_1_year")
    assert (f.kind, f.due) == ("missing", "2024-06-01")


@pytest.mark.parametrize("ended, late", [("2026-06-01", None), ("2026-06-02", (1, "days"))])
def test_an_extended_supervision_order_lasts_at_most_three_years(ended, late):
    v = check(case(*SO_MADE, ("2024-05-20", "supervision_order_extended"),
                   ("2025-05-19", "supervision_order_extended"),
                   (ended, "supervision_order_ended", {"reason": "expired"})))
    assert findings(v, SO + "expires_after_1_year") == []
    found = findings(v, SO + "at_most_3_years")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2026-06-01", ended, late)])


def test_extending_an_expired_supervision_order_is_too_late():
    v = check(case(*SO_MADE, ("2024-06-02", "supervision_order_extended")))
    f = only(v, rule=SO + "expires_after_1_year")
    assert (f.kind, f.due) == ("missing", "2024-06-01")


def test_a_care_order_is_not_a_supervision_order():
    v = check(case(issued("2023-01-09"), ("2023-06-01", "final_order_made", {"order": "care_order"})),
              as_of="2026-12-31")
    assert v.states["supervision_order"] == "none"
    assert not [f for f in v.findings if f.rule.startswith(SO)] and not [p for p in v.pending if p.rule.startswith(SO)]


# --- emergency protection orders ------------------------------------------------------------

# Made Mon 1 Jul 2024: 8 days -> Tue 9 Jul; with the one extension, 15 days -> Tue 16 Jul.
EPO_MADE = ("2024-07-01", "emergency_protection_order_made")


@pytest.mark.parametrize("ended, late", [("2024-07-09", None), ("2024-07-10", (1, "days"))])
def test_epo_at_most_8_days(ended, late):
    v = check(case(EPO_MADE, (ended, "emergency_protection_order_ended")))
    found = findings(v, EPO + "order_at_most_8_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-07-09", ended, late)])
    assert findings(v, EPO + "with_extension_at_most_15_days") == []


@pytest.mark.parametrize("ended, late", [("2024-07-16", None), ("2024-07-17", (1, "days"))])
def test_extended_epo_at_most_15_days(ended, late):
    v = check(case(EPO_MADE, ("2024-07-08", "emergency_protection_order_extended"),
                   (ended, "emergency_protection_order_ended")))
    assert findings(v, EPO + "order_at_most_8_days") == []
    found = findings(v, EPO + "with_extension_at_most_15_days")
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-07-16", ended, late)])


def test_an_unextended_epo_running_16_days_breaks_both_limits():
    v = check(case(EPO_MADE, ("2024-07-17", "emergency_protection_order_ended")))
    assert shape(only(v, rule=EPO + "order_at_most_8_days")) == ("late", "2024-07-09", "2024-07-17", (8, "days"))
    assert shape(only(v, rule=EPO + "with_extension_at_most_15_days")) == ("late", "2024-07-16", "2024-07-17", (1, "days"))


def test_an_epo_can_be_extended_only_once():
    v = check(case(EPO_MADE, ("2024-07-08", "emergency_protection_order_extended"),
                   ("2024-07-12", "emergency_protection_order_extended")))
    f = only(v, kind="illegal_transition")
    assert (f.rule, f.end.index, f.severity) == (EPO + "sequence", 2, "statute")


def test_extending_an_expired_epo_is_too_late():
    f = only(check(case(EPO_MADE, ("2024-07-10", "emergency_protection_order_extended"))),
             rule=EPO + "order_at_most_8_days")
    assert (f.kind, f.due) == ("missing", "2024-07-09")


# --- police protection: a clock rule --------------------------------------------------------

# Taken into police protection Tue 7 May 2024 at 22:00 -> 72 hours is Fri 10 May at 22:00 (no
# change of the clocks in between).
@pytest.mark.parametrize("start, end, kind, late_by", [
    ("2024-05-07T22:00", "2024-05-10T22:00", None, None),
    ("2024-05-07T22:00", "2024-05-10T22:30", "late", (1, "hours")),      # 30 minutes, rounded up
    ("2024-05-07", "2024-05-10", "indeterminate", None),                 # 48 to 96 hours: cannot tell
    ("2024-05-07", "2024-05-09T23:00", None, None),                      # at most 71 hours
    ("2024-05-07T22:00", "2024-05-11", "late", (2, "hours")),            # from 00:00 on 11 May
])
def test_police_protection_at_most_72_hours(start, end, kind, late_by):
    v = check(case((start, "police_protection_started"), (end, "police_protection_ended")))
    found = findings(v, POL)
    assert [f.kind for f in found] == ([kind] if kind else [])
    if late_by:
        assert (found[0].late_by.value, found[0].late_by.unit) == late_by
        assert found[0].due == "2024-05-10T22:00"
    if kind == "indeterminate":
        assert v.legal  # never a guessed breach


# --- child assessment orders ----------------------------------------------------------------

# Takes effect Mon 20 May 2024 -> 7 days: Mon 27 May (a bank holiday, which does not matter for
# calendar days). Beginning with 20 May, the 7th day is Sun 26 May.
@pytest.mark.parametrize("ended, late", [("2024-05-27", None), ("2024-05-28", (1, "days"))])
def test_child_assessment_order_at_most_7_days(ended, late):
    v = check(case(("2024-05-20", "child_assessment_order_started"), (ended, "child_assessment_order_ended")))
    found = findings(v, CAO)
    assert [shape(f) for f in found] == ([] if late is None else [("late", "2024-05-27", ended, late)])
    if found:
        assert found[0].source.confidence == "primary"


def test_child_assessment_order_read_as_beginning_with_the_start_date():
    policy = load_policy("england", interpretations={CAO: "beginning_with_start"})
    c = case(("2024-05-20", "child_assessment_order_started"), ("2024-05-27", "child_assessment_order_ended"),
             policy=policy)
    assert shape(only(check(c, policy), rule=CAO)) == ("late", "2024-05-26", "2024-05-27", (1, "days"))
