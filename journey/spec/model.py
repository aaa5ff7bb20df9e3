"""The policy IR: frozen pydantic models that every back end reads.

A policy is pathways (state machines) plus rules (timers and guards) plus the event vocabulary.
Models are frozen with ``extra="forbid"``, so a misspelt key in YAML is an error, and rule kinds
are a tagged union so that every compiler must handle each kind explicitly.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union, assert_never

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, field_validator

from journey.calendar import FIXED_UNITS, Duration, Unit
from journey.spec.guards import parse_guard

Severity = Literal["statute", "statutory_guidance", "local", "advisory"]
SEVERITIES: tuple[Severity, ...] = ("statute", "statutory_guidance", "local", "advisory")
Confidence = Literal["primary", "secondary", "unverified"]
FieldType = Literal["enum", "bool", "text", "int", "date"]
CHILD_ATTRIBUTES: dict[str, type] = {"disabled": bool, "uasc": bool}
"""Child attributes a case may carry and a guard may read as ``child.<name>``."""


def _parse_guard(value: Any) -> Any:
    return parse_guard(value) if isinstance(value, str) else value


Guard = Annotated[Any, BeforeValidator(_parse_guard), PlainSerializer(str, return_type=str)]
"""A guard: written as text in YAML, held as an AST node (see :mod:`journey.spec.guards`)."""


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


# --- vocabulary -------------------------------------------------------------------------------

class EventField(Model):
    """One field an event may carry, e.g. ``outcome`` of a ``referral_decision``."""

    type: FieldType
    values: tuple[str, ...] = ()
    required: bool = False
    description: str = ""


class EventType(Model):
    """A word of the controlled event vocabulary, with the fields it carries."""

    name: str
    description: str
    fields: dict[str, EventField] = {}
    returns: str = ""  # where the DfE returns record it (CIN census / SSDA903)


# --- citations --------------------------------------------------------------------------------

class Source(Model):
    """Where a rule comes from: document, section or seed file and line, and the words."""

    document: str
    ref: str = ""
    quote: str = ""
    line: int | None = None
    confidence: Confidence = "secondary"


class Interpretation(Model):
    """A named reading of an ambiguous source. The rule as written is the ``chosen`` reading;
    another reading replaces the rule's fields listed in ``overrides`` (e.g. a ``limit`` in
    calendar days instead of working days) when a user selects it."""

    id: str
    description: str
    chosen: bool = False
    overrides: dict[str, Any] = {}


# --- pathways ---------------------------------------------------------------------------------

class State(Model):
    id: str
    description: str = ""
    final: bool = False  # a declared outcome: a dead end here is intended


class Transition(Model):
    """``event`` moves the pathway from any of ``source`` to ``target`` when ``guard`` holds.

    ``target`` None is an internal transition: the event is allowed and the state stays.
    """

    event: str
    source: tuple[str, ...] = Field(alias="from")
    target: str | None = Field(default=None, alias="to")
    guard: Guard | None = None
    decides: str = ""  # plain words for diagrams, e.g. "team manager decides"
    line: int | None = None
    origin: str = ""  # the policy file that declares it (set by the loader)

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True,
                              populate_by_name=True)


class Pathway(Model):
    id: str
    title: str
    description: str = ""
    initial: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    severity: Severity = "statutory_guidance"  # of an illegal transition in this pathway
    source: Source
    line: int | None = None
    defined_by: str = ""  # id of the policy whose file declares the pathway (set by the loader)
    origin: str = ""  # that policy file

    @property
    def sequence_rule(self) -> str:
        """The rule id that illegal transitions and failed transition guards are reported under."""
        return f"{self.defined_by}.{self.id}.sequence"

    @property
    def state_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.states)

    @property
    def events(self) -> frozenset[str]:
        return frozenset(t.event for t in self.transitions)

    def transitions_from(self, state: str) -> tuple[Transition, ...]:
        return tuple(t for t in self.transitions if state in t.source)


# --- rules ------------------------------------------------------------------------------------

class EventMatch(Model):
    """An event type, optionally narrowed by a guard on its fields (``where``)."""

    event: str
    where: Guard | None = None

    def __str__(self) -> str:
        return self.event + (f" where {self.where}" if self.where is not None else "")


class Fact(Model):
    """A fact about the child that a guard reads as ``child.<name>`` and that is derived at each
    event, not recorded: the age in whole years (``kind: age``); whole ``unit``s spent between
    ``starts`` and ``ends`` events since the child was ``since_age`` (``kind: time_in``); or the
    latest value of ``field`` on the ``from_events``, forgotten on an ``ends`` event (``kind: latest``)."""

    description: str
    kind: Literal["age", "time_in", "latest"]
    field: str | None = None
    from_events: tuple[str, ...] = ()
    unit: Literal["days", "weeks"] = "weeks"
    since_age: int | None = Field(default=None, ge=0, le=30)
    starts: EventMatch | None = None
    ends: tuple[str, ...] = ()


class Limit(Model):
    value: int = Field(ge=0)
    unit: Unit
    bound: Literal["max", "min"] = "max"

    @property
    def duration(self) -> Duration:
        return Duration(self.value, self.unit)

    def __str__(self) -> str:
        return f"{'≤' if self.bound == 'max' else '≥'} {self.duration}"


class Age(Model):
    years: int = Field(ge=0, le=30)
    months: int = Field(default=0, ge=0, le=11)

    def __str__(self) -> str:
        years = f"{self.years} year{'s' if self.years != 1 else ''}"
        return years + (f" {self.months} month{'s' if self.months != 1 else ''}" if self.months else "")


class FirstDue(Model):
    """When the first qualifying event of a recurring rule is due: ``within`` of ``after``, or of
    entering the rule's states when ``after`` is omitted (e.g. weekly visits from a placement)."""

    after: EventMatch | None = None
    within: Limit


class RuleBase(Model):
    id: str
    title: str
    pathway: str
    severity: Severity
    source: Source
    notes: str = ""
    interpretations: tuple[Interpretation, ...] = ()
    tightens: str | None = None  # id of a (statutory) rule this local rule makes stricter
    line: int | None = None
    origin: str = ""  # the policy file the rule came from (set by the loader)


class Extension(Model):
    """An event that extends an open deadline by the number in its ``field``, in ``unit``s,
    counted from the end of the period it extends (e.g. a court extending a timetable)."""

    event: EventMatch
    field: str
    unit: Unit


class DeadlineRule(RuleBase):
    """After ``start``, ``end`` must occur within (max) or not before (min) ``limit`` — or within
    the extended limit after each ``extended_by`` event granted before the time ran out."""

    kind: Literal["deadline"]
    start: EventMatch
    end: EventMatch
    limit: Limit
    cancelled_by: tuple[EventMatch, ...] = ()
    extended_by: Extension | None = None
    on_repeat: Literal["keep", "restart"] = "keep"
    while_in: tuple[str, ...] = ()  # if given, the clock starts only while the pathway is in one of these


class Switch(Model):
    """When a recurring interval changes: ``after`` this long in the active states, ``on`` an
    event, or ``at_age`` — whichever comes first."""

    every: Limit
    after: Limit | None = None
    on: EventMatch | None = None
    at_age: Age | None = None


class RecurringRule(RuleBase):
    """While the pathway is in ``while_in``, ``event`` recurs at most ``every`` apart (then at most
    ``then.every`` apart once ``then`` applies)."""

    kind: Literal["recurring"]
    event: EventMatch
    every: Limit
    first: FirstDue | None = None
    then: Switch | None = None
    while_in: tuple[str, ...]
    until_age: Age | None = None  # owed only while the child is younger (e.g. a baby seen awake)


class AgeRule(RuleBase):
    """``end`` is due ``within`` of the child attaining ``age`` (or of entering ``while_in``
    if that is later)."""

    kind: Literal["age"]
    age: Age
    end: EventMatch
    within: Limit
    while_in: tuple[str, ...] = ()


class GestationRule(RuleBase):
    """``end`` is due by gestation ``week`` (from the expected date of birth), or on entering
    ``while_in`` if that is later."""

    kind: Literal["gestation"]
    week: int = Field(ge=0, le=42)
    end: EventMatch
    while_in: tuple[str, ...] = ()


class LeadRule(RuleBase):
    """Each ``before`` event needs an ``event`` at least ``lead`` earlier, since the previous
    ``before`` event: a deadline counted back from a later event (e.g. the conference report
    shared with the family three working days before each conference). Judged when ``before``
    happens, so nothing is pending before it."""

    kind: Literal["lead"]
    event: EventMatch
    before: EventMatch
    lead: Limit
    since: tuple[EventMatch, ...] = ()  # an ``event`` before one of these no longer counts
    while_in: tuple[str, ...] = ()  # if given, a ``before`` event is judged only in these states


class CumulativeRule(RuleBase):
    """The time the pathway spends in ``while_in`` adds up to at most ``limit`` in any ``window``
    (e.g. 72 hours in secure accommodation without court authority in any 28 days): each stay
    must end by the moment the total would pass the limit."""

    kind: Literal["cumulative"]
    limit: Limit
    window: Limit
    while_in: tuple[str, ...] = Field(min_length=1)

    @field_validator("limit", "window")
    @classmethod
    def _fixed_length(cls, value: Limit) -> Limit:
        if value.unit not in FIXED_UNITS:
            raise ValueError(f"a cumulative rule adds up fixed lengths of time ({', '.join(sorted(FIXED_UNITS))}), "
                             f"not {value.unit}")
        return value


class GuardRule(RuleBase):
    """Whenever ``event`` occurs, ``require`` must hold (e.g. who may decide)."""

    kind: Literal["guard"]
    event: EventMatch
    require: Guard


Rule = Annotated[Union[DeadlineRule, RecurringRule, AgeRule, GestationRule, LeadRule, CumulativeRule, GuardRule],
                 Field(discriminator="kind")]
TimedRule = Union[DeadlineRule, RecurringRule, AgeRule, GestationRule, LeadRule, CumulativeRule]


EventRole = Literal["end", "cancel", "extend", "start", "qualify", "first_after", "switch", "target", "reset",
                    "prepare", "check"]
"""How an event touches a rule: ends, cancels or starts an obligation; qualifies for a recurring
rule; anchors its first due date; switches its interval; is the later event of a lead rule or
prepares for it or resets its window; extends a deadline; or is checked by a guard rule."""


def event_roles(rule: Rule) -> list[tuple[EventRole, EventMatch]]:
    """Every event match of a rule with its role — the one place that knows this, per kind."""
    match rule:
        case DeadlineRule():
            extend: list[tuple[EventRole, EventMatch]] = [("extend", rule.extended_by.event)] if rule.extended_by else []
            return [("end", rule.end), *[("cancel", c) for c in rule.cancelled_by], *extend, ("start", rule.start)]
        case RecurringRule():
            first: list[tuple[EventRole, EventMatch]] = (
                [("first_after", rule.first.after)] if rule.first and rule.first.after else [])
            switch: list[tuple[EventRole, EventMatch]] = [("switch", rule.then.on)] if rule.then and rule.then.on else []
            return [("qualify", rule.event), *first, *switch]
        case AgeRule() | GestationRule():
            return [("end", rule.end)]
        case CumulativeRule():  # met by leaving its states, whatever event does that
            return []
        case LeadRule():
            return [("target", rule.before), *[("reset", m) for m in rule.since], ("prepare", rule.event)]
        case GuardRule():
            return [("check", rule.event)]
        case _:
            assert_never(rule)


def is_min_bound(rule: Rule) -> bool:
    """A "not before" deadline: it can be early, never late or missing."""
    return isinstance(rule, DeadlineRule) and rule.limit.bound == "min"


def max_limit(rule: Rule) -> Limit | None:
    """The rule's upper time limit, if it has one — what "stricter" and "laxer" compare."""
    match rule:
        case DeadlineRule():
            return rule.limit if rule.limit.bound == "max" else None
        case RecurringRule():
            return rule.every
        case AgeRule():
            return rule.within
        case CumulativeRule():
            return rule.limit
        case GestationRule() | LeadRule() | GuardRule():
            return None
        case _:
            assert_never(rule)


class Unmodelled(Model):
    """A source statement that cannot be checked from events, listed so coverage is auditable."""

    line: int
    quote: str
    reason: str


class PolicyIssue(Model):
    """A definition-time finding about a policy (e.g. a laxer local rule)."""

    code: str
    message: str
    path: str = ""
    line: int | None = None
    level: Literal["error", "warning"] = "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.line else (f"{self.path}: " if self.path else "")
        return f"{where}{self.level}: {self.message} [{self.code}]"


# --- policy -----------------------------------------------------------------------------------

class Policy(Model):
    """A complete, layered policy: the single source every compiler reads."""

    id: str
    title: str
    description: str = ""
    extends: str | None = None
    lineage: tuple[str, ...] = ()  # e.g. ("england", "surrey")
    pathways: tuple[Pathway, ...]
    rules: tuple[Rule, ...]
    vocabulary: dict[str, EventType]
    facts: dict[str, Fact] = {}  # derived child facts guards may read (vocabulary.yaml `facts:`)
    unmodelled: tuple[Unmodelled, ...] = ()
    issues: tuple[PolicyIssue, ...] = ()

    def pathway(self, pathway_id: str) -> Pathway:
        """The pathway with this id; KeyError names the known ones."""
        for p in self.pathways:
            if p.id == pathway_id:
                return p
        raise KeyError(f"no pathway {pathway_id!r}; known: {', '.join(p.id for p in self.pathways)}")

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def has_rule(self, rule_id: str) -> bool:
        return any(r.id == rule_id for r in self.rules)

    def pathways_for(self, event: str) -> tuple[Pathway, ...]:
        """The pathways an event is routed to (those that declare a transition on it)."""
        return tuple(p for p in self.pathways if event in p.events)

    def rules_for(self, pathway_id: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.pathway == pathway_id)
