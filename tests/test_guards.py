"""The guard language: parsing, printing, errors, and three-valued evaluation."""

import pytest
from hypothesis import given, strategies as st

from journey.cases import Child, Event
from journey.calendar import Instant
from journey.compilers.predicates import compile_predicate
from journey.spec.guards import (And, Compare, Const, Field, GuardSyntaxError, In, Not, Or, fields_of,
                                 parse_guard)
import datetime as dt


def ev(**fields):
    return Event(0, "x", Instant(dt.date(2024, 1, 1)), fields)


@pytest.mark.parametrize("text, node", [
    ("outcome == 's47'", Compare("==", Field(("outcome",)), Const("s47"))),
    ('by in ["team_manager", "service_manager"]', In(Field(("by",)), ("team_manager", "service_manager"))),
    ("by not in ['x']", In(Field(("by",)), ("x",), negated=True)),
    ("not seen", Not(Field(("seen",)))),
    ("seen and child.disabled", And((Field(("seen",)), Field(("child", "disabled"))))),
    ("a == 1 or b != 2.5 and c", Or((Compare("==", Field(("a",)), Const(1)),
                                     And((Compare("!=", Field(("b",)), Const(2.5)), Field(("c",))))))),
    ("(a or b) and c", And((Or((Field(("a",)), Field(("b",)))), Field(("c",))))),
    ("x == null", Compare("==", Field(("x",)), Const(None))),
    ("flag == true", Compare("==", Field(("flag",)), Const(True))),
])
def test_parse(text, node):
    assert parse_guard(text) == node


@pytest.mark.parametrize("text, column", [
    ("", 1),
    ("outcome ==", 11),
    ("outcome == 's47' extra", 18),
    ("by in 'x'", 7),
    ("a.", 3),
    ("a $ b", 3),
    ("(a", 3),
])
def test_syntax_errors_name_the_column(text, column):
    with pytest.raises(GuardSyntaxError) as info:
        parse_guard(text)
    assert info.value.column == column


def test_no_python_evaluation():
    # Something that would be code in Python is just an unknown token here.
    with pytest.raises(GuardSyntaxError):
        parse_guard("__import__('os').system('true')")


def test_fields_of():
    assert fields_of(parse_guard("a == 1 and (b in [1] or not child.uasc)")) == {
        Field(("a",)), Field(("b",)), Field(("child", "uasc"))}


@pytest.mark.parametrize("text, fields, expected", [
    ("outcome == 's47'", {"outcome": "s47"}, True),
    ("outcome == 's47'", {"outcome": "no_s47"}, False),
    ("outcome == 's47'", {}, None),
    ("by in ['a', 'b']", {"by": "b"}, True),
    ("by not in ['a', 'b']", {"by": "b"}, False),
    ("by not in ['a', 'b']", {}, None),
    ("seen and seen_alone", {"seen": True}, None),
    ("seen and seen_alone", {"seen": False}, False),   # false and unknown is false
    ("seen or seen_alone", {"seen": True}, True),      # true or unknown is true
    ("not seen", {}, None),
    ("n >= 3", {"n": 3}, True),
    ("n < 3", {"n": "text"}, False),
])
def test_three_valued_evaluation(text, fields, expected):
    assert compile_predicate(parse_guard(text))(ev(**fields), Child()) is expected


def test_child_attributes():
    pred = compile_predicate(parse_guard("child.disabled"))
    assert pred(ev(), Child(attributes={"disabled": True})) is True
    assert pred(ev(), Child(attributes={})) is None


names = st.sampled_from(["a", "b", "outcome", "child.uasc"])
literals = st.one_of(st.integers(-5, 5), st.sampled_from(["'x'", "'y'", "true", "false", "null"]))


@st.composite
def guard_texts(draw, depth=3):
    if depth == 0 or draw(st.booleans()):
        left = draw(names)
        kind = draw(st.sampled_from(["cmp", "in", "bare"]))
        if kind == "cmp":
            return f"{left} {draw(st.sampled_from(['==', '!=', '<', '>=']))} {draw(literals)}"
        if kind == "in":
            return f"{left} in [{', '.join(str(draw(literals)) for _ in range(draw(st.integers(0, 3))))}]"
        return left
    op = draw(st.sampled_from(["and", "or"]))
    inner = f"{draw(guard_texts(depth - 1))} {op} {draw(guard_texts(depth - 1))}"
    return f"not ({inner})" if draw(st.booleans()) else f"({inner})"


@given(guard_texts())
def test_printing_round_trips(text):
    node = parse_guard(text)
    assert parse_guard(str(node)) == node


@given(st.sampled_from(["outcome == 's47'", "outcome == 3", "by in ['a', 'b']", "by not in ['a']", "by in []"]),
       st.dictionaries(st.sampled_from(["outcome", "by"]),
                       st.one_of(st.sampled_from(["s47", "a", "b", "c"]), st.integers(2, 4), st.booleans()),
                       max_size=2))
def test_fast_predicates_agree_with_the_general_construction(text, fields):
    from journey.compilers.predicates import generic_predicate
    node = parse_guard(text)
    assert compile_predicate(node)(ev(**fields), Child()) == generic_predicate(node)(ev(**fields), Child())
