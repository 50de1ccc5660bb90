"""compare.py's table cells: a time with its ratio to every baseline measured in the run."""

import unittest

from tools.bench import compare


class CellTest(unittest.TestCase):
    def test_ratio_to_each_baseline(self):
        times = {"old": 20.0, "new": 40.0, "ours": 10.0}
        self.assertEqual(compare.cell(times, "ours", ["old", "new"]), "10.0 (0.50x 0.25x)")

    def test_baseline_missing_from_the_run_gives_no_ratio_for_it(self):
        self.assertEqual(compare.cell({"old": 20.0, "ours": 10.0}, "ours", ["old", "new"]), "10.0 (0.50x)")

    def test_target_without_a_time_is_a_dash(self):
        self.assertEqual(compare.cell({"old": 20.0}, "ours", ["old"]), "-")


if __name__ == "__main__":
    unittest.main()
