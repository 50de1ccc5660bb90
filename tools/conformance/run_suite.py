"""Bazel test entry point: one target, one rule translation unit.

Passes when every verdict matches the target's expectations and the registry and the
binary agree; prints one line per case either way.
"""

import argparse
import json
import sys

from tools.conformance import registry, runner


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--registry", default="conformance/registry.bzl",
                        help="the registry, or the slice of it for this unit that conformance_target() writes")
    parser.add_argument("--edition")
    parser.add_argument("--case-timeout", type=float, default=runner.DEFAULT_CASE_TIMEOUT_SECONDS)
    args = parser.parse_args()
    if args.edition:
        registry.check_edition(args.edition, args.registry)

    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    suite = next(s for s in manifest["suites"] if s["source"] == args.source)
    rules = registry.load_rules(args.registry)
    expectations = registry.load_expectations(manifest["expectations"])

    results, problems, edition = runner.run_suite(
        suite, rules, expectations, edition=args.edition or manifest.get("edition"), timeout=args.case_timeout,
        on_result=lambda r: print(runner.describe(r, rules), flush=True), roles=runner.ExecutorRoles.of(manifest),
        edition_capabilities=registry.load_edition_capabilities(args.registry),
        only_expected_cases=manifest.get("only_expected_cases", False))
    problems += [f"{manifest['expectations']} {p}" for p in
                 runner.stale_expectations(expectations, rules, results, {args.source}, whole_registry=False)]
    unexpected = [r for r in results if r.unexpected]
    print(f"\n{manifest['target']} / {args.source} (edition {edition}): {len(results)} verdicts, "
          f"{len(unexpected)} unexpected, {len(problems)} suite problems")
    for problem in problems:
        print("SUITE PROBLEM: " + problem)
    if not results and not problems:
        # A unit whose rules all come from other editions' texts (e.g. the TS-only
        # [async.reqmts.async.return.type] for an Asio 1.22 target) has nothing to judge here.
        print(f"NOTE: no rule of this unit belongs to edition {edition}; nothing to check")
        return 0
    return 1 if unexpected or problems else 0


if __name__ == "__main__":
    sys.exit(main())
