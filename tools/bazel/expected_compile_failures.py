"""Writes, for each rule unit of a target, the cases its expectations say do not compile.

Usage (from tolerant_cc_object.bzl's expected_compile_failures rule):
  expected_compile_failures.py --expectations FILE --unit OUT RULE[,RULE...] [--unit ...]

Each OUT gets the case names ("<rule> @ <operation>", one per line) of the expectations with
verdict COMPILE_FAIL, an exact operation and one of the unit's rules. compile_cases.py leaves
them out of the unit's first compile and then checks each alone. One action writes every
unit's file, and a unit's compile depends on its own file only, so editing the expectations
recompiles just the units whose expected failures changed. A malformed file gives no hints:
the runner reports it.
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
    args = parser.parse_args()
    try:
        expectations = registry.load_expectations(args.expectations)
    except ValueError:
        expectations = []
    for out, rules in args.unit:
        mine = set(rules.split(","))
        cases = sorted({f"{e.rule} @ {e.operation}" for e in expectations
                        if e.verdict == "COMPILE_FAIL" and e.operation not in ("*", "-") and e.rule in mine})
        with open(out, "w", encoding="utf-8") as f:
            f.write("".join(case + "\n" for case in cases))


if __name__ == "__main__":
    main()
