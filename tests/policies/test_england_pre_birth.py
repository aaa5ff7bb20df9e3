"""England baseline: pre-birth work. The national baseline has no gestation-week timer (WT2023 sets
none: reference id national.gap.pre_birth_conference_timing); a local policy adds one. Dates
counted by hand."""

import textwrap

from conftest import case, check, only
from journey.spec.load import load_policy

UNBORN = {"expected_date_of_birth": "2024-06-01"}


def test_no_national_gestation_rule():
    england = load_policy("england")
    assert england.rules_for("pre_birth") == ()


def test_birth_converts_pre_birth_work_into_the_ordinary_pathways():
    # A pre-birth conference is an ICPC; the plan made before birth carries on after it. ICPC Tue
    # 20 Feb 2024: first core group within 10 working days (21-23 Feb, 26 Feb-1 Mar, 4-5 Mar -> Tue
    # 5 Mar; held 1 Mar); first review within three months (20 May; held 20 May); the next review is
    # due 20 Nov 2024, after the core group held after the birth.
    v = check(case(("2024-02-01", "pre_birth_referral_received"),
                   ("2024-02-01", "strategy_discussion_held", {"outcome": "s47"}), ("2024-02-01", "s47_started"),
                   ("2024-02-20", "icpc_held", {"outcome": "cp_plan"}), ("2024-02-20", "cp_plan_started"),
                   ("2024-03-01", "core_group_held"), ("2024-05-20", "rcpc_held", {"outcome": "continue_plan"}),
                   ("2024-05-28", "child_born"), ("2024-06-03", "core_group_held"), child=UNBORN))
    assert v.states["pre_birth"] == "born" and v.states["child_protection"] == "plan"
    assert v.findings == ()
    assert [p.due for p in v.pending] == ["2024-11-20"]


def test_a_child_is_born_only_once():
    v = check(case(("2024-02-01", "pre_birth_referral_received"), ("2024-05-28", "child_born"),
                   ("2024-05-29", "child_born"), child=UNBORN))
    f = only(v, kind="illegal_transition")
    assert (f.rule, f.end.index) == ("england.pre_birth.sequence", 2)


def test_a_pre_birth_referral_after_birth_is_out_of_order():
    v = check(case(("2024-05-28", "child_born"), ("2024-06-03", "pre_birth_referral_received"), child=UNBORN))
    assert only(v, kind="illegal_transition").end.index == 1


LOCAL = textwrap.dedent("""\
    id: local
    title: Local pre-birth standard
    extends: england
    rules:
      - id: local.pre_birth.conference_by_week_28
        title: Pre-birth conference by 28 weeks of pregnancy
        kind: gestation
        pathway: pre_birth
        severity: local
        source: {document: test}
        week: 28
        end: {event: icpc_held}
        while_in: [unborn]
    """)


# EDD Sat 1 Jun 2024 is 40+0 weeks; 28+0 is 12 weeks (84 days) earlier: 31 days back to 1 May, 30
# more to 1 Apr (61), 23 more -> Sat 9 Mar 2024.
def test_a_local_gestation_rule_runs_until_birth(tmp_path):
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL)
    local = load_policy(path)
    referred = ("2024-01-10", "pre_birth_referral_received")
    pending = check(case(referred, child=UNBORN, policy=local), local, as_of="2024-03-09").pending
    assert [p.due for p in pending if p.rule == "local.pre_birth.conference_by_week_28"] == ["2024-03-09"]
    late = check(case(referred, ("2024-01-10", "strategy_discussion_held", {"outcome": "s47"}),
                      ("2024-01-10", "s47_started"), ("2024-03-11", "icpc_held", {"outcome": "cp_plan"}),
                      child=UNBORN, policy=local), local)
    f = only(late, rule="local.pre_birth.conference_by_week_28")
    assert (f.kind, f.due, f.late_by.value) == ("late", "2024-03-09", 2)
    # Born before week 28 with no conference: the rule lapses at birth without a finding.
    born = check(case(referred, ("2024-03-01", "child_born"), child=UNBORN, policy=local), local, as_of="2024-12-31")
    assert [f for f in born.findings if f.rule.startswith("local.")] == []


def test_moving_away_after_birth_does_not_make_the_child_unborn_again():
    v = check(case(("2024-02-01", "pre_birth_referral_received"), ("2024-05-28", "child_born"),
                   ("2024-06-10", "moved_out_of_area"), ("2024-09-02", "pre_birth_referral_received"), child=UNBORN))
    f = only(v, kind="illegal_transition")
    assert (f.rule, f.end.index) == ("england.pre_birth.sequence", 3)
    assert v.states["pre_birth"] == "born"
