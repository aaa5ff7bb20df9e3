"""The ``journey`` command: parse the arguments, make one public call, print the result.

Exit status: 0 no breach above advisory; 1 findings; 2 bad input or usage, with one line on
stderr naming the case, the event index and the field — and nothing written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import track

from journey.calendar import Instant, england
from journey.cases import read_cases
from journey.errors import JourneyError, did_you_mean
from journey.spec.load import available_policies, load_policy
from journey.spec.model import DeadlineRule, Policy, Rule
from journey.validator import validate_many
from journey.validator.parallel import validate_parallel
from journey.validator.report import csv_row, header, render_all
from journey.spec.describe import describe_rule
from journey.compilers.diagram import FORMATS as DIAGRAM_FORMATS, SUFFIX, diagram_names
from journey.compilers.diagram import build as build_diagram, render as render_diagram
from journey.verify import verify as verify_policy
from journey.spec.compare import RuleComparison, compare_rules, limit_words, timescale_table
from journey.spec.interpretations import ambiguous_rules

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="The statutory child journey in England's children's social care, as state machines.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

PolicyOpt = Annotated[str, typer.Option("--policy", "-p", help="Shipped policy name or path to a policy YAML.")]


class Format(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def _fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(2)


def _policy(name: str, readings: list[str] | None = None) -> Policy:
    try:
        return load_policy(name, _readings(readings or []))
    except JourneyError as exc:
        raise _fail(str(exc)) from None


InterpretationOpt = Annotated[Optional[list[str]], typer.Option(
    "--interpretation", "-i", metavar="RULE_ID=INTERP_ID",
    help="Read a rule's source another way (repeatable); `journey rules --ambiguities` lists them.")]


def _readings(values: list[str]) -> dict[str, str]:
    """``RULE_ID=INTERP_ID`` options as a mapping; a malformed one is a usage error."""
    out: dict[str, str] = {}
    for value in values:
        rule_id, sep, reading = value.partition("=")
        if not sep or not rule_id.strip() or not reading.strip():
            raise _fail(f"--interpretation: expected RULE_ID=INTERP_ID, got {value!r}")
        out[rule_id.strip()] = reading.strip()
    return out


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        instant = Instant.parse(text)
    except ValueError as exc:
        raise _fail(f"--as-of: {exc}") from None
    if instant.has_time:
        raise _fail("--as-of: expected a date (YYYY-MM-DD)")
    return instant.date


@app.command()
def validate(
    file: Annotated[str, typer.Argument(help="Case history: .json, .jsonl or .csv (- for JSONL on stdin).")],
    policy: PolicyOpt = "england",
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Judge as at this date (default: each case's last event).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes for a batch (0 = one per core).")] = 1,
    interpretation: InterpretationOpt = None,
) -> None:
    """Validate case histories: is each legal (statute, statutory guidance) and compliant (local)?"""
    pol = _policy(policy, interpretation)
    when = _as_of(as_of)
    try:
        cases = read_cases(file, pol.vocabulary)
    except JourneyError as exc:
        raise _fail(str(exc)) from None
    pretty = len(cases) == 1
    if jobs == 1 or len(cases) < 2:
        chunks = render_all(validate_many(cases, pol, calendar=england, as_of=when), fmt.value, pretty)
    else:
        chunks = validate_parallel(cases, pol, calendar=england, jobs=jobs, as_of=when, fmt=fmt.value, pretty=pretty)
    if len(cases) > 1 and err.is_terminal:
        chunks = track(chunks, total=len(cases), description="validating", console=err, transient=True)
    worst = _write(itertools.chain([(header(fmt.value), 0)], chunks), output)
    raise typer.Exit(worst)


def _write(chunks: Iterable[tuple[str, int]], output: Path | None) -> int:
    """Write every rendered verdict; return the exit status. With -o, the file appears only when
    complete."""
    worst = 0
    target = tempfile.NamedTemporaryFile("w", delete=False, dir=output.parent if output else None,
                                         encoding="utf-8", newline="") if output else sys.stdout
    try:
        for chunk, code in chunks:
            target.write(chunk)
            worst = max(worst, code)
    except BaseException:
        if output:
            target.close()
            os.unlink(target.name)
        raise
    if output:
        target.close()
        os.replace(target.name, output)
    return worst


def _cite(rule: Rule) -> str:
    src = rule.source
    return src.document + (f", {src.ref}" if src.ref else "") + (f", line {src.line}" if src.line else "")


@app.command()
def rules(policy: PolicyOpt = "england",
          fmt: Annotated[Format, typer.Option("--format", "-f", help="text or csv.")] = Format.text,
          compare: Annotated[Optional[str], typer.Option(
              "--compare", metavar="BASELINE",
              help="Show each rule the policy adds as stricter, same, laxer or local-only against BASELINE.")] = None,
          ambiguities: Annotated[bool, typer.Option(
              "--ambiguities", help="List the rules whose source has more than one reading.")] = False,
          interpretation: InterpretationOpt = None) -> None:
    """List every rule of a policy with its timer or guard and its citation."""
    pol = _policy(policy, interpretation)
    if compare is not None:
        _print_comparison(compare_rules(pol, _policy(compare)), fmt)
        return
    if ambiguities:
        _print_ambiguities(pol, fmt)
        return
    if fmt is Format.csv:
        out.file.write(csv_row(["rule", "kind", "severity", "pathway", "what", "source", "confidence"]))
        for r in pol.rules:
            out.file.write(csv_row([r.id, r.kind, r.severity, r.pathway, describe_rule(r), _cite(r),
                                     r.source.confidence]))
        return
    for r in pol.rules:
        out.print(f"{r.id}  [{r.kind}, {r.severity}]", markup=False)
        out.print(f"    {describe_rule(r)}", markup=False)
        out.print(f"    source: {_cite(r)} (confidence: {r.source.confidence})", markup=False)
    for issue in pol.issues:
        err.print(str(issue), markup=False)


COMPARISON_COLUMNS = ["rule", "kind", "standing", "limit", "tightens", "baseline_limit", "note", "source"]


def _print_comparison(rows: list[RuleComparison], fmt: Format) -> None:
    """One line (or CSV row) per rule the policy adds, with a count of each standing at the end."""
    table = [[c.rule.id, c.rule.kind, c.standing, limit_words(c.rule), c.baseline.id if c.baseline else "",
              limit_words(c.baseline) if c.baseline else "", c.note, _cite(c.rule)] for c in rows]
    if fmt is Format.csv:
        out.file.write(csv_row(COMPARISON_COLUMNS))
        for row in table:
            out.file.write(csv_row(row))
        return
    for c, row in zip(rows, table):
        out.print(f"{c.standing:<20} {c.rule.id}  [{c.rule.kind}] {row[3]}", markup=False)
        if c.baseline is not None:
            out.print(f"{'':<20}   tightens {c.baseline.id}: {row[5]}", markup=False)
        if c.note:
            out.print(f"{'':<20}   note: {c.note}", markup=False)
    counts = {s: sum(1 for c in rows if c.standing == s) for s in dict.fromkeys(c.standing for c in rows)}
    out.print("; ".join(f"{n} {s}" for s, n in counts.items()) or "no rules beyond the baseline", markup=False)


AMBIGUITY_COLUMNS = ["rule", "interpretation", "chosen", "overrides", "description"]


def _print_ambiguities(pol: Policy, fmt: Format) -> None:
    """Every rule with more than one reading: each reading, which one is chosen, what it changes."""
    found = ambiguous_rules(pol)
    if fmt is Format.csv:
        out.file.write(csv_row(AMBIGUITY_COLUMNS))
        for r in found:
            for i in r.interpretations:
                out.file.write(csv_row([r.id, i.id, str(i.chosen).lower(),
                                        json.dumps(i.overrides, sort_keys=True) if i.overrides else "",
                                        " ".join(i.description.split())]))
        return
    for r in found:
        out.print(f"{r.id}  ({describe_rule(r)})", markup=False)
        for i in r.interpretations:
            mark = "chosen" if i.chosen else ("not modelled" if not i.overrides else f"--interpretation {r.id}={i.id}")
            out.print(f"    {i.id} [{mark}]: {' '.join(i.description.split())}", markup=False)
    if not found:
        out.print(f"no rule of {pol.id} has more than one interpretation", markup=False)


@app.command("compare-policies")
def compare_policies(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or csv.")] = Format.text,
    names: Annotated[Optional[str], typer.Option(
        "--policies", help="Comma-separated policies (default: every shipped policy, england first).")] = None,
) -> None:
    """The main timescales side by side: one row per topic, one column per policy."""
    chosen = [n.strip() for n in names.split(",") if n.strip()] if names else _shipped_baseline_first()
    table = timescale_table([_policy(n) for n in chosen])
    header_row = ["topic", *table.policies]
    if fmt is Format.csv:
        out.file.write(csv_row(header_row))
        for label, cells in table.rows:
            out.file.write(csv_row([label, *cells]))
        return
    grid = [header_row] + [[label, *cells] for label, cells in table.rows]
    widths = [max(len(row[i]) for row in grid) for i in range(len(header_row))]
    for row in grid:
        out.print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip(), markup=False)
    if any("*" in c for _, cells in table.rows for c in cells):
        out.print("* applies only to some children (a condition on the child)", markup=False)


def _shipped_baseline_first() -> list[str]:
    return sorted(available_policies(), key=lambda n: (n != "england", n))


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. england.child_protection.icpc_within_15_working_days")],
            policy: Annotated[str | None, typer.Option("--policy", "-p", help="Policy name or path (default: "
                                                       "the shipped policy the rule id starts with, else england)")] = None
            ) -> None:
    """Explain one rule: what it requires, when it starts and stops, and where it comes from."""
    owner = rule_id.split(".", 1)[0]
    pol = _policy(policy or (owner if owner in available_policies() else "england"))
    rule = _find_rule(pol, rule_id)
    out.print(f"[bold]{rule.id}[/bold] — {rule.title}")
    out.print(f"kind: {rule.kind}    severity: {rule.severity}    pathway: {rule.pathway}")
    out.print(f"rule: {describe_rule(rule)}", markup=False)
    if isinstance(rule, DeadlineRule) and rule.cancelled_by:
        out.print("lapses on: " + "; ".join(str(c) for c in rule.cancelled_by), markup=False)
    src = rule.source
    out.print(f"source: {src.document}" + (f", {src.ref}" if src.ref else "")
              + (f", line {src.line}" if src.line else "") + f"  (confidence: {src.confidence})", markup=False)
    if src.quote:
        out.print(f"  “{' '.join(src.quote.split())}”", markup=False)
    if rule.notes:
        out.print(f"notes: {' '.join(rule.notes.split())}", markup=False)
    for i in rule.interpretations:
        out.print(f"interpretation {i.id}{' (chosen)' if i.chosen else ''}: {i.description}", markup=False)
    if rule.tightens:
        out.print(f"tightens: {rule.tightens}", markup=False)


def _find_rule(pol: Policy, rule_id: str) -> Rule:
    if pol.has_rule(rule_id):
        return pol.rule(rule_id)
    hint = did_you_mean(rule_id, [r.id for r in pol.rules], "; `journey rules` lists them")
    raise _fail(f"no rule {rule_id!r} in policy {pol.id}{hint}")


@app.command()
def events(policy: PolicyOpt = "england") -> None:
    """List the event vocabulary: each event type, its fields and which pathways handle it."""
    pol = _policy(policy)
    for name, ev in sorted(pol.vocabulary.items()):
        routes = ", ".join(p.id for p in pol.pathways_for(name)) or "no pathway (unknown_event)"
        out.print(f"{name}  — {ev.description}", markup=False)
        out.print(f"    pathways: {routes}", markup=False)
        for k, f in ev.fields.items():
            values = f" ({', '.join(f.values)})" if f.values else ""
            out.print(f"    {k}{'*' if f.required else ''}: {f.type}{values}", markup=False)
        if ev.returns:
            out.print(f"    returns: {ev.returns}", markup=False)
    out.print("* required field", markup=False)


@app.command()
def policies() -> None:
    """List the policies shipped with journey."""
    for name in available_policies():
        pol = _policy(name)
        out.print(f"{name:<16} {pol.title}  ({len(pol.rules)} rules)", markup=False)


@app.command("verify")
def verify_command(policy: PolicyOpt = "england") -> None:
    """Verify a policy's pathways: every state reachable and left, every transition able to fire,
    and the deadlines of each pathway possible to meet together. Exit 1 on any defect."""
    pol = _policy(policy)
    for warning in pol.issues:
        err.print(str(warning), markup=False)
    issues = verify_policy(pol)
    for issue in issues:
        out.print(str(issue), markup=False)
    verdict = "verifies clean" if not issues else f"{len(issues)} defect{'s' if len(issues) != 1 else ''}"
    out.print(f"{pol.id}: {len(pol.pathways)} pathways, {len(pol.rules)} rules: {verdict}", markup=False)
    raise typer.Exit(1 if issues else 0)


@app.command()
def diagram(
    name: Annotated[str, typer.Argument(help="A pathway id, 'overview', or 'all' (every pathway and the overview).")] = "overview",
    policy: PolicyOpt = "england",
    fmt: Annotated[str, typer.Option("--format", "-f", help="svg, png, dot or mermaid.")] = "svg",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (a folder for 'all'); default stdout.")] = None,
) -> None:
    """Draw a pathway, or the overview of them all, with the deadlines and decisions on the arrows."""
    if fmt not in DIAGRAM_FORMATS:
        raise _fail(f"unknown format {fmt!r}; known: {', '.join(DIAGRAM_FORMATS)}")
    pol = _policy(policy)
    known = diagram_names(pol)
    if name != "all" and name not in known:
        raise _fail(f"no pathway {name!r} in policy {pol.id}; known: {', '.join(known)}, all")
    if output is None and (name == "all" or fmt == "png"):
        raise _fail("give -o: " + ("'all' writes one file per diagram into a folder" if name == "all" else "png is binary"))
    try:
        files = {n: render_diagram(build_diagram(pol, n), fmt) for n in (known if name == "all" else [name])}
    except ImportError as exc:
        raise _fail(str(exc)) from None
    if output is None:
        out.file.write(files[name].decode())
        return
    if name == "all":
        output.mkdir(parents=True, exist_ok=True)
    for n, data in files.items():
        target = output / f"{n}{SUFFIX[fmt]}" if name == "all" else output
        target.write_bytes(data)
        err.print(f"wrote {target}", markup=False)


@app.command("policy-diff")
def policy_diff_command(
    old: Annotated[str, typer.Argument(help="The policy in force: a shipped name or a policy YAML.")],
    new: Annotated[str, typer.Argument(help="The draft to compare with it.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    cases: Annotated[int, typer.Option("--cases", min=1, help="Simulated cases per policy.")] = 200,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the simulated cohort (same seed, same cohort).")] = 0,
) -> None:
    """Before adopting a policy change: the rule diff, shrunk histories whose verdict changes, and
    the effect on a simulated cohort (share made non-compliant; workload per child-year)."""
    from journey.policy_diff import policy_diff, render_text

    if fmt not in ("text", "json"):
        raise _fail(f"unknown format {fmt!r}; known: text, json")
    labels = (Path(old).stem, Path(new).stem)  # a file's name, or the shipped policy's
    result = policy_diff(_policy(old), _policy(new), cases=cases, seed=seed, labels=labels)
    if fmt == "json":
        out.file.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.file.write(render_text(result))


def main() -> None:
    """Console-script entry point: usage errors exit 2, like bad input."""
    try:
        app()
    except JourneyError as exc:  # pragma: no cover - commands convert these already
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
