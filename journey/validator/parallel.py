"""Batch validation across processes: each worker compiles the policy once, then takes chunks.

Results come back in input order, so output is identical to a single-process run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from journey.calendar import Calendar
from journey.cases import Case
from journey.compilers import tables_for
from journey.spec.model import Policy
from journey.validator.engine import validate_case
from journey.validator.report import OutputFormat, render_all

_WORKER: dict[str, object] = {}


def _init(policy: Policy, calendar: Calendar, as_of: dt.date | None, fmt: OutputFormat, pretty: bool) -> None:
    _WORKER.update(tables=tables_for(policy), calendar=calendar, as_of=as_of, fmt=fmt, pretty=pretty)


def _chunk(cases: Sequence[Case]) -> list[tuple[str, int]]:
    w = _WORKER
    verdicts = (validate_case(w["tables"], c, w["calendar"], as_of=w["as_of"]) for c in cases)  # type: ignore[arg-type]
    return list(render_all(verdicts, w["fmt"], w["pretty"]))  # type: ignore[arg-type]


def validate_parallel(cases: Sequence[Case], policy: Policy, *, calendar: Calendar, jobs: int,
                      as_of: dt.date | None = None, fmt: OutputFormat = "json", pretty: bool = False,
                      chunk: int = 1000) -> Iterator[tuple[str, int]]:
    """Validate and render ``cases`` with ``jobs`` processes (0 = one per core); yields
    (rendered verdict, exit status) in input order."""
    workers = jobs or os.cpu_count() or 1
    chunks = [cases[i:i + chunk] for i in range(0, len(cases), chunk)]
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(policy, calendar, as_of, fmt, pretty)) as pool:
        for rendered in pool.map(_chunk, chunks):
            yield from rendered
