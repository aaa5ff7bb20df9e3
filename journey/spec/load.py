"""Read policy YAML into the IR: the only reader of ``journey/policies/``.

Each file is validated on its own (so a schema error names that file and line), then layered
onto the policy it ``extends`` and checked as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from journey.errors import PolicyError
from journey.spec.guards import GuardSyntaxError
from journey.spec.model import EventType, Fact, Model, Pathway, Policy, Rule, State, Transition, Unmodelled
from journey.spec.yaml_lines import line_of, load_with_lines

POLICY_DIR = Path(str(resources.files("journey") / "policies"))
VOCABULARY_FILE = POLICY_DIR / "vocabulary.yaml"


class PathwayExtension(Model):
    """A local addition to an inherited pathway: extra states and transitions only."""

    id: str
    states: tuple[State, ...] = ()
    transitions: tuple[Transition, ...] = ()
    line: int | None = None
    origin: str = ""


class PolicyPart(Model):
    """One file of a policy directory: any of the sections, no header."""

    events: dict[str, EventType] = {}
    pathways: tuple[Pathway, ...] = ()
    extend_pathways: tuple[PathwayExtension, ...] = ()
    rules: tuple[Rule, ...] = ()
    unmodelled: tuple[Unmodelled, ...] = ()


class PolicyFile(Model):
    """One policy as written (a file, or a directory of parts), before layering."""

    id: str
    title: str
    description: str = ""
    extends: str | None = None
    events: dict[str, EventType] = {}
    pathways: tuple[Pathway, ...] = ()
    extend_pathways: tuple[PathwayExtension, ...] = ()
    rules: tuple[Rule, ...] = ()
    unmodelled: tuple[Unmodelled, ...] = ()
    path: str = ""


HEADER = "policy.yaml"


def available_policies() -> list[str]:
    """Names of the policies shipped with journey (a ``name.yaml`` file or a ``name/`` directory)."""
    files = {p.stem for p in POLICY_DIR.glob("*.yaml") if p.stem != "vocabulary"}
    dirs = {p.parent.name for p in POLICY_DIR.glob(f"*/{HEADER}")}
    return sorted(files | dirs)


def resolve(name_or_path: str | Path) -> Path:
    """A shipped policy name (``england``) or a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"} or (candidate / HEADER).is_file():
        if not (candidate.is_file() or (candidate / HEADER).is_file()):
            raise PolicyError("unknown_policy", f"no policy file at {candidate}")
        return candidate.resolve()
    for shipped in (POLICY_DIR / f"{name_or_path}.yaml", POLICY_DIR / str(name_or_path)):
        if str(name_or_path) != "vocabulary" and (shipped.is_file() or (shipped / HEADER).is_file()):
            return shipped.resolve()
    known = ", ".join(available_policies())
    raise PolicyError("unknown_policy", f"unknown policy {str(name_or_path)!r}; known: {known}")


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(POLICY_DIR.parent.parent))
    except ValueError:
        return str(path)


def _read_yaml(path: Path) -> tuple[Any, dict]:
    try:
        return load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PolicyError("yaml_syntax", str(problem), path=_display(path), line=line) from None


def _walk(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Turn a pydantic error location into a path through the raw YAML data."""
    path: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            continue
        path.append(part)
    return tuple(path)


def _schema_error(exc: ValidationError, data: Any, lines: dict, path: Path) -> PolicyError:
    err = exc.errors(include_url=False)[0]
    raw_path = _walk(data, tuple(err["loc"]))
    field = ".".join(str(p) for p in raw_path) or "(top level)"
    cause = (err.get("ctx") or {}).get("error")
    code = "guard_syntax" if isinstance(cause, GuardSyntaxError) else "schema"
    message = str(cause) if cause is not None else err["msg"]
    return PolicyError(code, f"{field}: {message}", path=_display(path), line=line_of(lines, raw_path))


def _expand(data: dict[str, Any], lines: dict, origin: str) -> dict[str, Any]:
    """Normalise conveniences before validation: ``from: x`` → ``[x]``, ``from: '*'`` → all
    states, and record each item's line."""
    data = dict(data)
    if isinstance(data.get("events"), dict):  # an event's name is its key
        data["events"] = {name: _with_roles({"name": name, **body}, load_roles()) if isinstance(body, dict) else body
                          for name, body in data["events"].items()}
    for key in ("pathways", "extend_pathways", "rules"):
        items = data.get(key) or []
        if not isinstance(items, list):
            continue
        data[key] = [_with_line(item, lines, (key, i), origin) for i, item in enumerate(items)]
    for key in ("pathways", "extend_pathways"):
        data[key] = [_expand_pathway(p, lines, (key, i), origin, extension=key == "extend_pathways")
                     for i, p in enumerate(data.get(key) or [])]
    return data


def _with_line(item: Any, lines: dict, path: tuple[Any, ...], origin: str) -> Any:
    if isinstance(item, dict) and "line" not in item:
        return {**item, "line": lines.get(path), "origin": origin}
    return item


def _expand_pathway(pathway: Any, lines: dict, path: tuple[Any, ...], origin: str,
                    extension: bool = False) -> Any:
    """An extension keeps ``from: '*'`` as ``['*']``: only layering knows the inherited states."""
    if not isinstance(pathway, dict):
        return pathway
    states = [s.get("id") for s in pathway.get("states") or [] if isinstance(s, dict)]
    out = []
    for i, t in enumerate(pathway.get("transitions") or []):
        if isinstance(t, dict):
            t = _with_line(t, lines, path + ("transitions", i), origin)
            source = t.get("from")
            if source == "*":
                t = {**t, "from": ["*"] if extension else states}
            elif isinstance(source, str):
                t = {**t, "from": [source]}
        out.append(t)
    return {**pathway, "transitions": out}


def _validated(model: type[Model], path: Path, extra: dict[str, Any]) -> Any:
    data, lines = _read_yaml(path)
    if not isinstance(data, dict):
        raise PolicyError("schema", "a policy file must be a mapping", path=_display(path), line=1)
    try:
        return model.model_validate({**_expand(data, lines, _display(path)), **extra})
    except ValidationError as exc:
        raise _schema_error(exc, data, lines, path) from None


def _no_redefinition(have: dict[str, Any], new: dict[str, Any], path: Path) -> None:
    for name in sorted(set(have) & set(new)):
        raise PolicyError("duplicate_id", f"event {name!r} is defined in two part files", path=_display(path))


def read_policy_file(path: Path) -> PolicyFile:
    """Validate one policy (a file, or a directory of parts) file by file; errors name the file,
    line and field."""
    if path.is_file():
        return _validated(PolicyFile, path, {"path": _display(path)})
    header: PolicyFile = _validated(PolicyFile, path / HEADER, {"path": _display(path)})
    parts = [_validated(PolicyPart, p, {}) for p in sorted(path.glob("*.yaml")) if p.name != HEADER]
    merged: dict[str, Any] = {key: getattr(header, key) for key in PolicyPart.model_fields}
    for part in parts:
        for key in PolicyPart.model_fields:
            value = getattr(part, key)
            if isinstance(value, dict):
                _no_redefinition(merged[key], value, path)
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = merged[key] + value
    return header.model_copy(update=merged)


def _with_roles(event: dict[str, Any], roles: tuple[str, ...]) -> dict[str, Any]:
    """A field of ``type: role`` is an enum of the vocabulary's one list of roles, so the list is
    written once however many events record who decided."""
    fields = event.get("fields")
    if not isinstance(fields, dict):
        return event
    expanded = {name: {**body, "type": "enum", "values": list(roles)}
                if isinstance(body, dict) and body.get("type") == "role" else body
                for name, body in fields.items()}
    return {**event, "fields": expanded}


@lru_cache(maxsize=8)
def _vocabulary_document(path: Path) -> tuple[Any, dict]:
    """The vocabulary file, read once for its roles, facts and events."""
    return _read_yaml(path)


@lru_cache(maxsize=8)
def load_roles(path: Path = VOCABULARY_FILE) -> tuple[str, ...]:
    """The roles a ``type: role`` field may take (the vocabulary's ``roles:`` list)."""
    data, _ = _vocabulary_document(path)
    roles = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise PolicyError("schema", "expected a list of role names 'roles:'", path=_display(path), line=1)
    return tuple(roles)


@lru_cache(maxsize=8)
def load_facts(path: Path = VOCABULARY_FILE) -> dict[str, Fact]:
    """The derived child facts guards may read (the vocabulary's ``facts:``)."""
    data, lines = _vocabulary_document(path)
    facts = data.get("facts") if isinstance(data, dict) else None
    out = {}
    for name, body in (facts or {}).items():
        try:
            out[name] = Fact.model_validate(body)
        except ValidationError as exc:
            raise _schema_error(exc, data, lines, path) from None
    return out


@lru_cache(maxsize=8)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, EventType]:
    """The controlled event vocabulary shared by every policy."""
    data, lines = _vocabulary_document(path)
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, dict):
        raise PolicyError("schema", "expected a mapping 'events:'", path=_display(path), line=1)
    roles = load_roles(path)
    out = {}
    for name, body in events.items():
        try:
            out[name] = EventType.model_validate(_with_roles({"name": name, **(body or {})}, roles))
        except ValidationError as exc:
            raise _schema_error(exc, data, lines, path) from None
    return out


Readings = tuple[tuple[str, str], ...]
"""Selected interpretations as sorted (rule id, interpretation id) pairs: hashable, for the cache."""


def _load(path: Path, readings: Readings = ()) -> Policy:
    from journey.spec.checks import check_policy
    from journey.spec.interpretations import apply_interpretations
    from journey.spec.layering import layer

    chain = _chain(path)
    policy: Policy | None = None
    for file in chain:
        policy = layer(policy, file, load_vocabulary())
    assert policy is not None
    policy = policy.model_copy(update={"facts": load_facts()})
    if readings:
        policy = apply_interpretations(policy, dict(readings))
    notes = policy.issues
    checked = check_policy(policy)
    return checked.model_copy(update={"issues": notes + checked.issues}) if notes else checked


def _chain(path: Path) -> list[PolicyFile]:
    """The files from the baseline down to ``path``, following ``extends``."""
    chain: list[PolicyFile] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None:
        if current in seen:
            raise PolicyError("extends_cycle", f"'extends' loops back to {current.stem}",
                              path=_display(current))
        seen.add(current)
        file = _read_shipped(current) if _is_shipped(current) else read_policy_file(current)
        chain.append(file)
        current = resolve(file.extends) if file.extends else None
    return list(reversed(chain))


def _is_shipped(path: Path) -> bool:
    return path.parent == POLICY_DIR.resolve()


@lru_cache(maxsize=32)
def _read_shipped(path: Path) -> PolicyFile:
    """A shipped policy as written, parsed once: re-reading it under other interpretations then
    costs only the layering and the checks, not the YAML parse."""
    return read_policy_file(path)


@lru_cache(maxsize=32)
def _load_shipped(path: Path, readings: Readings = ()) -> Policy:
    return _load(path, readings)


def load_policy(name_or_path: str | Path = "england",
                interpretations: Mapping[str, str] | None = None) -> Policy:
    """Load, layer and check a policy by shipped name or file path.

    ``interpretations`` maps a rule id to the id of another reading of its source (see
    :mod:`journey.spec.interpretations`); the rule is rebuilt from that reading's overrides
    before the policy is checked. Shipped policies are cached per set of readings (they cannot
    change while journey runs); a user's file is read afresh each time, so an edited draft is
    never answered from a stale copy."""
    path = resolve(name_or_path)
    readings: Readings = tuple(sorted((interpretations or {}).items()))
    if _is_shipped(path):
        return _load_shipped(path, readings)
    return _load(path, readings)
