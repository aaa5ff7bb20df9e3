"""Guard AST → Python predicate, in three-valued (Kleene) logic.

A field the case did not record is *unknown*, not false: ``by == 'team_manager'`` on an event
with no ``by`` is ``None``, and a guard rule that evaluates to ``None`` yields an
``indeterminate`` finding rather than a guessed breach. Built from the AST by closures — no
``eval``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from journey.spec.guards import And, Compare, Const, Field, In, Node, Not, Or

Context = tuple[Any, Any]  # (event, child)
Predicate = Callable[[Any, Any], "bool | None"]
_Getter = Callable[[Any, Any], Any]

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt,
    "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


def _getter(node: Node) -> _Getter:
    match node:
        case Const(value=v):
            return lambda event, child: v
        case Field(path=("child", name)):
            return lambda event, child: child.attributes.get(name) if child is not None else None
        case Field(path=(name,)):
            return lambda event, child: event.fields.get(name)
        case _:
            pred = compile_predicate(node)
            return pred
    raise AssertionError(node)


def _fast(node: Node) -> Predicate | None:
    """The commonest guards — an event field against constants — as one closure each (the
    validator evaluates them for nearly every event; same three-valued results)."""
    match node:
        case Compare(op="==", left=Field(path=(name,)), right=Const(value=v)) if name != "child" and v is not None:
            return lambda e, c: None if (x := e.fields.get(name)) is None else x == v
        case In(item=Field(path=(name,)), options=options, negated=negated) if name != "child":
            opts = frozenset(options)
            return lambda e, c: None if (x := e.fields.get(name)) is None else (x in opts) != negated
    return None


def compile_predicate(node: Node) -> Predicate:
    """A function ``(event, child) -> True | False | None``."""
    return _fast(node) or generic_predicate(node)


def generic_predicate(node: Node) -> Predicate:
    """The general construction, for every node shape (the reference for :func:`_fast`)."""
    match node:
        case Compare(op=op, left=left, right=right):
            return _compare(_OPS[op], _getter(left), _getter(right))
        case In(item=item, options=options, negated=negated):
            return _member(_getter(item), frozenset(options), negated)
        case Not(item=item):
            inner = compile_predicate(item)
            return lambda e, c: None if (v := inner(e, c)) is None else not v
        case And(items=items):
            return _all([compile_predicate(i) for i in items])
        case Or(items=items):
            return _any([compile_predicate(i) for i in items])
        case Field() | Const():
            get = _getter(node)
            return lambda e, c: None if (v := get(e, c)) is None else bool(v)
    raise AssertionError(f"unknown guard node {node!r}")


def _compare(op: Callable[[Any, Any], bool], left: _Getter, right: _Getter) -> Predicate:
    def pred(e: Any, c: Any) -> bool | None:
        a, b = left(e, c), right(e, c)
        if a is None or b is None:
            return None
        try:
            return op(a, b)
        except TypeError:
            return False
    return pred


def _member(item: _Getter, options: frozenset, negated: bool) -> Predicate:
    def pred(e: Any, c: Any) -> bool | None:
        v = item(e, c)
        if v is None:
            return None
        return (v in options) != negated
    return pred


def _all(preds: list[Predicate]) -> Predicate:
    def pred(e: Any, c: Any) -> bool | None:
        unknown = False
        for p in preds:
            v = p(e, c)
            if v is False:
                return False
            unknown = unknown or v is None
        return None if unknown else True
    return pred


def _any(preds: list[Predicate]) -> Predicate:
    def pred(e: Any, c: Any) -> bool | None:
        unknown = False
        for p in preds:
            v = p(e, c)
            if v is True:
                return True
            unknown = unknown or v is None
        return None if unknown else False
    return pred
