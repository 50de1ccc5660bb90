"""The main job: run the conformance corpus over every bundled target and report.

Runs each target's rule binaries (cases in parallel across suites, each case in its own
process), prints progress, a clause x library matrix and a per-library summary, and writes
results.json, report.html, report.md, junit.xml and summary.txt under conformance-report/ in
the workspace (docs/report.md). Exits 1 when a verdict differs from the target's expectations
(the regression gate) or the suite itself is inconsistent.

--diff A B compares two libraries of the last run, or two saved results.json files, instead
of running anything; --update-expectations rewrites the expectations of the targets that ran.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import sys
import threading
import time

from tools.conformance import registry, runner, update_expectations
from tools.conformance.report import diff, provenance, writer


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--manifest", action="append", default=[], help="target manifest (repeatable)")
    parser.add_argument("--registry", default="conformance/registry.bzl")
    parser.add_argument("--edition",
                        help="judge every target by this edition instead of the one it claims "
                             "(expectations then do not apply, and the run is informational); build with "
                             "--config=every_edition, or the rules of other editions were not compiled")
    parser.add_argument("--target", action="append", help="only these targets (repeatable)")
    parser.add_argument("--rule", help="only rules whose id matches this regular expression")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--case-timeout", type=float, default=runner.DEFAULT_CASE_TIMEOUT_SECONDS)
    parser.add_argument("--output", help="report directory (default: conformance-report/ in the workspace)")
    parser.add_argument("--clauses", default="docs/spec/clauses.md", help="the clause list the report follows")
    parser.add_argument("--update-expectations", action="store_true",
                        help="rewrite the expectations files of the targets that ran to this run's verdicts "
                             "(only the lines of the rules that ran; a new line's reason is asked for on a "
                             "terminal, otherwise it is a placeholder the gate refuses until it is replaced)")
    parser.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"),
                        help="list the cases whose verdicts differ between OLD and NEW, each a target of the "
                             "last run's results.json or FILE.json[:TARGET], and exit 1 when a case that "
                             "passed on OLD does not on NEW; runs nothing")
    args = parser.parse_args()
    if not args.manifest and not args.diff:
        parser.error("--manifest is required (bazel run //:conform passes every bundled target's)")
    if args.edition:
        try:
            registry.check_edition(args.edition, args.registry)
        except ValueError as error:
            parser.error(str(error))
    return args


def load_manifests(paths, wanted):
    manifests = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        if not wanted or manifest["target"] in wanted:
            manifests.append(manifest)
    if wanted and len(manifests) != len(set(wanted)):
        known = sorted(json.load(open(p, encoding="utf-8"))["target"] for p in paths)
        sys.exit(f"unknown target in --target; known targets: {', '.join(known)}")
    return manifests


class Progress:
    def __init__(self, total):
        self.total, self.done, self.lock, self.started = total, 0, threading.Lock(), time.monotonic()

    def suite_finished(self, target, source, results):
        with self.lock:
            self.done += 1
            counts = {}
            for r in results:
                counts[r.verdict] = counts.get(r.verdict, 0) + 1
            summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "no verdicts"
            bad = sum(r.unexpected for r in results)
            flag = f"  ({bad} UNEXPECTED)" if bad else ""
            elapsed = time.monotonic() - self.started
            print(f"[{self.done}/{self.total} units, {elapsed // 60:.0f}:{elapsed % 60:02.0f}] {target:<18} "
                  f"{source}: {summary}{flag}", flush=True)


def summarize(results, problems_by_target, targets, rules):
    lines = ["", "Per library (rules judged by the edition each claims, unless --edition was given;",
             "'other edition' counts the rules not judged because their text belongs to other editions):",
             f"  {'target':<18} {'edition':<10} {'rules':>5} {'cases':>6} {'pass':>6} {'advisory':>8} "
             f"{'expected-non-pass':>17} {'unexpected':>10} {'other edition':>13}  library"]
    for t in targets:
        mine = [r for r in results if r.target == t["name"]]
        judged_rules = len({r.rule for r in mine})
        other_edition = sum(t["edition"] not in rule["editions"] for rule in rules.values())
        passed = sum(r.verdict == "PASS" and not r.unexpected for r in mine)
        advisory = sum(r.verdict == "ADVISORY" and not r.unexpected for r in mine)
        expected = sum(r.verdict not in ("PASS", "ADVISORY") and not r.unexpected for r in mine)
        unexpected = sum(r.unexpected for r in mine)
        lines.append(f"  {t['name']:<18} {t['edition']:<10} {judged_rules:>5} {len(mine):>6} {passed:>6} {advisory:>8} "
                     f"{expected:>17} {unexpected:>10} {other_edition:>13}  {t['library']}")
        for problem in problems_by_target.get(t["name"], []):
            lines.append(f"      SUITE PROBLEM: {problem}")
    return lines


def subject_summary(results, targets, rules):
    """The executor-side rules per target and per subject they judge: an executor subject
    (conformance/executors/) or a facility of the library (conformance/executors/facilities.hpp)."""
    rows = collections.defaultdict(lambda: {"rules": set(), "cases": 0, "pass": 0, "expected": collections.Counter(),
                                            "unexpected": 0})
    for r in results:
        kind = rules.get(r.rule, {}).get("subjects")
        if kind not in ("executors", "library"):
            continue
        subject = "(every subject)" if r.operation == "*" else r.operation
        row = rows[(r.target, ("executor " if kind == "executors" else "the library's ") + subject)]
        row["rules"].add(r.rule)
        row["cases"] += 1
        if r.unexpected:
            row["unexpected"] += 1
        elif r.verdict in ("PASS", "ADVISORY"):
            row["pass"] += 1
        else:
            row["expected"][r.verdict] += 1
    if not rows:
        return []
    lines = ["", "Per executor subject (the executor rules, by the executor or library facility each case judges;",
             "'pass' includes ADVISORY):",
             f"  {'target':<18} {'subject':<40} {'rules':>5} {'cases':>6} {'pass':>6} {'unexpected':>10}  "
             "expected non-PASS"]
    order = {t["name"]: i for i, t in enumerate(targets)}
    for (target, subject), row in sorted(rows.items(), key=lambda item: (order.get(item[0][0], 0), item[0][1])):
        expected = ", ".join(f"{n} {v}" for v, n in sorted(row["expected"].items())) or "-"
        lines.append(f"  {target:<18} {subject:<40} {len(row['rules']):>5} {row['cases']:>6} {row['pass']:>6} "
                     f"{row['unexpected']:>10}  {expected}")
    return lines


def workspace():
    return os.environ.get("BUILD_WORKSPACE_DIRECTORY", ".")


def output_directory(args):
    return args.output or os.path.join(workspace(), "conformance-report")


def run_diff(args):
    default = os.path.join(output_directory(args), "results.json")
    try:
        old, new = (diff.load_side(spec, default) for spec in args.diff)
    except (OSError, ValueError) as error:
        sys.exit(f"--diff: {error}")
    found = diff.differences(old, new)
    print("\n".join(diff.render(old, new, found)))
    return 1 if any(d.regression for d in found) else 0


def ask_reason(result):
    """A reason for a new expectation line, from the user on a terminal (empty: placeholder)."""
    if not sys.stdin.isatty():
        return None
    answer = input(f"reason for {result.target}: {result.rule} @ {result.operation} {result.verdict} "
                   "(empty: leave a placeholder): ").strip()
    return answer or None


def rewrite_expectations(manifest, capabilities, required, rules, results):
    """--update-expectations for one target: its file in the workspace, rewritten. required: the
    capabilities the edition it claims requires."""
    path = os.path.join(workspace(), manifest["expectations"])
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    defaults = {(r.rule, r.operation): runner.default_expectation(rules[r.rule], capabilities, required)[0] for r in results}
    updated = update_expectations.rewrite(text, registry.load_expectations(path), results, defaults, ask_reason)
    if updated != text:
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(updated)
        print(f"rewrote {path}")
    return path


def expectation_problems(args, manifest, target, rules, results):
    """What is wrong with a gated target's expectations file after the run (rewritten first
    with --update-expectations): lines waiting for a reason, and lines no verdict matched."""
    mine = [r for r in results if r.target == manifest["target"]]
    path = manifest["expectations"]
    if args.update_expectations:
        required = registry.load_edition_capabilities(args.registry)[target["claimed_edition"]]
        path = rewrite_expectations(manifest, set(target["capabilities"]), required, rules, mine)
    problems = [f"{path} {p}" for p in update_expectations.placeholders(path)]
    if not args.rule and not args.update_expectations:
        sources = {s["source"] for s in manifest["suites"]}
        problems += [f"{path} {p}" for p in
                     runner.stale_expectations(registry.load_expectations(path), rules, mine, sources)]
    return problems


def main():
    args = parse_args()
    if args.diff:
        return run_diff(args)
    rules = registry.load_rules(args.registry)
    edition_capabilities = registry.load_edition_capabilities(args.registry)
    if args.rule:
        pattern = re.compile(args.rule)
        rules_run = {k: v for k, v in rules.items() if pattern.search(k)}
        if not rules_run:
            sys.exit(f"--rule {args.rule!r} matches no registered rule")
    else:
        rules_run = rules
    manifests = load_manifests(args.manifest, args.target)

    jobs = []
    targets = []
    problems_by_target = {}
    for manifest in manifests:
        first = runner.list_cases(manifest["suites"][0]["binary"]).target
        # The edition the target's expectations are written for: the binding's claim, or the
        # one its conformance_target(edition=...) judges it by.
        claimed = manifest.get("edition") or first["edition"]
        judged = args.edition or claimed
        informational = judged != claimed
        expectations = [] if informational else registry.load_expectations(manifest["expectations"])
        targets.append({"name": manifest["target"], "edition": judged,
                        "claimed_edition": claimed, "library": first["library"],
                        "capabilities": first["capabilities"], "informational": informational})
        sources = {r["source"] for r in rules_run.values()}
        for suite in manifest["suites"]:
            if suite["source"] in sources:
                jobs.append((manifest, suite, expectations))

    print(f"Running {len(jobs)} rule units over {len(manifests)} targets with {args.jobs} jobs "
          f"(each case in its own process, {args.case_timeout:.0f} s limit per case)", flush=True)
    progress = Progress(len(jobs))
    results = []

    def run(job):
        manifest, suite, expectations = job
        suite_results, problems, _ = runner.run_suite(suite, rules, expectations,
                                                      edition=args.edition or manifest.get("edition"),
                                                      timeout=args.case_timeout, only=set(rules_run),
                                                      roles=runner.ExecutorRoles.of(manifest),
                                                      edition_capabilities=edition_capabilities,
                                                      only_expected_cases=manifest.get("only_expected_cases", False))
        progress.suite_finished(manifest["target"], suite["source"], suite_results)
        return manifest, suite_results, problems

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for manifest, suite_results, problems in pool.map(run, jobs):
            results += suite_results
            problems_by_target.setdefault(manifest["target"], []).extend(problems)
    for manifest, target in zip(manifests, targets):
        if not target["informational"]:
            problems_by_target.setdefault(manifest["target"], []).extend(
                expectation_problems(args, manifest, target, rules, results))

    notable = [r for r in results if r.verdict != "PASS" or r.unexpected]
    if notable:
        print("\nVerdicts other than PASS:")
        for r in sorted(notable, key=lambda r: (r.target, r.rule, r.operation)):
            print("  " + runner.describe(r, rules).replace("\n", "\n  "))
    lines = subject_summary(results, targets, rules_run) + summarize(results, problems_by_target, targets, rules_run)

    output = output_directory(args)
    origin = provenance.collect(workspace(), manifests)
    report = {
        "generated": origin["generated"],
        "edition_override": args.edition,
        "provenance": origin,
        "targets": targets,
        "rules": list(rules_run.values()),
        "results": [r.to_json() for r in results],
        "suite_problems": problems_by_target,
    }
    clauses = args.clauses if os.path.exists(args.clauses) else None
    if clauses is None:
        print(f"\nNo clause list at {args.clauses}: the report files have no clause tree.")
    built = writer.write_all(report, output, clauses, workspace())
    print("\nCases that passed per clause and library (+N exp: expected non-PASS; +N UNEXPECTED):")
    print("\n".join(writer.terminal_matrix(built)))
    print("\n".join(lines))
    with open(os.path.join(output, "summary.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines).lstrip() + "\n")
    print(f"\nReport: {', '.join(os.path.join(output, name) for name in writer.FILES)}")

    informational = {t["name"] for t in targets if t["informational"]}
    if informational:
        print(informational_line(args.edition, [r for r in results if r.target in informational]))
    gated_results = [r for r in results if r.target not in informational]
    problems = sum(len(p) for p in problems_by_target.values())
    if informational and not gated_results:
        return 1 if problems else 0
    unexpected = [r for r in gated_results if r.unexpected]
    verdict = "OK" if not unexpected and not problems else "REGRESSION GATE FAILED"
    print(f"{verdict}: {len(gated_results)} verdicts, {len(unexpected)} unexpected, {problems} suite problems")
    return 0 if verdict == "OK" else 1


def informational_line(edition, results):
    """The summary of verdicts no expectations apply to: it must not read like a passing gate."""
    counts = collections.Counter(r.verdict for r in results if r.verdict != "PASS")
    breakdown = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "none"
    return (f"INFORMATIONAL, NOT A GATE: judged by edition {edition}, which these targets do not claim, so no "
            f"expectations apply; {len(results)} verdicts, {sum(counts.values())} not PASS ({breakdown})")


if __name__ == "__main__":
    sys.exit(main())
