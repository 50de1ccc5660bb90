"""expected_compile_failures.py writes each unit's expected compile failures and, for a mutant's
target (--only-expected), the selection of the only cases to compile."""

import os
import subprocess
import sys
import tempfile
import unittest

TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected_compile_failures.py")

EXPECTATIONS = """\
self.test/a  op-1  FAIL  mutant: the fault
self.test/a  op-2  COMPILE_FAIL  mutant: does not compile
self.test/b  *  FAIL  mutant: every operation
other.unit/c  op-1  FAIL  another unit's rule
"""


class ExpectedCompileFailures(unittest.TestCase):
    def write_units(self, *flags):
        with tempfile.TemporaryDirectory() as tmp:
            expectations = os.path.join(tmp, "expectations.txt")
            with open(expectations, "w", encoding="utf-8") as f:
                f.write(EXPECTATIONS)
            units = {"self": os.path.join(tmp, "self.txt"), "empty": os.path.join(tmp, "empty.txt")}
            subprocess.run([sys.executable, TOOL, "--expectations", expectations, *flags,
                            "--unit", units["self"], "self.test/a,self.test/b",
                            "--unit", units["empty"], "self.test/none"], check=True)
            contents = {}
            for name, path in units.items():
                with open(path, encoding="utf-8") as f:
                    contents[name] = f.read().splitlines()
            return contents

    def test_lists_the_expected_compile_failures_of_each_unit(self):
        self.assertEqual(self.write_units(), {"self": ["self.test/a @ op-2"], "empty": []})

    def test_only_expected_also_selects_the_cases_the_expectations_name(self):
        self.assertEqual(self.write_units("--only-expected"), {
            "self": ["self.test/a @ op-2", "only: self.test/a @ op-1", "only: self.test/a @ op-2",
                     "only: self.test/b @ *"],
            "empty": ["only: (none)"],
        })


if __name__ == "__main__":
    unittest.main()
