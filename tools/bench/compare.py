"""Runs every library's scenario binary of a bench_suite in one go and compares them.

Binaries are named scenarios.<target>. Each runs with Google Benchmark's JSON output; for every
scenario the table shows each target's time per item with its ratio to each baseline target
(for example the oldest and the newest Asio judged), all measured in this one run, and then the
heap allocations per item. The raw JSON, the tables (Markdown) and a chart (SVG) go to the output
directory. Build with -c opt for meaningful numbers.

With --smoke, each binary runs every scenario briefly instead, and the run fails if a scenario
reports an error, lacks its counters, or is missing from a library's binary.
"""

import argparse
import json
import math
import os
import subprocess
import sys

SMOKE_ARGS = ["--benchmark_min_time=0.001"]


class BinaryFailed(Exception):
    pass


def run_binary(path, extra, timeout):
    try:
        out = subprocess.run([path, "--benchmark_format=json"] + extra, capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BinaryFailed(f"TIMEOUT: still running after {timeout} s")
    if out.returncode != 0:
        raise BinaryFailed(f"exit status {out.returncode}: {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout)


def target_of(path):
    return os.path.basename(path).partition(".")[2]


def measurements(report):
    """{scenario: {"ns": ns per item, "allocs": .., "bytes": .., "error": message or None}} of one binary.

    With repetitions, the median aggregate stands for the scenario."""
    result = {}
    for b in report["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        if name in result and b.get("run_type") != "aggregate":
            continue  # a repetition; its median follows
        items_per_second = b.get("items_per_second")
        result[name] = {
            "ns": 1e9 / items_per_second if items_per_second else None,
            "allocs": b.get("allocs_per_item"),
            "bytes": b.get("bytes_per_item"),
            "error": b.get("error_message") if b.get("error_occurred") else None,
        }
    return result


def ratio_text(value, by_target, baselines):
    ratios = [f"{value / by_target[b]:.2f}x" for b in baselines if by_target.get(b)]
    return f" ({' '.join(ratios)})" if ratios else ""


def cell(by_target, target, baselines):
    """A target's time per item, then its ratio to each baseline measured: '12.3 (0.61x 0.55x)'."""
    value = by_target.get(target)
    if value is None:
        return "-"
    return f"{value:.1f}" + ratio_text(value, by_target, baselines)


def ordered_targets(results, baselines):
    return sorted(results, key=lambda t: (baselines.index(t) if t in baselines else len(baselines), t))


def markdown_tables(results, baselines, failures):
    """The time table and the allocation table, as Markdown lines."""
    targets = ordered_targets(results, baselines)
    scenarios = list(dict.fromkeys(s for t in targets for s in results[t]))
    header = "| scenario | " + " | ".join(targets) + " |"
    rule = "|---|" + "---|" * len(targets)
    lines = ["ns per item (lower is better); ratios = time / time on " + ", ".join(baselines), "", header, rule]
    for s in scenarios:
        times = {t: results[t].get(s, {}).get("ns") for t in targets}
        lines.append(f"| {s} | " + " | ".join(cell(times, t, baselines) for t in targets) + " |")
    lines += ["", "heap allocations per item / bytes per item", "", header, rule]
    for s in scenarios:
        row = []
        for t in targets:
            m = results[t].get(s, {})
            row.append("-" if m.get("allocs") is None else f"{m['allocs']:.2f} / {m['bytes']:.0f}")
        lines.append(f"| {s} | " + " | ".join(row) + " |")
    for target, message in failures.items():
        lines.append(f"\n{target}: not measured ({message})")
    return lines


def svg_chart(results, baseline):
    """A bar per scenario and target: time per item relative to `baseline`, on a log scale."""
    targets = [t for t in ordered_targets(results, [baseline]) if t != baseline]
    scenarios = [s for s in results.get(baseline, {}) if results[baseline][s].get("ns")]
    low, high = -2.0, 1.0  # log10 of the ratio shown: 0.01x .. 10x
    # Room for the longest scenario name (about 7 px a character at 12 px).
    left = max(300, 16 + 7 * max((len(s) for s in scenarios), default=0))
    width, bar, gap = 600, 12, 10
    legend_columns, legend_spacing = 3, 200
    colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]
    rows = []
    y = 50
    for s in scenarios:
        rows.append(f'<text x="{left - 8}" y="{y + bar * len(targets) / 2 + 4}" text-anchor="end">{s}</text>')
        for i, t in enumerate(targets):
            ns = results[t].get(s, {}).get("ns")
            if ns:
                ratio = ns / results[baseline][s]["ns"]
                x = (min(max(math.log10(ratio), low), high) - low) / (high - low) * width
                rows.append(f'<rect x="{left}" y="{y}" width="{x:.1f}" height="{bar - 2}" fill="{colours[i % len(colours)]}">'
                            f'<title>{t}: {ratio:.2f}x</title></rect>')
                rows.append(f'<text x="{left + x + 4:.1f}" y="{y + bar - 3}" font-size="10">{ratio:.2f}x</text>')
            y += bar
        y += gap
    axis = []
    for exponent in range(int(low), int(high) + 1):
        x = left + (exponent - low) / (high - low) * width
        axis.append(f'<line x1="{x}" y1="40" x2="{x}" y2="{y}" stroke="#bbb"/>'
                    f'<text x="{x}" y="{y + 14}" text-anchor="middle">{10.0 ** exponent:g}x</text>')
    legend = []
    for i, t in enumerate(targets):
        lx = left + legend_spacing * (i % legend_columns)
        ly = y + 24 + 18 * (i // legend_columns)
        legend.append(f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{colours[i % len(colours)]}"/>'
                      f'<text x="{lx + 14}" y="{ly + 9}">{t}</text>')
    height = y + 50 + 18 * ((len(targets) - 1) // legend_columns)
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="20">time per item relative to {baseline} (log scale; shorter is faster)</text>',
    ] + axis + rows + legend + ["</svg>", ""])


def smoke_problems(results, failures):
    """What makes a smoke run fail: a binary that did not run, a scenario with an error or without
    its counters, a scenario some library's binary lacks."""
    problems = [f"{t}: {message}" for t, message in failures.items()]
    everywhere = set().union(*(set(r) for r in results.values())) if results else set()
    for target, scenarios in results.items():
        for s in sorted(everywhere - set(scenarios)):
            problems.append(f"{target}: scenario {s} is missing")
        for s, m in scenarios.items():
            if m["error"]:
                problems.append(f"{target}: {s} reported an error: {m['error']}")
            elif m["ns"] is None or m["allocs"] is None:
                problems.append(f"{target}: {s} reported no items or no allocation counters")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", action="append", required=True)
    parser.add_argument("--baseline", action="append", required=True,
                        help="a target every time is compared with; give it once per baseline")
    parser.add_argument("--output_dir", help="where results.json, table.md and chart.svg go "
                        "(default: bench-results/ in the workspace)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds one library's binary may take")
    parser.add_argument("--smoke", action="store_true", help="run each scenario briefly and check its output")
    # Any other argument (e.g. --benchmark_repetitions=5) goes to every benchmark binary.
    args, extra = parser.parse_known_args()
    if args.smoke:
        extra = SMOKE_ARGS + extra

    results, raw, failures = {}, {}, {}
    for index, path in enumerate(args.binary, 1):
        target = target_of(path)
        print(f"[{index}/{len(args.binary)}] running the scenarios on {target} ...", file=sys.stderr, flush=True)
        try:
            raw[target] = run_binary(path, extra, args.timeout)
        except BinaryFailed as failure:
            failures[target] = str(failure)
            print(f"  {target}: {failure}", file=sys.stderr, flush=True)
            continue
        results[target] = measurements(raw[target])

    if args.smoke:
        problems = smoke_problems(results, failures)
        for p in problems:
            print("FAIL " + p)
        print(f"{len(results)} binaries ran, {sum(len(r) for r in results.values())} scenario runs, "
              f"{len(problems)} problems")
        return 1 if problems else 0

    context = next(iter(raw.values()))["context"] if raw else {}
    tables = markdown_tables(results, args.baseline, failures)
    machine = (f"machine: {context.get('num_cpus')} CPUs at {context.get('mhz_per_cpu')} MHz, "
               f"benchmark library build: {context.get('library_build_type')}")
    print("\n" + "\n".join(tables) + "\n" + machine)
    output_dir = args.output_dir or os.path.join(os.environ.get("BUILD_WORKSPACE_DIRECTORY", "."), "bench-results")
    os.makedirs(output_dir, exist_ok=True)
    with open(os.path.join(output_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"raw": raw, "failures": failures}, f, indent=1)
    with open(os.path.join(output_dir, "table.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(tables + ["", machine, ""]))
    with open(os.path.join(output_dir, "chart.svg"), "w", encoding="utf-8") as f:
        f.write(svg_chart(results, args.baseline[0]))
    print(f"\nresults, table.md and chart.svg: {output_dir}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
