"""build_cost.py sorts a Bazel profile's actions into kinds and libraries and adds up their times."""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "build_cost.py")


def action(name, seconds):
    return {"cat": "action processing", "name": name, "ph": "X", "ts": 0, "dur": int(seconds * 1e6)}


PROFILE = {"traceEvents": [
    action("Compiling conformance/rules/async.post/post.cc (tolerant) for asio-1.30/async.post/post.object", 30),
    action("Compiling conformance/rules/async.post/post.cc (tolerant) for reference/async.post/post.object", 10),
    action("Compiling conformance/rules/async.post/post.cc (tolerant) for mutant.refnet.posts-inline/"
           "async.post/post.object", 5),
    action("Compiling conformance/rules/async.post/post.cc (tolerant) for example-countdown/async.post/post.object", 4),
    action("Linking conformance/targets/asio-1.30/async.post/post.bin", 2),
    action("Linking conformance/mutants/mutant.refnet.posts-inline/async.post/post.bin", 1),
    action("Precompiling conformance/harness/precompiled.hpp for asio-1.30.precompiled", 12),
    action("Testing //conformance/targets:asio-1.30/async.post/post", 3),
    action("Listing the expected compile failures of asio-1.30.expected_compile_failures", 1),
    {"cat": "local action execution", "name": "TolerantCompile", "ph": "X", "ts": 0, "dur": 99000000},
]}


class BuildCost(unittest.TestCase):
    def run_tool(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "command.profile.gz")
            with gzip.open(path, "wt", encoding="utf-8") as f:
                json.dump(PROFILE, f)
            out = subprocess.run([sys.executable, TOOL, "--profile", path, "--top", "2"], capture_output=True,
                                 text=True, check=True)
        return out.stdout.splitlines()

    def test_kinds_are_added_up_and_other_categories_ignored(self):
        lines = self.run_tool()
        self.assertIn("| rule unit compile | 4 | 49 | 72% |", lines)
        self.assertIn("| precompiled header | 1 | 12 | 18% |", lines)
        self.assertIn("| rule unit link | 2 | 3 | 4% |", lines)
        self.assertIn("| test | 1 | 3 | 4% |", lines)
        self.assertIn("| other | 1 | 1 | 1% |", lines)

    def test_libraries_group_mutants_and_examples(self):
        lines = self.run_tool()
        self.assertIn("| asio-1.30 | 1 | 30 | 30.0 | 1 | 2 |", lines)
        self.assertIn("| mutants | 1 | 5 | 5.0 | 1 | 1 |", lines)
        self.assertIn("| examples | 1 | 4 | 4.0 | 0 | 0 |", lines)
        self.assertIn("| reference | 1 | 10 | 10.0 | 0 | 0 |", lines)

    def test_slowest_units_first(self):
        lines = self.run_tool()
        start = lines.index("| slowest unit compiles (of 4) | seconds |")
        self.assertEqual(lines[start + 2:start + 4], ["| asio-1.30/async.post/post | 30 |",
                                                      "| reference/async.post/post | 10 |"])


if __name__ == "__main__":
    unittest.main()
