#!/usr/bin/env python3
"""What one Bazel command's actions cost, from the JSON trace profile Bazel writes for it.

  python3 tools/bazel/build_cost.py [--profile FILE] [--top N]

FILE defaults to the output base's command.profile.gz (the last command's profile; run this
after the build, before the next Bazel command). It prints Markdown: the actions by kind (rule
unit compiles, precompiled headers, links, tests, other), the unit compiles and links by the
library they were built for (a bundled target, a mutant, an example), and the slowest unit
compiles. Times are each action's wall time as Bazel ran it: with more jobs than cores they
include waiting for a core, so compare shares, not seconds, with another machine. Actions
taken from a cache appear with their (short) lookup time.
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys

# "Compiling conformance/rules/<clause>/<unit>.cc (tolerant) for <owner>/<clause>/<unit>.object"
UNIT_COMPILE = re.compile(r"^Compiling (\S+) \(tolerant\) for ([^/]+)/(\S+)\.object$")
# "Linking conformance/targets/<owner>/<clause>/<unit>.bin" (or mutants/, examples/<dir>/)
UNIT_LINK = re.compile(r"^Linking \S*?([^/]+)/[^/]+/[^/]+\.bin$")
PRECOMPILE = re.compile(r"^Precompiling \S+ for (\S+)\.precompiled$")


def action_events(profile):
    """(name, seconds) of every action Bazel processed."""
    for event in profile.get("traceEvents", []):
        if event.get("cat") == "action processing" and event.get("ph") == "X":
            yield event["name"], event.get("dur", 0) / 1e6


def library_kind(owner):
    if owner.startswith("mutant."):
        return "mutants"
    if owner.startswith("example-"):
        return "examples"
    return owner


def classify(name):
    """(kind, library or None, unit or None) of one action."""
    if m := UNIT_COMPILE.match(name):
        return "rule unit compile", m.group(2), f"{m.group(2)}/{m.group(3)}"
    if m := PRECOMPILE.match(name):
        return "precompiled header", m.group(1), None
    if m := UNIT_LINK.match(name):
        return "rule unit link", m.group(1), None
    if name.startswith("Testing "):
        return "test", None, None
    return "other", None, None


def summarise(events, top):
    by_kind = collections.defaultdict(lambda: [0, 0.0])
    by_library = collections.defaultdict(lambda: [0, 0.0, 0, 0.0])  # compiles, s, links, s
    units = []
    for name, seconds in events:
        kind, owner, unit = classify(name)
        by_kind[kind][0] += 1
        by_kind[kind][1] += seconds
        if owner is not None and kind != "precompiled header":
            row = by_library[library_kind(owner)]
            column = 0 if kind == "rule unit compile" else 2
            row[column] += 1
            row[column + 1] += seconds
        if unit is not None:
            units.append((seconds, unit))
    total = sum(s for _, s in by_kind.values()) or 1.0
    lines = ["| kind of action | actions | seconds | share |", "| --- | ---: | ---: | ---: |"]
    for kind, (count, seconds) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
        lines.append(f"| {kind} | {count} | {seconds:.0f} | {100 * seconds / total:.0f}% |")
    lines += ["", "| library | unit compiles | seconds | mean | links | seconds |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for library, (compiles, compile_s, links, link_s) in sorted(by_library.items(), key=lambda kv: -kv[1][1]):
        mean = compile_s / compiles if compiles else 0.0
        lines.append(f"| {library} | {compiles} | {compile_s:.0f} | {mean:.1f} | {links} | {link_s:.0f} |")
    lines += ["", f"| slowest unit compiles (of {len(units)}) | seconds |", "| --- | ---: |"]
    for seconds, unit in sorted(units, reverse=True)[:top]:
        lines.append(f"| {unit} | {seconds:.0f} |")
    return lines


def default_profile():
    output_base = subprocess.run(["./bazelw", "info", "output_base"], capture_output=True, text=True,
                                 check=True).stdout.strip()
    return os.path.join(output_base, "command.profile.gz")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", help="a Bazel JSON trace profile (.json or .json.gz)")
    parser.add_argument("--top", type=int, default=15, help="how many of the slowest unit compiles to list")
    args = parser.parse_args()
    path = args.profile or default_profile()
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        profile = json.load(f)
    print("\n".join(summarise(action_events(profile), args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
