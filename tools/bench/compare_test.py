"""compare.py: table cells, reading Google Benchmark's JSON, and what fails a smoke run."""

import unittest

from tools.bench import compare


def benchmark(name, items_per_second=1e8, allocs=0.0, error=None, **extra):
    entry = {"name": name, "run_name": name, "run_type": "iteration", "items_per_second": items_per_second,
             "allocs_per_item": allocs, "bytes_per_item": 0.0}
    if error:
        entry.update(error_occurred=True, error_message=error)
    entry.update(extra)
    return entry


class CellTest(unittest.TestCase):
    def test_ratio_to_each_baseline(self):
        times = {"old": 20.0, "new": 40.0, "ours": 10.0}
        self.assertEqual(compare.cell(times, "ours", ["old", "new"]), "10.0 (0.50x 0.25x)")

    def test_baseline_missing_from_the_run_gives_no_ratio_for_it(self):
        self.assertEqual(compare.cell({"old": 20.0, "ours": 10.0}, "ours", ["old", "new"]), "10.0 (0.50x)")

    def test_target_without_a_time_is_a_dash(self):
        self.assertEqual(compare.cell({"old": 20.0}, "ours", ["old"]), "-")


class MeasurementsTest(unittest.TestCase):
    def test_time_per_item_and_counters(self):
        m = compare.measurements({"benchmarks": [benchmark("chained_post/100", 2e8, allocs=1.5)]})
        self.assertEqual(m["chained_post/100"], {"ns": 5.0, "allocs": 1.5, "bytes": 0.0, "error": None})

    def test_the_median_stands_for_repetitions(self):
        runs = [benchmark("a", 1e8), benchmark("a", 3e8),
                benchmark("a_mean", 2e8, run_name="a", run_type="aggregate", aggregate_name="mean"),
                benchmark("a_median", 4e8, run_name="a", run_type="aggregate", aggregate_name="median")]
        self.assertEqual(compare.measurements({"benchmarks": runs})["a"]["ns"], 2.5)


class SmokeTest(unittest.TestCase):
    def test_clean_run_has_no_problems(self):
        results = {"ours": {"a": {"ns": 1.0, "allocs": 0.0, "bytes": 0.0, "error": None}}}
        self.assertEqual(compare.smoke_problems(results, {}), [])

    def test_error_missing_counter_missing_scenario_and_failed_binary_are_problems(self):
        results = {
            "ours": {"a": {"ns": 1.0, "allocs": None, "bytes": None, "error": None},
                     "b": {"ns": None, "allocs": 0.0, "bytes": 0.0, "error": "stopped early"}},
            "theirs": {"a": {"ns": 1.0, "allocs": 0.0, "bytes": 0.0, "error": None}},
        }
        problems = compare.smoke_problems(results, {"broken": "TIMEOUT: still running after 9 s"})
        self.assertEqual(sorted(problems), sorted([
            "broken: TIMEOUT: still running after 9 s",
            "ours: a reported no items or no allocation counters",
            "ours: b reported an error: stopped early",
            "theirs: scenario b is missing",
        ]))


class ChartTest(unittest.TestCase):
    def test_one_bar_per_scenario_and_compared_target(self):
        results = {"base": {"a": {"ns": 10.0}, "b": {"ns": 10.0}},
                   "ours": {"a": {"ns": 5.0}, "b": {"ns": 20.0}}}
        svg = compare.svg_chart(results, "base")
        self.assertEqual(svg.count("<rect x="), 2 + 1)  # two bars and one legend entry
        self.assertIn("ours: 0.50x", svg)
        self.assertIn("ours: 2.00x", svg)


if __name__ == "__main__":
    unittest.main()
