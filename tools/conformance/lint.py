"""Lint of the rule corpus: registry, clause list, rule sources, mutants and docs must agree.

Fails when a rule has no test, a test names an unregistered rule, a rule names a clause
paragraph that is not in docs/spec/clauses.md (or one that is not normative), a rule
source lacks its metadata header, a registry entry is malformed, or a rule is expected to
fail on no mutant. The editions and capabilities are declared once, in the registry; a list
of them anywhere else (the clause list, capabilities.hpp, docs/adapters.md) that has gone
stale fails, and so does a contract version in docs/adapters.md or in the mutants' kit that
differs from conformance/harness/contract.hpp. The docs must stand on their own: a rule id
cited in them must exist, and no path may lead outside the repository. With --coverage
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
# A rule id as docs cite it (not a path such as rules/async.post/handler_not_invoked_inside_post.cc,
# nor a test label such as asio-1.22/async.reqmts.async.completion/completion).
CITED_RULE = re.compile(r"(?<![\w/.-])((?:async|asio)\.[a-z0-9.]*[a-z0-9]/[a-z0-9]+(?:-[a-z0-9]+)*)(?![\w./-])")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s#]+)")
# Places a reader of the repository does not have.
OUTSIDE_PATHS = re.compile(r"(\.\./shared\b|/work/|shared/spec|shared/notes)")
CONTRACT_CONSTANT = re.compile(r"contract_version\s*=\s*(\d+)")
CONTRACT_MACRO = re.compile(r"#define\s+CONFORMANCE_CONTRACT_VERSION\s+(\d+)")
CONTRACT_IN_DOCS = re.compile(r"Contract version: \*\*(\d+)\*\*")
CAPABILITY_MACRO = re.compile(r"\bCONFORMANCE_HAS_([A-Z_]+)\b")


def capability_macro(capability):
    return "CONFORMANCE_HAS_" + capability.upper()


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


def check_entry(rule, clauses, rules_dir, editions, capabilities):
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
    if not rule["editions"] or any(e not in editions for e in rule["editions"]):
        errors.append(f"{where}: editions must be a non-empty subset of {', '.join(editions)}")
    if rule["kind"] not in registry.KINDS:
        errors.append(f"{where}: kind must be one of {', '.join(registry.KINDS)}")
    if rule["kind"] == "compile-fail" and not rule.get("diagnostic"):
        errors.append(f"{where}: compile-fail rules need the expected diagnostic")
    if rule["strength"] not in registry.STRENGTHS:
        errors.append(f"{where}: strength must be one of {', '.join(registry.STRENGTHS)}")
    if any(c not in capabilities for entry in rule["requires"] for c in entry.split("|")):
        errors.append(f"{where}: requires names an unknown capability (known: {', '.join(capabilities)})")
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


def check_clause_editions(clauses, editions, path):
    """Every edition a clause row names is one the registry declares."""
    unknown = sorted({e for row in clauses.values() for e in row["editions"] if e not in editions})
    return [f"{path}: names edition {e}, which the registry does not declare" for e in unknown]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def check_capabilities_header(path, capabilities):
    """The header defaults exactly the registry's capabilities, each under its macro."""
    declared = set(CAPABILITY_MACRO.findall(read(path)))
    wanted = {c.upper() for c in capabilities}
    errors = [f"{path}: lacks {capability_macro(c.lower())} for capability {c.lower()}" for c in sorted(wanted - declared)]
    errors += [f"{path}: declares CONFORMANCE_HAS_{c}, which is not a capability in the registry"
               for c in sorted(declared - wanted)]
    return errors


def contract_version(path):
    match = CONTRACT_CONSTANT.search(read(path))
    return int(match.group(1)) if match else None


def check_contract_versions(contract_header, adapters, mutant_kit):
    """docs/adapters.md and the mutants' kit state the version contract.hpp implements."""
    version = contract_version(contract_header)
    if version is None:
        return [f"{contract_header}: no contract_version constant"]
    errors = []
    for path, pattern in ((adapters, CONTRACT_IN_DOCS), (mutant_kit, CONTRACT_MACRO)):
        if not path:
            continue
        match = pattern.search(read(path))
        if not match or int(match.group(1)) != version:
            stated = match.group(1) if match else "none"
            errors.append(f"{path}: states contract version {stated}; {contract_header} implements {version}")
    return errors


def check_adapters(path, editions, capabilities):
    """The plug-in contract's documentation names every edition and capability macro."""
    text = read(path)
    errors = [f"{path}: does not name edition {e}" for e in editions if e not in text]
    errors += [f"{path}: does not name {capability_macro(c)}" for c in capabilities if capability_macro(c) not in text]
    documented = set(CAPABILITY_MACRO.findall(text))
    errors += [f"{path}: names CONFORMANCE_HAS_{c}, which is not a capability in the registry"
               for c in sorted(documented - {c.upper() for c in capabilities})]
    return errors


def check_edition_capabilities(required, editions, capabilities):
    """EDITION_CAPABILITIES names each edition once, and only known capabilities."""
    errors = [f"EDITION_CAPABILITIES lacks edition {e}" for e in editions if e not in required]
    errors += [f"EDITION_CAPABILITIES names {e}, which is not an edition" for e in required if e not in editions]
    errors += [f"EDITION_CAPABILITIES[{e!r}] names {c}, which is not a capability"
               for e, needed in required.items() for c in needed if c not in capabilities]
    return errors


def check_docs(paths, rules, root):
    """Rule ids cited in the docs exist; no path or link leads outside the repository."""
    errors = []
    root = os.path.abspath(root)
    for path in paths:
        text = read(path)
        where = os.path.relpath(path, root)
        for cited in sorted(set(CITED_RULE.findall(text)) - set(rules)):
            errors.append(f"{where}: cites rule {cited}, which is not registered")
        for outside in sorted(set(OUTSIDE_PATHS.findall(text))):
            errors.append(f"{where}: refers to {outside}, which is outside the repository")
        for link in MARKDOWN_LINK.findall(text):
            if "://" in link or link.startswith("mailto:"):
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), link))
            if os.path.isabs(link) or os.path.commonpath([root, target]) != root:
                errors.append(f"{where}: links to {link}, which is outside the repository")
    return errors


def unproven(rules, mutant_expectations):
    """Rules that no mutant's expectations require to FAIL (or CRASH/TIMEOUT): rules never
    seen to fail on a deliberately broken library."""
    proven = set()
    for path in mutant_expectations:
        proven |= {e.rule for e in registry.load_expectations(path) if e.verdict in registry.FAILING_VERDICTS}
    return [r for r in rules if r not in proven]


def uncovered(rules, clauses, prefix):
    """Normative rows without a rule, of the clause `prefix` and its sub-clauses, or of that
    clause alone when `prefix` ends in "$" ("async.executor$" leaves out async.executor.arg)."""
    covered = {(r["clause"], r["paragraph"]) for r in rules.values()}
    exact = prefix.endswith("$")
    prefix = prefix.rstrip("$")
    return sorted(k for k, v in clauses.items()
                  if v["status"] == "normative"
                  and (k[0] == prefix or (not exact and k[0].startswith(prefix + ".")))
                  and k not in covered)


# The fixture lists that give a third party's executor a role (conformance/harness/executor_roles.hpp).
ROLE_FIXTURE_LISTS = re.compile(
    r"handler_executors::(?:all|distinct|recording)\b|io_executors::all\b|checks::work_observing_fixtures\b")


def check_scoped_units(listed, rules_dir, directory="conformance/harness/scoped/", list_name="SCOPED_UNITS"):
    """`list_name` must name exactly the rule units that include a header of `directory`:
    another unit would not find it (a compile error that is no fault of the library)."""
    using = set()
    for root, _, files in os.walk(rules_dir):
        for name in files:
            if name.endswith(".cc"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    if f'#include "{directory}' in f.read():
                        using.add(os.path.relpath(os.path.join(root, name), rules_dir))
    errors = [f"{u} includes a header of {directory} but is not in {list_name}"
              for u in sorted(using - set(listed))]
    errors += [f"{list_name} names {u}, which includes no header of {directory}"
               for u in sorted(set(listed) - using)]
    return errors


def check_executor_role_units(listed, rules_dir):
    """EXECUTOR_ROLE_UNITS must name exactly the rule units that use a role-bearing fixture list."""
    using = set()
    for root, _, files in os.walk(rules_dir):
        for name in files:
            if name.endswith(".cc"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    if ROLE_FIXTURE_LISTS.search(f.read()):
                        using.add(os.path.relpath(os.path.join(root, name), rules_dir))
    errors = [f"{u}: uses a fixture list with role fixtures (handler_executors::all/distinct/recording, "
              f"io_executors::all) but is not in EXECUTOR_ROLE_UNITS"
              for u in sorted(using - set(listed))]
    errors += [f"EXECUTOR_ROLE_UNITS names {u}, which uses no role-bearing fixture list" for u in sorted(set(listed) - using)]
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--registry", default="conformance/registry.bzl")
    parser.add_argument("--clauses", default="docs/spec/clauses.md")
    parser.add_argument("--rules-dir", default="conformance/rules")
    parser.add_argument("--capabilities-header", default="conformance/harness/capabilities.hpp")
    parser.add_argument("--contract-header", default="conformance/harness/contract.hpp")
    parser.add_argument("--mutant-kit", default="conformance/mutants/kit/library.hpp",
                        help="the kit header that states the mutants' contract version")
    parser.add_argument("--adapters", default="docs/adapters.md")
    parser.add_argument("--docs", nargs="*", default=[], help="Markdown files whose citations and paths are checked")
    parser.add_argument("--root", default=".", help="the repository's root, which no doc may lead out of")
    parser.add_argument("--mutant-expectations", nargs="*", default=[],
                        help="the mutants' expectations files; every rule must be expected to fail on a mutant")
    parser.add_argument("--coverage", action="append", default=[], help="clause whose normative paragraphs (and its sub-clauses', unless it ends in $) must all have a rule")
    parser.add_argument("--show-coverage", action="append", default=[], help="clause whose uncovered paragraphs are listed (no failure)")
    args = parser.parse_args()

    rules = registry.load_rules(args.registry)
    editions = registry.load_editions(args.registry)
    capabilities = registry.load_capabilities(args.registry)
    clauses = load_clauses(args.clauses)
    errors = []
    if not clauses:
        errors.append(f"{args.clauses}: no clause rows found")
    for rule in rules.values():
        errors += check_entry(rule, clauses, args.rules_dir, editions, capabilities)
    errors += check_sources(rules, args.rules_dir)
    errors += check_executor_role_units(registry.load_executor_role_units(args.registry), args.rules_dir)
    errors += check_scoped_units(registry.load_scoped_units(args.registry), args.rules_dir)
    errors += check_scoped_units(registry.load_cancellation_units(args.registry), args.rules_dir,
                                 "conformance/harness/cancellation/", "CANCELLATION_UNITS")
    errors += check_scoped_units(registry.load_immediate_units(args.registry), args.rules_dir,
                                 "conformance/harness/immediate/", "IMMEDIATE_UNITS")
    errors += check_clause_editions(clauses, editions, args.clauses)
    errors += check_capabilities_header(args.capabilities_header, capabilities)
    errors += check_contract_versions(args.contract_header, args.adapters, args.mutant_kit)
    errors += check_adapters(args.adapters, editions, capabilities)
    errors += check_edition_capabilities(registry.load_edition_capabilities(args.registry), editions, capabilities)
    errors += check_docs(args.docs, rules, args.root)
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
    print(f"{len(rules)} rules, {len(clauses)} clause rows, {len(args.docs)} docs, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
