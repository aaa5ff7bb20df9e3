"""The guard language: a tiny, safe expression grammar parsed into typed AST nodes.

Guards are data, never code: nothing here calls ``eval`` or ``exec``. Keeping guards as an AST
lets every back end read them its own way — the validator compiles a predicate, the graph layer
asks which values satisfy them, the hypothesis strategies generate events that meet or break them.

Grammar::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := value [("==" | "!=" | "<" | "<=" | ">" | ">=") value
                      | "in" list | "not" "in" list]
    value   := field | STRING | NUMBER | "true" | "false" | "null" | "(" expr ")"
    list    := "[" [literal ("," literal)*] "]"
    field   := NAME ("." NAME)*

Examples: ``outcome == 's47'``, ``by in ['team_manager', 'service_manager']``,
``seen and not child.disabled``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Union

Scalar = Union[str, int, float, bool, None]
CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]


@dataclass(frozen=True)
class Field:
    """A reference to an event field (``outcome``) or a child attribute (``child.disabled``)."""

    path: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class Const:
    value: Scalar

    def __str__(self) -> str:
        if self.value is None:
            return "null"
        return repr(self.value) if isinstance(self.value, str) else str(self.value).lower()


@dataclass(frozen=True)
class Compare:
    op: CompareOp
    left: "Node"
    right: "Node"

    def __str__(self) -> str:
        return f"{self.left} {self.op} {self.right}"


@dataclass(frozen=True)
class In:
    item: "Node"
    options: tuple[Scalar, ...]
    negated: bool = False

    def __str__(self) -> str:
        opts = ", ".join(str(Const(o)) for o in self.options)
        return f"{self.item} {'not in' if self.negated else 'in'} [{opts}]"


@dataclass(frozen=True)
class Not:
    item: "Node"

    def __str__(self) -> str:
        return f"not {_wrap(self.item)}"


@dataclass(frozen=True)
class And:
    items: tuple["Node", ...]

    def __str__(self) -> str:
        return " and ".join(_wrap(i) for i in self.items)


@dataclass(frozen=True)
class Or:
    items: tuple["Node", ...]

    def __str__(self) -> str:
        return " or ".join(_wrap(i) for i in self.items)


Node = Union[Field, Const, Compare, In, Not, And, Or]


def _wrap(node: Node) -> str:
    return f"({node})" if isinstance(node, (And, Or)) else str(node)


class GuardSyntaxError(ValueError):
    """A guard could not be parsed; ``column`` is 1-based within the guard text."""

    def __init__(self, message: str, text: str, column: int) -> None:
        self.column = column
        super().__init__(f"{message} at column {column} in guard {text!r}")


_TOKEN = re.compile(
    r"\s*(?:(?P<num>-?\d+(?:\.\d+)?)|(?P<str>'[^']*'|\"[^\"]*\")|(?P<op>==|!=|<=|>=|<|>)"
    r"|(?P<punct>[()\[\],.])|(?P<name>[A-Za-z_][A-Za-z0-9_]*))"
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    col: int


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            col = pos + len(text[pos:]) - len(text[pos:].lstrip()) + 1
            raise GuardSyntaxError("unexpected character", text, col)
        kind = m.lastgroup or ""
        value, start = m.group(kind), m.start(kind)
        if kind == "name" and value in _KEYWORDS:
            kind = "kw"
        tokens.append(_Tok(kind, value, start + 1))
        pos = m.end()
    tokens.append(_Tok("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self, kind: str, text: str | None = None) -> _Tok | None:
        t = self.tok
        if t.kind == kind and (text is None or t.text == text):
            self.i += 1
            return t
        return None

    def expect(self, kind: str, text: str, what: str) -> _Tok:
        t = self.take(kind, text)
        if t is None:
            raise GuardSyntaxError(f"expected {what}", self.text, self.tok.col)
        return t

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise GuardSyntaxError("empty guard", self.text, 1)
        node = self.or_()
        if self.tok.kind != "end":
            raise GuardSyntaxError(f"unexpected {self.tok.text!r}", self.text, self.tok.col)
        return node

    def or_(self) -> Node:
        items = [self.and_()]
        while self.take("kw", "or"):
            items.append(self.and_())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_(self) -> Node:
        items = [self.not_()]
        while self.take("kw", "and"):
            items.append(self.not_())
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_(self) -> Node:
        if self.tok.kind == "kw" and self.tok.text == "not" and not self._is_not_in():
            self.i += 1
            return Not(self.not_())
        return self.compare()

    def _is_not_in(self) -> bool:
        nxt = self.toks[self.i + 1]
        return nxt.kind == "kw" and nxt.text == "in"

    def compare(self) -> Node:
        left = self.value()
        if (op := self.take("op")) is not None:
            return Compare(op.text, left, self.value())  # type: ignore[arg-type]
        if self.take("kw", "in"):
            return In(left, self.list_())
        if self.tok.kind == "kw" and self.tok.text == "not" and self._is_not_in():
            self.i += 2
            return In(left, self.list_(), negated=True)
        return left

    def value(self) -> Node:
        t = self.tok
        if self.take("punct", "("):
            node = self.or_()
            self.expect("punct", ")", "')'")
            return node
        if t.kind == "name":
            return self.field()
        return Const(self.literal())

    def field(self) -> Field:
        parts = [self.tok.text]
        self.i += 1
        while self.take("punct", "."):
            t = self.take("name")
            if t is None:
                raise GuardSyntaxError("expected a field name after '.'", self.text, self.tok.col)
            parts.append(t.text)
        return Field(tuple(parts))

    def literal(self) -> Scalar:
        t = self.tok
        self.i += 1
        if t.kind == "num":
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "str":
            return t.text[1:-1]
        if t.kind == "kw" and t.text in {"true", "false", "null"}:
            return {"true": True, "false": False, "null": None}[t.text]
        self.i -= 1
        raise GuardSyntaxError("expected a value", self.text, t.col)

    def list_(self) -> tuple[Scalar, ...]:
        self.expect("punct", "[", "'['")
        items: list[Scalar] = []
        if not self.take("punct", "]"):
            items.append(self.literal())
            while self.take("punct", ","):
                items.append(self.literal())
            self.expect("punct", "]", "']'")
        return tuple(items)


def parse_guard(text: str) -> Node:
    """Parse guard text into an AST; raises :class:`GuardSyntaxError` naming the column."""
    return _Parser(text).parse()


def fields_of(node: Node) -> set[Field]:
    """Every field a guard reads — used by load-time checks and by the strategies."""
    match node:
        case Field():
            return {node}
        case Const():
            return set()
        case Compare(left=l, right=r):
            return fields_of(l) | fields_of(r)
        case In(item=i):
            return fields_of(i)
        case Not(item=i):
            return fields_of(i)
        case And(items=items) | Or(items=items):
            return set().union(*(fields_of(i) for i in items))
    raise TypeError(f"not a guard node: {node!r}")
