"""Runs every scenario binary of a bench_suite in one go and prints times side by side.

Binaries are named <scenario>.<target>. Each is run with Google Benchmark's JSON output;
for every benchmark the table shows each target's time per item and its ratio to each
baseline target (for example the oldest and the newest Asio judged), all measured in this
one run. Build with -c opt for meaningful numbers.
"""

import argparse
import json
import os
import subprocess
import sys


def run_binary(path, extra):
    out = subprocess.run([path, "--benchmark_format=json"] + extra, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def cell(by_target, target, baselines):
    """A target's time per item, then its ratio to each baseline measured: '12.3 (0.61x 0.55x)'."""
    value = by_target.get(target)
    if value is None:
        return "-"
    ratios = [f"{value / by_target[b]:.2f}x" for b in baselines if by_target.get(b)]
    return f"{value:.1f}" + (f" ({' '.join(ratios)})" if ratios else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", action="append", required=True)
    parser.add_argument("--baseline", action="append", required=True,
                        help="a target every time is compared with; give it once per baseline")
    parser.add_argument("--output", help="JSON file for the raw results (default: bench-report.json in the workspace)")
    # Any other argument (e.g. --benchmark_repetitions=3) goes to every benchmark binary.
    args, extra = parser.parse_known_args()

    rows = {}  # benchmark name -> {target: ns per item}
    context = None
    raw = {}
    for path in args.binary:
        scenario, _, target = os.path.basename(path).partition(".")
        print(f"running {scenario} on {target} ...", file=sys.stderr, flush=True)
        report = run_binary(path, extra)
        context = context or report["context"]
        raw[os.path.basename(path)] = report
        for b in report["benchmarks"]:
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
                continue
            per_item = 1e9 / b["items_per_second"] if b.get("items_per_second") else None
            rows.setdefault(b["run_name"] if "run_name" in b else b["name"], {})[target] = per_item

    baselines = args.baseline
    targets = sorted({t for r in rows.values() for t in r},
                     key=lambda t: (baselines.index(t) if t in baselines else len(baselines), t))
    print("\nns per item (lower is better); ratios = time / time on " + ", ".join(baselines))
    if context:
        print(f"machine: {context.get('num_cpus')} CPUs at {context.get('mhz_per_cpu')} MHz, "
              f"build type of the library: {context.get('library_build_type')}")
    width = 14 + 9 * len(baselines)
    print(f"{'benchmark':<44}" + "".join(f"{t:>{width}}" for t in targets))
    for name, by_target in rows.items():
        print(f"{name:<44}" + "".join(f"{cell(by_target, t, baselines):>{width}}" for t in targets))
    output = args.output or os.path.join(os.environ.get("BUILD_WORKSPACE_DIRECTORY", "."), "bench-report.json")
    with open(output, "w", encoding="utf-8") as f:
        json.dump(raw, f, indent=1)
    print(f"\nraw results: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
