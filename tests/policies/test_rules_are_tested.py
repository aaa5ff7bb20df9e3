"""Every rule of every shipped policy is named in some test (by its id, or by the name after its
area, as the policy tests build ids from a prefix), so a rule added without a test is caught.
It does not prove the test is good: the per-pathway and per-policy tests do that."""

from pathlib import Path

import pytest

from journey.spec.load import available_policies, load_policy

TESTS = Path(__file__).resolve().parents[1]
TEXT = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("*.py") if p.name != Path(__file__).name)


@pytest.mark.parametrize("name", available_policies())
def test_every_rule_is_named_in_a_test(name):
    policy = load_policy(name)
    own = [r.id for r in policy.rules if r.id.startswith(f"{name}.")]
    untested = [rid for rid in own if rid not in TEXT and rid.split(".", 1)[1] not in TEXT
                and f'"{rid.rsplit(".", 1)[1]}' not in TEXT and f'{rid.rsplit(".", 1)[1]}"' not in TEXT]
    assert own and untested == []
