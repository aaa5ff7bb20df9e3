"""Guard AST → "can this ever hold?", by enumerating a small finite model of an event's fields.

The graph layer must know whether a guarded transition can ever fire: ``outcome == 'x'`` when
``x`` is not a declared value, ``a == 'x' and a == 'y'``, or a guard that an earlier transition
on the same event always wins. Enum and bool fields have finite domains (from the vocabulary);
any other field only needs the constants the guards compare it with, plus a value between and
beyond each of them, for every comparison to take each of its possible outcomes. Guards are
evaluated with the validator's own predicates (three-valued, missing fields unknown), so the
answer is about exactly what the engine does. ``None`` means "cannot tell": callers must then
assume the guard may hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from journey.compilers.predicates import compile_predicate
from journey.spec.guards import And, Compare, Const, Field, In, Node, Not, Or, Scalar
from journey.spec.model import CHILD_ATTRIBUTES, EventField

MAX_ASSIGNMENTS = 200_000
"""Beyond this many combinations of field values, give up and answer "cannot tell"."""

_MISSING = object()  # a field the event does not carry
_FRESH = "\x00unmentioned"  # a text value no guard mentions


@dataclass(frozen=True, slots=True)
class _Event:
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Child:
    attributes: dict[str, Any] = field(default_factory=dict)


def _subnodes(node: Node) -> Iterator[Node]:
    yield node
    match node:
        case Compare(left=left, right=right):
            yield from _subnodes(left)
            yield from _subnodes(right)
        case In(item=item) | Not(item=item):
            yield from _subnodes(item)
        case And(items=items) | Or(items=items):
            for item in items:
                yield from _subnodes(item)


def _constants(nodes: Iterable[Node]) -> dict[tuple[str, ...], set[Scalar]]:
    """The literals each field is compared with, anywhere in ``nodes``."""
    found: dict[tuple[str, ...], set[Scalar]] = {}
    for root in nodes:
        for n in _subnodes(root):
            match n:
                case Compare(left=Field(path=p), right=Const(value=v)) | Compare(left=Const(value=v), right=Field(path=p)):
                    found.setdefault(p, set()).add(v)
                case In(item=Field(path=p), options=opts):
                    found.setdefault(p, set()).update(opts)
                case Field(path=p):
                    found.setdefault(p, set())
    return found


def _compares_two_fields(nodes: Iterable[Node]) -> bool:
    return any(isinstance(n, Compare) and isinstance(n.left, Field) and isinstance(n.right, Field)
               for root in nodes for n in _subnodes(root))


def _around(constants: set[Scalar], numeric: bool) -> list[Scalar]:
    """Values that put an unbounded field on every side of every constant it is compared with."""
    values: list[Scalar] = [0] if numeric else ["", _FRESH]
    for c in sorted((c for c in constants if c is not None), key=repr):
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            values.extend((c - 1, c, c + 0.5, c + 1))
        elif isinstance(c, str):
            values.extend((c, c + "\x00"))
        else:
            values.append(c)
    return list(dict.fromkeys(values))


def _domain(path: tuple[str, ...], constants: set[Scalar], fields: dict[str, EventField]) -> list[Any] | None:
    """The values worth trying for one field, ``_MISSING`` included when it may be absent."""
    if path[0] == "child":
        if len(path) != 2 or CHILD_ATTRIBUTES.get(path[1]) is not bool:
            return None
        return [True, False, _MISSING]
    spec = fields.get(path[0]) if len(path) == 1 else None
    if spec is None:
        return None
    absent = [] if spec.required else [_MISSING]
    match spec.type:
        case "bool":
            return [True, False] + absent
        case "enum":
            mentioned = [v for v in spec.values if v in constants]
            other = [v for v in spec.values if v not in constants][:1]
            return mentioned + other + absent
        case "int":
            return _around(constants, numeric=True) + absent
        case _:
            return _around(constants, numeric=False) + absent


def _assignments(nodes: Sequence[Node], fields: dict[str, EventField]) -> list[tuple[tuple[str, ...], list[Any]]] | None:
    if _compares_two_fields(nodes):
        return None
    domains = []
    for path, constants in sorted(_constants(nodes).items()):
        values = _domain(path, constants, fields)
        if values is None:
            return None
        domains.append((path, values))
    size = 1
    for _, values in domains:
        size *= len(values)
    return domains if size <= MAX_ASSIGNMENTS else None


def _context(paths: Sequence[tuple[str, ...]], values: Sequence[Any]) -> tuple[_Event, _Child]:
    event: dict[str, Any] = {}
    child: dict[str, Any] = {}
    for path, value in zip(paths, values):
        if value is not _MISSING:
            (child if path[0] == "child" else event)[path[-1]] = value
    return _Event(event), _Child(child)


def first_match_possible(guard: Node | None, fields: dict[str, EventField],
                         earlier: Sequence[Node | None] = ()) -> bool | None:
    """Can an event (with these ``fields``) make ``guard`` hold while none of the ``earlier``
    guards holds? That is when the validator, which takes the first transition whose guard
    holds, would choose this one. ``None`` guards always hold; ``None`` answer: cannot tell."""
    if any(g is None for g in earlier):
        return False
    nodes = [g for g in (guard, *earlier) if g is not None]
    domains = _assignments(nodes, fields)
    if domains is None:
        return None
    this = compile_predicate(guard) if guard is not None else None
    before = [compile_predicate(g) for g in earlier if g is not None]
    paths = [p for p, _ in domains]
    for values in itertools.product(*(v for _, v in domains)):
        event, child = _context(paths, values)
        if (this is None or this(event, child) is True) and not any(b(event, child) is True for b in before):
            return True
    return False


def can_hold(guard: Node | None, fields: dict[str, EventField]) -> bool | None:
    """Can any event with these ``fields`` satisfy ``guard``? ``None``: cannot tell."""
    return first_match_possible(guard, fields)


def both_can_hold(a: Node | None, b: Node | None, fields: dict[str, EventField]) -> bool | None:
    """Can one event satisfy both guards (e.g. a transition's guard and a rule's ``where``)?"""
    if a is None or b is None:
        return can_hold(a if b is None else b, fields)
    return can_hold(And((a, b)), fields)
