"""Reading the seed practice standards and their reference extractions, for the policy tests.

The seeds live beside the repository (``../shared`` from the repo root, as in CI). When they are
absent the tests that need them skip, saying where they looked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from journey.spec.load import PolicyFile, available_policies, read_policy_file, resolve
from journey.spec.model import Rule
from journey.spec.yaml_lines import load_with_lines

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXTRACTIONS = SHARED / "reference" / "seed_extractions"
TIMED_KINDS = frozenset({"deadline", "recurring", "age", "gestation", "lead", "cumulative"})
EXTRACTION_TIMED_KINDS = frozenset({"deadline", "recurring", "age_trigger", "gestation_trigger"})
QUOTE_SPAN = 3  # a quote may run over this many seed lines


def needs_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed practice standards not found at {SEEDS} (CI has them beside the repo as ../shared)")


def collapse(text: str) -> str:
    """Whitespace collapsed, so a quote folded across YAML or seed lines still matches."""
    return " ".join(text.split())


def local_policies() -> list[str]:
    """Shipped policies that extend another (the local authorities)."""
    return [name for name in available_policies() if own_file(name).extends]


@lru_cache(maxsize=None)
def own_file(name: str) -> PolicyFile:
    """The policy as written in its own files: its rules and unmodelled list, nothing inherited."""
    return read_policy_file(resolve(name))


def seed_document(name: str) -> str:
    """The seed file a local policy's rules cite (every rule must cite the same one)."""
    documents = {r.source.document for r in own_file(name).rules}
    assert len(documents) == 1, f"{name}: rules cite several documents: {sorted(documents)}"
    return documents.pop()


@lru_cache(maxsize=None)
def seed_lines(document: str) -> tuple[str, ...]:
    return tuple((SEEDS / document).read_text(encoding="utf-8").split("\n"))


def quote_is_on_line(document: str, line: int, quote: str) -> bool:
    """The quote's words are on ``line`` (running on to at most QUOTE_SPAN lines)."""
    lines = seed_lines(document)
    window = collapse(" ".join(lines[line - 1:line - 1 + QUOTE_SPAN]))
    return 1 <= line <= len(lines) and collapse(quote) in window


@lru_cache(maxsize=None)
def extraction(document: str) -> dict[str, Any]:
    """The reference extraction of a seed (``000_….txt`` → ``000.yaml``)."""
    data, _ = load_with_lines((EXTRACTIONS / f"{document[:3]}.yaml").read_text(encoding="utf-8"))
    return data


def extraction_timed_rules(document: str) -> list[dict[str, Any]]:
    return [r for r in extraction(document)["rules"] if r["kind"] in EXTRACTION_TIMED_KINDS]


def is_timed(rule: Rule) -> bool:
    return rule.kind in TIMED_KINDS


COVERED_BY = re.compile(r"^covered by ([\w.]+):")
NEEDS_VOCABULARY = "needs vocabulary:"
NOT_CHECKABLE = "not checkable from events:"
