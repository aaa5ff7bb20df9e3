"""Case histories: the input model and its JSON, JSONL and CSV readers.

Readers check everything before anything is validated, so a bad file stops with one line that
names the case, the event index (0-based) and the field — and never echoes free text from the
file, which may hold personal data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from journey.calendar import Instant
from journey.errors import CaseError, did_you_mean
from journey.spec.model import CHILD_ATTRIBUTES, EventField, EventType

_SAFE = re.compile(r"^[A-Za-z0-9_.:\- ]{1,40}$")
_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n"}


@dataclass(frozen=True, slots=True)
class Event:
    """One timestamped event of a case; ``fields`` holds its vocabulary fields."""

    index: int
    type: str
    at: Instant
    fields: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    def __reduce__(self) -> tuple:
        return (Event, (self.index, self.type, self.at, self.fields))


@dataclass(frozen=True, slots=True)
class Child:
    date_of_birth: date | None = None
    expected_date_of_birth: date | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Case:
    case_id: str
    child: Child
    events: tuple[Event, ...]


def shown(value: Any) -> str:
    """A value quoted in an error only when it looks like a code, never like free text."""
    text = str(value)
    return repr(text) if _SAFE.match(text) else "(value not shown)"


# --- parsing one case -------------------------------------------------------------------------

class _CaseParser:
    """Turns one decoded case object into a :class:`Case`, or raises a precise CaseError."""

    def __init__(self, vocabulary: dict[str, EventType], source: str) -> None:
        self.vocabulary = vocabulary
        self.source = source
        self.case_id: str | None = None

    def fail(self, message: str, index: int | None = None, field_: str | None = None) -> CaseError:
        return CaseError(message, case_id=self.case_id, index=index, field=field_, source=self.source)

    def parse(self, obj: Any) -> Case:
        if not isinstance(obj, dict):
            raise self.fail("a case must be an object with case_id, child and events")
        case_id = obj.get("case_id")
        if not isinstance(case_id, (str, int)) or str(case_id).strip() == "":
            raise self.fail("missing or empty case_id", field_="case_id")
        self.case_id = str(case_id)
        unknown = set(obj) - {"case_id", "child", "events"}
        if unknown:
            raise self.fail(f"unknown key {shown(sorted(unknown)[0])}", field_=sorted(unknown)[0])
        child = self.child(obj.get("child") or {})
        events = obj.get("events")
        if not isinstance(events, list):
            raise self.fail("events must be a list", field_="events")
        parsed = tuple(self.event(i, e) for i, e in enumerate(events))
        self.check_order(parsed)
        return Case(self.case_id, child, parsed)

    def child(self, obj: Any) -> Child:
        if not isinstance(obj, dict):
            raise self.fail("child must be an object", field_="child")
        unknown = set(obj) - {"date_of_birth", "expected_date_of_birth", "attributes"}
        if unknown:
            raise self.fail("unknown key (known: date_of_birth, expected_date_of_birth, attributes)",
                            field_=f"child.{sorted(unknown)[0]}" if _SAFE.match(sorted(unknown)[0]) else "child")
        attrs = obj.get("attributes") or {}
        if not isinstance(attrs, dict):
            raise self.fail("attributes must be an object", field_="child.attributes")
        return Child(self.date(obj.get("date_of_birth"), "child.date_of_birth"),
                     self.date(obj.get("expected_date_of_birth"), "child.expected_date_of_birth"),
                     {k: self.attribute(k, v) for k, v in attrs.items()})

    def date(self, value: Any, name: str) -> date | None:
        if value in (None, ""):
            return None
        try:
            instant = Instant.parse(str(value))
        except ValueError as exc:
            raise self.fail(str(exc) if _SAFE.match(str(value)) else "not a date", field_=name) from None
        if instant.has_time:
            raise self.fail("expected a date without a time", field_=name)
        return instant.date

    def attribute(self, name: str, value: Any) -> Any:
        if name not in CHILD_ATTRIBUTES:
            known = ", ".join(sorted(CHILD_ATTRIBUTES))
            raise self.fail(f"unknown child attribute (known: {known})",
                            field_=f"child.attributes.{name}" if _SAFE.match(name) else "child.attributes")
        if value is None or value == "":
            return None
        return self.boolean(value, f"child.attributes.{name}", None)

    def boolean(self, value: Any, name: str, index: int | None) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise self.fail("expected true or false", index, name)

    def event(self, index: int, obj: Any) -> Event:
        if not isinstance(obj, dict):
            raise self.fail("an event must be an object with at and type", index)
        etype = obj.get("type")
        if not isinstance(etype, str) or not etype:
            raise self.fail("missing event type", index, "type")
        spec = self.vocabulary.get(etype)
        if spec is None:
            hint = did_you_mean(etype, self.vocabulary, "; `journey events` lists the vocabulary")
            raise self.fail(f"unknown event type {shown(etype)}{hint}", index, "type")
        at = obj.get("at")
        if at in (None, ""):
            raise self.fail("missing timestamp", index, "at")
        try:
            instant = Instant.parse(str(at))
        except ValueError as exc:
            raise self.fail(str(exc) if _SAFE.match(str(at)) else "not a timestamp", index, "at") from None
        fields = {k: self.field(spec, index, k, v) for k, v in obj.items()
                  if k not in ("type", "at") and v not in (None, "")}
        for name, fspec in spec.fields.items():
            if fspec.required and name not in fields:
                raise self.fail(f"{etype} requires {name}", index, name)
        return Event(index, etype, instant, fields)

    def field(self, spec: EventType, index: int, name: str, value: Any) -> Any:
        fspec: EventField | None = spec.fields.get(name)
        if fspec is None:
            known = ", ".join(sorted(spec.fields)) or "none"
            raise self.fail(f"not a field of {spec.name} (its fields: {known})", index,
                            name if _SAFE.match(name) else None)
        match fspec.type:
            case "enum":
                if str(value) not in fspec.values:
                    hint = did_you_mean(str(value), fspec.values, f"; one of {', '.join(fspec.values)}")
                    raise self.fail(f"{shown(value)} is not a value of {spec.name}.{name}{hint}", index, name)
                return str(value)
            case "bool":
                return self.boolean(value, name, index)
            case "int":
                try:
                    return int(value)
                except (TypeError, ValueError):
                    raise self.fail("expected a whole number", index, name) from None
            case "date":
                return self.date(value, name)
            case "text":
                return str(value)
        raise AssertionError(fspec.type)

    def check_order(self, events: tuple[Event, ...]) -> None:
        """Events must not go back in time. A date-only event sits anywhere in its day, so each
        event is compared with the latest earlier event that has a time on the same date too."""
        latest: Event | None = None
        timed: Event | None = None
        for ev in events:
            for prev in (latest, timed):
                if prev is not None and ev.at.before(prev.at):
                    raise self.fail(f"earlier than event {prev.index} ({prev.at}); events must be in time order",
                                    ev.index, "at")
            if timed is not None and timed.at.date != ev.at.date:
                timed = None
            if ev.at.has_time:
                timed = ev
            latest = ev


# --- readers ----------------------------------------------------------------------------------

def _json_cases(text: str, name: str) -> Iterator[tuple[Any, str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(f"invalid JSON at line {exc.lineno} column {exc.colno}", source=name) from None
    items = data if isinstance(data, list) else [data]
    for i, item in enumerate(items):
        yield item, name if len(items) == 1 else f"{name}[{i}]"


def _jsonl_cases(text: str, name: str) -> Iterator[tuple[Any, str]]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line), f"{name}:{lineno}"
        except json.JSONDecodeError as exc:
            raise CaseError(f"invalid JSON at column {exc.colno}", source=f"{name}:{lineno}") from None


_CSV_CHILD = {"date_of_birth": "date_of_birth", "expected_date_of_birth": "expected_date_of_birth"}


def _csv_cases(text: str, name: str) -> Iterator[tuple[Any, str]]:
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    for needed in ("case_id", "at", "type"):
        if needed not in columns:
            raise CaseError(f"CSV has no '{needed}' column", field=needed, source=name)
    cases: dict[str, dict[str, Any]] = {}
    for row in reader:
        cid = (row.get("case_id") or "").strip()
        if not cid:
            raise CaseError("missing case_id", field="case_id", source=f"{name}:{reader.line_num}")
        case = cases.setdefault(cid, {"case_id": cid, "child": {"attributes": {}}, "events": []})
        event: dict[str, Any] = {}
        for col, value in row.items():
            if col is None or col == "case_id" or value in (None, ""):
                continue
            _csv_cell(case, event, col, value, f"{name}:{reader.line_num}")
        case["events"].append(event)
    for cid, case in cases.items():
        yield case, name


def _csv_cell(case: dict[str, Any], event: dict[str, Any], col: str, value: str, where: str) -> None:
    child = case["child"]
    if col in _CSV_CHILD or col.startswith("child."):
        key = col.removeprefix("child.")
        target, key = (child["attributes"], key.removeprefix("attributes.")) if key not in _CSV_CHILD else (child, key)
        if target.get(key, value) != value:
            raise CaseError("child details differ between rows", case_id=case["case_id"],
                            field=col if _SAFE.match(col) else None, source=where)
        target[key] = value
    else:
        event[col] = value


_READERS = {".json": _json_cases, ".jsonl": _jsonl_cases, ".ndjson": _jsonl_cases, ".csv": _csv_cases}


def read_cases(path: str | Path, vocabulary: dict[str, EventType]) -> list[Case]:
    """Read and check every case in a JSON, JSONL or CSV file (``-`` reads JSONL from stdin)."""
    name = str(path)
    if name == "-":
        text, suffix = sys.stdin.read(), ".jsonl"
    else:
        p = Path(path)
        suffix = p.suffix.lower()
        if suffix not in _READERS:
            raise CaseError(f"unknown file type {shown(suffix)}; use .json, .jsonl or .csv", source=name)
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CaseError("no such file", source=name) from None
        except UnicodeDecodeError:
            raise CaseError("not UTF-8 text", source=name) from None
    return list(parse_cases(_READERS[suffix](text, Path(name).name), vocabulary))


def parse_cases(items: Iterable[tuple[Any, str]], vocabulary: dict[str, EventType]) -> Iterator[Case]:
    """Check decoded case objects; duplicate case ids are an error."""
    seen: set[str] = set()
    for obj, where in items:
        case = _CaseParser(vocabulary, where).parse(obj)
        if case.case_id in seen:
            raise CaseError("case_id appears twice in the input", case_id=case.case_id, field="case_id",
                            source=where)
        seen.add(case.case_id)
        yield case


def parse_case(obj: Any, vocabulary: dict[str, EventType]) -> Case:
    """Check one decoded case object (a dict as in DESIGN.md)."""
    return _CaseParser(vocabulary, "").parse(obj)
