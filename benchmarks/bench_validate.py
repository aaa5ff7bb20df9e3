"""Events per second: the compiled validator against a ``transitions``-driven replay.

Generates N synthetic child-protection histories (seeded), then times, on the same histories in
the same run: (a) the table-driven validator with every timer and guard, (b) a replay of each
case through one ``transitions`` machine per pathway (states only, no timers). Usage:

    python benchmarks/bench_validate.py --cases 20000 --seed 1
    python benchmarks/bench_validate.py --cases 2000 --cohort [--policy bcp]

``--cohort`` validates a simulated cohort instead (``journey.simulate``: compliant walks over
every pathway of the policy with the default case mix) — slower to generate, but it exercises
every rule of the policy rather than the child protection pathway alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time

from journey.calendar import Instant, england
from journey.cases import Case, Child, Event
from journey.compilers import compile_policy, tables_for
from journey.spec.load import load_policy
from journey.validator.engine import validate_case
from journey.validator.parallel import validate_parallel


def _cp_history(rng: random.Random, case_id: str) -> Case:
    """A plausible CP pathway: contact → decision → strategy → s47 → ICPC → plan, core groups,
    visits and review conferences, with realistic (sometimes late) gaps."""
    day = dt.date(2022, 1, 3) + dt.timedelta(days=rng.randrange(0, 1200))
    events: list[tuple[dt.date, str, dict]] = []

    def add(gap: int, etype: str, **fields: object) -> None:
        nonlocal day
        day += dt.timedelta(days=gap)
        events.append((day, etype, fields))

    add(0, "contact_received")
    add(rng.choice([0, 0, 1, 2]), "referral_decision", outcome="strategy_discussion", by="team_manager")
    add(rng.randrange(0, 3), "strategy_discussion_held", outcome="s47")
    add(0, "s47_started")
    add(0, "assessment_started")
    add(rng.randrange(5, 16), "s47_concluded", outcome="icpc")
    add(rng.randrange(1, 10), "icpc_held", outcome="cp_plan", by="cp_chair")
    add(0, "cp_plan_started", category="neglect")
    add(rng.randrange(3, 16), "core_group_held")
    add(rng.randrange(5, 30), "assessment_authorised", outcome="cin_plan", by="team_manager")
    for review in range(rng.randrange(1, 4)):
        for _ in range(rng.randrange(3, 9)):
            add(rng.randrange(7, 16), "visit", purpose="cp", seen=True)
        add(rng.randrange(5, 40), "core_group_held")
        add(rng.randrange(10, 60), "rcpc_held", outcome="continue_plan", by="cp_chair")
    add(rng.randrange(1, 20), "cp_plan_ended", reason="no_longer_at_risk")
    add(rng.randrange(0, 5), "case_closed", reason="RC7")
    return Case(case_id, Child(), tuple(Event(i, t, Instant(d), f) for i, (d, t, f) in enumerate(events)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=0, help="also time a parallel batch (0 = one per core)")
    parser.add_argument("--cohort", action="store_true", help="validate a simulated cohort (journey.simulate)")
    parser.add_argument("--policy", default="england", help="policy to validate against (default england)")
    args = parser.parse_args()

    policy = load_policy(args.policy)
    if args.cohort:
        from journey.simulate import cohort
        cases = cohort(policy, args.cases, seed=args.seed)
    else:
        rng = random.Random(args.seed)
        cases = [_cp_history(rng, f"B-{i}") for i in range(args.cases)]
    n_events = sum(len(c.events) for c in cases)
    tables = tables_for(policy)
    replay = compile_policy("machines", policy)

    t0 = time.perf_counter()
    findings = sum(len(validate_case(tables, c, england).findings) for c in cases)
    t_validator = time.perf_counter() - t0

    t0 = time.perf_counter()
    moves = sum(len(replay.trace(c)) for c in cases)
    t_replay = time.perf_counter() - t0

    print(f"{args.cases} cases, {n_events} events (seed {args.seed}); {findings} findings, {moves} machine moves")
    print(f"{'compiled validator (timers + guards)':<42} {n_events / t_validator:>12,.0f} events/s  ({t_validator:.2f} s)")
    print(f"{'transitions replay (states only)':<42} {n_events / t_replay:>12,.0f} events/s  ({t_replay:.2f} s)")
    t0 = time.perf_counter()
    rendered = sum(1 for _ in validate_parallel(cases, policy, calendar=england, jobs=args.jobs, fmt="json"))
    t_parallel = time.perf_counter() - t0
    assert rendered == len(cases), "parallel batch lost cases"
    workers = args.jobs or os.cpu_count()
    print(f"{f'validator + JSON output, {workers} processes':<42} {n_events / t_parallel:>12,.0f} events/s  ({t_parallel:.2f} s)")
    print(f"speed-up (single process vs replay): {t_replay / t_validator:.1f}x")


if __name__ == "__main__":
    main()
