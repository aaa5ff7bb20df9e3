"""Errors a user can act on.

Every error names *where* the problem is (policy file and line, or case id, event index and
field) and never echoes free-text values from a case, so that no personal data reaches a log.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches
from typing import Literal

PolicyErrorCode = Literal[
    "yaml_syntax",
    "schema",
    "guard_syntax",
    "unknown_event",
    "unknown_state",
    "unknown_pathway",
    "unknown_field",
    "unknown_rule",
    "duplicate_id",
    "unknown_policy",
    "extends_cycle",
]


def did_you_mean(word: str, options: Iterable[str], otherwise: str = "") -> str:
    """The hint every "unknown …" message ends with: the nearest known word, or ``otherwise``."""
    near = get_close_matches(word, list(options), n=1)
    return f" (did you mean {near[0]!r}?)" if near else otherwise


class JourneyError(Exception):
    """Base class: something the user gave us is wrong."""


class PolicyError(JourneyError):
    """A policy file is malformed or inconsistent; names file, line and field."""

    def __init__(self, code: PolicyErrorCode, message: str, *, path: str = "", line: int | None = None) -> None:
        self.code = code
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message} [{code}]" if where else f"{message} [{code}]")


class CaseError(JourneyError):
    """A case history is malformed; names the case, the event index and the field."""

    def __init__(self, message: str, *, case_id: str | None = None, index: int | None = None,
                 field: str | None = None, source: str = "") -> None:
        self.case_id = case_id
        self.index = index
        self.field = field
        parts = [source] if source else []
        parts.append(f"case {case_id}" if case_id else "case ?")
        if index is not None:
            parts.append(f"event {index}")
        if field:
            parts.append(f"field '{field}'")
        super().__init__(", ".join(parts) + f": {message}")
