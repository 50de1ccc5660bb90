"""Runs one rule binary's cases, each in its own process, and judges the verdicts.

A case that crashes becomes CRASH, one that outlives its time limit TIMEOUT (its process
group is killed), a rule unit that did not compile COMPILE_FAIL for its rules; the other
cases of the suite still run. Verdicts are then compared with the target's expectations.
"""

import dataclasses
import json
import os
import re
import signal
import subprocess
import tempfile
import time

from tools.conformance import registry

DEFAULT_CASE_TIMEOUT_SECONDS = 30.0
# Exit status of a case whose in-process watchdog (harness/probes/watchdog.hpp) fired.
WATCHDOG_EXIT_STATUS = 124


@dataclasses.dataclass
class Result:
    target: str
    rule: str
    operation: str  # "-" for rules judged at compile time
    verdict: str
    messages: list
    seconds: float = 0.0
    expected: str = "PASS"
    reason: str = ""

    @property
    def unexpected(self):
        return self.verdict != self.expected

    def to_json(self):
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Listing:
    target: dict
    cases: list  # of {"case", "rule", "operation"}


def read_compile_log(path):
    """(compiled?, compiler output) from a tolerant_cc_object log."""
    with open(path, encoding="utf-8", errors="replace") as f:
        first = f.readline().strip()
        rest = f.read()
    return first == "compiled: yes", rest


def list_cases(binary):
    out = subprocess.run([binary, "--list"], capture_output=True, text=True, timeout=60, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    return Listing(target=lines[0], cases=lines[1:])


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _tail(text, lines=30):
    return "\n".join(text.strip().splitlines()[-lines:])


# First lines of the reports the sanitizers print before they end a process.
_SANITIZER_HEADLINE = re.compile(r"(?:ERROR|WARNING): ((?:Address|Leak|Thread|Memory)Sanitizer: .*)|(runtime error: .*)")


def _sanitizer_headline(output):
    """The first sanitizer report line in a case's output, e.g. "AddressSanitizer: SEGV on
    unknown address ...", or None."""
    for line in output.splitlines():
        match = _SANITIZER_HEADLINE.search(line)
        if match:
            return (match.group(1) or match.group(2)).strip()
    return None


def _early_exit(how, output):
    headline = _sanitizer_headline(output)
    return f"{how}: {headline}" if headline else how


def run_case(binary, case, timeout, edition):
    """Runs one case, judged by `edition`, in a fresh process group: (verdict, messages, seconds)."""
    with tempfile.TemporaryDirectory(prefix="conformance-case-") as tmp:
        result_path = os.path.join(tmp, "verdict.json")
        started = time.monotonic()
        process = subprocess.Popen(
            [binary, f"--run={case}", f"--result={result_path}", f"--edition={edition}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            return "TIMEOUT", [f"no verdict after {timeout:.0f} s; process killed", _tail(output)], timeout
        seconds = time.monotonic() - started
        if process.returncode < 0:
            return "CRASH", [f"killed by {_signal_name(-process.returncode)}", _tail(output)], seconds
        if not os.path.exists(result_path) and process.returncode == WATCHDOG_EXIT_STATUS:
            return "TIMEOUT", ["the case's own watchdog fired", _tail(output)], seconds
        if not os.path.exists(result_path):
            return "CRASH", [_early_exit(f"exited with status {process.returncode} before reporting a verdict", output),
                             _tail(output)], seconds
        with open(result_path, encoding="utf-8") as f:
            reported = json.load(f)
        verdict, messages = reported["verdict"], reported["messages"]
        if process.returncode != 0 and verdict != "FAIL":
            return "CRASH", [_early_exit(f"reported {verdict} but exited with status {process.returncode}", output),
                             _tail(output)], seconds
        return verdict, messages, seconds


def _compile_time_verdict(rule, compiled, log):
    if rule["kind"] == "compile-pass":
        return ("PASS", []) if compiled else ("COMPILE_FAIL", [_tail(log)])
    # compile-fail: the unit must be rejected, with the expected diagnostic.
    if compiled:
        return "FAIL", ["compiled, but the rule requires it to be rejected"]
    if re.search(rule["diagnostic"], log):
        return "PASS", []
    return "FAIL", [f"rejected, but without a diagnostic matching /{rule['diagnostic']}/", _tail(log)]


def _default_expectation(rule, capabilities):
    missing = [c for c in rule.get("requires", []) if c not in capabilities]
    if missing:
        return "UNSUPPORTED", "target does not declare " + ", ".join(missing)
    return "PASS", ""


def run_suite(suite, rules, expectations, edition=None, timeout=DEFAULT_CASE_TIMEOUT_SECONDS, on_result=None,
              only=None):
    """Runs every rule of one translation unit against one target.

    suite: {"source", "binary", "log"} from a target manifest.
    rules: the whole registry (checked against the binary); only: rule ids to run, or None.
    Returns (results, problems, edition): problems are registry/binary mismatches that
    are errors of the suite itself (a registered rule without a case, an unregistered case).
    """
    compiled, log = read_compile_log(suite["log"])
    listing = list_cases(suite["binary"])
    target = listing.target["target"]
    judged_edition = edition or listing.target["edition"]
    capabilities = set(listing.target.get("capabilities", []))
    in_source = [r for r in rules.values() if r["source"] == suite["source"] and (only is None or r["id"] in only)]
    problems = []
    results = []

    def emit(result):
        expectation = registry.expected_verdict(expectations, result.rule, result.operation)
        if expectation:
            result.expected, result.reason = expectation.verdict, expectation.reason
        else:
            result.expected, result.reason = _default_expectation(rules[result.rule], capabilities)
        results.append(result)
        if on_result:
            on_result(result)

    for case in listing.cases:
        if case["rule"] not in rules:
            problems.append(f"{suite['source']}: case '{case['case']}' names rule {case['rule']}, which is not registered")
        elif rules[case["rule"]]["source"] != suite["source"]:
            problems.append(f"{suite['source']}: case '{case['case']}' belongs to {rules[case['rule']]['source']}")
    for rule in in_source:
        if judged_edition not in rule["editions"]:
            continue
        if rule["kind"] != "runtime":
            verdict, messages = _compile_time_verdict(rule, compiled, log)
            emit(Result(target, rule["id"], "-", verdict, messages))
            continue
        if not compiled:
            emit(Result(target, rule["id"], "*", "COMPILE_FAIL", [_tail(log)]))
            continue
        cases = [c for c in listing.cases if c["rule"] == rule["id"]]
        if not cases:
            problems.append(f"{suite['source']}: rule {rule['id']} is registered here but has no case")
        for case in cases:
            verdict, messages, seconds = run_case(suite["binary"], case["case"], timeout, judged_edition)
            emit(Result(target, rule["id"], case["operation"], verdict, messages, seconds))
    return results, problems, judged_edition


def stale_expectations(expectations, rules, results, sources):
    """Expectations about rules of `sources` that matched no result: errors in the file."""
    seen = {(r.rule, r.operation) for r in results}
    seen_rules = {r.rule for r in results}
    stale = []
    for e in expectations:
        if e.rule not in rules:
            stale.append(f"line {e.line}: rule {e.rule} is not registered")
        elif rules[e.rule]["source"] not in sources:
            continue
        elif e.operation == "*" and e.rule not in seen_rules:
            stale.append(f"line {e.line}: rule {e.rule} produced no verdict in this edition")
        elif e.operation != "*" and (e.rule, e.operation) not in seen:
            stale.append(f"line {e.line}: {e.rule} has no operation named {e.operation}")
    return stale


def describe(result, rules):
    """One human-readable line (plus indented messages) for a result."""
    rule = rules.get(result.rule, {})
    status = result.verdict
    if result.unexpected:
        status = f"UNEXPECTED {result.verdict} (expected {result.expected})"
    elif result.verdict != "PASS":
        status = f"{result.verdict} (expected: {result.reason})"
    where = f"{result.rule} @ {result.operation}" if result.operation != "-" else result.rule
    line = f"{status:<12} {result.target}  {where}  {registry.clause_reference(rule) if rule else ''}"
    if result.unexpected or result.verdict not in ("PASS",):
        for message in result.messages:
            for text in str(message).splitlines():
                line += f"\n      {text}"
    return line
