"""Reading the rule registry (conformance/registry.bzl: the rules, and the editions and
capabilities they refer to, declared there once) and target expectations files."""

import ast
import dataclasses
import re

VERDICTS = ("PASS", "FAIL", "ADVISORY", "CRASH", "TIMEOUT", "COMPILE_FAIL", "UNSUPPORTED")
# Verdicts that show a rule's check did not hold: what a mutant must cause.
FAILING_VERDICTS = ("FAIL", "ADVISORY", "CRASH", "TIMEOUT")
KINDS = ("runtime", "compile-pass", "compile-fail")
STRENGTHS = ("shall", "should", "may")


def _literal_assignments(path):
    """The top-level NAME = <literal> assignments of a Starlark file, as Python values."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), filename=path)
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def load_editions(path):
    """The registry's EDITIONS, oldest first."""
    return list(_literal_assignments(path)["EDITIONS"])


def load_capabilities(path):
    """The registry's CAPABILITIES: what a binding may declare (CONFORMANCE_HAS_<NAME>)."""
    return list(_literal_assignments(path)["CAPABILITIES"])


def load_edition_capabilities(path):
    """The registry's EDITION_CAPABILITIES: {edition: the capabilities its text requires}."""
    return {edition: list(required) for edition, required in _literal_assignments(path)["EDITION_CAPABILITIES"].items()}


def check_edition(edition, path):
    """Raises ValueError unless `edition` is one of the registry's editions."""
    editions = load_editions(path)
    if edition not in editions:
        raise ValueError(f"unknown edition {edition!r} (one of {', '.join(editions)})")


def load_rules(path):
    """The registry's RULES list, keyed by rule id (insertion order kept)."""
    rules = {}
    for entry in _literal_assignments(path)["RULES"]:
        if entry["id"] in rules:
            raise ValueError(f"{path}: rule {entry['id']} is registered twice")
        rules[entry["id"]] = entry
    return rules


def load_scoped_units(path):
    """The registry's SCOPED_UNITS: the rule units given the scoped harness headers."""
    return list(_literal_assignments(path).get("SCOPED_UNITS", []))


def load_cancellation_units(path):
    """The registry's CANCELLATION_UNITS: the rule units given conformance/harness/cancellation/."""
    return list(_literal_assignments(path).get("CANCELLATION_UNITS", []))


def load_immediate_units(path):
    """The registry's IMMEDIATE_UNITS: the rule units given conformance/harness/immediate/."""
    return list(_literal_assignments(path).get("IMMEDIATE_UNITS", []))


def load_executor_role_units(path):
    """The registry's EXECUTOR_ROLE_UNITS: the rule units built in conformance_executor() targets."""
    return list(_literal_assignments(path).get("EXECUTOR_ROLE_UNITS", []))


def clause_reference(rule):
    return f"[{rule['clause']}] {rule['paragraph']}"


@dataclasses.dataclass(frozen=True)
class Expectation:
    rule: str
    operation: str  # "*" for every operation
    verdict: str
    reason: str
    line: int


_EXPECTATION = re.compile(r"^(\S+)\s+(\S+)\s+(\S+)\s+(\S.*)$")


def load_expectations(path):
    """Parses an expectations file; raises ValueError naming the line on malformed input."""
    expectations = []
    # A byte that is not UTF-8 in a reason must not stop the gate: it is shown as U+FFFD.
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            match = _EXPECTATION.match(line)
            if not match:
                raise ValueError(f"{path}:{number}: expected '<rule> <operation|*> <VERDICT> <reason>'")
            rule, operation, verdict, reason = match.groups()
            if verdict not in VERDICTS or verdict == "PASS":
                raise ValueError(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS[1:])}")
            expectations.append(Expectation(rule, operation, verdict, reason, number))
    return expectations


def expected_verdict(expectations, rule, operation):
    """The expectation that applies to one case: an exact operation beats '*'."""
    exact = [e for e in expectations if e.rule == rule and e.operation == operation]
    wildcard = [e for e in expectations if e.rule == rule and e.operation == "*"]
    chosen = exact or wildcard
    return chosen[0] if chosen else None
