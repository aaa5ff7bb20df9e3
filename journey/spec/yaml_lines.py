"""Safe YAML that cannot mangle names and remembers where everything was written.

PyYAML's ``SafeLoader`` follows YAML 1.1, where ``no``, ``off`` and ``yes`` become booleans and
``2024-01-01`` becomes a date. Policy ids must stay strings, so this loader only knows
``true``/``false`` as booleans and keeps dates as text. It also returns a map from each value's
path (``("rules", 3, "limit")``) to its line, so errors can say ``policies/surrey.yaml:212``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

Path_ = tuple[Any, ...]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans and no implicit timestamps."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _construct(loader: _StrictLoader, node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag!r} is not allowed",
                                                node.start_mark)
    if isinstance(node, yaml.MappingNode):
        own = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
        loader.flatten_mapping(node)  # resolve '<<' merge keys: merged pairs come first
        merged = len(node.value) - own
        out: dict[Any, Any] = {}
        explicit: set[Any] = set()
        for i, (key_node, value_node) in enumerate(node.value):
            key = loader.construct_object(key_node, deep=True)
            if i >= merged:  # a key written here may override a merged one, not another written one
                if key in explicit:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark)
                explicit.add(key)
            out[key] = _construct(loader, value_node, path + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, path + (i,), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_with_lines(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text safely; return the data and a path → line map."""
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = _construct(loader, root, (), lines) if root is not None else None
        return data, lines
    finally:
        loader.dispose()


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of the deepest recorded prefix of ``path``."""
    for end in range(len(path), -1, -1):
        if (found := lines.get(tuple(path[:end]))) is not None:
            return found
    return None
