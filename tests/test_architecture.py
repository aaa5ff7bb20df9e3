"""The shape of the package: imports run one way, heavy dependencies stay where they belong,
and the public API is small and deliberate."""

import ast
from pathlib import Path

import journey

PACKAGE = Path(journey.__file__).parent

# Lower layers may not import higher ones: cli → validator/verify/testing → compilers/cases → spec → calendar.
LAYER = {"calendar": 0, "errors": 0, "spec": 1, "cases": 2, "compilers": 2,
         "validator": 3, "verify": 3, "testing": 3, "walk": 3, "mutate": 3, "simulate": 3, "policy_diff": 3,
         "cli": 4, "__init__": 5, "policies": 0}

# Third-party packages confined to one place each.
CONFINED = {"holidays": {"calendar/england.py"}, "transitions": {"compilers/machines.py"},
            "hypothesis": {"testing.py"}, "yaml": {"spec/yaml_lines.py", "spec/load.py"},
            "typer": {"cli.py"}, "rich": {"cli.py"}, "networkx": {"compilers/graph.py", "verify.py"},
            "pygraphviz": {"compilers/diagram.py"}}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        yield rel, ast.parse(path.read_text())


def imported(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def layer_of(rel: Path) -> int:
    top = rel.parts[0].removesuffix(".py")
    return LAYER[top]


def test_imports_run_one_way():
    problems = []
    for rel, tree in modules():
        mine = layer_of(rel)
        for name in imported(tree):
            if name.startswith("journey.") and name != "journey":
                target = name.split(".")[1]
                if LAYER[target] > mine:
                    problems.append(f"{rel} imports {name}")
    assert problems == []


def test_third_party_packages_stay_confined():
    problems = []
    for rel, tree in modules():
        for name in imported(tree):
            top = name.split(".")[0]
            if top in CONFINED and rel.as_posix() not in CONFINED[top]:
                problems.append(f"{rel} imports {top}")
    assert problems == []


def test_no_eval_or_exec_anywhere():
    for rel, tree in modules():
        calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert not calls & {"eval", "exec", "compile"}, rel


def test_public_api_is_small_and_importable():
    assert journey.__all__ == ["load_policy", "read_cases", "validate", "validate_many", "Policy", "Case",
                               "Verdict", "Finding"]
    for name in journey.__all__:
        assert getattr(journey, name) is not None
    assert not [n for n in journey.__all__ if n.startswith("_")]


def test_every_finding_kind_is_documented():
    from journey.validator.findings import FINDING_KINDS
    readme = (PACKAGE.parent / "README.md").read_text()
    for kind in FINDING_KINDS:
        assert f"`{kind}`" in readme, kind


def test_every_policy_error_code_has_a_docs_heading():
    from typing import get_args

    from journey.errors import PolicyErrorCode
    docs = (PACKAGE.parent / "docs" / "policies.md").read_text()
    for code in get_args(PolicyErrorCode):
        assert f"\n### {code}\n" in docs, code
