"""Every local rule and every unmodelled statement cites words that are really on the seed line it
names, and a local rule that claims statutory force says which statutory rule it restates."""

import pytest

from seeds import (COVERED_BY, NEEDS_VOCABULARY, NOT_CHECKABLE, SEEDS, collapse, local_policies, needs_seeds,
                   own_file, quote_is_on_line, seed_document, seed_lines)

from journey.spec.load import load_policy

POLICIES = local_policies()


@pytest.mark.parametrize("name", POLICIES)
def test_rule_quotes_are_on_the_cited_seed_line(name):
    needs_seeds()
    document = seed_document(name)
    assert (SEEDS / document).is_file(), f"{name}: no seed {document} in {SEEDS}"
    wrong = [f"{r.id} (line {r.source.line}): {collapse(r.source.quote)!r}" for r in own_file(name).rules
             if r.source.line is None or not r.source.quote
             or not quote_is_on_line(document, r.source.line, r.source.quote)]
    assert wrong == [], f"quotes not found on their line of {document}"


@pytest.mark.parametrize("name", POLICIES)
def test_unmodelled_quotes_are_on_the_cited_seed_line(name):
    needs_seeds()
    document = seed_document(name)
    wrong = [f"line {u.line}: {collapse(u.quote)!r}" for u in own_file(name).unmodelled
             if not quote_is_on_line(document, u.line, u.quote)]
    assert wrong == [], f"quotes not found on their line of {document}"


@pytest.mark.parametrize("name", POLICIES)
def test_every_unmodelled_statement_gives_a_known_kind_of_reason(name):
    policy = load_policy(name)
    for u in own_file(name).unmodelled:
        covered = COVERED_BY.match(u.reason)
        if covered:
            assert policy.has_rule(covered.group(1)), f"line {u.line}: no rule {covered.group(1)}"
        else:
            assert u.reason.startswith((NEEDS_VOCABULARY, NOT_CHECKABLE)), f"line {u.line}: {u.reason}"


@pytest.mark.parametrize("name", POLICIES)
def test_statutory_claims_name_the_rule_they_restate(name):
    loose = [r.id for r in own_file(name).rules if r.severity in ("statute", "statutory_guidance") and not r.tightens]
    assert loose == []


@pytest.mark.parametrize("name", POLICIES)
def test_local_policies_load_without_laxer_rules(name):
    """A local rule that is laxer than the statutory rule it names is reported at load; none ship."""
    assert [i.code for i in load_policy(name).issues if "laxer" in i.code] == []


def test_quote_check_really_reads_the_seed():
    needs_seeds()
    document = seed_document("bcp") if "bcp" in POLICIES else sorted(p.name for p in SEEDS.glob("*.txt"))[0]
    lines = seed_lines(document)
    line = next(i for i, text in enumerate(lines, 1) if len(text.split()) > 8)
    words = " ".join(lines[line - 1].split()[2:7])
    assert quote_is_on_line(document, line, words)
    assert not quote_is_on_line(document, line + 40, words + " and some words nobody wrote")


@pytest.mark.parametrize("name", POLICIES)
def test_no_local_rule_is_laxer_than_the_rule_it_tightens(name):
    """Including guards, which the load-time check cannot compare (it compares limits only)."""
    from journey.spec.compare import compare_rules
    laxer = [c.rule.id for c in compare_rules(load_policy(name), load_policy("england"))
             if c.standing in ("laxer", "not always stricter")]
    assert laxer == []


@pytest.mark.parametrize("name", POLICIES)
def test_local_deadlines_lapse_when_the_child_dies_or_moves_away(name):
    """As the England deadlines do (england/zz_cross_pathway.yaml), under every reading."""
    from journey.spec.interpretations import ambiguous_rules
    from journey.spec.model import DeadlineRule
    readings = [{}] + [{r.id: i.id} for r in ambiguous_rules(load_policy(name)) for i in r.interpretations
                       if r.id.startswith(f"{name}.")]
    for reading in readings:
        for rule in load_policy(name, reading).rules:
            if isinstance(rule, DeadlineRule) and rule.id.startswith(f"{name}."):
                cancels = {c.event for c in rule.cancelled_by}
                assert {"child_died", "moved_out_of_area"} <= cancels, (rule.id, reading)
