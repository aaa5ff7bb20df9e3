"""The ``journey`` command: parse the arguments, make one public call, print the result.

Exit status: 0 no breach above advisory; 1 findings; 2 bad input or usage, with one line on
stderr naming the case, the event index and the field — and nothing written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import track

from journey.calendar import Instant, england
from journey.cases import read_cases
from journey.errors import JourneyError
from journey.spec.load import available_policies, load_policy
from journey.spec.model import DeadlineRule, Policy, Rule
from journey.validator import validate_many
from journey.validator.findings import Verdict
from journey.spec.describe import describe_rule

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


def _policy(name: str) -> Policy:
    try:
        return load_policy(name)
    except JourneyError as exc:
        raise _fail(str(exc)) from None


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
) -> None:
    """Validate case histories: is each legal (statute, statutory guidance) and compliant (local)?"""
    pol = _policy(policy)
    when = _as_of(as_of)
    try:
        cases = read_cases(file, pol.vocabulary)
    except JourneyError as exc:
        raise _fail(str(exc)) from None
    show_progress = len(cases) > 1 and err.is_terminal
    stream = track(cases, description="validating", console=err, transient=True) if show_progress else cases
    verdicts = validate_many(stream, pol, calendar=england, as_of=when)
    worst = _write(verdicts, fmt, len(cases), output)
    raise typer.Exit(worst)


def _write(verdicts: Iterable[Verdict], fmt: Format, count: int, output: Path | None) -> int:
    """Write every verdict; return the exit status. With -o, the file appears only when complete."""
    worst = 0
    target = tempfile.NamedTemporaryFile("w", delete=False, dir=output.parent if output else None,
                                         encoding="utf-8", newline="") if output else sys.stdout
    try:
        for chunk, code in _render(verdicts, fmt, count):
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


CSV_COLUMNS = ["case_id", "policy", "as_of", "legal", "compliant", "rule", "severity", "kind", "pathway",
               "start_index", "start_type", "start_at", "end_index", "end_type", "end_at", "due", "actual",
               "late_by_value", "late_by_unit", "message"]


def _render(verdicts: Iterable[Verdict], fmt: Format, count: int) -> Iterator[tuple[str, int]]:
    if fmt is Format.csv:
        yield _csv_row(CSV_COLUMNS), 0
    for v in verdicts:
        match fmt:
            case Format.json:
                yield (json.dumps(v.to_dict(), indent=2 if count == 1 else None, ensure_ascii=False) + "\n"), v.exit_code
            case Format.csv:
                yield "".join(_csv_row(r) for r in _csv_rows(v)), v.exit_code
            case Format.text:
                yield _text(v), v.exit_code


def _csv_row(values: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _csv_rows(v: Verdict) -> Iterator[list]:
    head = [v.case_id, v.policy, v.as_of, str(v.legal).lower(), str(v.compliant).lower()]
    if not v.findings:
        yield head + [""] * (len(CSV_COLUMNS) - len(head))
    for f in v.findings:
        s, e, lb = f.start, f.end, f.late_by
        yield head + [f.rule, f.severity, f.kind, f.pathway,
                      s.index if s else "", s.type if s else "", s.at if s else "",
                      e.index if e else "", e.type if e else "", e.at if e else "",
                      f.due or "", f.actual or "", lb.value if lb else "", lb.unit if lb else "", f.message]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _text(v: Verdict) -> str:
    lines = [f"{v.case_id}  policy {v.policy}  as of {v.as_of}  legal: {_yes(v.legal)}  compliant: {_yes(v.compliant)}"]
    for f in v.findings:
        at = f" (event {f.end.index})" if f.end else ""
        lines.append(f"  {f.kind:<18} {f.severity:<18} {f.rule}{at}")
        lines.append(f"      {f.message}")
        cite = f"{f.source.document}" + (f", {f.source.ref}" if f.source.ref else "")
        lines.append(f"      source: {cite}")
    for p in v.pending:
        lines.append(f"  {'pending':<18} {'':<18} {p.rule} due {p.due}")
    if not v.findings and not v.pending:
        lines.append("  no findings")
    return "\n".join(lines) + "\n"


def _cite(rule: Rule) -> str:
    src = rule.source
    return src.document + (f", {src.ref}" if src.ref else "") + (f", line {src.line}" if src.line else "")


@app.command()
def rules(policy: PolicyOpt = "england",
          fmt: Annotated[Format, typer.Option("--format", "-f", help="text or csv.")] = Format.text) -> None:
    """List every rule of a policy with its timer or guard and its citation."""
    pol = _policy(policy)
    if fmt is Format.csv:
        out.file.write(_csv_row(["rule", "kind", "severity", "pathway", "what", "source", "confidence"]))
        for r in pol.rules:
            out.file.write(_csv_row([r.id, r.kind, r.severity, r.pathway, describe_rule(r), _cite(r),
                                     r.source.confidence]))
        return
    for r in pol.rules:
        out.print(f"{r.id}  [{r.kind}, {r.severity}]", markup=False)
        out.print(f"    {describe_rule(r)}", markup=False)
        out.print(f"    source: {_cite(r)} (confidence: {r.source.confidence})", markup=False)
    for issue in pol.issues:
        err.print(str(issue), markup=False)


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. england.child_protection.icpc_within_15_working_days")],
            policy: PolicyOpt = "england") -> None:
    """Explain one rule: what it requires, when it starts and stops, and where it comes from."""
    pol = _policy(policy)
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
    from difflib import get_close_matches
    near = get_close_matches(rule_id, [r.id for r in pol.rules], n=1)
    hint = f" (did you mean {near[0]}?)" if near else "; `journey rules` lists them"
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


def main() -> None:
    """Console-script entry point: usage errors exit 2, like bad input."""
    try:
        app()
    except JourneyError as exc:  # pragma: no cover - commands convert these already
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
