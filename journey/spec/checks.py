"""Definition-time checks: one small function each, every issue collected.

Errors (a reference to a state, event, field or rule that does not exist) stop the load with
all of them listed; warnings (a local rule laxer than the statutory one it claims to tighten)
are kept on the policy and shown by ``journey rules`` and ``journey verify``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from journey.calendar.spans import compare_max_limits
from journey.errors import PolicyError, did_you_mean
from journey.spec.guards import Const, Field, In, Node, Compare, fields_of
from journey.spec.model import event_roles, max_limit
from journey.spec.model import (CHILD_ATTRIBUTES, DeadlineRule, EventMatch, GuardRule, Policy, PolicyIssue, Rule)

Check = Callable[[Policy], Iterator[PolicyIssue]]
CHILD_FIELDS = frozenset(CHILD_ATTRIBUTES)


def _err(code: str, message: str, item: object, path: str = "") -> PolicyIssue:
    return PolicyIssue(code=code, message=message, path=getattr(item, "origin", "") or path,
                       line=getattr(item, "line", None), level="error")


def check_states(policy: Policy) -> Iterator[PolicyIssue]:
    """Every pathway's initial, source and target states are declared states."""
    for p in policy.pathways:
        known = set(p.state_ids)
        if p.initial not in known:
            yield _err("unknown_state", f"pathway {p.id}: initial state {p.initial!r} is not a state", p)
        for t in p.transitions:
            for s in t.source + ((t.target,) if t.target else ()):
                if s not in known:
                    yield _err("unknown_state", f"pathway {p.id}: {t.event}: state {s!r} is not a state"
                               + did_you_mean(s, known), t)


def _event_issues(policy: Policy, match: EventMatch, owner: object, what: str) -> Iterator[PolicyIssue]:
    if match.event not in policy.vocabulary:
        yield _err("unknown_event", f"{what}: event {match.event!r} is not in the vocabulary"
                   + did_you_mean(match.event, policy.vocabulary), owner)
        return
    if match.where is not None:
        yield from _guard_issues(policy, match.event, match.where, owner, what)


def _guard_issues(policy: Policy, event: str, guard: Node, owner: object, what: str) -> Iterator[PolicyIssue]:
    fields = policy.vocabulary[event].fields
    for f in fields_of(guard):
        if f.path[0] == "child":
            known = CHILD_FIELDS | set(policy.facts)
            if len(f.path) != 2 or f.path[1] not in known:
                yield _err("unknown_field", f"{what}: {f} is not a child field; known: "
                           + ", ".join(f"child.{c}" for c in sorted(known)), owner)
        elif len(f.path) != 1 or f.path[0] not in fields:
            yield _err("unknown_field", f"{what}: {f} is not a field of {event}"
                       + did_you_mean(str(f), fields), owner)
    for field, value in _enum_constants(guard):
        spec = fields.get(field)
        if spec is not None and spec.type == "enum" and value not in spec.values:
            yield _err("unknown_field", f"{what}: {value!r} is not a value of {event}.{field}"
                       + did_you_mean(str(value), spec.values), owner)


def _enum_constants(node: Node) -> Iterator[tuple[str, object]]:
    """(field, literal) pairs compared in a guard, to check enum values exist."""
    match node:
        case Compare(left=Field(path=(name,)), right=Const(value=v)) | Compare(right=Field(path=(name,)), left=Const(value=v)):
            yield name, v
        case In(item=Field(path=(name,)), options=opts):
            for v in opts:
                yield name, v
        case _:
            for child in getattr(node, "items", ()) or ((node.item,) if hasattr(node, "item") else ()):
                yield from _enum_constants(child)


RESERVED_FIELDS = frozenset({"type", "at", "case_id", "child", "index"})


def check_event_fields(policy: Policy) -> Iterator[PolicyIssue]:
    """Event fields may not reuse the case format's own keys (``type``, ``at``)."""
    for name, ev in policy.vocabulary.items():
        for field in set(ev.fields) & RESERVED_FIELDS:
            yield PolicyIssue(code="schema", level="error",
                              message=f"event {name}: field name {field!r} is reserved by the case format")


def check_transition_events(policy: Policy) -> Iterator[PolicyIssue]:
    """Transitions use vocabulary events and guards read real fields."""
    for p in policy.pathways:
        for t in p.transitions:
            yield from _event_issues(policy, EventMatch(event=t.event, where=t.guard), t,
                                     f"pathway {p.id}")


def check_rule_events(policy: Policy) -> Iterator[PolicyIssue]:
    """Rules refer to vocabulary events, real fields and events some pathway routes."""
    routed = {e for p in policy.pathways for e in p.events}
    for rule in policy.rules:
        for _, m in event_roles(rule):
            yield from _event_issues(policy, m, rule, f"rule {rule.id}")
            if m.event in policy.vocabulary and m.event not in routed:
                yield _err("unknown_event", f"rule {rule.id}: no pathway routes {m.event!r}, so "
                           "the rule could never fire", rule)
        if isinstance(rule, GuardRule) and rule.event.event in policy.vocabulary:
            yield from _guard_issues(policy, rule.event.event, rule.require, rule, f"rule {rule.id}")
        ext = rule.extended_by if isinstance(rule, DeadlineRule) else None
        if ext is not None and ext.event.event in policy.vocabulary:
            spec = policy.vocabulary[ext.event.event].fields.get(ext.field)
            if spec is None or spec.type != "int":
                yield _err("unknown_field", f"rule {rule.id}: extended_by needs an int field {ext.field!r} on "
                           f"{ext.event.event}", rule)


def check_rule_pathways(policy: Policy) -> Iterator[PolicyIssue]:
    """Rules belong to a declared pathway and name its states."""
    pathways = {p.id: p for p in policy.pathways}
    for rule in policy.rules:
        pathway = pathways.get(rule.pathway)
        if pathway is None:
            yield _err("unknown_pathway", f"rule {rule.id}: pathway {rule.pathway!r} does not exist"
                       + did_you_mean(rule.pathway, pathways), rule)
            continue
        for s in getattr(rule, "while_in", ()):
            if s not in pathway.state_ids:
                yield _err("unknown_state", f"rule {rule.id}: while_in state {s!r} is not a state of "
                           f"{pathway.id}" + did_you_mean(s, pathway.state_ids), rule)


def check_rule_ids(policy: Policy) -> Iterator[PolicyIssue]:
    """Rule ids start with the id of the policy that defines them (``england.cp.…``)."""
    for rule in policy.rules:
        if rule.id.split(".")[0] not in policy.lineage:
            yield _err("schema", f"rule {rule.id}: id must start with its policy's id "
                       f"({' or '.join(policy.lineage)})", rule)


def check_tightening(policy: Policy) -> Iterator[PolicyIssue]:
    """A local rule that tightens another must be about the same thing and not be laxer."""
    for rule in policy.rules:
        if rule.tightens is None:
            continue
        if not policy.has_rule(rule.tightens):
            yield _err("unknown_rule", f"rule {rule.id}: tightens unknown rule {rule.tightens!r}"
                       + did_you_mean(rule.tightens, [r.id for r in policy.rules]), rule)
            continue
        yield from _compare(rule, policy.rule(rule.tightens))


def _compare(local: Rule, base: Rule) -> Iterator[PolicyIssue]:
    if local.kind != base.kind:
        yield _err("schema", f"rule {local.id} ({local.kind}) cannot tighten {base.id} ({base.kind})", local)
        return
    limits = max_limit(local), max_limit(base)
    if None in limits:
        return
    verdict = compare_max_limits(limits[0].duration, limits[1].duration)
    if verdict in ("laxer", "depends"):
        yield PolicyIssue(
            code="laxer_than_statute" if verdict == "laxer" else "maybe_laxer_than_statute",
            message=f"rule {local.id} ({limits[0]}) is {'laxer than' if verdict == 'laxer' else 'not always stricter than'} "
                    f"{base.id} ({limits[1]}); {base.id} still applies",
            path=local.origin, line=local.line, level="warning")


CHECKS: tuple[Check, ...] = (check_states, check_event_fields, check_transition_events, check_rule_events,
                             check_rule_pathways, check_rule_ids, check_tightening)


def issues_of(policy: Policy) -> list[PolicyIssue]:
    """Every definition issue of a policy, errors and warnings."""
    return [issue for check in CHECKS for issue in check(policy)]


def check_policy(policy: Policy) -> Policy:
    """Raise one PolicyError listing every error; otherwise return the policy with its warnings."""
    issues = issues_of(policy)
    errors = [i for i in issues if i.level == "error"]
    if errors:
        first = errors[0]
        more = "".join(f"\n  {e}" for e in errors[1:])
        raise PolicyError(first.code, first.message + more, path=first.path, line=first.line)  # type: ignore[arg-type]
    return policy.model_copy(update={"issues": tuple(issues)})
