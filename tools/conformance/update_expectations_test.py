"""--update-expectations rewrites only the lines of the rules that ran, keeping reasons."""

import os
import tempfile
import unittest

from tools.conformance import registry, runner, update_expectations

FILE = """# header comment
a/one  x  FAIL  reason one
a/one  y  FAIL  reason y
b/two  *  TIMEOUT  reason two
c/other  z  FAIL  not run this time
"""


def result(rule, operation, verdict):
    return runner.Result("t", rule, operation, verdict, [])


class RewriteTest(unittest.TestCase):
    def rewrite(self, results, defaults=None, reason_for=None, text=FILE):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "expectations.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            expectations = registry.load_expectations(path)
        defaults = defaults or {}
        return update_expectations.rewrite(text, expectations, results,
                                           {(r.rule, r.operation): defaults.get(r.rule, "PASS") for r in results},
                                           reason_for)

    def test_unchanged_verdicts_keep_the_file_as_it_is(self):
        results = [result("a/one", "x", "FAIL"), result("a/one", "y", "FAIL"),
                   result("b/two", "p", "TIMEOUT"), result("b/two", "q", "TIMEOUT")]
        self.assertEqual(self.rewrite(results), FILE)

    def test_fixed_case_loses_its_line_and_changed_verdict_keeps_its_reason(self):
        results = [result("a/one", "x", "PASS"), result("a/one", "y", "CRASH"), result("b/two", "p", "TIMEOUT")]
        self.assertEqual(self.rewrite(results), "# header comment\na/one  y  CRASH  reason y\n"
                                                "b/two  *  TIMEOUT  reason two\nc/other  z  FAIL  not run this time\n")

    def test_new_verdict_gets_the_reason_given_or_the_placeholder(self):
        results = [result("a/one", "x", "FAIL"), result("a/one", "y", "FAIL"), result("a/one", "w", "FAIL"),
                   result("b/two", "p", "PASS")]
        text = self.rewrite(results)
        self.assertIn(f"a/one  w  FAIL  {update_expectations.PLACEHOLDER}\n", text)
        self.assertNotIn("b/two", text)  # its wildcard matches no verdict any more
        self.assertIn("a/one  w  FAIL  seen in the lab\n", self.rewrite(results, reason_for=lambda r: "seen in the lab"))

    def test_verdicts_the_defaults_accept_need_no_line(self):
        results = [result("a/one", "x", "FAIL"), result("a/one", "y", "FAIL"), result("b/two", "p", "TIMEOUT"),
                   result("d/should", "s", "ADVISORY")]
        text = self.rewrite(results, defaults={"d/should": runner.ADVISORY_OR_PASS})
        self.assertNotIn("d/should", text)

    def test_placeholder_lines_are_found(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "expectations.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"a/one  x  FAIL  {update_expectations.PLACEHOLDER}\n")
            self.assertEqual(len(update_expectations.placeholders(path)), 1)


if __name__ == "__main__":
    unittest.main()
