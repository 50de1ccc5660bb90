"""Lint of the rule corpus: registry, clause list and rule sources must agree.

Fails when a rule has no test, a test names an unregistered rule, a rule names a clause
paragraph that is not in docs/spec/clauses.md (or one that is not normative), a rule
source lacks its metadata header, or a registry entry is malformed. With --coverage
CLAUSE, also fails when a normative paragraph of CLAUSE (or of its sub-clauses) has no rule.
"""

import argparse
import os
import re
import sys

from tools.conformance import registry

RULE_ID = re.compile(r"^(?P<clause>[a-z0-9.]+)/(?P<slug>[a-z0-9]+(-[a-z0-9]+)*)$")
RULE_CALL = re.compile(r'CONFORMANCE_RULE(?:_MATRIX)?\(\s*"([^"]+)"')
METADATA_RULE = re.compile(r"^// rule:\s+(\S+)\s*$", re.M)
METADATA_CLAUSE = re.compile(r"^// clause:\s+\[([a-z0-9.]+)\]\s+(\S+)", re.M)
REQUIRED_KEYS = ("id", "clause", "paragraph", "editions", "kind", "strength", "source", "requires", "summary")
CAPABILITIES = ("ts_executors", "standard_executors", "cancellation", "bind_allocator", "immediate_executor")


def load_clauses(path):
    """{(clause, paragraph): {"status", "editions"}} from the clause list's tables."""
    clauses = {}
    row = re.compile(r"^\|\s*([a-z][a-z0-9.]*)\s*\|\s*([^|]+?)\s*\|\s*([a-z]+)\s*\|\s*([^|]*?)\s*\|")
    with open(path, encoding="utf-8") as f:
        for line in f:
            match = row.match(line)
            if match and match.group(1) != "clause":
                clause, paragraph, status, editions = match.groups()
                clauses[(clause, paragraph)] = {"status": status, "editions": editions.split()}
    return clauses


def check_entry(rule, clauses, rules_dir):
    errors = []
    where = f"rule {rule.get('id', '?')}"
    missing = [k for k in REQUIRED_KEYS if k not in rule]
    if missing:
        return [f"{where}: missing keys {', '.join(missing)}"]
    match = RULE_ID.match(rule["id"])
    if not match:
        errors.append(f"{where}: id must be '<clause>/<kebab-case-slug>'")
    elif match.group("clause") != rule["clause"]:
        errors.append(f"{where}: id's clause part differs from clause {rule['clause']}")
    if not rule["editions"] or any(e not in registry.EDITIONS for e in rule["editions"]):
        errors.append(f"{where}: editions must be a non-empty subset of {', '.join(registry.EDITIONS)}")
    if rule["kind"] not in registry.KINDS:
        errors.append(f"{where}: kind must be one of {', '.join(registry.KINDS)}")
    if rule["kind"] == "compile-fail" and not rule.get("diagnostic"):
        errors.append(f"{where}: compile-fail rules need the expected diagnostic")
    if rule["strength"] not in registry.STRENGTHS:
        errors.append(f"{where}: strength must be one of {', '.join(registry.STRENGTHS)}")
    if any(c not in CAPABILITIES for c in rule["requires"]):
        errors.append(f"{where}: requires names an unknown capability (known: {', '.join(CAPABILITIES)})")
    if not rule["source"].startswith(rule["clause"] + "/"):
        errors.append(f"{where}: source must live in conformance/rules/{rule['clause']}/")
    if not os.path.isfile(os.path.join(rules_dir, rule["source"])):
        errors.append(f"{where}: source {rule['source']} does not exist")
    paragraph = clauses.get((rule["clause"], rule["paragraph"]))
    if paragraph is None:
        errors.append(f"{where}: [{rule['clause']}] {rule['paragraph']} is not in the clause list")
    elif paragraph["status"] != "normative":
        errors.append(f"{where}: [{rule['clause']}] {rule['paragraph']} is {paragraph['status']}, not normative")
    return errors


def check_sources(rules, rules_dir):
    errors = []
    by_source = {}
    for rule in rules.values():
        by_source.setdefault(rule["source"], []).append(rule)
    for root, _, files in os.walk(rules_dir):
        for name in sorted(files):
            if not name.endswith(".cc"):
                continue
            relative = os.path.relpath(os.path.join(root, name), rules_dir)
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            registered = by_source.get(relative)
            if not registered:
                errors.append(f"{relative}: no registered rule names this source")
                continue
            declared = set(METADATA_RULE.findall(text))
            for rule in registered:
                if rule["id"] not in declared:
                    errors.append(f"{relative}: metadata header lacks '// rule: {rule['id']}'")
            for name_ in declared - {r["id"] for r in registered}:
                errors.append(f"{relative}: metadata names {name_}, which is not registered for this source")
            clause_lines = METADATA_CLAUSE.findall(text)
            if not clause_lines:
                errors.append(f"{relative}: metadata header lacks '// clause: [<stable.name>] <paragraph>'")
            called = set(RULE_CALL.findall(text))
            for rule in registered:
                if rule["kind"] == "runtime" and rule["id"] not in called:
                    errors.append(f"{relative}: rule {rule['id']} has no CONFORMANCE_RULE test")
            for name_ in called - set(rules):
                errors.append(f"{relative}: CONFORMANCE_RULE(\"{name_}\") names an unregistered rule")
    return errors


def unproven(rules, mutant_expectations):
    """Rules that no mutant's expectations require to FAIL (or CRASH/TIMEOUT): rules never
    seen to fail on a deliberately broken library."""
    proven = set()
    for path in mutant_expectations:
        proven |= {e.rule for e in registry.load_expectations(path) if e.verdict in ("FAIL", "CRASH", "TIMEOUT")}
    return [r for r in rules if r not in proven]


def uncovered(rules, clauses, prefix):
    covered = {(r["clause"], r["paragraph"]) for r in rules.values()}
    return sorted(k for k, v in clauses.items()
                  if v["status"] == "normative" and (k[0] == prefix or k[0].startswith(prefix + "."))
                  and k not in covered)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--registry", default="conformance/registry.bzl")
    parser.add_argument("--clauses", default="docs/spec/clauses.md")
    parser.add_argument("--rules-dir", default="conformance/rules")
    parser.add_argument("--mutant-expectations", nargs="*", default=[],
                        help="the mutants' expectations files; every rule must be expected to fail on a mutant")
    parser.add_argument("--coverage", action="append", default=[], help="clause whose normative paragraphs must all have a rule")
    parser.add_argument("--show-coverage", action="append", default=[], help="clause whose uncovered paragraphs are listed (no failure)")
    args = parser.parse_args()

    rules = registry.load_rules(args.registry)
    clauses = load_clauses(args.clauses)
    errors = []
    if not clauses:
        errors.append(f"{args.clauses}: no clause rows found")
    for rule in rules.values():
        errors += check_entry(rule, clauses, args.rules_dir)
    errors += check_sources(rules, args.rules_dir)
    errors += [f"rule {r} is expected to fail on no mutant: it has never been seen to fail"
               for r in unproven(rules, args.mutant_expectations)]
    for prefix in args.coverage:
        errors += [f"[{c}] {p} is normative but has no rule" for c, p in uncovered(rules, clauses, prefix)]
    for prefix in args.show_coverage:
        missing = uncovered(rules, clauses, prefix)
        print(f"coverage of [{prefix}]: {len(missing)} normative paragraphs without a rule")
        for clause, paragraph in missing:
            print(f"  uncovered: [{clause}] {paragraph}")
    for error in errors:
        print("LINT: " + error)
    print(f"{len(rules)} rules, {len(clauses)} clause rows, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
