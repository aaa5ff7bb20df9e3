"""Policy → a renderer-neutral diagram model → DOT, Mermaid, SVG and PNG.

Diagrams are built from the policy IR, never from a live machine, so the words on an arrow —
the event, the guard, who decides, the deadline — are the same data the validator checks. A
pathway diagram has a box per state (events that keep the state are listed inside it) and an
arrow per state-changing transition; the ``overview`` shows every pathway as a cluster, linked by
the events they share and by deadlines that run from one pathway into another. Whatever a local
policy adds (transitions, rules) is drawn dashed and in colour, with a legend.

Output is deterministic (declaration order, no timestamps), so the generated files in
``diagrams/`` can be kept in sync by a test. Regenerate them with::

    python -m journey.compilers.diagram --write diagrams
"""

from __future__ import annotations

import argparse
import html
import json
import math
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, assert_never

from journey.compilers.satisfy import both_can_hold
from journey.spec.guards import And, Compare, Const, Field, In, Node, Not, Or
from journey.spec.load import HEADER, POLICY_DIR, available_policies, load_policy
from journey.spec.model import (AgeRule, CumulativeRule, DeadlineRule, EventMatch, GestationRule, GuardRule, LeadRule,
                                Pathway, Policy, RecurringRule, Rule, Transition)

REGENERATE = "python -m journey.compilers.diagram --write diagrams"
OVERVIEW = "overview"
Style = Literal["statutory", "local"]
KeyStyle = Literal["statutory", "local", "key"]
Shape = Literal["initial", "state", "final", "note", "event", "list"]
LineKind = Literal["event", "guard", "decides", "rule", "state"]
WRAP = 34  # characters per label line: legible on a projector without very wide arrows
WRAP_NOTE = 56  # notes sit apart from the arrows, so they can be wider (and so shorter)


# --- the diagram model ------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One piece of a label; renderers wrap, style and emphasise it by ``kind`` and ``style``."""

    text: str
    kind: LineKind = "event"
    style: Style = "statutory"


@dataclass(frozen=True)
class DNode:
    id: str
    title: str
    lines: tuple[Line, ...] = ()
    shape: Shape = "state"
    cluster: str = ""
    in_state: bool = True  # its event lines happen in a state (and keep it): marked with STAYS


@dataclass(frozen=True)
class DEdge:
    """An arrow (or, not ``directed``, a plain line): a transition, an event that links two
    pathways, or a deadline that runs from one pathway into another."""

    source: str
    target: str
    lines: tuple[Line, ...] = ()
    style: Style = "statutory"
    kind: Literal["transition", "event", "deadline"] = "transition"
    directed: bool = True


@dataclass(frozen=True)
class Cluster:
    id: str
    title: str


@dataclass(frozen=True)
class Diagram:
    id: str
    title: str
    subtitle: str
    nodes: tuple[DNode, ...]
    edges: tuple[DEdge, ...]
    clusters: tuple[Cluster, ...] = ()
    legend: tuple[tuple[str, KeyStyle], ...] = ()
    initial: str = ""  # the node a start marker points at


# --- plain words ------------------------------------------------------------------------------

def words(name: str) -> str:
    """``strategy_discussion_held`` → ``strategy discussion held``."""
    return name.replace("_", " ")


def _value(v: object) -> str:
    if isinstance(v, bool) or v is None:
        return {True: "yes", False: "no", None: "not recorded"}[v]
    return words(str(v))


def _either(options: Sequence[object], joiner: str) -> str:
    shown = [_value(o) for o in options]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} {joiner} {shown[-1]}"


_OPS = {"==": "is", "!=": "is not", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}


def guard_words(node: Node) -> str:
    """A guard in plain words: ``outcome in ['cin', 'nfa']`` → ``outcome is cin or nfa``."""
    match node:
        case Field(path=path):
            return " ".join(words(p) for p in path)
        case Const(value=v):
            return _value(v)
        case Compare(op="==" | "!=" as op, left=Field() as f, right=Const(value=bool() as v)):
            return guard_words(f) if (op == "==") == v else f"not {guard_words(f)}"
        case Compare(op="==" | "!=" as op, left=Field(path=("by",)), right=Const(value=v)):
            return f"{'not ' if op == '!=' else ''}by {_value(v)}"
        case Compare(op=op, left=left, right=right):
            return f"{guard_words(left)} {_OPS[op]} {guard_words(right)}"
        case In(item=Field(path=("by",)), options=options, negated=negated) if options:
            return f"{'not ' if negated else ''}by {_either(options, 'or')}"  # who decided: "by a or b"
        case In(item=item, options=options, negated=negated):
            if not options:
                return f"{guard_words(item)} is {'anything' if negated else 'never anything'}"
            return (f"{guard_words(item)} is neither {_either(options, 'nor')}" if negated
                    else f"{guard_words(item)} is {_either(options, 'or')}")
        case Not(item=item):
            return f"not ({guard_words(item)})" if isinstance(item, (And, Or)) else f"not {guard_words(item)}"
        case And(items=items):
            return " and ".join(_grouped(i) for i in items)
        case Or(items=items):
            return " or ".join(_grouped(i) for i in items)
    raise TypeError(f"not a guard node: {node!r}")


def _grouped(node: Node) -> str:
    return f"({guard_words(node)})" if isinstance(node, (And, Or)) else guard_words(node)


def _match_words(m: EventMatch) -> str:
    return words(m.event) + (f" ({guard_words(m.where)})" if m.where is not None else "")


def _limit_words(rule: DeadlineRule) -> str:
    sign = "≤" if rule.limit.bound == "max" else "≥"
    return f"{sign} {rule.limit.duration} after {_match_words(rule.start)}"


# --- which rules speak about an arrow ---------------------------------------------------------

def _is_local(policy: Policy, owner: str) -> bool:
    """Written by a policy other than the baseline (the first of the lineage)."""
    return bool(policy.lineage) and owner != policy.lineage[0]


def _rule_style(policy: Policy, rule: Rule) -> Style:
    return "local" if _is_local(policy, rule.id.split(".")[0]) else "statutory"


def _origin_path(origin: str) -> Path:
    path = Path(origin)
    return path if path.is_absolute() else POLICY_DIR.parent.parent / path


def _same_policy(a: str, b: str) -> bool:
    """Were these two files written as one policy: the same file, or parts of one policy folder?"""
    if a == b or not a or not b:
        return True
    pa, pb = _origin_path(a), _origin_path(b)
    return pa.parent == pb.parent and (pa.parent / HEADER).is_file()


def _transition_style(policy: Policy, pathway: Pathway, t: Transition) -> Style:
    """Local if a local policy declared the pathway, or added the transition to it."""
    local = _is_local(policy, pathway.defined_by) or not _same_policy(t.origin, pathway.origin)
    return "local" if local else "statutory"


def _compatible(policy: Policy, t: Transition, m: EventMatch) -> bool:
    """Can one event both take this transition and match the rule's event (and ``where``)?"""
    return m.event == t.event and both_can_hold(t.guard, m.where, policy.vocabulary[t.event].fields) is not False


def _rule_text(policy: Policy, rule: Rule, t: Transition, source: str | None) -> str | None:
    """What ``rule`` says about taking ``t`` from ``source`` (None: from any state), in a few
    words, or None."""
    match rule:
        case DeadlineRule():
            return _limit_words(rule) if _compatible(policy, t, rule.end) else None
        case RecurringRule():
            if not _compatible(policy, t, rule.event) or (source is not None and source not in rule.while_in):
                return None
            text = f"at least every {rule.every.duration}"
            if source is None:
                text += f" while {' or '.join(words(s) for s in rule.while_in)}"
            if rule.first is not None:
                after = _match_words(rule.first.after) if rule.first.after else "entry"
                text += f"; the first ≤ {rule.first.within.duration} after {after}"
            if rule.then is not None:
                text += f"; later every {rule.then.every.duration}"
            return text
        case AgeRule():
            return f"≤ {rule.within.duration} after age {rule.age}" if _compatible(policy, t, rule.end) else None
        case GestationRule():
            return f"by gestation week {rule.week}" if _compatible(policy, t, rule.end) else None
        case CumulativeRule():  # said on the arrows that leave its states
            leaves = t.target is not None and t.target not in rule.while_in and (
                source in rule.while_in if source is not None else bool(set(t.source) & set(rule.while_in)))
            return f"≤ {rule.limit.duration} in all in any {rule.window.duration}" if leaves else None
        case LeadRule():  # said on the later event's arrows (those into its states, if it has them)
            into = t.target if t.target is not None else source
            if rule.while_in and (into is None or into not in rule.while_in):
                return None
            return (f"after {_match_words(rule.event)} ≥ {rule.lead.duration} before"
                    if _compatible(policy, t, rule.before) else None)
        case GuardRule():
            return None  # said once per event, in the "who may do it" panel (see _guard_panel)
        case _:
            assert_never(rule)


def transition_lines(policy: Policy, pathway: Pathway, t: Transition, source: str | None,
                     timescales: bool = True) -> tuple[Line, ...]:
    """Event, guard, who decides and (with ``timescales``) the time limits on one arrow or one
    in-state event."""
    style = _transition_style(policy, pathway, t)
    lines = [Line(words(t.event), "event", style)]
    if t.guard is not None:
        lines.append(Line(f"if {guard_words(t.guard)}", "guard", style))
    if t.decides:
        lines.append(Line(t.decides, "decides", style))
    for rule in policy.rules_for(pathway.id) if timescales else ():
        text = _rule_text(policy, rule, t, source)
        if text is not None:
            lines.append(Line(text, "rule", _rule_style(policy, rule)))
    return tuple(lines)


def _guard_panel(policy: Policy, pathway: Pathway) -> list[DNode]:
    """The guard rules of a pathway (who may decide, what must be recorded), each said once."""
    lines = [line for rule in policy.rules_for(pathway.id) if isinstance(rule, GuardRule)
             for line in (Line(_match_words(rule.event), "event", _rule_style(policy, rule)),
                          Line(f"only {guard_words(rule.require)}", "rule", _rule_style(policy, rule)))]
    return [DNode("__guards", "who may do it", tuple(lines), "note", in_state=False)] if lines else []


# --- building diagrams ------------------------------------------------------------------------

def _stays(t: Transition, source: str) -> bool:
    return t.target is None or t.target == source


SHARED_STAYS = 3
"""An event that keeps the state in this many states or more is listed once, in a note, rather
than in every state box."""


def _staying(pathway: Pathway) -> dict[str, list[str]]:
    """Each event that can keep the pathway in its state, and the states where it does."""
    found: dict[str, list[str]] = {}
    for t in pathway.transitions:
        for s in t.source:
            if _stays(t, s) and s not in found.setdefault(t.event, []):
                found[t.event].append(s)
    return found


def _state_node(policy: Policy, pathway: Pathway, state_id: str) -> DNode:
    state = next(s for s in pathway.states if s.id == state_id)
    shape: Shape = "final" if state.final else ("initial" if state.id == pathway.initial else "state")
    lines: list[Line] = []
    on_arrows = {t.event for t in pathway.transitions for s in t.source if not _stays(t, s)}
    shared = {e for e, states in _staying(pathway).items() if len(states) >= SHARED_STAYS}
    for t in pathway.transitions:
        if state.id in t.source and _stays(t, state.id) and t.event not in shared:
            # An event that also moves the pathway has its time limits on those arrows.
            lines.extend(transition_lines(policy, pathway, t, state.id, timescales=t.event not in on_arrows))
    return DNode(state.id, words(state.id), tuple(lines), shape)


def _where_words(pathway: Pathway, states: list[str]) -> str:
    others = [s for s in pathway.state_ids if s not in states]
    if not others:
        return "in any state"
    if len(others) < len(states):
        return f"in any state but {_either(others, 'or')}"
    return f"in {_either(states, 'or')}"


def _shared_node(policy: Policy, pathway: Pathway) -> list[DNode]:
    """The events that keep the state in many states, each listed once: where (and if) it may
    happen, who decides and its time limits."""
    on_arrows = {t.event for t in pathway.transitions for s in t.source if not _stays(t, s)}
    lines: list[Line] = []
    for event, states in _staying(pathway).items():
        if len(states) < SHARED_STAYS:
            continue
        said: list[Line] = []
        for t in pathway.transitions:
            here = [s for s in t.source if t.event == event and _stays(t, s)]
            if not here:
                continue
            head, *rest = transition_lines(policy, pathway, t, None, event not in on_arrows)
            if not said:
                said.append(head)
            when = _where_words(pathway, here) + (f", if {guard_words(t.guard)}" if t.guard is not None else "")
            said.append(Line(when, "guard", head.style))
            said.extend(line for line in rest if line.kind != "guard" and line not in said)
        lines.extend(said)
    return [DNode("__shared", "events that keep the state", tuple(lines), "note")] if lines else []


STAYS = "↻"  # marks an event listed inside a state: allowed there, and the state stays
KEY: tuple[tuple[str, KeyStyle], ...] = (
    (f"{STAYS} event: allowed in this state; the state stays", "key"),
    ("double border: an outcome of the pathway", "key"),
)


OVERVIEW_KEY: tuple[tuple[str, KeyStyle], ...] = (
    ("dotted arrow: an event that ends or moves one pathway and opens another", "key"),
    ("dotted line: an event both pathways handle", "key"),
    ("bold arrow: a deadline counted from an event of another pathway", "key"),
)


def _legend(policy: Policy, key: tuple[tuple[str, KeyStyle], ...] = KEY) -> tuple[tuple[str, KeyStyle], ...]:
    """The key, and which lines are statutory and which a local standard adds."""
    if len(policy.lineage) < 2:
        return key
    return key + ((f"statutory ({policy.lineage[0]})", "statutory"),
                  (f"local standard ({', '.join(policy.lineage[1:])})", "local"))


ANY_SOURCE = 4
"""A transition that leaves this many states or more (a child's death, a move out of area) is drawn
once, from an "any state" marker, instead of as an arrow from every state."""


def _moving_sources(t: Transition) -> list[str]:
    return [s for s in t.source if t.target and not _stays(t, s)]


def _from_anywhere(policy: Policy, pathway: Pathway, t: Transition, index: int) -> tuple[DNode, DEdge]:
    marker = f"__any_{index}"
    node = DNode(marker, "from " + _where_words(pathway, _moving_sources(t)).removeprefix("in "), (), "event",
                 in_state=False)
    edge = DEdge(marker, t.target or "", transition_lines(policy, pathway, t, None),
                 _transition_style(policy, pathway, t))
    return node, edge


def pathway_diagram(policy: Policy, pathway_id: str) -> Diagram:
    """One pathway: its states, its arrows and every rule on them."""
    pathway = policy.pathway(pathway_id)
    wide = [t for t in pathway.transitions if len(_moving_sources(t)) >= ANY_SOURCE]
    anywhere = [_from_anywhere(policy, pathway, t, i) for i, t in enumerate(wide)]
    nodes = ([_state_node(policy, pathway, s) for s in pathway.state_ids] + _shared_node(policy, pathway)
             + _guard_panel(policy, pathway) + [n for n, _ in anywhere])
    edges = [DEdge(source, t.target, transition_lines(policy, pathway, t, source),
                   _transition_style(policy, pathway, t))
             for t in pathway.transitions if t not in wide
             for source in _moving_sources(t)] + [e for _, e in anywhere]
    return Diagram(f"{policy.id}.{pathway.id}", pathway.title, policy.title, tuple(nodes), tuple(edges),
                   legend=_legend(policy), initial=pathway.initial)


def _opens(pathway: Pathway, event: str) -> bool:
    """Does the event take the pathway out of its initial state (start an episode)?"""
    return any(t.event == event and pathway.initial in t.source and t.target not in (None, pathway.initial)
               for t in pathway.transitions)


def _states_lines(pathway: Pathway) -> tuple[Line, ...]:
    final = {s.id for s in pathway.states if s.final}
    return tuple(Line(words(s) + (" (start)" if s == pathway.initial else " (outcome)" if s in final else ""),
                      "state") for s in pathway.state_ids)


def _merge(edges: list[DEdge]) -> list[DEdge]:
    """One arrow per pair of pathways and kind, naming every event or rule on it."""
    merged: dict[tuple[str, str, str, bool], DEdge] = {}
    for e in edges:
        key = (e.source, e.target, e.kind, e.directed)
        old = merged.get(key)
        if old is None:
            merged[key] = e
        else:
            lines = old.lines + tuple(line for line in e.lines if line not in old.lines)
            style: Style = "local" if "local" in (old.style, e.style) else "statutory"
            merged[key] = DEdge(e.source, e.target, lines, style, e.kind, directed=e.directed)
    return list(merged.values())


def _everywhere_events(policy: Policy) -> list[str]:
    """Events that more than half of the pathways handle (a death, a move): listed, not drawn."""
    counts = {e: len(policy.pathways_for(e)) for p in policy.pathways for e in sorted(p.events)}
    return [e for e, n in counts.items() if n >= 3 and 2 * n > len(policy.pathways)]


def _shared_events(policy: Policy, skip: set[str]) -> tuple[list[DNode], list[DEdge]]:
    """Events two or more pathways handle: an arrow from the pathways it comes from into those
    it opens, a line when it opens all or none of them, or a hub node for three or more."""
    nodes: list[DNode] = []
    edges: list[DEdge] = []
    for event in dict.fromkeys(t.event for p in policy.pathways for t in p.transitions):
        routes = policy.pathways_for(event)
        if len(routes) < 2 or event in skip:
            continue
        opened = [p for p in routes if _opens(p, event)]
        others = [p for p in routes if p not in opened]
        label = (Line(words(event)),)
        if opened and others:
            edges.extend(DEdge(a.id, b.id, label, kind="event") for a in others for b in opened)
        elif len(routes) == 2:
            edges.append(DEdge(routes[0].id, routes[1].id, label, kind="event", directed=False))
        else:
            nodes.append(DNode(f"event.{event}", words(event), shape="event"))
            edges.extend(DEdge(f"event.{event}", p.id, kind="event", directed=False) for p in routes)
    return nodes, edges


def _deadline_links(policy: Policy) -> Iterator[DEdge]:
    """Deadlines counted from an event of another pathway: an arrow from each pathway that
    handles the start event into the rule's own pathway (which does not handle it)."""
    for rule in policy.rules:
        if not isinstance(rule, DeadlineRule):
            continue
        home = policy.pathway(rule.pathway)
        if rule.start.event in home.events:
            continue
        line = Line(f"{words(rule.end.event)} {_limit_words(rule)}", "rule", _rule_style(policy, rule))
        for other in policy.pathways_for(rule.start.event):
            yield DEdge(other.id, home.id, (line,), line.style, kind="deadline")


def overview_diagram(policy: Policy) -> Diagram:
    """Every pathway as a cluster listing its states, joined by the events they share and by
    deadlines that run from one pathway into another."""
    nodes = [DNode(p.id, "", _states_lines(p), "list", cluster=p.id, in_state=False) for p in policy.pathways]
    everywhere = _everywhere_events(policy)
    if everywhere:
        lines = tuple(Line(f"{words(e)} ({len(policy.pathways_for(e))} of {len(policy.pathways)})", "state")
                      for e in everywhere)
        nodes.append(DNode("__everywhere", "handled by most pathways", lines, "note", in_state=False))
    hubs, links = _shared_events(policy, set(everywhere))
    edges = _merge(links + list(_deadline_links(policy)))
    clusters = tuple(Cluster(p.id, p.title) for p in policy.pathways)
    return Diagram(f"{policy.id}.{OVERVIEW}", "The whole journey: pathways and how they connect", policy.title,
                   tuple(nodes + hubs), tuple(edges), clusters, _legend(policy, OVERVIEW_KEY))


def diagram_names(policy: Policy) -> list[str]:
    """Every diagram a policy has: one per pathway, and the overview."""
    return [p.id for p in policy.pathways] + [OVERVIEW]


def build(policy: Policy, name: str) -> Diagram:
    """The diagram called ``name`` (a pathway id or ``overview``); KeyError lists the known ones."""
    if name == OVERVIEW:
        return overview_diagram(policy)
    if name not in {p.id for p in policy.pathways}:
        raise KeyError(f"no pathway {name!r} in policy {policy.id}; known: {', '.join(diagram_names(policy))}")
    return pathway_diagram(policy, name)


def compile_diagrams(policy: Policy) -> dict[str, Diagram]:
    """Every diagram of a policy, by name (the compiler registered as ``diagram``)."""
    return {name: build(policy, name) for name in diagram_names(policy)}


# --- DOT --------------------------------------------------------------------------------------

FONT = "Helvetica,Arial,sans-serif"
LOCAL_COLOUR = "#b35806"  # dark orange: distinct from black for most colour vision, and dashed too
INK = "#222222"
_FILL = {"initial": "#e8f1fb", "state": "#f4f4f4", "final": "#e6f4e6", "note": "#fffbe6", "event": "#ffffff",
         "list": "#ffffff"}
_FONT_SIZE = {"event": 13, "guard": 12, "decides": 12, "rule": 12, "state": 13}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _html_line(line: Line, in_state: bool = False, width: int = WRAP) -> str:
    text = f"{STAYS} {line.text}" if in_state and line.kind == "event" else line.text
    parts = textwrap.wrap(text, width) or [""]
    text = '<br align="left"/>'.join(html.escape(p, quote=False) for p in parts)
    if line.kind == "event":
        text = f"<b>{text}</b>"
    elif line.kind == "decides":
        text = f"<i>{text}</i>"
    colour = LOCAL_COLOUR if line.style == "local" else INK
    return f'<font point-size="{_FONT_SIZE[line.kind]}" color="{colour}">{text}</font><br align="left"/>'


def _node_label(node: DNode) -> str:
    title = "<br/>".join(html.escape(p, quote=False) for p in textwrap.wrap(node.title, WRAP))
    head = f'<tr><td><font point-size="16"><b>{title}</b></font></td></tr>' if title else ""
    if not node.lines:
        return f"<{head[8:-10]}>"
    width = WRAP_NOTE if node.shape == "note" else WRAP
    body = "".join(_html_line(line, node.in_state, width) for line in node.lines)
    return f'<<table border="0" cellborder="0" cellspacing="2">{head}' \
           f'<tr><td align="left" balign="left">{body}</td></tr></table>>'


def _node_dot(node: DNode) -> str:
    attrs = {"label": _node_label(node), "fillcolor": _q(_FILL[node.shape])}
    match node.shape:
        case "final":
            attrs["peripheries"] = "2"
        case "initial":
            attrs["penwidth"] = "2"
        case "note":
            attrs["shape"] = "note"
            attrs["style"] = "filled"
        case "event":
            attrs["shape"] = "ellipse"
            attrs["style"] = "filled"
        case "list":
            attrs["shape"] = "plain"
            attrs["style"] = '""'
        case "state":
            pass
        case _:
            assert_never(node.shape)
    return f"{_q(node.id)} [{', '.join(f'{k}={v}' for k, v in attrs.items())}];"


def _edge_dot(edge: DEdge) -> str:
    attrs: dict[str, str] = {}
    if edge.lines:
        attrs["label"] = "<" + "".join(_html_line(line) for line in edge.lines) + ">"
    if edge.style == "local":
        attrs.update(style=_q("dashed"), color=_q(LOCAL_COLOUR), fontcolor=_q(LOCAL_COLOUR))
    if edge.kind == "event":
        attrs.update(style=_q("dotted"), color=_q("#555555"), penwidth="1.5")
    elif edge.kind == "deadline":
        attrs.update(style=_q("bold,dashed" if edge.style == "local" else "bold"))
    if not edge.directed:
        attrs.update(dir="none")
    inner = f" [{', '.join(f'{k}={v}' for k, v in attrs.items())}]" if attrs else ""
    return f"{_q(edge.source)} -> {_q(edge.target)}{inner};"


def _grid_dot(d: Diagram) -> list[str]:
    """Invisible edges that lay clusters out in rows, each row below every node of the cluster
    above it, so an overview of many pathways keeps roughly the shape of a screen."""
    columns = max(4, math.ceil(math.sqrt(len(d.clusters))))
    lines = []
    for above, below in zip(d.clusters, d.clusters[columns:]):
        top = next(n for n in d.nodes if n.cluster == below.id)
        lines.extend(f"  {_q(n.id)} -> {_q(top.id)} [style=invis];" for n in d.nodes if n.cluster == above.id)
    return lines


_KEY_MARK = {"key": "", "statutory": "——— ", "local": "- - - - "}


def _legend_dot(legend: tuple[tuple[str, KeyStyle], ...]) -> list[str]:
    if not legend:
        return []
    rows = "".join(
        f'<tr><td align="left"><font point-size="12" color="{LOCAL_COLOUR if style == "local" else INK}">'
        f'{_KEY_MARK[style]}{html.escape(text, quote=False)}</font></td></tr>'
        for text, style in legend)
    return [f'  "__legend" [shape=box, style="rounded", color="#999999", margin="0.1,0.05", '
            f'label=<<table border="0" cellspacing="1"><tr><td align="left"><b>key</b></td></tr>{rows}</table>>];']


def to_dot(d: Diagram) -> str:
    """The diagram as Graphviz DOT: deterministic, top down (a pathway is taller than wide, which
    suits a projector better than a long left-to-right strip), fonts of 12 pt and more."""
    title = html.escape(d.title, quote=False)
    sub = html.escape(d.subtitle, quote=False)
    out = [f"// {d.id} — generated by journey from the policy; regenerate: {REGENERATE}",
           f"digraph {_q(d.id)} {{",
           f'  graph [rankdir=TB, compound=true, newrank=true, nodesep=0.5, ranksep=0.7, pad=0.3, '
           f'fontname={_q(FONT)}, fontsize=20, labelloc=t, labeljust=l, '
           f'label=<<b>{title}</b><br align="left"/><font point-size="14">{sub}</font><br align="left"/>>];',
           f'  node [shape=box, style="rounded,filled", fontname={_q(FONT)}, fontsize=14, color={_q(INK)}, '
           f'fontcolor={_q(INK)}, margin="0.2,0.1"];',
           f"  edge [fontname={_q(FONT)}, fontsize=12, color={_q(INK)}, fontcolor={_q(INK)}, arrowsize=0.8];"]
    if d.initial:
        out.append('  "__start" [shape=point, width=0.18, style=filled, fillcolor="#222222", label=""];')
        out.append(f'  "__start" -> {_q(d.initial)};')
    for cluster in d.clusters:
        out.append(f"  subgraph {_q('cluster_' + cluster.id)} {{")
        title = "<br/>".join(html.escape(t, quote=False) for t in textwrap.wrap(cluster.title, WRAP))
        out.append(f'    label=<<b>{title}</b>>; fontsize=16; style="rounded,filled"; fillcolor="#f7f7f7"; '
                   'color="#888888"; margin=12;')
        out.extend(f"    {_node_dot(n)}" for n in d.nodes if n.cluster == cluster.id)
        out.append("  }")
    out.extend(f"  {_node_dot(n)}" for n in d.nodes if not n.cluster)
    notes = [n.id for n in d.nodes if n.shape == "note" and not d.clusters]
    if notes and d.initial:  # below the states, so that a long note does not push them down
        out.append(f"  {{rank=sink; {'; '.join(_q(n) for n in notes)};}}")
        out.extend(f"  {_q(d.initial)} -> {_q(n)} [style=invis];" for n in notes)
    out.extend(f"  {_edge_dot(e)}" for e in d.edges)
    out.extend(_grid_dot(d))
    out.extend(_legend_dot(d.legend))
    out.append("}")
    return "\n".join(out) + "\n"


# --- Mermaid ----------------------------------------------------------------------------------

def _mid(node_id: str) -> str:
    """A Mermaid-safe id (``end`` and dots would break a flowchart)."""
    return "n_" + "".join(c if c.isalnum() else "_" for c in node_id)


def _mtext(lines: Sequence[str]) -> str:
    wrapped = [part for line in lines for part in (textwrap.wrap(line, WRAP) or [""])]
    return "<br/>".join(wrapped).replace('"', "#quot;")


def to_mermaid(d: Diagram) -> str:
    """The diagram as a Mermaid flowchart (for Markdown pages and wikis)."""
    out = [f"%% {d.id} — generated by journey from the policy; regenerate: {REGENERATE}",
           "---", f"title: {json.dumps(f'{d.title} ({d.subtitle})', ensure_ascii=False)}", "---", "flowchart TB"]
    shapes = {"initial": ('(["', '"])'), "state": ('("', '")'), "final": ('((("', '")))'),
              "note": ('["', '"]'), "event": ('{{"', '"}}'), "list": ('["', '"]')}
    def node_line(n: DNode) -> str:
        left, right = shapes[n.shape]
        shown = [f"{STAYS} {line.text}" if line.kind == "event" and n.in_state else line.text for line in n.lines]
        return f"{_mid(n.id)}{left}{_mtext([t for t in (n.title, *shown) if t])}{right}"
    for cluster in d.clusters:
        out.append(f'  subgraph {_mid("cluster_" + cluster.id)}["{_mtext([cluster.title])}"]')
        out.extend(f"    {node_line(n)}" for n in d.nodes if n.cluster == cluster.id)
        out.append("  end")
    out.extend(f"  {node_line(n)}" for n in d.nodes if not n.cluster)
    local_links = []
    for i, e in enumerate(d.edges):
        target = _mid(e.target)
        arrow = "-.->" if e.style == "local" or e.kind == "event" else ("==>" if e.kind == "deadline" else "-->")
        arrow = arrow if e.directed else "-.-"
        label = f'|"{_mtext([line.text for line in e.lines])}"|' if e.lines else ""
        out.append(f"  {_mid(e.source)} {arrow}{label} {target}")
        if e.style == "local":
            local_links.append(str(i))
    out.append("  classDef final stroke-width:3px")
    finals = [_mid(n.id) for n in d.nodes if n.shape == "final"]
    if finals:
        out.append(f"  class {','.join(finals)} final")
    if d.legend:
        out.append(f'  {_mid("__legend")}["{_mtext(["key", *(text for text, _ in d.legend)])}"]')
    if local_links:
        out.append(f"  linkStyle {','.join(local_links)} stroke:{LOCAL_COLOUR},color:{LOCAL_COLOUR}")
    return "\n".join(out) + "\n"


# --- rendering and files ----------------------------------------------------------------------

TEXT_FORMATS = ("dot", "mermaid")
IMAGE_FORMATS = ("svg", "png")
FORMATS = ("svg", "png", "dot", "mermaid")
SUFFIX = {"svg": ".svg", "png": ".png", "dot": ".dot", "mermaid": ".mmd"}


def render(d: Diagram, fmt: str) -> bytes:
    """The diagram in ``fmt`` (one of :data:`FORMATS`); ValueError names the known formats."""
    match fmt:
        case "dot":
            return to_dot(d).encode()
        case "mermaid":
            return to_mermaid(d).encode()
        case "svg" | "png":
            return _graphviz(to_dot(d), fmt)
    raise ValueError(f"unknown diagram format {fmt!r}; known: {', '.join(FORMATS)}")


def _graphviz(dot: str, fmt: str) -> bytes:
    try:
        import pygraphviz
    except ImportError:  # pragma: no cover - depends on the installation
        raise ImportError("svg and png diagrams need pygraphviz: pip install 'journey[diagrams]'") from None
    return pygraphviz.AGraph(string=dot).draw(format=fmt, prog="dot")


def write_policy(policy: Policy, folder: Path, formats: Sequence[str] = ("dot", "svg"), *,
                 prune: bool = False) -> list[Path]:
    """Write every diagram of a policy into ``folder`` and return the paths written. ``prune``:
    also remove files of those formats that no longer match a diagram (a renamed pathway)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, d in compile_diagrams(policy).items():
        for fmt in formats:
            path = folder / f"{name}{SUFFIX[fmt]}"
            path.write_bytes(render(d, fmt))
            written.append(path)
    for fmt in formats if prune else ():
        for stale in sorted(folder.glob(f"*{SUFFIX[fmt]}")):
            if stale not in written:
                stale.unlink()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m journey.compilers.diagram --write diagrams``: regenerate the committed files."""
    parser = argparse.ArgumentParser(prog="python -m journey.compilers.diagram", description=main.__doc__)
    parser.add_argument("--write", type=Path, required=True, metavar="FOLDER",
                        help="write FOLDER/<policy>/<diagram>.dot and .svg")
    parser.add_argument("--policy", action="append", help="only this policy (repeatable; default: all shipped)")
    args = parser.parse_args(argv)
    for name in args.policy or available_policies():
        for path in write_policy(load_policy(name), args.write / name, prune=True):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
