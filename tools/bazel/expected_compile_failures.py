"""Writes, for each rule unit of a target, the cases its expectations say do not compile.

Usage (from tolerant_cc_object.bzl's expected_compile_failures rule):
  expected_compile_failures.py --expectations FILE --unit OUT RULE[,RULE...] [--unit ...]

Each OUT gets the case names ("<rule> @ <operation>", one per line) of the expectations with
verdict COMPILE_FAIL, an exact operation and one of the unit's rules. compile_cases.py leaves
them out of the unit's first compile and then checks each alone. One action writes every
unit's file, and a unit's compile depends on its own file only, so editing the expectations
recompiles just the units whose expected failures changed. A malformed file gives no hints:
the runner reports it.

With --only-expected (a mutant's target), each OUT also selects the cases to compile at all:
"only: <rule> @ <operation>" for every expectation of the unit's rules ("<rule> @ *" for an
expectation of every operation), or "only: (none)" when the expectations name none of them.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tools.conformance import registry  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--expectations", required=True)
    parser.add_argument("--unit", nargs=2, action="append", default=[], metavar=("OUT", "RULES"))
    parser.add_argument("--only-expected", action="store_true",
                        help="select the cases the expectations name as the only ones to compile")
    args = parser.parse_args()
    try:
        expectations = registry.load_expectations(args.expectations)
    except ValueError:
        expectations = []
    for out, rules in args.unit:
        mine = set(rules.split(","))
        cases = sorted({f"{e.rule} @ {e.operation}" for e in expectations
                        if e.verdict == "COMPILE_FAIL" and e.operation not in ("*", "-") and e.rule in mine})
        if args.only_expected:
            cases += sorted({f"only: {e.rule} @ {e.operation}" for e in expectations if e.rule in mine}) or ["only: (none)"]
        with open(out, "w", encoding="utf-8") as f:
            f.write("".join(case + "\n" for case in cases))


if __name__ == "__main__":
    main()
