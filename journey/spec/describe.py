"""Rules in plain words, for ``journey rules``, ``journey explain`` and diagram labels.

One sentence per rule kind, built from the rule's data, so the words can never drift from what
the validator checks.
"""

from __future__ import annotations

from typing import assert_never

from journey.spec.compare import limit_words

from journey.spec.model import (AgeRule, CumulativeRule, DeadlineRule, EventMatch, GestationRule, GuardRule, LeadRule,
                                RecurringRule, Rule)


def _ev(m: EventMatch) -> str:
    words = m.event.replace("_", " ")
    return f"{words} (where {m.where})" if m.where is not None else words


def _then(rule: RecurringRule) -> str:
    then = rule.then
    if then is None:
        return ""
    when = [text for present, text in (
        (then.after is not None, f"after {then.after.duration if then.after else ''}"),
        (then.on is not None, f"once {_ev(then.on) if then.on else ''}"),
        (then.at_age is not None, f"from age {then.at_age}"),
    ) if present]
    return f"; then every {then.every.duration} ({' or '.join(when)})"


def _after_into(rule: DeadlineRule | LeadRule) -> str:
    """The states a deadline's start or a lead rule's later event must leave its pathway in."""
    return f" that leaves {rule.pathway} {' or '.join(rule.while_in)}" if rule.while_in else ""


def describe_rule(rule: Rule) -> str:
    """One plain-English sentence saying what the rule requires."""
    match rule:
        case DeadlineRule():
            when = "within" if rule.limit.bound == "max" else "not before"
            return f"{_ev(rule.end)} {when} {rule.limit.duration} of {_ev(rule.start)}{_after_into(rule)}"
        case RecurringRule():
            first = (f"; the first within {rule.first.within.duration} of "
                     f"{_ev(rule.first.after) if rule.first.after else 'entering it'}" if rule.first else "")
            until = f", until the child is {rule.until_age}" if rule.until_age else ""
            return (f"{_ev(rule.event)} at least every {rule.every.duration} while "
                    f"{rule.pathway} is {' or '.join(rule.while_in)}{first}{_then(rule)}{until}")
        case AgeRule():
            return f"{_ev(rule.end)} within {rule.within.duration} of the child attaining {rule.age}"
        case GestationRule():
            return f"{_ev(rule.end)} by gestation week {rule.week}"
        case LeadRule():
            when = limit_words(rule)
            since = f", since the last {' or '.join(_ev(m) for m in rule.since)}" if rule.since else ""
            return f"{_ev(rule.event)} {when} each {_ev(rule.before)}{_after_into(rule)}{since}"
        case CumulativeRule():
            return (f"at most {rule.limit.duration} in all while {rule.pathway} is {' or '.join(rule.while_in)}, "
                    f"in any {rule.window.duration}")
        case GuardRule():
            return f"whenever {_ev(rule.event)}: {rule.require}"
        case _:
            assert_never(rule)
