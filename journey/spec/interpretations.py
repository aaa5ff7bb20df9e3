"""Choosing another reading of an ambiguous rule, at load time.

A source can be read more than one way ("15 days": working or calendar?). The rule as written is
the ``chosen`` reading; each other reading lists the fields it replaces (``overrides``). A user
who reads the source differently selects that reading by id, and the rule is rebuilt from the
overrides and validated again through the IR, so a reading can never smuggle in a field the
schema does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from journey.errors import PolicyError, did_you_mean
from journey.spec.model import Interpretation, Policy, PolicyIssue, Rule

# Fields that identify a rule or record where it came from: a reading changes what the rule
# requires, never which rule it is.
FIXED_FIELDS = frozenset({"id", "kind", "pathway", "line", "origin", "interpretations"})


def ambiguous_rules(policy: Policy) -> tuple[Rule, ...]:
    """The rules with more than one reading, in policy order."""
    return tuple(r for r in policy.rules if len(r.interpretations) > 1)


def chosen_reading(rule: Rule) -> Interpretation | None:
    """The reading the rule is encoded as (``chosen: true``), if one is marked."""
    return next((i for i in rule.interpretations if i.chosen), None)


def merge(base: Any, overrides: Any) -> Any:
    """``overrides`` laid over ``base``: mappings merge key by key (so ``{limit: {value: 15}}``
    keeps the limit's unit and bound); anything else replaces the value whole."""
    if isinstance(base, dict) and isinstance(overrides, Mapping):
        out = dict(base)
        for key, value in overrides.items():
            out[key] = merge(base.get(key), value)
        return out
    return overrides


def _find_rule(policy: Policy, rule_id: str) -> Rule:
    if policy.has_rule(rule_id):
        return policy.rule(rule_id)
    known = [r.id for r in ambiguous_rules(policy)]
    hint = did_you_mean(rule_id, [r.id for r in policy.rules])
    listing = ", ".join(known) if known else "none"
    raise PolicyError("unknown_rule", f"interpretations: no rule {rule_id!r} in policy {policy.id}{hint}; "
                      f"rules with interpretations: {listing}")


def _find_reading(rule: Rule, reading_id: str) -> Interpretation:
    for reading in rule.interpretations:
        if reading.id == reading_id:
            return reading
    known = ", ".join(i.id for i in rule.interpretations) or "none"
    raise PolicyError("unknown_rule", f"interpretations: rule {rule.id} has no interpretation "
                      f"{reading_id!r}; known: {known}", path=rule.origin, line=rule.line)


def reread(rule: Rule, reading: Interpretation) -> Rule:
    """``rule`` as ``reading`` has it: overrides applied, ``chosen`` moved, re-validated."""
    fixed = sorted(FIXED_FIELDS & set(reading.overrides))
    if fixed:
        raise PolicyError("schema", f"interpretation {rule.id}={reading.id} may not override "
                          f"{', '.join(fixed)}", path=rule.origin, line=rule.line)
    data = merge(rule.model_dump(mode="python"), reading.overrides)
    data["interpretations"] = [{**i.model_dump(mode="python"), "chosen": i.id == reading.id}
                               for i in rule.interpretations]
    try:
        return type(rule).model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(rule)"
        raise PolicyError("schema", f"interpretation {rule.id}={reading.id}: {where}: {first['msg']}",
                          path=rule.origin, line=rule.line) from None


def _unchanged(rule: Rule, reading: Interpretation) -> PolicyIssue:
    return PolicyIssue(code="interpretation_not_modelled",
                       message=f"interpretation {rule.id}={reading.id} is described but has no overrides, "
                               "so the rule is checked as written",
                       path=rule.origin, line=rule.line, level="warning")


def apply_interpretations(policy: Policy, selected: Mapping[str, str]) -> Policy:
    """``policy`` with each selected rule re-read; unknown rules or readings are a PolicyError
    naming the known ones. Readings with nothing to override leave a warning on the policy."""
    rules = {r.id: r for r in policy.rules}
    notes: list[PolicyIssue] = []
    for rule_id, reading_id in selected.items():
        rule = _find_rule(policy, rule_id)
        reading = _find_reading(rule, reading_id)
        if not reading.overrides and not reading.chosen:
            notes.append(_unchanged(rule, reading))
        rules[rule_id] = reread(rule, reading)
    return policy.model_copy(update={"rules": tuple(rules[r.id] for r in policy.rules),
                                     "issues": policy.issues + tuple(notes)})
