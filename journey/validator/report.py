"""Verdicts as text, JSON lines or CSV: the one place that formats ``journey validate`` output.

Rendering is separate from the command so that parallel workers can render their own chunk
(strings are cheap to send between processes; verdict objects are not).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Literal

from journey.validator.findings import Verdict

OutputFormat = Literal["text", "json", "csv"]

CSV_COLUMNS = ["case_id", "policy", "as_of", "legal", "compliant", "rule", "severity", "kind", "pathway",
               "start_index", "start_type", "start_at", "end_index", "end_type", "end_at", "due", "actual",
               "late_by_value", "late_by_unit", "message"]


def header(fmt: OutputFormat) -> str:
    """What comes before the first verdict (the CSV header row)."""
    return csv_row(CSV_COLUMNS) if fmt == "csv" else ""


def render(v: Verdict, fmt: OutputFormat, pretty: bool) -> str:
    """One verdict in ``fmt``; JSON is indented when ``pretty`` (a single case), else one line."""
    match fmt:
        case "json":
            return json.dumps(v.to_dict(), indent=2 if pretty else None, ensure_ascii=False) + "\n"
        case "csv":
            return "".join(csv_row(r) for r in _csv_rows(v))
        case "text":
            return _text(v)


def render_all(verdicts: Iterable[Verdict], fmt: OutputFormat, pretty: bool) -> Iterator[tuple[str, int]]:
    """(text, exit status) per verdict."""
    for v in verdicts:
        yield render(v, fmt, pretty), v.exit_code


def csv_row(values: list) -> str:
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
