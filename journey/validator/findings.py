"""Findings and verdicts: the public JSON contract of ``journey validate``.

Field names, kinds and their order are fixed (see DESIGN.md "Findings"); tests compare them
with the documentation. Every finding's message is built here, once, from its data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from journey.spec.model import Severity, Source

FindingKind = Literal["illegal_transition", "guard_failed", "late", "early", "missing", "gap",
                      "unknown_event", "ordering", "indeterminate"]
FINDING_KINDS: tuple[str, ...] = get_args(FindingKind)
BREACH_SEVERITIES = frozenset({"statute", "statutory_guidance"})


@dataclass(frozen=True, slots=True)
class EventRef:
    index: int
    type: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "type": self.type, "at": self.at}


@dataclass(frozen=True, slots=True)
class Amount:
    value: int
    unit: str

    def __str__(self) -> str:
        unit = self.unit.replace("_", " ")
        return f"{self.value} {unit[:-1] if self.value == 1 and unit.endswith('s') else unit}"

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    kind: FindingKind
    pathway: str
    message: str
    source: Source
    start: EventRef | None = None
    end: EventRef | None = None
    due: str | None = None
    actual: str | None = None
    late_by: Amount | None = None

    @property
    def is_breach(self) -> bool:
        """Counts against ``legal``/``compliant`` (indeterminate findings never do)."""
        return self.kind != "indeterminate"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "severity": self.severity, "kind": self.kind, "pathway": self.pathway,
            "start": self.start.to_dict() if self.start else None,
            "end": self.end.to_dict() if self.end else None,
            "due": self.due, "actual": self.actual,
            "late_by": self.late_by.to_dict() if self.late_by else None,
            "message": self.message,
            "source": self.source.model_dump(exclude_none=True, exclude_defaults=False),
        }


@dataclass(frozen=True, slots=True)
class Pending:
    rule: str
    pathway: str
    due: str
    start: EventRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "pathway": self.pathway, "due": self.due,
                "start": self.start.to_dict() if self.start else None}


@dataclass(frozen=True, slots=True)
class Verdict:
    case_id: str
    policy: str
    as_of: str
    findings: tuple[Finding, ...] = ()
    pending: tuple[Pending, ...] = ()
    states: dict[str, str] = field(default_factory=dict)

    @property
    def legal(self) -> bool:
        """No breach of statute or statutory guidance."""
        return not any(f.is_breach and f.severity in BREACH_SEVERITIES for f in self.findings)

    @property
    def compliant(self) -> bool:
        """Legal, and no breach of the local authority's own standards either."""
        return self.legal and not any(f.is_breach and f.severity == "local" for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 when no breach is above ``advisory`` (indeterminate findings are not breaches), else 1."""
        return 1 if any(f.is_breach and f.severity != "advisory" for f in self.findings) else 0

    def to_dict(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "policy": self.policy, "as_of": self.as_of,
                "legal": self.legal, "compliant": self.compliant,
                "findings": [f.to_dict() for f in self.findings],
                "pending": [p.to_dict() for p in self.pending]}


# --- messages: one template per kind ------------------------------------------------------------

def _words(event: str) -> str:
    return event.replace("_", " ")


def late_message(event: str, late_by: Amount, due: str) -> str:
    return f"{_words(event)} came {late_by} after it was due ({due})"


def early_message(event: str, early_by: Amount, earliest: str) -> str:
    return f"{_words(event)} came {early_by} before the earliest allowed date ({earliest})"


def missing_message(event: str, due: str, lapsed: str | None) -> str:
    tail = f", and the obligation lapsed on {lapsed} without it" if lapsed else " and it has not happened"
    return f"{_words(event)} was due by {due}{tail}"


def lead_missing_message(event: str, before: str, due: str) -> str:
    return f"{_words(before)} happened with no {_words(event)} before it (it was due by {due})"


def gap_message(event: str, late_by: Amount, due: str) -> str:
    return f"{_words(event)} came {late_by} after the next one was due ({due})"


def illegal_message(event: str, pathway: str, state: str, allowed: list[str]) -> str:
    options = ", ".join(allowed) if allowed else "nothing"
    return f"{_words(event)} is not allowed in {pathway} while '{state}' (allowed then: {options})"


def guard_message(event: str, guard: str) -> str:
    return f"{_words(event)} does not meet the condition {guard}"


def unknown_event_message(event: str, policy: str) -> str:
    return f"no pathway of policy {policy} handles {_words(event)}, so it was not checked"


def indeterminate_message(what: str, reason: str) -> str:
    return f"cannot tell whether {what}: {reason}"
