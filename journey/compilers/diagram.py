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
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, assert_never

from journey.compilers.satisfy import both_can_hold
from journey.spec.guards import And, Compare, Const, Field, In, Node, Not, Or
from journey.spec.model import (AgeRule, DeadlineRule, EventMatch, GestationRule, GuardRule, Pathway, Policy,
                                RecurringRule, Rule, Transition)

REGENERATE = "python -m journey.compilers.diagram --write diagrams"
OVERVIEW = "overview"
Style = Literal["statutory", "local"]
Shape = Literal["initial", "state", "final", "note", "event"]
LineKind = Literal["event", "guard", "decides", "rule"]
WRAP = 34  # characters per label line: legible on a projector without very wide arrows


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


@dataclass(frozen=True)
class DEdge:
    """An arrow. ``lhead``: draw it to the border of that cluster rather than to the node."""

    source: str
    target: str
    lines: tuple[Line, ...] = ()
    style: Style = "statutory"
    kind: Literal["transition", "link", "deadline"] = "transition"
    lhead: str = ""


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
    legend: tuple[tuple[str, Style], ...] = ()
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
        case Compare(op=op, left=left, right=right):
            return f"{guard_words(left)} {_OPS[op]} {guard_words(right)}"
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


def _transition_style(policy: Policy, pathway: Pathway, t: Transition) -> Style:
    added = bool(t.origin) and bool(pathway.origin) and t.origin != pathway.origin
    return "local" if added or _is_local(policy, pathway.defined_by) else "statutory"


def _compatible(policy: Policy, t: Transition, m: EventMatch) -> bool:
    """Can one event both take this transition and match the rule's event (and ``where``)?"""
    return m.event == t.event and both_can_hold(t.guard, m.where, policy.vocabulary[t.event].fields) is not False


def _rule_text(policy: Policy, rule: Rule, t: Transition, source: str) -> str | None:
    """What ``rule`` says about taking ``t`` from ``source``, in a few words, or None."""
    match rule:
        case DeadlineRule():
            return _limit_words(rule) if _compatible(policy, t, rule.end) else None
        case RecurringRule():
            if not _compatible(policy, t, rule.event) or source not in rule.while_in:
                return None
            text = f"at least every {rule.every.duration}"
            if rule.first is not None:
                text += f"; the first ≤ {rule.first.within.duration} after {_match_words(rule.first.after)}"
            if rule.then is not None:
                text += f"; later every {rule.then.every.duration}"
            return text
        case AgeRule():
            return f"≤ {rule.within.duration} after age {rule.age}" if _compatible(policy, t, rule.end) else None
        case GestationRule():
            return f"by gestation week {rule.week}" if _compatible(policy, t, rule.end) else None
        case GuardRule():
            return f"only if {guard_words(rule.require)}" if _compatible(policy, t, rule.event) else None
        case _:
            assert_never(rule)


def transition_lines(policy: Policy, pathway: Pathway, t: Transition, source: str) -> tuple[Line, ...]:
    """Event, guard, who decides and the rules on one arrow (or one in-state event)."""
    style = _transition_style(policy, pathway, t)
    lines = [Line(words(t.event), "event", style)]
    if t.guard is not None:
        lines.append(Line(f"if {guard_words(t.guard)}", "guard", style))
    if t.decides:
        lines.append(Line(t.decides, "decides", style))
    for rule in policy.rules_for(pathway.id):
        text = _rule_text(policy, rule, t, source)
        if text is not None:
            lines.append(Line(text, "rule", _rule_style(policy, rule)))
    return tuple(lines)


# --- building diagrams ------------------------------------------------------------------------

def _stays(t: Transition, source: str) -> bool:
    return t.target is None or t.target == source


def _everywhere(pathway: Pathway, t: Transition) -> bool:
    return t.target is None and set(t.source) == set(pathway.state_ids)


def _state_node(policy: Policy, pathway: Pathway, state_id: str, prefix: str = "", detail: bool = True) -> DNode:
    state = next(s for s in pathway.states if s.id == state_id)
    shape: Shape = "final" if state.final else ("initial" if state.id == pathway.initial else "state")
    lines: list[Line] = []
    if detail:
        for t in pathway.transitions:
            if state.id in t.source and _stays(t, state.id) and not _everywhere(pathway, t):
                lines.extend(transition_lines(policy, pathway, t, state.id))
    return DNode(prefix + state.id, words(state.id), tuple(lines), shape, cluster=pathway.id if prefix else "")


def _anywhere_node(policy: Policy, pathway: Pathway, prefix: str = "") -> list[DNode]:
    lines = [line for t in pathway.transitions if _everywhere(pathway, t)
             for line in transition_lines(policy, pathway, t, pathway.initial)]
    return [DNode(f"{prefix}__anywhere", "in any state", tuple(lines), "note")] if lines else []


def _legend(policy: Policy) -> tuple[tuple[str, Style], ...]:
    if len(policy.lineage) < 2:
        return ()
    return ((f"statutory ({policy.lineage[0]})", "statutory"),
            (f"local standard ({', '.join(policy.lineage[1:])})", "local"))


def pathway_diagram(policy: Policy, pathway_id: str) -> Diagram:
    """One pathway: its states, its arrows and every rule on them."""
    pathway = policy.pathway(pathway_id)
    nodes = [_state_node(policy, pathway, s) for s in pathway.state_ids] + _anywhere_node(policy, pathway)
    edges = [DEdge(source, t.target, transition_lines(policy, pathway, t, source),
                   _transition_style(policy, pathway, t))
             for t in pathway.transitions for source in t.source if t.target and not _stays(t, source)]
    return Diagram(f"{policy.id}.{pathway.id}", pathway.title, policy.title, tuple(nodes), tuple(edges),
                   legend=_legend(policy), initial=pathway.initial)


def _entry(pathway: Pathway, event: str) -> str:
    """The state an event leads into in a pathway (its initial state if the event keeps it)."""
    return next((t.target for t in pathway.transitions if t.event == event and t.target), pathway.initial)


def _overview_edges(policy: Policy, pathway: Pathway) -> Iterator[DEdge]:
    """A pathway's arrows in the overview: one per pair of states, naming every event."""
    pairs: dict[tuple[str, str], list[str]] = {}
    styles: dict[tuple[str, str], Style] = {}
    for t in pathway.transitions:
        for source in t.source:
            if t.target and not _stays(t, source):
                pairs.setdefault((source, t.target), [])
                if words(t.event) not in pairs[(source, t.target)]:
                    pairs[(source, t.target)].append(words(t.event))
                if _transition_style(policy, pathway, t) == "local":
                    styles[(source, t.target)] = "local"
    for (u, v), events in pairs.items():
        yield DEdge(f"{pathway.id}.{u}", f"{pathway.id}.{v}", tuple(Line(e) for e in events),
                    styles.get((u, v), "statutory"))


def _shared_events(policy: Policy) -> Iterator[tuple[DNode, list[DEdge]]]:
    """Events that more than one pathway handles: one node each, linked to every such pathway."""
    order = [e for p in policy.pathways for t in p.transitions for e in [t.event]]
    for event in dict.fromkeys(order):
        routes = policy.pathways_for(event)
        if len(routes) > 1:
            node = DNode(f"event.{event}", words(event), shape="event")
            yield node, [DEdge(node.id, f"{p.id}.{_entry(p, event)}", kind="link", lhead=p.id) for p in routes]


def _deadline_links(policy: Policy) -> Iterator[DEdge]:
    """Deadlines whose start and end events belong to different pathways."""
    for rule in policy.rules:
        if not isinstance(rule, DeadlineRule):
            continue
        starts, ends = policy.pathways_for(rule.start.event), policy.pathways_for(rule.end.event)
        for a in starts:
            for b in ends:
                if a.id != b.id and not (a in ends and b in starts):
                    line = Line(f"{words(rule.end.event)} {_limit_words(rule)}", "rule", _rule_style(policy, rule))
                    yield DEdge(f"{a.id}.{_entry(a, rule.start.event)}", f"{b.id}.{_entry(b, rule.end.event)}",
                                (line,), line.style, kind="deadline")


def overview_diagram(policy: Policy) -> Diagram:
    """Every pathway as a cluster of its states, linked by shared events and deadlines."""
    nodes: list[DNode] = []
    edges: list[DEdge] = []
    for p in policy.pathways:
        nodes.extend(_state_node(policy, p, s, prefix=f"{p.id}.", detail=False) for s in p.state_ids)
        edges.extend(_overview_edges(policy, p))
    for node, links in _shared_events(policy):
        nodes.append(node)
        edges.extend(links)
    edges.extend(_deadline_links(policy))
    clusters = tuple(Cluster(p.id, p.title) for p in policy.pathways)
    return Diagram(f"{policy.id}.{OVERVIEW}", f"{policy.title}: the whole journey", policy.title,
                   tuple(nodes), tuple(edges), clusters, _legend(policy))


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
_FILL = {"initial": "#e8f1fb", "state": "#f4f4f4", "final": "#e6f4e6", "note": "#fffbe6", "event": "#ffffff"}
_FONT_SIZE = {"event": 13, "guard": 12, "decides": 12, "rule": 12}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _html_line(line: Line) -> str:
    parts = textwrap.wrap(line.text, WRAP) or [""]
    text = '<br align="left"/>'.join(html.escape(p, quote=False) for p in parts)
    if line.kind == "event":
        text = f"<b>{text}</b>"
    elif line.kind == "decides":
        text = f"<i>{text}</i>"
    colour = LOCAL_COLOUR if line.style == "local" else INK
    return f'<font point-size="{_FONT_SIZE[line.kind]}" color="{colour}">{text}</font><br align="left"/>'


def _node_label(node: DNode) -> str:
    title = "<br/>".join(html.escape(p, quote=False) for p in textwrap.wrap(node.title, WRAP))
    head = f'<font point-size="16"><b>{title}</b></font>'
    if not node.lines:
        return f"<{head}>"
    body = "".join(_html_line(line) for line in node.lines)
    return f'<<table border="0" cellborder="0" cellspacing="2"><tr><td>{head}</td></tr>' \
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
        attrs.update(style="dashed", color=_q(LOCAL_COLOUR), fontcolor=_q(LOCAL_COLOUR))
    if edge.kind == "link":
        attrs.update(style="dotted", arrowhead="none", color=_q("#777777"))
    elif edge.kind == "deadline":
        attrs.update(style="bold,dashed" if edge.style == "local" else "bold", constraint="false")
    if edge.lhead:
        attrs["lhead"] = _q(f"cluster_{edge.lhead}")
    inner = f" [{', '.join(f'{k}={v}' for k, v in attrs.items())}]" if attrs else ""
    return f"{_q(edge.source)} -> {_q(edge.target)}{inner};"


def _legend_dot(legend: tuple[tuple[str, Style], ...]) -> list[str]:
    if not legend:
        return []
    rows = "".join(
        f'<tr><td align="left"><font color="{LOCAL_COLOUR if style == "local" else INK}">'
        f'{"- - - - " if style == "local" else "——— "}{html.escape(text, quote=False)}</font></td></tr>'
        for text, style in legend)
    return ['  subgraph cluster__legend {', '    label=<<b>legend</b>>; style="rounded"; color="#999999";',
            f'    "__legend" [shape=plaintext, style="", label=<<table border="0">{rows}</table>>];', '  }']


def to_dot(d: Diagram) -> str:
    """The diagram as Graphviz DOT: deterministic, left to right, fonts ≥ 12 pt."""
    title = html.escape(d.title, quote=False)
    sub = html.escape(d.subtitle, quote=False)
    out = [f"// {d.id} — generated by journey from the policy; regenerate: {REGENERATE}",
           f"digraph {_q(d.id)} {{",
           f'  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.5, ranksep=0.7, pad=0.3, '
           f'fontname={_q(FONT)}, fontsize=20, labelloc=t, labeljust=l, '
           f'label=<<b>{title}</b><br/><font point-size="14">{sub}</font>>];',
           f'  node [shape=box, style="rounded,filled", fontname={_q(FONT)}, fontsize=14, color={_q(INK)}, '
           f'fontcolor={_q(INK)}, margin="0.2,0.1"];',
           f"  edge [fontname={_q(FONT)}, fontsize=12, color={_q(INK)}, fontcolor={_q(INK)}, arrowsize=0.8];"]
    if d.initial:
        out.append('  "__start" [shape=point, width=0.18, style=filled, fillcolor="#222222", label=""];')
        out.append(f'  "__start" -> {_q(d.initial)};')
    for cluster in d.clusters:
        out.append(f"  subgraph {_q('cluster_' + cluster.id)} {{")
        out.append(f'    label=<<b>{html.escape(cluster.title, quote=False)}</b>>; fontsize=16; '
                   'style="rounded"; color="#888888";')
        out.extend(f"    {_node_dot(n)}" for n in d.nodes if n.cluster == cluster.id)
        out.append("  }")
    out.extend(f"  {_node_dot(n)}" for n in d.nodes if not n.cluster)
    out.extend(f"  {_edge_dot(e)}" for e in d.edges)
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
           "---", f"title: {d.title} ({d.subtitle})", "---", "flowchart LR"]
    shapes = {"initial": ('(["', '"])'), "state": ('("', '")'), "final": ('((("', '")))'),
              "note": ('["', '"]'), "event": ('{{"', '"}}')}
    def node_line(n: DNode) -> str:
        left, right = shapes[n.shape]
        return f"{_mid(n.id)}{left}{_mtext([n.title, *(line.text for line in n.lines)])}{right}"
    for cluster in d.clusters:
        out.append(f'  subgraph {_mid("cluster_" + cluster.id)}["{_mtext([cluster.title])}"]')
        out.extend(f"    {node_line(n)}" for n in d.nodes if n.cluster == cluster.id)
        out.append("  end")
    out.extend(f"  {node_line(n)}" for n in d.nodes if not n.cluster)
    local_links = []
    for i, e in enumerate(d.edges):
        target = _mid("cluster_" + e.lhead) if e.lhead else _mid(e.target)
        arrow = "-.->" if e.style == "local" or e.kind != "transition" else "-->"
        arrow = "-.-" if e.kind == "link" else arrow
        label = f'|"{_mtext([line.text for line in e.lines])}"|' if e.lines else ""
        out.append(f"  {_mid(e.source)} {arrow}{label} {target}")
        if e.style == "local":
            local_links.append(str(i))
    out.append(f"  classDef final stroke-width:3px")
    finals = [_mid(n.id) for n in d.nodes if n.shape == "final"]
    if finals:
        out.append(f"  class {','.join(finals)} final")
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


def write_policy(policy: Policy, folder: Path, formats: Sequence[str] = ("dot", "svg")) -> list[Path]:
    """Write every diagram of a policy into ``folder``; remove files of those formats that no
    longer match a diagram. Returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, d in compile_diagrams(policy).items():
        for fmt in formats:
            path = folder / f"{name}{SUFFIX[fmt]}"
            path.write_bytes(render(d, fmt))
            written.append(path)
    for fmt in formats:
        for stale in sorted(folder.glob(f"*{SUFFIX[fmt]}")):
            if stale not in written:
                stale.unlink()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m journey.compilers.diagram --write diagrams``: regenerate the committed files."""
    from journey.spec.load import available_policies, load_policy

    parser = argparse.ArgumentParser(prog="python -m journey.compilers.diagram", description=main.__doc__)
    parser.add_argument("--write", type=Path, required=True, metavar="FOLDER",
                        help="write FOLDER/<policy>/<diagram>.dot and .svg")
    parser.add_argument("--policy", action="append", help="only this policy (repeatable; default: all shipped)")
    args = parser.parse_args(argv)
    for name in args.policy or available_policies():
        for path in write_policy(load_policy(name), args.write / name):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
