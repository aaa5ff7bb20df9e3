"""Seeded, reproducible cohorts of case histories with a realistic case mix.

A cohort is N compliant walks (:mod:`journey.walk`) over a policy, each started on an arrival
date drawn from a Poisson process, with the decisions at each branch (the ``outcome`` of a
referral decision, a strategy discussion, a section 47 enquiry, a conference) weighted by a
:class:`CaseMix`. The same seed gives the same cohort, event for event — which is what lets
``journey policy-diff`` compare the workload of two policies on "the same" children.

Default case mix — figures from the DfE "Children in need" statistics for England (reporting
year 2023, i.e. 1 April 2022 to 31 March 2023), read from the DfE data catalogue table "C4 Section
47s and Initial Child Protection Conferences" and from a press summary of the release (Community
Care, 1 November 2023, reproduced by SACPA); the release itself was not re-checked line by line:

- 640,430 referrals; 7.1% ended in no further action at the referral decision.
- 655,540 assessments completed (about one per referral); 29.9% of referrals led to an assessment
  that found the child not in need.
- 225,400 section 47 enquiries (≈ 0.35 per referral) and 74,380 initial child protection
  conferences (≈ 0.33 per section 47 enquiry); 58,330 (78%) of those conferences were within 15
  working days of the start of the enquiry (C4 durations: 6,850 in 0–10 days, 51,480 in 11–15).
- Arrivals: 640,430 referrals a year across 153 local authorities is about 80 a week for an
  average authority (the default ``arrivals_per_week``).

Illustrative, not verified (no source checked for these): that 90% of strategy discussions decide
on a section 47 enquiry; the split of enquiries not going to conference between child in need
(55%) and no further action (45%); that 87% of initial conferences make a plan; that 70% of
review conferences continue the plan; and the weights of the other choices below.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from journey.calendar import Calendar, england
from journey.cases import Case
from journey.spec.model import Policy
from journey.walk import WalkConfig, WalkResult, walk

T = TypeVar("T")

_REFERRAL = {"nfa": 0.071, "signpost": 0.02, "early_help": 0.04, "assessment": 0.51,
             "strategy_discussion": 0.35, "immediate_protection": 0.009}
_S47_CONCLUDED = {"icpc": 0.33, "cin": 0.37, "nfa": 0.30}


def _weights(event: str, name: str, shares: Mapping[str, float]) -> dict[tuple[str, str, Any], float]:
    return {(event, name, value): share for value, share in shares.items()}


DEFAULT_VALUE_WEIGHTS: dict[tuple[str, str, Any], float] = {
    **_weights("referral_decision", "outcome", _REFERRAL),
    **_weights("strategy_discussion_held", "outcome", {"s47": 0.9, "no_s47": 0.1}),
    **_weights("s47_concluded", "outcome", _S47_CONCLUDED),
    **_weights("icpc_held", "outcome", {"cp_plan": 0.87, "no_plan": 0.13}),
    **_weights("rcpc_held", "outcome", {"continue_plan": 0.7, "end_plan": 0.3}),
    **_weights("assessment_authorised", "outcome", {"nfa": 0.3, "early_help": 0.15, "cin_plan": 0.35,
                                                    "strategy_discussion": 0.1, "looked_after": 0.05,
                                                    "other": 0.05}),
}
"""Shares of each outcome when the event happens (see the module docstring for sources)."""

DEFAULT_EVENT_WEIGHTS: dict[str, float] = {
    # The journey from the front door through assessment, child protection and child in need
    # plans; events of other pathways (care, court, fostering, LADO...) are rarer (weight
    # ``CaseMix.other_weight``). Casework the rules do not force is rarer than the decisions
    # that move a case on, so the visit and meeting counts of a cohort reflect its policy.
    **{e: 1.0 for e in ("contact_received", "referral_decision", "assessment_started", "assessment_authorised",
                        "strategy_discussion_held", "s47_started", "s47_concluded", "icpc_held",
                        "cp_plan_started", "rcpc_held", "cp_plan_ended", "cin_plan_started", "cin_plan_ended")},
    "visit": 0.3, "core_group_held": 0.3, "cin_plan_reviewed": 0.3, "case_closed": 0.5,
}


@dataclass(frozen=True)
class CaseMix:
    """How a simulated cohort arrives and branches."""

    arrivals_per_week: float = 80.0
    event_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_EVENT_WEIGHTS))
    value_weights: Mapping[tuple[str, str, Any], float] = field(default_factory=lambda: dict(DEFAULT_VALUE_WEIGHTS))
    other_weight: float = 0.02
    max_events: int = 40
    max_gap_days: int = 10
    pathways: tuple[str, ...] | None = None


DEFAULT_MIX = CaseMix()


class RandomChooser:
    """A :class:`journey.walk.Chooser` over a seeded ``random.Random``, honouring weights."""

    def __init__(self, seed: int | str) -> None:
        self.rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
        if weights is None:
            return items[self.rng.randrange(len(items))]
        return self.rng.choices(items, weights=weights)[0]


def arrivals(n: int, *, seed: int, start: dt.date, per_week: float) -> list[dt.date]:
    """``n`` arrival dates from a Poisson process of ``per_week`` arrivals a week."""
    rng = random.Random(f"arrivals-{seed}")
    day, out = 0.0, []
    for _ in range(n):
        day += rng.expovariate(per_week / 7.0)
        out.append(start + dt.timedelta(days=int(day)))
    return out


def simulate(policy: Policy, n: int, *, seed: int = 0, mix: CaseMix = DEFAULT_MIX,
             start: dt.date = dt.date(2023, 4, 3), cal: Calendar = england) -> list[WalkResult]:
    """``n`` compliant walks over ``policy``, reproducible from ``seed``.

    Case ``i`` always arrives on the same date with the same random stream, so two policies
    simulated with one seed see the same arrivals and, where their rules agree, the same choices.
    """
    out = []
    for i, day in enumerate(arrivals(n, seed=seed, start=start, per_week=mix.arrivals_per_week)):
        config = WalkConfig(max_events=mix.max_events, min_events=max(1, mix.max_events // 4),
                            pathways=mix.pathways, max_gap_days=mix.max_gap_days, start=(day, day),
                            event_weights=mix.event_weights, default_event_weight=mix.other_weight,
                            value_weights=mix.value_weights,
                            case_id=f"S-{i + 1:05d}")
        out.append(walk(policy, RandomChooser(f"{seed}-{i}"), config, cal))
    return out


def cohort(policy: Policy, n: int, *, seed: int = 0, mix: CaseMix = DEFAULT_MIX,
           start: dt.date = dt.date(2023, 4, 3)) -> list[Case]:
    """The case histories of :func:`simulate`."""
    return [r.case for r in simulate(policy, n, seed=seed, mix=mix, start=start)]
