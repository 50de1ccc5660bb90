"""The main job still produces its report when a library crashes, hangs or fails."""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

BINARY = os.environ.get("MISBEHAVING_CASES", "tools/conformance/misbehaving_cases")
CONFORM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conform.py")

REGISTRY = """
EDITIONS = ["ts-n4771", "asio-1.22", "asio-1.26", "asio-1.28"]
CAPABILITIES = ["cancellation"]
EDITION_CAPABILITIES = {"ts-n4771": [], "asio-1.22": [], "asio-1.26": [], "asio-1.28": []}
RULES = [
""" + "".join(f"""    {{"id": "self.test/{slug}", "clause": "self.test", "paragraph": "p1",
      "editions": ["ts-n4771"], "kind": "runtime", "strength": "shall", "source": "self.cc",
      "requires": [{'"cancellation"' if slug == "unsupported" else ""}], "summary": "s"}},
""" for slug in ("passes", "fails", "throws", "crashes", "aborts", "exits-early", "hangs", "unsupported",
                 "two-operations", "unregistered")) + """    {"id": "self.test/judged-by-asio-1.26", "clause": "self.test", "paragraph": "p1",
      "editions": ["asio-1.26"], "kind": "runtime", "strength": "shall", "source": "self.cc",
      "requires": [], "summary": "s"},
]
"""

EVERY_NON_PASS_EXPECTED = "".join(f"self.test/{slug} * {verdict} known\n" for slug, verdict in (
    ("fails", "FAIL"), ("throws", "FAIL"), ("crashes", "CRASH"), ("aborts", "CRASH"), ("exits-early", "CRASH"),
    ("hangs", "TIMEOUT"))) + "self.test/two-operations second FAIL known\n"


class ConformReport(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_conform(self, expectations, *extra):
        manifest = self.write("manifest.json", json.dumps({
            "target": "misbehaving",
            "expectations": self.write("expectations.txt", expectations),
            "suites": [{"source": "self.cc", "binary": os.path.abspath(BINARY),
                        "log": self.write("compile.log", "compiled: yes\n")}],
        }))
        output = os.path.join(self.tmp.name, "report")
        process = subprocess.run(
            [sys.executable, CONFORM, f"--manifest={manifest}", f"--registry={self.write('registry.bzl', REGISTRY)}",
             "--case-timeout=2", f"--output={output}", *extra],
            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=os.getcwd()))
        with open(os.path.join(output, "results.json"), encoding="utf-8") as f:
            return process, json.load(f)

    def test_crash_and_hang_are_verdicts_and_the_report_is_written(self):
        process, report = self.run_conform("")
        verdicts = {r["rule"]: r["verdict"] for r in report["results"]}
        self.assertEqual(len(verdicts), 10)
        for rule, verdict in (("passes", "PASS"), ("fails", "FAIL"), ("crashes", "CRASH"), ("hangs", "TIMEOUT"),
                              ("unsupported", "UNSUPPORTED")):
            self.assertEqual(verdicts["self.test/" + rule], verdict, rule)
        self.assertEqual(process.returncode, 1, process.stdout)
        self.assertIn("REGRESSION GATE FAILED", process.stdout)
        self.assertIn("[1/1 units, ", process.stdout)

    def test_the_gate_passes_when_every_non_pass_is_expected(self):
        process, _ = self.run_conform(EVERY_NON_PASS_EXPECTED)
        self.assertEqual(process.returncode, 0, process.stdout)
        self.assertIn("OK: 11 verdicts, 0 unexpected, 0 suite problems", process.stdout)

    def test_a_rule_filter_runs_only_those_rules_without_suite_problems(self):
        process, report = self.run_conform(EVERY_NON_PASS_EXPECTED, "--rule=^self\\.test/(passes|fails)$")
        self.assertEqual(sorted(r["rule"] for r in report["results"]), ["self.test/fails", "self.test/passes"])
        self.assertEqual(process.returncode, 0, process.stdout)

    def test_a_run_by_another_edition_says_it_is_informational(self):
        process, _ = self.run_conform(EVERY_NON_PASS_EXPECTED, "--edition=asio-1.26")
        self.assertIn("INFORMATIONAL, NOT A GATE: judged by edition asio-1.26", process.stdout)
        self.assertNotIn("OK:", process.stdout)
        self.assertEqual(process.returncode, 0, process.stdout)


class SubjectSummary(unittest.TestCase):
    """The executor rules' verdicts per target and per executor subject or library facility."""

    def test_each_subject_has_its_own_counts_and_operation_rules_are_left_out(self):
        from tools.conformance import conform, runner
        rules = {"x/exec": {"subjects": "executors"}, "x/facility": {"subjects": "library"}, "x/op": {}}
        results = [runner.Result("lib", "x/exec", "strand", "PASS", []),
                   runner.Result("lib", "x/exec", "strand", "FAIL", []),
                   runner.Result("lib", "x/exec", "system_executor", "FAIL", [], expected="FAIL"),
                   runner.Result("lib", "x/facility", "bad_executor", "PASS", []),
                   runner.Result("lib", "x/op", "timer.wait", "PASS", [])]
        lines = conform.subject_summary(results, [{"name": "lib"}], rules)
        # subject: rules, cases, pass, unexpected, expected non-PASS
        row = re.compile(r"  lib +(.+?) +(\d+) +(\d+) +(\d+) +(\d+)  (.*)")
        rows = {m.group(1): m.groups()[1:] for m in map(row.fullmatch, lines) if m}
        self.assertEqual(rows, {"executor strand": ("1", "2", "1", "1", "-"),
                                "executor system_executor": ("1", "1", "0", "0", "1 FAIL"),
                                "the library's bad_executor": ("1", "1", "1", "0", "-")})

    def test_no_executor_rule_run_gives_no_table(self):
        from tools.conformance import conform, runner
        self.assertEqual(conform.subject_summary([runner.Result("lib", "x/op", "t", "PASS", [])], [], {"x/op": {}}), [])


if __name__ == "__main__":
    unittest.main()
