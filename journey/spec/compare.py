"""Comparing policies: a local standard against the statutory rule it tightens, and the main
timescales of several policies side by side.

Both read only the IR. Limits in different units are compared with the conservative bounds of
:mod:`journey.calendar.spans`, so "stricter" is claimed only when it holds for every start date.
The side-by-side table is driven by :data:`TOPICS` (topic → start and end events), so a new rule
on a listed event appears in the table without any code change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, assert_never

from journey.calendar.spans import compare_max_limits
from journey.spec.guards import Field, In, fields_of
from journey.spec.model import max_limit
from journey.spec.model import (AgeRule, CumulativeRule, DeadlineRule, EventMatch, GestationRule, GuardRule, LeadRule,
                                Policy, RecurringRule, Rule)

Standing = Literal["stricter", "same", "laxer", "not always stricter", "not comparable", "local only"]


@dataclass(frozen=True)
class RuleComparison:
    """One rule of a policy measured against the baseline rule it tightens (if any)."""

    rule: Rule
    baseline: Rule | None
    standing: Standing
    note: str = ""


def limit_words(rule: Rule) -> str:
    """The rule's timer or condition in a few plain words (no events), e.g. ``every 10 working days``."""
    match rule:
        case DeadlineRule():
            return f"{'within' if rule.limit.bound == 'max' else 'not before'} {rule.limit.duration}"
        case RecurringRule():
            then = f", then every {rule.then.every.duration}" if rule.then else ""
            return f"every {rule.every.duration}{then}"
        case AgeRule():
            return f"within {rule.within.duration} of age {rule.age}"
        case GestationRule():
            return f"by gestation week {rule.week}"
        case LeadRule():
            return "on or before" if rule.lead.value == 0 else f"at least {rule.lead.duration} before"
        case CumulativeRule():
            return f"at most {rule.limit.duration} in any {rule.window.duration}"
        case GuardRule():
            return str(rule.require)
        case _:
            assert_never(rule)


_FROM_SPANS: dict[str, Standing] = {"stricter": "stricter", "same": "same", "laxer": "laxer",
                                    "depends": "not always stricter"}
_REVERSED: dict[str, Standing] = {"stricter": "laxer", "same": "same", "laxer": "stricter",
                                  "depends": "not always stricter"}


def _allowed_values(rule: GuardRule) -> tuple[str, frozenset] | None:
    """``(field, values)`` when the guard is a plain ``field in [...]`` list, else None."""
    req = rule.require
    if isinstance(req, In) and not req.negated and isinstance(req.item, Field):
        return str(req.item), frozenset(req.options)
    return None


def _guard_standing(local: GuardRule, base: GuardRule) -> Standing:
    """A guard is stricter when it allows a subset of the values the baseline allows."""
    mine, theirs = _allowed_values(local), _allowed_values(base)
    if mine is None or theirs is None or mine[0] != theirs[0]:
        return "not comparable"
    if mine[1] == theirs[1]:
        return "same"
    return "stricter" if mine[1] <= theirs[1] else "laxer"


def standing(local: Rule, base: Rule) -> Standing:
    """How ``local`` stands against ``base``: stricter, the same, laxer, or not comparable."""
    if local.kind != base.kind:
        return "not comparable"
    if isinstance(local, GuardRule) and isinstance(base, GuardRule):
        return _guard_standing(local, base)
    if isinstance(local, DeadlineRule) and isinstance(base, DeadlineRule) and local.limit.bound != base.limit.bound:
        return "not comparable"
    if isinstance(local, DeadlineRule) and isinstance(base, DeadlineRule) and local.limit.bound == "min":
        # A minimum wait is stricter when it is longer.
        return _REVERSED[compare_max_limits(local.limit.duration, base.limit.duration)]
    mine, theirs = max_limit(local), max_limit(base)
    if mine is None or theirs is None:
        return "not comparable"
    return _FROM_SPANS[compare_max_limits(mine.duration, theirs.duration)]


def _note(local: Rule, base: Rule) -> str:
    """What differs besides the limit, so a "stricter" limit counted from a later event is seen."""
    if isinstance(local, DeadlineRule) and isinstance(base, DeadlineRule) and local.start != base.start:
        return f"counted from {local.start} (baseline: {base.start})"
    return ""


def compare_rules(policy: Policy, baseline: Policy) -> list[RuleComparison]:
    """Every rule ``policy`` adds to ``baseline``, with its standing against the rule it tightens."""
    inherited = {r.id for r in baseline.rules}
    out = []
    for rule in policy.rules:
        if rule.id in inherited:
            continue
        if rule.tightens is None or rule.tightens not in inherited:
            out.append(RuleComparison(rule, None, "local only"))
            continue
        base = baseline.rule(rule.tightens)
        out.append(RuleComparison(rule, base, standing(rule, base), _note(rule, base)))
    return out


# --- the side-by-side timescale table -------------------------------------------------------------

Measure = Literal["deadline", "every", "second", "then", "age", "gestation"]


@dataclass(frozen=True)
class Topic:
    """A row of the timescale table: which rules answer it.

    ``deadline``: a deadline rule ending in ``event`` (started by ``start`` if given), or the
    first-due limit of a recurring ``event`` anchored on ``start``. ``every``: the interval of a
    recurring ``event``. ``second``: the interval before a recurring rule switches (``then``), or
    a deadline from one ``event`` to the next. ``then``: the settled interval of a recurring
    ``event`` (after its switch, if it has one). ``age``/``gestation``: rules ending in ``event``.
    ``reads``: the event's ``where`` must read this field (``bedroom_seen`` visits); ``unless``:
    rules whose ``where`` reads one of these fields belong to another row. ``states``: a recurring
    rule must be active in one of these states of its pathway (so the six-monthly looked-after
    reviews are told from the three-monthly second review and from short breaks).
    """

    label: str
    event: str
    measure: Measure = "deadline"
    start: str | None = None
    pathway: str | None = None
    reads: str | None = None
    unless: tuple[str, ...] = ()
    states: tuple[str, ...] = ()


_SPECIAL_VISITS = ("seen_alone", "bedroom_seen")

TOPICS: tuple[Topic, ...] = (
    Topic("referral decision", "referral_decision", start="contact_received"),
    Topic("strategy discussion", "strategy_discussion_held"),
    Topic("child seen in assessment", "visit", start="assessment_started", unless=_SPECIAL_VISITS),
    Topic("assessment", "assessment_authorised"),
    Topic("section 47 concluded", "s47_concluded"),
    Topic("ICPC", "icpc_held"),
    Topic("first core group", "core_group_held", start="icpc_held"),
    Topic("core group frequency", "core_group_held", "every"),
    Topic("CP visits", "visit", "every", pathway="child_protection", unless=_SPECIAL_VISITS),
    Topic("CP visits, seen alone", "visit", "every", pathway="child_protection", reads="seen_alone"),
    Topic("CP visits, bedroom seen", "visit", "every", pathway="child_protection", reads="bedroom_seen"),
    Topic("RCPC first", "rcpc_held", start="icpc_held"),
    Topic("RCPC then", "rcpc_held", "then"),
    Topic("CIN plan after assessment", "cin_plan_started", start="assessment_authorised"),
    Topic("CIN visits", "visit", "every", pathway="child_in_need", unless=_SPECIAL_VISITS),
    Topic("CIN review first", "cin_plan_reviewed", start="cin_plan_started"),
    Topic("CIN review", "cin_plan_reviewed", "every"),
    Topic("LAC care plan", "care_plan_prepared", start="looked_after_started"),
    Topic("LAC placement plan", "placement_plan_prepared", start="looked_after_started"),
    Topic("IRO appointed", "iro_appointed", start="looked_after_started"),
    Topic("LAC review first", "lac_review_held", start="looked_after_started", states=("awaiting_first_review",)),
    Topic("LAC review second", "lac_review_held", "second", states=("awaiting_second_review",)),
    Topic("LAC review then", "lac_review_held", "then", states=("reviewing",)),
    Topic("LAC visits first", "visit", start="looked_after_started", pathway="looked_after",
          unless=_SPECIAL_VISITS, states=("reviewing",)),
    Topic("LAC visits", "visit", "every", pathway="looked_after", unless=_SPECIAL_VISITS, states=("reviewing",)),
    Topic("initial health assessment", "health_assessment_completed", start="looked_after_started"),
    Topic("permanence plan", "permanence_plan_agreed", start="looked_after_started"),
    Topic("pathway plan review", "pathway_plan_reviewed", "every"),
    Topic("leaving care needs assessment", "needs_assessment_completed", "age"),
    Topic("pre-birth conference", "icpc_held", "gestation"),
    Topic("return home interview", "return_interview_held", start="missing_ended"),
    Topic("LADO informed", "lado_informed", start="staff_allegation_received"),
    Topic("care proceedings", "final_order_made", start="care_proceedings_issued"),
)




def _ended_by(rule: Rule) -> EventMatch | None:
    match rule:
        case DeadlineRule() | AgeRule() | GestationRule():
            return rule.end
        case RecurringRule() | GuardRule() | LeadRule():
            return rule.event
        case CumulativeRule():  # ended by leaving its states, not by an event
            return None
        case _:
            assert_never(rule)


def _reads_fit(rule: Rule, topic: Topic) -> bool:
    """Does the rule's end event read the field the topic asks for (and none it leaves out)?"""
    ended = _ended_by(rule)
    where = ended.where if ended is not None else None
    read = {f.path[0] for f in fields_of(where)} if where is not None else set()
    return (topic.reads is None or topic.reads in read) and not read & set(topic.unless)


def _states_fit(rule: Rule, topic: Topic) -> bool:
    """A recurring rule answers a topic with ``states`` only while active in one of them."""
    if not topic.states or not isinstance(rule, RecurringRule):
        return True
    return bool(set(rule.while_in) & set(topic.states))


def _fits(rule: Rule, topic: Topic) -> str | None:
    """The rule's answer to ``topic`` in plain words, or None if it does not answer it."""
    if topic.pathway is not None and rule.pathway != topic.pathway:
        return None
    if not _reads_fit(rule, topic) or not _states_fit(rule, topic):
        return None
    match topic.measure, rule:
        case "deadline", DeadlineRule() if (rule.end.event == topic.event and rule.limit.bound == "max"
                                            and topic.start in (None, rule.start.event)):
            return str(rule.limit.duration)
        case "deadline", RecurringRule(first=first) if (rule.event.event == topic.event and first is not None
                                                        and first.after is not None
                                                        and topic.start == first.after.event):
            return str(first.within.duration)
        case "every", RecurringRule() if rule.event.event == topic.event:
            return limit_words(rule)
        case "second", RecurringRule(then=then) if rule.event.event == topic.event and then is not None:
            return str(rule.every.duration)
        case "second", RecurringRule() if rule.event.event == topic.event and topic.states:
            return str(rule.every.duration)
        case "second", DeadlineRule() if rule.start.event == rule.end.event == topic.event:
            return str(rule.limit.duration)
        case "then", RecurringRule() if rule.event.event == topic.event:
            return f"every {(rule.then.every if rule.then else rule.every).duration}"
        case "age", AgeRule() if rule.end.event == topic.event:
            return limit_words(rule)
        case "gestation", GestationRule() if rule.end.event == topic.event:
            return limit_words(rule)
    return None


def _conditional(rule: Rule) -> bool:
    """Does the rule apply only to some children (its start reads a child attribute)?"""
    where = rule.start.where if isinstance(rule, DeadlineRule) else None
    return where is not None and any(f.path[0] == "child" for f in fields_of(where))


def cell(policy: Policy, topic: Topic) -> str:
    """The policy's answer to a topic: its own (most local) rules' limits, or "—".

    A local policy's own rule is shown instead of the one it inherits; several rules on one
    topic are listed, and a rule that applies only to some children is marked ``*``."""
    for layer in reversed(policy.lineage):
        answers: list[str] = []
        for rule in policy.rules:
            if rule.id.split(".")[0] != layer:
                continue
            words = _fits(rule, topic)
            if words is not None:
                words += "*" if _conditional(rule) else ""
                if words not in answers:
                    answers.append(words)
        if answers:
            return " / ".join(answers)
    return "—"


@dataclass(frozen=True)
class TimescaleTable:
    policies: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (topic label, one cell per policy)


def timescale_table(policies: Sequence[Policy], topics: Iterable[Topic] = TOPICS) -> TimescaleTable:
    """The main timescales of ``policies`` side by side; topics no policy has a rule for are left out."""
    rows = []
    for topic in topics:
        cells = tuple(cell(p, topic) for p in policies)
        if any(c != "—" for c in cells):
            rows.append((topic.label, cells))
    return TimescaleTable(tuple(p.id for p in policies), tuple(rows))
