"""compile_cases.py leaves out exactly the cases that do not compile, and falls back only when
the unit does not compile outside any case."""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "compile_cases.py")
ROOT = os.path.dirname(os.path.dirname(HERE))


class CompileCases(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def compile(self, *flags, expected_failures=None):
        log = os.path.join(self.tmp.name, "unit.log")
        obj = os.path.join(self.tmp.name, "unit.o")
        command = ["g++", "-std=c++20", "-ftemplate-backtrace-limit=0", "-iquote", ROOT, *flags, "-c", "-o", obj]
        hints = []
        if expected_failures is not None:
            hints = ["--expected-failures", os.path.join(self.tmp.name, "expected.txt")]
            with open(hints[1], "w", encoding="utf-8") as f:
                f.write("".join(case + "\n" for case in expected_failures))
        subprocess.run([sys.executable, TOOL, "--log", log, *hints,
                        "--compile", *command, os.path.join(HERE, "testdata", "two_cases.cc"),
                        "--fallback", *command, os.path.join(HERE, "testdata", "fallback.cc")], check=True)
        with open(log, encoding="utf-8") as f:
            return f.read().splitlines(), os.path.exists(obj)

    def test_the_case_that_does_not_compile_is_left_out_and_named(self):
        lines, built = self.compile()
        self.assertTrue(built)
        self.assertEqual(lines[0], "compiled: yes, without 1 cases that did not compile")
        case, _, error = lines[1][len("case did not compile: "):].partition("\t")
        self.assertEqual(case, "self.test/reads-value @ without-value")
        self.assertIn("error:", error)
        self.assertIn("value", error)

    def test_an_expected_failure_is_left_out_at_once_and_still_seen_to_fail(self):
        lines, built = self.compile(expected_failures=["self.test/reads-value @ without-value"])
        self.assertTrue(built)
        self.assertEqual(lines[0], "compiled: yes, without 1 cases that did not compile")
        case, _, error = lines[1][len("case did not compile: "):].partition("\t")
        self.assertEqual(case, "self.test/reads-value @ without-value")
        self.assertIn("value", error)
        attempts = [line for line in lines if line.startswith("--- compiler output")]
        self.assertEqual(len(attempts), 2)  # the unit without it, then the case alone
        self.assertIn("alone, -fsyntax-only", lines[lines.index(attempts[1]) + 1])

    def test_an_expected_failure_that_compiles_is_put_back(self):
        lines, built = self.compile(expected_failures=["self.test/reads-value @ with-value"])
        self.assertTrue(built)
        self.assertEqual(lines[0], "compiled: yes, without 1 cases that did not compile")
        self.assertTrue(lines[1].startswith("case did not compile: self.test/reads-value @ without-value\t"))
        self.assertNotIn("with-value\t", "\n".join(lines[2:]))

    def test_a_selection_compiles_only_the_cases_it_names(self):
        lines, built = self.compile(expected_failures=["only: self.test/reads-value @ with-value"])
        self.assertTrue(built)
        self.assertEqual(lines[0], "compiled: yes")  # the case that does not compile was never compiled
        lines, built = self.compile(expected_failures=["only: self.test/reads-value @ *"])
        self.assertEqual(lines[0], "compiled: yes, without 1 cases that did not compile")
        lines, built = self.compile(expected_failures=["only: (none)"])
        self.assertEqual(lines[0], "compiled: yes")

    def test_a_helper_only_left_out_cases_use_does_not_break_the_unit_under_werror(self):
        lines, built = self.compile("-Wall", "-Werror",
                                    expected_failures=["only: self.test/reads-value @ without-value"])
        self.assertTrue(built)
        self.assertEqual(lines[0], "compiled: yes, without 1 cases that did not compile")

    def test_an_error_outside_every_case_falls_back_and_reports_the_first_error(self):
        lines, built = self.compile("-DBROKEN_OUTSIDE_CASES")
        self.assertTrue(built)
        self.assertTrue(lines[0].startswith("compiled: no (exit "), lines[0])
        self.assertTrue(lines[1].startswith("first error: "), lines[1])
        self.assertIn("undeclared_name", lines[1])


if __name__ == "__main__":
    unittest.main()
