"""Tests of the runner: every way a rule can misbehave becomes that case's own verdict."""

import os
import tempfile
import unittest

from tools.conformance import registry, runner

BINARY = os.environ.get("MISBEHAVING_CASES", "tools/conformance/misbehaving_cases")


EDITIONS = ("ts-n4771", "asio-1.22", "asio-1.26", "asio-1.28")


def rule(rule_id, kind="runtime", requires=(), diagnostic=None, editions=EDITIONS):
    entry = {"id": rule_id, "clause": "self.test", "paragraph": "p1", "editions": list(editions),
             "kind": kind, "strength": "shall", "source": "self.cc", "requires": list(requires),
             "summary": "runner self-test"}
    if diagnostic:
        entry["diagnostic"] = diagnostic
    return entry


RUNTIME_RULES = {r["id"]: r for r in [
    rule("self.test/passes"), rule("self.test/fails"), rule("self.test/throws"),
    rule("self.test/crashes"), rule("self.test/aborts"), rule("self.test/exits-early"),
    rule("self.test/hangs"), rule("self.test/unsupported", requires=["cancellation"]),
    rule("self.test/two-operations"), rule("self.test/not-in-edition", editions=["asio-1.28"]),
    rule("self.test/has-no-case"), rule("self.test/judged-by-asio-1.26", editions=["asio-1.26"]),
    dict(rule("self.test/no-executor-subject-applies"), subjects="executors"),
]}


class SuiteFixture(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def suite(self, compile_log="compiled: yes\n"):
        return {"source": "self.cc", "binary": BINARY, "log": self.write("compile.log", compile_log)}


class RuntimeVerdicts(SuiteFixture):
    @classmethod
    def setUpClass(cls):
        fixture = SuiteFixture()
        fixture.setUp()
        cls.results, cls.problems, cls.edition = runner.run_suite(
            fixture.suite(), RUNTIME_RULES, [], timeout=2.0)
        fixture.tmp.cleanup()
        cls.by_case = {(r.rule, r.operation): r for r in cls.results}

    def verdict(self, rule_id, operation="op"):
        return self.by_case[(rule_id, operation)].verdict

    def test_edition_comes_from_the_target(self):
        self.assertEqual(self.edition, "ts-n4771")

    def test_pass_and_fail(self):
        self.assertEqual(self.verdict("self.test/passes"), "PASS")
        self.assertEqual(self.verdict("self.test/fails"), "FAIL")
        self.assertIn("one is not two", "\n".join(self.by_case[("self.test/fails", "op")].messages))

    def test_an_exception_escaping_the_body_fails_the_case(self):
        self.assertEqual(self.verdict("self.test/throws"), "FAIL")

    def test_signals_and_early_exits_are_crashes(self):
        self.assertEqual(self.verdict("self.test/crashes"), "CRASH")
        # Killed by SIGSEGV, or (under --config=asan) "AddressSanitizer: SEGV on unknown address".
        self.assertIn("SEGV", self.by_case[("self.test/crashes", "op")].messages[0])
        self.assertEqual(self.verdict("self.test/aborts"), "CRASH")
        self.assertEqual(self.verdict("self.test/exits-early"), "CRASH")

    def test_an_executor_rule_no_subject_applies_to_is_unsupported_not_skipped(self):
        # No case registered (no subject has the optional member it needs): a verdict naming why.
        result = self.by_case[("self.test/no-executor-subject-applies", "*")]
        self.assertEqual(result.verdict, "UNSUPPORTED")
        self.assertIn("executor subjects", result.messages[0])

    def test_a_hang_is_a_timeout_and_the_rest_still_runs(self):
        self.assertEqual(self.verdict("self.test/hangs"), "TIMEOUT")
        self.assertEqual(self.verdict("self.test/unsupported"), "UNSUPPORTED")

    def test_unsupported_is_expected_only_for_an_undeclared_capability(self):
        result = self.by_case[("self.test/unsupported", "op")]
        self.assertFalse(result.unexpected)
        self.assertTrue(self.by_case[("self.test/fails", "op")].unexpected)

    def test_a_capability_the_judged_edition_requires_is_a_fail_when_missing(self):
        rules = {"self.test/unsupported": RUNTIME_RULES["self.test/unsupported"]}
        results, _, _ = runner.run_suite(self.suite(), rules, [], edition_capabilities={"ts-n4771": ["cancellation"]})
        self.assertEqual([(r.verdict, r.unexpected) for r in results], [("FAIL", True)])
        self.assertIn("which the edition it claims (ts-n4771) requires", results[0].messages[-1])
        # Judged by another edition, the target keeps the requirements of the one it claims.
        judged, _, _ = runner.run_suite(self.suite(), rules, [], edition="asio-1.26",
                                        edition_capabilities={"ts-n4771": ["cancellation"], "asio-1.26": []})
        self.assertEqual([r.verdict for r in judged], ["FAIL"])

    def test_a_rule_without_cases_for_a_required_capability_fails_and_otherwise_is_unsupported(self):
        needs = {"self.test/has-no-case": rule("self.test/has-no-case", requires=["cancellation"])}
        required, _, _ = runner.run_suite(self.suite(), needs, [], edition_capabilities={"ts-n4771": ["cancellation"]})
        optional, _, _ = runner.run_suite(self.suite(), needs, [], edition_capabilities={"ts-n4771": []})
        self.assertEqual([(r.verdict, r.unexpected) for r in required], [("FAIL", True)])
        self.assertEqual([(r.verdict, r.unexpected) for r in optional], [("UNSUPPORTED", False)])

    def test_a_failed_should_or_may_rule_is_advisory_and_not_gated_unless_expected(self):
        may = dict(RUNTIME_RULES["self.test/fails"], strength="may")
        results, _, _ = runner.run_suite(self.suite(), {"self.test/fails": may}, [])
        self.assertEqual([(r.verdict, r.unexpected) for r in results], [("ADVISORY", False)])
        expected = registry.load_expectations(self.write("e.txt", "self.test/fails * ADVISORY known\n"))
        results, _, _ = runner.run_suite(self.suite(), {"self.test/fails": may}, expected)
        self.assertFalse(results[0].unexpected)
        passes = dict(RUNTIME_RULES["self.test/passes"], strength="should")
        expected = registry.load_expectations(self.write("p.txt", "self.test/passes * ADVISORY stale\n"))
        results, _, _ = runner.run_suite(self.suite(), {"self.test/passes": passes}, expected)
        self.assertTrue(results[0].unexpected, "an expected ADVISORY that now passes is reported")

    def test_a_requirement_with_alternatives_is_met_by_either(self):
        either = dict(RUNTIME_RULES["self.test/passes"], requires=["cancellation|ts_executors"])
        self.assertEqual(runner.missing_capabilities(either, {"ts_executors"}), [])
        neither = dict(either, requires=["cancellation|standard_executors"])
        self.assertEqual(runner.missing_capabilities(neither, {"ts_executors"}), ["cancellation|standard_executors"])

    def test_each_operation_gets_its_own_verdict(self):
        self.assertEqual(self.verdict("self.test/two-operations", "first"), "PASS")
        self.assertEqual(self.verdict("self.test/two-operations", "second"), "FAIL")

    def test_rules_outside_the_edition_are_not_judged(self):
        self.assertNotIn("self.test/not-in-edition", {r.rule for r in self.results})

    def test_an_edition_given_to_the_runner_reaches_the_case(self):
        rules = {"self.test/judged-by-asio-1.26": RUNTIME_RULES["self.test/judged-by-asio-1.26"]}
        results, _, edition = runner.run_suite(self.suite(), rules, [], edition="asio-1.26")
        self.assertEqual(edition, "asio-1.26")
        self.assertEqual([(r.rule, r.verdict) for r in results], [("self.test/judged-by-asio-1.26", "PASS")])

    def test_a_rule_of_an_edition_the_units_did_not_compile_is_not_blamed_on_the_library(self):
        rules = {"self.test/judged-by-asio-1.26": RUNTIME_RULES["self.test/judged-by-asio-1.26"]}
        os.environ["MISBEHAVING_COMPILED_EDITION"] = "ts-n4771"
        self.addCleanup(os.environ.pop, "MISBEHAVING_COMPILED_EDITION")
        results, _, _ = runner.run_suite(self.suite(), rules, [], edition="asio-1.26")
        [result] = results
        self.assertEqual((result.verdict, result.expected), ("UNSUPPORTED", "UNSUPPORTED"))
        self.assertIn("says nothing of the library", result.messages[0])
        self.assertIn("--config=every_edition", result.messages[0])

    def test_a_mutant_runs_the_rules_its_expectations_name_and_says_it_ran_no_other(self):
        expectations = [registry.Expectation("self.test/fails", "op", "FAIL", "mutant: the fault", 1)]
        results, _, _ = runner.run_suite(self.suite(), RUNTIME_RULES, expectations,
                                         only={"self.test/passes", "self.test/fails"}, only_expected_cases=True)
        self.assertEqual(len(results), 2)
        by_rule = {r.rule: r for r in results}
        self.assertEqual((by_rule["self.test/fails"].verdict, by_rule["self.test/fails"].unexpected), ("FAIL", False))
        not_run = by_rule["self.test/passes"]
        self.assertEqual((not_run.operation, not_run.verdict, not_run.expected), ("*", "UNSUPPORTED", "UNSUPPORTED"))
        self.assertIn("says nothing of the library", not_run.messages[0])

    def test_a_case_does_not_write_the_rule_tests_xml_report(self):
        report = os.path.join(self.tmp.name, "test.xml")
        os.environ["XML_OUTPUT_FILE"] = report
        self.addCleanup(os.environ.pop, "XML_OUTPUT_FILE")
        verdict, _, _ = runner.run_case(BINARY, "self.test/fails @ op", 10.0, "ts-n4771")
        self.assertEqual(verdict, "FAIL")
        self.assertFalse(os.path.exists(report), "the case wrote Bazel's XML report of the rule test")

    def test_registry_and_binary_disagreements_are_suite_problems(self):
        joined = "\n".join(self.problems)
        self.assertIn("self.test/unregistered", joined)
        self.assertIn("self.test/has-no-case", joined)


class MissingNames(unittest.TestCase):
    def test_names_what_the_library_lacks_in_gccs_wordings(self):
        self.assertEqual(runner.missing_name("a.hpp:1:2: error: ‘expiry’ is not a member of ‘mylib’"),
                         "mylib::expiry does not exist")
        self.assertEqual(runner.missing_name("a.hpp:1:2: error: 'class mylib::timer' has no member named 'expiry'"),
                         "mylib::timer has no member expiry")
        self.assertEqual(
            runner.missing_name("u.hpp:108:57: error: no matching function for call to "
                                "‘asio::basic_datagram_socket<asio::ip::udp>::receive_from(asio::mutable_buffers_1)’"),
            "no overload accepts the call asio::basic_datagram_socket<asio::ip::udp>::receive_from(asio::mutable_buffers_1)")
        self.assertIsNone(runner.missing_name("x.cc:1:2: error: static assertion failed"))

    def test_compile_fail_messages_carry_it(self):
        messages = runner._compile_fail_messages("what", "a.hpp:1:2: error: ‘expiry’ is not a member of ‘mylib’", "log")
        self.assertIn("missing from the library: mylib::expiry does not exist", messages[2])
        self.assertEqual(messages[-1], "the compiler's whole output: log")


class CompileVerdicts(SuiteFixture):
    def test_a_unit_that_did_not_compile_gives_compile_fail_for_its_runtime_rules(self):
        rules = {"self.test/passes": rule("self.test/passes")}
        log = "compiled: no (exit 1)\nfirst error: x.cc:1:2: error: boom\n--- compiler output, attempt 1 ---\n"
        results, _, _ = runner.run_suite(self.suite(log), rules, [])
        self.assertEqual([(r.operation, r.verdict) for r in results], [("*", "COMPILE_FAIL")])
        self.assertIn("outside any one case", results[0].messages[0])
        self.assertIn("x.cc:1:2: error: boom", results[0].messages[1])

    def test_a_case_that_did_not_compile_gives_compile_fail_for_itself_alone(self):
        rules = {k: RUNTIME_RULES[k] for k in ("self.test/passes", "self.test/has-no-case")}
        log = ("compiled: yes, without 1 cases that did not compile\n"
               "case did not compile: self.test/has-no-case @ op+recording-std\tx.cc:3:4: error: no member named y\n")
        results, problems, _ = runner.run_suite(self.suite(log), rules, [])
        verdicts = {(r.rule, r.operation): r for r in results}
        self.assertEqual(verdicts[("self.test/passes", "op")].verdict, "PASS")
        failed = verdicts[("self.test/has-no-case", "op+recording-std")]
        self.assertEqual(failed.verdict, "COMPILE_FAIL")
        self.assertIn("the operation op with the executor recording-std", failed.messages[0])
        self.assertIn("error: no member named y", failed.messages[1])
        self.assertFalse([p for p in problems if "has-no-case" in p], "a case left out by the compile is not missing")

    def test_a_case_of_a_library_facility_that_did_not_compile_names_the_facility(self):
        facility_rule = dict(RUNTIME_RULES["self.test/has-no-case"], subjects="library")
        log = ("compiled: yes, without 1 cases that did not compile\n"
               "case did not compile: self.test/has-no-case @ system_executor\tx.cc:3:4: error: no member named stop\n")
        results, _, _ = runner.run_suite(self.suite(log), {"self.test/has-no-case": facility_rule}, [])
        failed = {(r.rule, r.operation): r for r in results}[("self.test/has-no-case", "system_executor")]
        self.assertEqual(failed.verdict, "COMPILE_FAIL")
        self.assertIn("the library's system_executor", failed.messages[0])

    def test_compile_pass_and_compile_fail_rules(self):
        rules = {r["id"]: r for r in [
            rule("self.test/must-compile", kind="compile-pass"),
            rule("self.test/must-be-rejected", kind="compile-fail", diagnostic=r"static assertion failed"),
        ]}
        ok, _, _ = runner.run_suite(self.suite(), rules, [])
        verdicts = {r.rule: r.verdict for r in ok}
        self.assertEqual(verdicts["self.test/must-compile"], "PASS")
        self.assertEqual(verdicts["self.test/must-be-rejected"], "FAIL")
        rejected, _, _ = runner.run_suite(self.suite("compiled: no (exit 1)\nerror: static assertion failed\n"), rules, [])
        verdicts = {r.rule: r.verdict for r in rejected}
        self.assertEqual(verdicts["self.test/must-compile"], "COMPILE_FAIL")
        self.assertEqual(verdicts["self.test/must-be-rejected"], "PASS")
        wrong, _, _ = runner.run_suite(self.suite("compiled: no (exit 1)\nerror: no member named x\n"), rules, [])
        self.assertEqual({r.rule: r.verdict for r in wrong}["self.test/must-be-rejected"], "FAIL")


class Expectations(SuiteFixture):
    def test_expected_failures_are_not_unexpected_and_unexpected_passes_are(self):
        path = self.write("expect.txt", "# comment\n"
                          "self.test/fails  *  FAIL  known deviation\n"
                          "self.test/passes  op  FAIL  stale: it passes now\n")
        expectations = registry.load_expectations(path)
        rules = {k: RUNTIME_RULES[k] for k in ("self.test/fails", "self.test/passes")}
        results, _, _ = runner.run_suite(self.suite(), rules, expectations)
        by_rule = {r.rule: r for r in results}
        self.assertFalse(by_rule["self.test/fails"].unexpected)
        self.assertEqual(by_rule["self.test/fails"].reason, "known deviation")
        self.assertTrue(by_rule["self.test/passes"].unexpected)

    def test_malformed_lines_and_pass_expectations_are_rejected(self):
        for text in ("self.test/fails * FAIL\n", "self.test/fails * PASS because\n", "x * MAYBE y\n"):
            with self.assertRaises(ValueError):
                registry.load_expectations(self.write("bad.txt", text))

    def test_stale_expectations_are_reported(self):
        path = self.write("expect.txt", "self.test/nope * FAIL r\nself.test/fails other FAIL r\n")
        expectations = registry.load_expectations(path)
        results = [runner.Result("t", "self.test/fails", "op", "FAIL", [])]
        stale = runner.stale_expectations(expectations, RUNTIME_RULES, results, {"self.cc"})
        self.assertEqual(len(stale), 2)
        # A unit's test holds its own rules alone: another unit's rule is not its to report.
        part = runner.stale_expectations(expectations, RUNTIME_RULES, results, {"self.cc"}, whole_registry=False)
        self.assertEqual(len(part), 1)
        self.assertIn("has no operation named other", part[0])


class ExecutorRoleCases(SuiteFixture):
    """A conformance_executor() target's executors as ex1 and ex2 over a library's operations."""

    def roles(self, library_expectations=""):
        path = self.write("library.txt", library_expectations)
        return runner.ExecutorRoles("lib-1.0", registry.load_expectations(path))

    def test_role_cases_are_recognised_by_their_fixture(self):
        self.assertEqual(runner.executor_role("timer.wait+ex2:my_pool"), ("ex2", "my_pool"))
        self.assertEqual(runner.executor_role("timer.wait+ex1:my_pool"), ("ex1", "my_pool"))
        self.assertEqual(runner.executor_role("timer.wait+ex2-recorded:my_pool"), ("ex2-recorded", "my_pool"))
        self.assertIsNone(runner.executor_role("timer.wait+recording-ts"))
        self.assertIsNone(runner.executor_role("my_pool"))

    def test_the_librarys_own_deviation_is_expected_and_named_as_the_librarys(self):
        roles = self.roles("r/x  async_read.composed+recording-ts  FAIL  holds no work between steps\n")
        verdict, reason = roles.expected("r/x", "async_read.composed+ex1:my_pool", "FAIL")
        self.assertEqual(verdict, "FAIL")
        self.assertIn("lib-1.0's own deviation, not the executor's", reason)
        self.assertIsNone(roles.expected("r/x", "async_write.composed+ex1:my_pool", "FAIL"))
        self.assertIsNone(roles.expected("r/y", "async_read.composed+ex1:my_pool", "FAIL"))

    def test_a_fail_elsewhere_names_the_executor_under_test_in_its_role(self):
        message = self.roles().blame("timer.wait+ex2:my_pool")
        self.assertIn("concerns the executor under test, my_pool, as ex2, the handler's associated executor", message)
        message = self.roles().blame("timer.wait+ex2-recorded:my_pool")
        self.assertIn("concerns the executor under test, my_pool, as ex2, the handler's associated executor, under a "
                      "recording executor", message)

    def test_a_role_case_the_harness_skips_is_expected_unsupported(self):
        self.assertEqual(self.roles().expected("r/x", "timer.wait+ex2:my_pool", "UNSUPPORTED")[0], "UNSUPPORTED")

    def test_a_rule_without_a_role_case_is_an_expected_unsupported_not_a_suite_problem(self):
        results, problems, _ = runner.run_suite(self.suite(), RUNTIME_RULES, [], roles=self.roles(),
                                                only={"self.test/has-no-case"})
        self.assertEqual([p for p in problems if "has-no-case" in p], [])
        (result,) = results
        self.assertEqual((result.operation, result.verdict, result.unexpected), ("*", "UNSUPPORTED", False))
        self.assertIn("lib-1.0's own target", result.messages[0])


class SanitizerHeadlines(unittest.TestCase):
    """A CRASH caused by a sanitizer names the sanitizer's finding in its first message."""

    def test_each_sanitizer_report_is_recognised(self):
        reports = {
            "==7==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020": "AddressSanitizer: heap-use-after-free",
            "==7==ERROR: LeakSanitizer: detected memory leaks": "LeakSanitizer: detected memory leaks",
            "WARNING: ThreadSanitizer: data race (pid=7)": "ThreadSanitizer: data race",
            "x.cc:3:5: runtime error: signed integer overflow": "runtime error: signed integer overflow",
        }
        for line, headline in reports.items():
            self.assertIn(headline, runner._sanitizer_headline("[ RUN ] case\n" + line + "\n    #0 0x1 in f"))

    def test_plain_output_has_no_headline(self):
        self.assertIsNone(runner._sanitizer_headline("Segmentation fault\nexpected 1, got 2"))


if __name__ == "__main__":
    unittest.main()
