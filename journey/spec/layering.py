"""Layer a local policy file onto the policy it extends.

Layering only ever adds: new pathways, new states and transitions on inherited pathways, new
rules and new event words. Nothing inherited can be removed or relaxed; a local rule that claims
to tighten a statutory one is compared with it in :mod:`journey.spec.checks`.
"""

from __future__ import annotations

from journey.errors import PolicyError
from journey.spec.model import EventType, Pathway, Policy, Transition

_NO_PARENT: tuple = ()


def _unique(items: list, kind: str, path: str) -> None:
    seen: dict[str, object] = {}
    for item in items:
        if item.id in seen:
            raise PolicyError("duplicate_id", f"{kind} {item.id!r} is defined twice", path=path,
                              line=getattr(item, "line", None))
        seen[item.id] = item


def _extend(pathways: list[Pathway], file, path: str) -> list[Pathway]:
    by_id = {p.id: p for p in pathways}
    for ext in file.extend_pathways:
        base = by_id.get(ext.id)
        if base is None:
            raise PolicyError("unknown_pathway", f"extend_pathways: no inherited pathway {ext.id!r}",
                              path=path, line=ext.line)
        states = base.states + ext.states
        by_id[ext.id] = base.model_copy(update={
            "states": states,
            "transitions": base.transitions + _every_state(ext.transitions, tuple(s.id for s in states)),
        })
    return list(by_id.values())


def _every_state(transitions: tuple[Transition, ...], states: tuple[str, ...]) -> tuple[Transition, ...]:
    """Expand an extension's ``from: '*'`` to every state of the extended pathway (inherited and
    added), which the extension's own file cannot know."""
    return tuple(t.model_copy(update={"source": states}) if t.source == ("*",) else t for t in transitions)


def layer(parent: Policy | None, file, base_vocabulary: dict[str, EventType]) -> Policy:
    """Return ``file`` layered on ``parent`` (``None`` for a baseline policy)."""
    vocabulary = dict(parent.vocabulary if parent else base_vocabulary)
    for name in sorted(set(file.events) & set(vocabulary)):
        raise PolicyError("duplicate_id", f"event {name!r} is already in the vocabulary; a policy may "
                          "add events, not redefine them", path=file.path)
    vocabulary.update({name: ev.model_copy(update={"name": name}) for name, ev in file.events.items()})
    own = [p.model_copy(update={"defined_by": file.id}) for p in file.pathways]
    pathways = list(parent.pathways if parent else _NO_PARENT) + own
    _unique(pathways, "pathway", file.path)
    pathways = _extend(pathways, file, file.path)
    rules = list(parent.rules if parent else _NO_PARENT) + list(file.rules)
    _unique(rules, "rule", file.path)
    return Policy(
        id=file.id,
        title=file.title,
        description=file.description,
        extends=file.extends,
        lineage=(parent.lineage if parent else ()) + (file.id,),
        pathways=tuple(pathways),
        rules=tuple(rules),
        vocabulary=vocabulary,
        unmodelled=(parent.unmodelled if parent else ()) + file.unmodelled,
    )
