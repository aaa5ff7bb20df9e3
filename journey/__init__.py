"""journey — the statutory child journey in England's children's social care as state machines.

A small public API; everything else is reachable through its module.
"""

from journey.cases import Case, read_cases
from journey.spec.load import load_policy
from journey.spec.model import Policy
from journey.validator import validate, validate_many
from journey.validator.findings import Finding, Verdict

__all__ = ["load_policy", "read_cases", "validate", "validate_many", "Policy", "Case", "Verdict", "Finding"]
__version__ = "0.1.0"
