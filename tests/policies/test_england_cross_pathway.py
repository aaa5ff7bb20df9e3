"""England baseline: rules that span pathways — a CP plan and a CIN plan never overlap; closing a
case; a child's death or permanent move out of the area ends everything. Dates counted by hand."""

import pytest
from typer.testing import CliRunner

from conftest import case, check, only
from journey.cli import app
from journey.spec.load import load_policy

ENGLAND = load_policy("england")
ADULT_PATHWAYS = {"lado", "fostering"}  # about an adult: the child's death or move ends nothing there


def cp_plan(day="2024-03-12", icpc="2024-04-04"):
    return [(day, "strategy_discussion_held", {"outcome": "s47"}), (day, "s47_started"),
            (icpc, "icpc_held", {"outcome": "cp_plan"}), (icpc, "cp_plan_started")]


# --- CP plan and CIN plan never overlap (CIN census 4001, 4016, 4017) -----------------------

def test_starting_a_cin_plan_during_a_cp_plan_is_illegal():
    v = check(case(*cp_plan(), ("2024-04-10", "core_group_held"), ("2024-04-20", "cin_plan_started")))
    f = only(v, kind="illegal_transition")
    assert (f.rule, f.end.index, f.pathway) == ("england.child_protection.sequence", 5, "child_protection")
    assert v.legal is False


def test_starting_a_cp_plan_during_a_cin_plan_is_illegal():
    v = check(case(("2024-02-01", "cin_plan_started"), *cp_plan()))
    f = only(v, kind="illegal_transition")
    assert (f.rule, f.end.type) == ("england.child_in_need.sequence", "cp_plan_started")


def test_ending_one_plan_before_starting_the_other_is_legal():
    # CIN plan ends the day the CP plan starts; the CP plan later steps down to a CIN plan.
    v = check(case(("2024-02-01", "cin_plan_started"), *cp_plan()[:3], ("2024-04-04", "cin_plan_ended"),
                   ("2024-04-04", "cp_plan_started"), ("2024-04-10", "core_group_held"),
                   ("2024-07-03", "rcpc_held", {"outcome": "end_plan"}), ("2024-07-03", "cp_plan_ended"),
                   ("2024-07-03", "cin_plan_started")))
    assert not [f for f in v.findings if f.kind == "illegal_transition"]
    assert (v.states["child_protection"], v.states["child_in_need"]) == ("ended", "plan")


def test_a_looked_after_child_may_be_on_a_cp_plan():
    v = check(case(*cp_plan(), ("2024-04-10", "looked_after_started", {"legal_status": "V2"})))
    assert not [f for f in v.findings if f.kind == "illegal_transition"]


# --- closing the case ----------------------------------------------------------------------

@pytest.mark.parametrize("open_work, pathway", [
    (cp_plan(), "child_protection"),
    ([("2024-03-12", "contact_received"), ("2024-03-12", "referral_decision", {"outcome": "assessment", "by": "team_manager"}),
      ("2024-03-13", "assessment_started")], "assessment"),
    ([("2024-03-12", "care_proceedings_issued", {"fgdm_offered": True})], "care_proceedings"),
    ([("2024-03-12", "care_proceedings_issued", {"fgdm_offered": True}),
      ("2024-04-04", "final_order_made", {"order": "supervision_order"})], "supervision_order"),
    ([("2024-03-12", "secure_placement_started", {"authorised_by_court": True})], "secure_accommodation"),
    ([("2024-03-12", "private_fostering_notified", {"arrangement": "existing"})], "private_fostering"),
])
def test_a_case_cannot_close_with_statutory_work_open(open_work, pathway):
    v = check(case(*open_work, ("2024-04-05", "case_closed", {"reason": "RC7"})))
    assert [f.pathway for f in v.findings if f.kind == "illegal_transition"] == [pathway]


def test_closing_the_case_lapses_an_assessment_never_started():
    # Referred for assessment on 11 Mar 2024, closed a week later: the 45-working-day assessment
    # obligation (due 16 May) lapses with the case.
    v = check(case(("2024-03-11", "contact_received"),
                   ("2024-03-11", "referral_decision", {"outcome": "assessment", "by": "team_manager"}),
                   ("2024-03-18", "case_closed", {"reason": "RC7"})), as_of="2024-12-31")
    assert v.findings == () and v.pending == ()


# --- death and moving out of the area ------------------------------------------------------

@pytest.mark.parametrize("event", ["child_died", "moved_out_of_area"])
def test_every_pathway_accepts_the_event_in_every_state(event):
    for p in ENGLAND.pathways:
        missing = [s for s in p.state_ids if s != "died" and not any(
            t.event == event and s in t.source for t in p.transitions)]
        assert missing == [], f"{p.id}: {event} not allowed in {missing} (add them to zz_cross_pathway.yaml)"


def test_death_is_final_everywhere_but_the_adult_pathways():
    for p in ENGLAND.pathways:
        targets = {t.target for t in p.transitions if t.event == "child_died"}
        if p.id in ADULT_PATHWAYS:
            assert targets == {None}, p.id
        else:
            assert targets == {"died"}, p.id
            died = next(s for s in p.states if s.id == "died")
            assert died.final and all(t.target is None for t in p.transitions_from("died")), p.id


def busy_case():
    """A child on a CP plan, in care proceedings, missing and privately fostered, with obligations
    pending: first core group (due Thu 18 Apr 2024, 10 working days after Thu 4 Apr), first review
    conference (4 Jul), 26 weeks (issued Fri 5 Apr -> Fri 4 Oct), return interview (8 Apr 12:00 +
    72 h), private fostering visit (notified Mon 8 Apr -> 7 working days: Wed 17 Apr)."""
    return [*cp_plan(), ("2024-04-05", "care_proceedings_issued", {"fgdm_offered": True}),
            ("2024-04-06T20:00", "missing_started"), ("2024-04-08T12:00", "missing_ended"),
            ("2024-04-08T15:00", "private_fostering_notified", {"arrangement": "existing"})]


def test_death_ends_every_pathway_and_lapses_pending_obligations_without_findings():
    before = check(case(*busy_case()), as_of="2024-04-09")
    assert {p.rule for p in before.pending} >= {
        "england.child_protection.first_core_group_within_10_working_days",
        "england.care_proceedings.within_26_weeks", "england.missing.return_interview_within_72_hours",
        "england.private_fostering.visit_within_7_working_days"}
    v = check(case(*busy_case(), ("2024-04-09T10:00", "child_died")), as_of="2025-12-31")
    assert v.findings == () and v.pending == ()
    assert {p: s for p, s in v.states.items() if p not in ADULT_PATHWAYS} == dict.fromkeys(
        (p.id for p in ENGLAND.pathways if p.id not in ADULT_PATHWAYS), "died")


def test_after_a_death_only_the_formal_ends_may_be_recorded():
    v = check(case(*cp_plan(), ("2024-04-09", "child_died"), ("2024-04-09", "cp_plan_ended", {"reason": "died"}),
                   ("2024-04-10", "case_closed", {"reason": "RC2"}), ("2024-04-11", "visit", {"purpose": "cp"})))
    illegal = [f for f in v.findings if f.kind == "illegal_transition"]
    assert {(f.end.index, f.end.type) for f in illegal} == {(7, "visit")}  # once per pathway handling visits
    assert "child_protection" in {f.pathway for f in illegal}


def test_an_obligation_already_overdue_at_death_is_still_missing():
    # First core group due Thu 18 Apr 2024; the child dies on 22 Apr.
    v = check(case(*cp_plan(), ("2024-04-22", "child_died")))
    f = only(v)
    assert (f.rule, f.kind, f.due) == ("england.child_protection.first_core_group_within_10_working_days",
                                       "missing", "2024-04-18")


def test_moving_out_of_area_ends_everything_and_the_child_can_be_referred_again():
    v = check(case(*busy_case(), ("2024-04-09", "moved_out_of_area"), ("2024-09-02T10:00", "contact_received"),
                   ("2024-09-02T15:00", "referral_decision", {"outcome": "nfa", "by": "social_worker"})),
              as_of="2025-12-31")
    assert v.findings == () and v.pending == ()
    assert v.states["child_protection"] == "none" and v.states["front_door"] == "decided"


# --- the CLI lists every new rule and event ------------------------------------------------

NEW_PATHWAYS = ("pre_birth", "pre_proceedings", "care_proceedings", "supervision_order", "emergency_protection",
                "police_protection", "child_assessment_order", "private_fostering", "missing", "lado", "transfer",
                "secure_accommodation")
NEW_EVENTS = (
    "pre_birth_referral_received", "child_born", "legal_planning_meeting_held", "letter_before_proceedings_sent",
    "pre_proceedings_meeting_held", "fgdm_meeting_held", "pre_proceedings_decision", "care_proceedings_issued",
    "interim_order_made", "proceedings_extended", "final_order_made", "supervision_order_extended",
    "supervision_order_ended", "emergency_protection_order_made", "emergency_protection_order_extended",
    "emergency_protection_order_ended", "police_protection_started", "police_protection_ended",
    "child_assessment_order_started", "child_assessment_order_ended", "private_fostering_notified",
    "private_fostering_started", "private_fostering_ended", "missing_started", "missing_ended",
    "return_interview_held", "staff_allegation_received", "lado_informed", "staff_allegation_concluded",
    "cp_transfer_notified", "transfer_in_conference_held", "secure_placement_started", "secure_order_made",
    "secure_review_held", "secure_placement_ended", "child_died", "moved_out_of_area")


def test_journey_rules_lists_every_new_rule():
    result = CliRunner().invoke(app, ["rules", "--policy", "england"])
    assert result.exit_code == 0
    ids = [r.id for r in ENGLAND.rules if r.pathway in NEW_PATHWAYS]
    assert len(ids) == 21  # 20 + the 72 hours in any 28 days of secure accommodation
    for rule_id in ids:
        assert rule_id in result.output


def test_journey_events_lists_every_new_event():
    result = CliRunner().invoke(app, ["events", "--policy", "england"])
    assert result.exit_code == 0
    for name in NEW_EVENTS:
        assert f"{name}  —" in result.output, name
        assert "no pathway (unknown_event)" not in result.output.split(f"{name}  —")[1].split("\n")[1]
