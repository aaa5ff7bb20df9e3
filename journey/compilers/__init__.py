"""Compilers: each reads the policy IR and produces one back end.

``compile_policy(name, policy)`` looks a back end up by name; an unknown name lists the known
ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journey.spec.model import Policy


def _tables(policy: Policy) -> Any:
    from journey.compilers.tables import compile_tables
    return compile_tables(policy)


def _machines(policy: Policy) -> Any:
    from journey.compilers.machines import MachineReplay
    return MachineReplay(policy)


def _graph(policy: Policy) -> Any:
    from journey.compilers.graph import compile_graph
    return compile_graph(policy)


def _diagram(policy: Policy) -> Any:
    from journey.compilers.diagram import compile_diagrams
    return compile_diagrams(policy)


COMPILERS: dict[str, Callable[[Policy], Any]] = {"tables": _tables, "machines": _machines, "graph": _graph,
                                                 "diagram": _diagram}


def compile_policy(name: str, policy: Policy) -> Any:
    """Compile ``policy`` with the back end called ``name``."""
    try:
        compiler = COMPILERS[name]
    except KeyError:
        raise KeyError(f"unknown compiler {name!r}; known: {', '.join(sorted(COMPILERS))}") from None
    return compiler(policy)


_TABLES: dict[int, tuple[Policy, Any]] = {}


def tables_for(policy: Policy) -> Any:
    """Compiled validator tables, cached per policy object (policies are frozen)."""
    hit = _TABLES.get(id(policy))
    if hit is None or hit[0] is not policy:
        hit = _TABLES[id(policy)] = (policy, _tables(policy))
    return hit[1]
