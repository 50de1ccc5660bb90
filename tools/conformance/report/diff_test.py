"""The verdict diff over two saved results.json files and over two libraries of one run."""

import json
import os
import tempfile
import unittest

from tools.conformance.report import diff

RULES = [{"id": "async.post/inside", "clause": "async.post"}, {"id": "async.defer/inside", "clause": "async.defer"}]


def results_file(directory, name, targets):
    """targets: {target: {(rule, operation): verdict}}"""
    path = os.path.join(directory, name)
    content = {"targets": [{"name": t, "library": f"lib {t}", "edition": "ts-n4771"} for t in targets],
               "rules": RULES,
               "results": [{"target": t, "rule": rule, "operation": op, "verdict": v}
                           for t, cases in targets.items() for (rule, op), v in cases.items()]}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(content, f)
    return path


class DiffTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp()

    def test_two_files_regression_fix_and_one_sided_cases(self):
        old = results_file(self.directory, "old.json", {"a": {("async.post/inside", "x"): "PASS",
                                                              ("async.post/inside", "y"): "FAIL",
                                                              ("async.defer/inside", "x"): "PASS"}})
        new = results_file(self.directory, "new.json", {"a": {("async.post/inside", "x"): "TIMEOUT",
                                                              ("async.post/inside", "y"): "PASS",
                                                              ("async.defer/inside", "z"): "PASS"}})
        before, after = diff.load_side(old, "unused"), diff.load_side(new + ":a", "unused")
        found = diff.differences(before, after)
        self.assertEqual([(d.rule, d.operation, d.before, d.after, d.regression) for d in found], [
            ("async.defer/inside", "x", "PASS", "not judged", False),
            ("async.defer/inside", "z", "not judged", "PASS", False),
            ("async.post/inside", "x", "PASS", "TIMEOUT", True),
            ("async.post/inside", "y", "FAIL", "PASS", False)])
        text = "\n".join(diff.render(before, after, found))
        self.assertIn("[async.post]\n  REGRESSION async.post/inside @ x: PASS -> TIMEOUT", text)
        self.assertIn(f"async.defer/inside: 1 cases judged only on {old}:a (1 PASS)", text)
        self.assertIn("4 cases differ: 2 changed verdict, 1 of them passed on", text)

    def test_two_libraries_of_one_run(self):
        run = results_file(self.directory, "results.json", {"old": {("async.post/inside", "x"): "PASS"},
                                                            "new": {("async.post/inside", "x"): "PASS"}})
        found = diff.differences(diff.load_side("old", run), diff.load_side("new", run))
        self.assertEqual(found, [])

    def test_file_with_several_targets_needs_one_named(self):
        run = results_file(self.directory, "results.json", {"old": {}, "new": {}})
        with self.assertRaisesRegex(ValueError, "old, new; expected one target"):
            diff.load_side(run, "unused")
        with self.assertRaisesRegex(ValueError, "expected target 'other'"):
            diff.load_side("other", run)


if __name__ == "__main__":
    unittest.main()
