"""What a policy change does, before it is adopted: ``journey policy-diff OLD NEW``.

Three answers, each from the spec and simulated histories only:

1. **The rule diff** — rules compared by id: added, removed, tightened, loosened, a changed guard
   (limits compared with :func:`journey.calendar.spans.compare_max_limits`, so "tightened" is
   claimed only when it holds for every start date).
2. **Histories whose verdict changes** — a seeded cohort of histories compliant under OLD is
   validated under NEW (and one compliant under NEW under OLD). Each new breach is shown on the
   shortest history found: the first example is shrunk by dropping events while the verdict still
   differs in the same way.
3. **The effect on a cohort** — the share of OLD-compliant histories that NEW makes non-compliant,
   and the workload (visits, reviews, conferences, core groups per child-year) of histories that
   comply with each policy, simulated with the same seed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from journey.calendar import england
from journey.cases import Case, Event
from journey.spec.compare import limit_words, standing
from journey.spec.describe import describe_rule
from journey.spec.model import DeadlineRule, EventMatch, GuardRule, Pathway, Policy, RecurringRule, Rule
from journey.simulate import DEFAULT_MIX, CaseMix, simulate
from journey.validator import validate
from journey.validator.findings import Finding, Verdict
from journey.walk import WalkResult

Change = Literal["added", "removed", "tightened", "loosened", "changed guard", "changed"]
Direction = Literal["newly non-compliant", "newly compliant"]
WORKLOAD = ("visits", "reviews", "conferences", "core groups")


# --- 1. the rule diff ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RuleChange:
    rule: str
    change: Change
    old: str | None  # the rule in words, before
    new: str | None  # and after
    details: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "change": self.change, "old": self.old, "new": self.new,
                "details": list(self.details)}


def _guards(rule: Rule) -> dict[str, str]:
    """Every condition of a rule, by role, as text (``where`` clauses and a guard's ``require``)."""
    out: dict[str, str] = {}
    for name in ("start", "end", "event"):
        match = getattr(rule, name, None)
        if isinstance(match, EventMatch) and match.where is not None:
            out[f"{name} where"] = str(match.where)
    if isinstance(rule, GuardRule):
        out["require"] = str(rule.require)
    return out


def _details(old: Rule, new: Rule) -> list[str]:
    """What differs between two versions of a rule, in a few words each."""
    out = []
    if limit_words(old) != limit_words(new):
        out.append(f"{limit_words(old)} → {limit_words(new)}")
    if isinstance(old, RecurringRule) and isinstance(new, RecurringRule) and old.first != new.first:
        out.append(f"first: {old.first.within.duration if old.first else 'none'} → "
                   f"{new.first.within.duration if new.first else 'none'}")
    og, ng = _guards(old), _guards(new)
    for key in sorted(set(og) | set(ng)):
        if og.get(key) != ng.get(key):
            out.append(f"{key}: {og.get(key, 'none')} → {ng.get(key, 'none')}")
    if old.severity != new.severity:
        out.append(f"severity: {old.severity} → {new.severity}")
    if isinstance(old, DeadlineRule) and isinstance(new, DeadlineRule) and old.cancelled_by != new.cancelled_by:
        out.append("lapses on: " + ("; ".join(map(str, old.cancelled_by)) or "nothing") + " → "
                   + ("; ".join(map(str, new.cancelled_by)) or "nothing"))
    return out


def _same(old: Rule, new: Rule) -> bool:
    """Equal as rules: what they demand, ignoring where they are written down."""
    skip = {"line", "origin", "source", "title", "notes", "interpretations"}
    return old.model_dump(exclude=skip) == new.model_dump(exclude=skip)


def _classify(old: Rule, new: Rule) -> Change:
    verdict = standing(new, old)
    if verdict == "stricter":
        return "tightened"
    if verdict == "laxer":
        return "loosened"
    return "changed guard" if _guards(old) != _guards(new) else "changed"


def rule_diff(old: Policy, new: Policy) -> list[RuleChange]:
    """Rules compared by id, in the order of OLD then the rules NEW adds."""
    theirs = {r.id: r for r in new.rules}
    mine = {r.id: r for r in old.rules}
    out = []
    for rule in old.rules:
        other = theirs.get(rule.id)
        if other is None:
            out.append(RuleChange(rule.id, "removed", describe_rule(rule), None))
        elif not _same(rule, other):
            details = _details(rule, other)
            if standing(other, rule) == "not always stricter":
                details.append("stricter or laxer depending on the dates")
            out.append(RuleChange(rule.id, _classify(rule, other), describe_rule(rule), describe_rule(other),
                                  tuple(details)))
    for rule in new.rules:
        if rule.id not in mine:
            out.append(RuleChange(rule.id, "added", None, describe_rule(rule)))
    return out


@dataclass(frozen=True)
class TransitionChange:
    """A transition (or a whole pathway) that one policy has and the other has not."""

    pathway: str
    change: Literal["added", "removed"]
    transition: str  # "event: from, ... → to [when guard]", or "(pathway)"

    def to_dict(self) -> dict[str, Any]:
        return {"pathway": self.pathway, "change": self.change, "transition": self.transition}


def _signatures(pathway: Pathway) -> set[str]:
    return {f"{t.event}: {', '.join(t.source)} → {t.target or '(stays)'}"
            + (f" when {t.guard}" if t.guard is not None else "") for t in pathway.transitions}


def transition_diff(old: Policy, new: Policy) -> list[TransitionChange]:
    """Pathways and transitions added or removed: a draft may change the sequence, not only rules."""
    mine, theirs = {p.id: p for p in old.pathways}, {p.id: p for p in new.pathways}
    out = []
    for pid in list(mine) + [p for p in theirs if p not in mine]:
        if pid not in theirs or pid not in mine:
            out.append(TransitionChange(pid, "removed" if pid not in theirs else "added", "(pathway)"))
            continue
        a, b = _signatures(mine[pid]), _signatures(theirs[pid])
        out += [TransitionChange(pid, "removed", t) for t in sorted(a - b)]
        out += [TransitionChange(pid, "added", t) for t in sorted(b - a)]
    return out


# --- 2. histories whose verdict changes ------------------------------------------------------------

Key = tuple[str, str]  # (rule, kind)


def _breaches(verdict: Verdict) -> dict[Key, Finding]:
    """Findings that make a case non-compliant (not advisory, not indeterminate), by rule and kind."""
    out: dict[Key, Finding] = {}
    for f in verdict.findings:
        if f.is_breach and f.severity != "advisory":
            out.setdefault((f.rule, f.kind), f)
    return out


@dataclass(frozen=True)
class Example:
    """A history that complies with one policy and breaches the other, shrunk."""

    direction: Direction
    rule: str
    kind: str
    case: Case
    finding: Finding
    events_before_shrinking: int

    def to_dict(self) -> dict[str, Any]:
        return {"direction": self.direction, "rule": self.rule, "kind": self.kind,
                "events_before_shrinking": self.events_before_shrinking,
                "child": {"date_of_birth": _iso(self.case.child.date_of_birth),
                          "expected_date_of_birth": _iso(self.case.child.expected_date_of_birth)},
                "events": [{"at": str(e.at), "type": e.type, **e.fields} for e in self.case.events],
                "finding": self.finding.to_dict()}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _with_events(case: Case, events: Sequence[Event]) -> Case:
    return Case(case.case_id, case.child, tuple(Event(i, e.type, e.at, e.fields) for i, e in enumerate(events)))


def shrink(case: Case, still: Callable[[Case], bool], groups: Sequence[frozenset[str]] = ()) -> Case:
    """Drop events while ``still`` holds: first whole ``groups`` of event types at once (all the
    events of one pathway, say, which single drops cannot remove without breaking its sequence),
    then halves, quarters, ... then single events."""
    events = list(case.events)
    for group in groups:
        trial = [e for e in events if e.type not in group]
        if trial and len(trial) < len(events) and still(_with_events(case, trial)):
            events = trial
    size = max(1, len(events) // 2)
    while size >= 1:
        i, progressed = 0, False
        while i < len(events):
            trial = events[:i] + events[i + size:]
            if trial and still(_with_events(case, trial)):
                events, progressed = trial, True
            else:
                i += size
        if not progressed:
            size //= 2
    return _with_events(case, events)


def _groups(policy: Policy) -> list[frozenset[str]]:
    """Event types by pathway, then one by one: the units :func:`shrink` tries to drop whole."""
    by_pathway = [p.events for p in policy.pathways]
    singles = [frozenset({e}) for e in sorted({e for p in policy.pathways for e in p.events})]
    return by_pathway + singles


def _differs(breaks: Policy, keeps: Policy, key: Key) -> Callable[[Case], bool]:
    """A case that ``keeps`` finds compliant and ``breaks`` finds in breach of ``key``."""
    def check(case: Case) -> bool:
        if _breaches(validate(case, keeps, calendar=england)):
            return False
        return key in _breaches(validate(case, breaks, calendar=england))
    return check


def _examples(cases: Iterable[Case], breaks: Policy, keeps: Policy, direction: Direction,
              limit: int) -> tuple[list[Example], int, int]:
    """Shrunk examples (one per rule and kind, up to ``limit``), the number of cases compliant
    under ``keeps`` and how many of those ``breaks`` finds non-compliant."""
    found: list[Example] = []
    seen: set[Key] = set()
    compliant = broken = 0
    for case in cases:
        if _breaches(validate(case, keeps, calendar=england)):
            continue
        compliant += 1
        new = _breaches(validate(case, breaks, calendar=england))
        if not new:
            continue
        broken += 1
        for key in sorted(new):
            if key in seen or len(found) >= limit:
                continue
            seen.add(key)
            small = shrink(case, _differs(breaks, keeps, key), _groups(keeps))
            finding = _breaches(validate(small, breaks, calendar=england))[key]
            found.append(Example(direction, key[0], key[1], small, finding, len(case.events)))
    return found, compliant, broken


# --- 3. workload ----------------------------------------------------------------------------------

def workload_category(event: str) -> str | None:
    """Which kind of work an event is, by its name in the vocabulary."""
    if event == "visit" or event.endswith("_visit"):
        return "visits"
    if "core_group" in event:
        return "core groups"
    if event in ("icpc_held", "rcpc_held") or "conference" in event:
        return "conferences"
    if "review" in event:
        return "reviews"
    return None


@dataclass(frozen=True)
class Workload:
    cases: int
    child_years: float
    counts: dict[str, int]

    def per_child_year(self, category: str) -> float:
        return self.counts.get(category, 0) / self.child_years if self.child_years else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"cases": self.cases, "child_years": round(self.child_years, 2),
                "counts": {c: self.counts.get(c, 0) for c in WORKLOAD},
                "per_child_year": {c: round(self.per_child_year(c), 2) for c in WORKLOAD}}


def workload(cases: Sequence[Case]) -> Workload:
    """Events of each kind of work, and the child-years the histories span (first to last event)."""
    counts: Counter[str] = Counter()
    days = 0
    for case in cases:
        if not case.events:
            continue
        days += (case.events[-1].at.date - case.events[0].at.date).days + 1
        counts.update(c for e in case.events if (c := workload_category(e.type)) is not None)
    return Workload(len(cases), days / 365.25, dict(counts))


# --- the whole diff -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PolicyDiff:
    old: str
    new: str
    seed: int
    cases: int
    rules: list[RuleChange]
    examples: list[Example]
    compliant_old: int          # of the OLD cohort, compliant under OLD (all, unless walks and validator disagree)
    broken_by_new: int          # of those, non-compliant under NEW
    compliant_new: int
    fixed_by_new: int           # of the NEW cohort's compliant histories, non-compliant under OLD
    workload_old: Workload
    workload_new: Workload
    blocked_new: dict[str, int] = field(default_factory=dict)  # rules NEW walks could not meet
    transitions: list[TransitionChange] = field(default_factory=list)

    @property
    def share_broken(self) -> float:
        return self.broken_by_new / self.compliant_old if self.compliant_old else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "seed": self.seed, "cases": self.cases,
                "rules": [r.to_dict() for r in self.rules],
                "transitions": [t.to_dict() for t in self.transitions],
                "examples": [e.to_dict() for e in self.examples],
                "cohort": {"compliant_under_old": self.compliant_old, "non_compliant_under_new": self.broken_by_new,
                           "share_newly_non_compliant": round(self.share_broken, 4),
                           "compliant_under_new": self.compliant_new, "non_compliant_under_old": self.fixed_by_new,
                           "new_rules_not_met_by_walks": self.blocked_new},
                "workload": {"old": self.workload_old.to_dict(), "new": self.workload_new.to_dict()}}


def _blocked(results: Sequence[WalkResult]) -> dict[str, int]:
    return dict(Counter(r.blocked for r in results if r.blocked))


def policy_diff(old: Policy, new: Policy, *, cases: int = 200, seed: int = 0, mix: CaseMix = DEFAULT_MIX,
                examples: int = 3, labels: tuple[str, str] | None = None) -> PolicyDiff:
    """Compare two policies: rule diff, shrunk histories whose verdict changes, cohort effect.

    ``labels`` name the two sides in the report (by default their ids; a draft usually keeps
    the id of the policy it revises, so the command line passes the names it was given)."""
    old_walks = simulate(old, cases, seed=seed, mix=mix)
    new_walks = simulate(new, cases, seed=seed, mix=mix)
    old_cases = [r.case for r in old_walks]
    new_cases = [r.case for r in new_walks]
    worse, compliant_old, broken = _examples(old_cases, new, old, "newly non-compliant", examples)
    better, compliant_new, fixed = _examples(new_cases, old, new, "newly compliant", examples)
    names = labels or (old.id, new.id)
    return PolicyDiff(names[0], names[1], seed, cases, rule_diff(old, new), worse + better,
                      compliant_old, broken, compliant_new, fixed,
                      workload(old_cases), workload(new_cases), _blocked(new_walks), transition_diff(old, new))


# --- text -------------------------------------------------------------------------------------------

def _fields(e: Event) -> str:
    return " ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in e.fields.items())


def timeline(case: Case, mark: int | None = None) -> list[str]:
    """One line per event: date (and weekday), time, event, fields; ``mark`` flags one event."""
    lines = []
    for e in case.events:
        flag = "  <--" if e.index == mark else ""
        when = f"{e.at.date.isoformat()} {e.at.date.strftime('%a')}"
        clock = e.at.time.strftime("%H:%M") if e.at.time else "     "
        lines.append(f"    {e.index:>2}  {when} {clock}  {e.type:<26} {_fields(e)}".rstrip() + flag)
    return lines


def render_text(diff: PolicyDiff) -> str:
    out = [f"policy-diff {diff.old} → {diff.new}  (seed {diff.seed}, {diff.cases} simulated cases per policy)", ""]
    out.append(f"rules: {len(diff.rules)} changed" if diff.rules else "rules: no rule differs")
    for r in diff.rules:
        out.append(f"  {r.change:<14} {r.rule}")
        out.extend(f"      {d}" for d in r.details)
        if r.change in ("added", "removed"):
            out.append(f"      {r.new or r.old}")
    if diff.transitions:
        out.append(f"transitions: {len(diff.transitions)} changed")
        out.extend(f"  {t.change:<14} {t.pathway}  {t.transition}" for t in diff.transitions)
    out.append("")
    if not diff.examples:
        out.append("histories whose verdict changes: none found")
    for n, ex in enumerate(diff.examples, 1):
        mark = ex.finding.end.index if ex.finding.end else None
        out.append(f"example {n}: {ex.direction} — {ex.kind} {ex.rule} "
                   f"(shrunk from {ex.events_before_shrinking} to {len(ex.case.events)} events)")
        dob = ex.case.child.date_of_birth
        out.append(f"    child born {dob.isoformat()}" if dob else "    child: no date of birth")
        out.extend(timeline(ex.case, mark))
        under = diff.new if ex.direction == "newly non-compliant" else diff.old
        out.append(f"    under {under}: {ex.finding.kind} — {ex.finding.message}")
        out.append("")
    out.append("cohort:")
    out.append(f"  compliant under {diff.old}: {diff.compliant_old} of {diff.cases}; "
               f"non-compliant under {diff.new}: {diff.broken_by_new} ({diff.share_broken:.1%})")
    out.append(f"  compliant under {diff.new}: {diff.compliant_new} of {diff.cases}; "
               f"non-compliant under {diff.old}: {diff.fixed_by_new}")
    for rule, n in sorted(diff.blocked_new.items()):
        out.append(f"  {n} {diff.new} walks stopped early: {rule} could not be met")
    out.append("workload per child-year (histories compliant with each policy):")
    out.append(f"  {'':<12} {diff.old:>12} {diff.new:>12}  change")
    for c in WORKLOAD:
        a, b = diff.workload_old.per_child_year(c), diff.workload_new.per_child_year(c)
        change = f"{(b - a) / a:+.0%}" if a else "n/a"
        out.append(f"  {c:<12} {a:>12.1f} {b:>12.1f}  {change}")
    out.append(f"  {'child-years':<12} {diff.workload_old.child_years:>12.1f} {diff.workload_new.child_years:>12.1f}")
    return "\n".join(out) + "\n"
