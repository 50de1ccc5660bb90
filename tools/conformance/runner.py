"""Runs one rule binary's cases, each in its own process, and judges the verdicts.

A case that crashes becomes CRASH, one that outlives its time limit TIMEOUT (its process
group is killed), a rule unit that did not compile COMPILE_FAIL for its rules; the other
cases of the suite still run. Verdicts are then compared with the target's expectations.
"""

import concurrent.futures
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
# Case processes of one rule unit run at once: most of a case is waiting, not computing.
DEFAULT_CASE_JOBS = 3
# The default expectation of a case of a "should" or "may" rule.
ADVISORY_OR_PASS = "PASS or ADVISORY"
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
        # A rule from "should" or "may" text that did not hold is shown and counted, but a
        # target that expects nothing of it is not held to it (the expectation "PASS or
        # ADVISORY"); one that writes ADVISORY down is, so a fix shows as an unexpected PASS.
        if self.expected == ADVISORY_OR_PASS:
            return self.verdict not in ("PASS", "ADVISORY")
        return self.verdict != self.expected

    def to_json(self):
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Listing:
    target: dict
    cases: list  # of {"case", "rule", "operation"}


@dataclasses.dataclass
class CompileLog:
    """What tools/bazel/compile_cases.py wrote about one rule unit."""
    compiled: bool            # the unit compiled, perhaps without some cases
    failed_cases: dict        # {"<rule> @ <operation>": its first error}, cases left out
    first_error: str          # when the unit did not compile at all
    text: str                 # the whole log


def read_compile_log(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    lines = text.splitlines()
    status = lines[0].strip() if lines else ""
    failed = {}
    first_error = ""
    for line in lines[1:]:
        if line.startswith("case did not compile: "):
            case, _, error = line[len("case did not compile: "):].partition("\t")
            failed[case] = error
        elif line.startswith("first error: ") and not first_error:
            first_error = line[len("first error: "):]
    return CompileLog(status.startswith("compiled: yes"), failed, first_error, text)


# GCC's wordings of a name the library under test lacks, quoted with ‘’ or '' by locale.
_Q = "[‘'`]"
_MISSING_NAME_PATTERNS = [
    (re.compile(_Q + r"([^’']+)[’'] is not a member of " + _Q + r"([^’']+)[’']"),
     lambda m: f"{m.group(2)}::{m.group(1)} does not exist"),
    (re.compile(_Q + r"(?:class |struct )?([^’']+)[’'] has no member named " + _Q + r"([^’']+)[’']"),
     lambda m: f"{m.group(1)} has no member {m.group(2)}"),
    (re.compile(r"no matching function for call to " + _Q + r"([^’']+)[’']"),
     lambda m: f"no overload accepts the call {m.group(1)}"),
]


def missing_name(first_error):
    """What the library under test lacks, when a first compiler error says so plainly; else None."""
    for pattern, describe in _MISSING_NAME_PATTERNS:
        match = pattern.search(first_error or "")
        if match:
            return describe(match)
    return None


def _compile_fail_messages(what, first_error, log_path):
    messages = [what, "first error: " + (first_error or "(none found)")]
    missing = missing_name(first_error)
    if missing:
        messages.append(f"missing from the library: {missing} (docs/surface.md lists the net:: names each rule "
                        "unit uses; a binding may supply a name its library lacks)")
    return messages + ["the compiler's whole output: " + log_path]


def _describe_case_operation(rule, operation):
    # A case's subject is an executor (conformance/executors/) or a facility of the library
    # (conformance/executors/facilities.hpp) for the rules that say so, else an operation
    # descriptor. What follows "+" is a handler executor
    # (harness/handler_executors.hpp) or, for the rules about ex1, an I/O executor
    # (harness/io_executors.hpp); some names are in both.
    descriptor, _, executor = operation.partition("+")
    if rule.get("subjects") == "executors":
        return f"the executor subject {descriptor}"
    if rule.get("subjects") == "library":
        return f"the library's {descriptor}"
    role = executor_role(operation)
    if role:
        return f"the operation {descriptor} with the executor under test {role[1]} as {ROLE_DESCRIPTIONS[role[0]]}"
    return f"the operation {descriptor}" + (f" with the executor {executor}" if executor else "")


# A conformance_executor() target's cases "<operation>+ex1:<subject>", "<operation>+ex2:<subject>"
# and "<operation>+ex2-recorded:<subject>" (conformance/harness/executor_roles.hpp).
ROLE_DESCRIPTIONS = {
    "ex1": "ex1, the executor of the operation's I/O object",
    "ex2": "ex2, the handler's associated executor",
    "ex2-recorded": "ex2, the handler's associated executor, under a recording executor that logs what the "
                    "operation submits to it",
}


def executor_role(operation):
    """(role, subject) for a case giving a third party's executor a role (ROLE_DESCRIPTIONS), else None."""
    _, _, fixture = operation.partition("+")
    role, colon, subject = fixture.partition(":")
    return (role, subject) if colon and role in ROLE_DESCRIPTIONS else None


@dataclasses.dataclass(frozen=True)
class ExecutorRoles:
    """A conformance_executor() target's executors in the roles of ex1 and ex2 over `library`'s
    operations: what a case is expected to give when the target's expectations say nothing."""
    library: str
    library_expectations: list  # that library's own expectations

    @staticmethod
    def of(manifest):
        roles = manifest.get("executor_roles")
        if not roles:
            return None
        return ExecutorRoles(roles["library"], registry.load_expectations(roles["library_expectations"]))

    def expected(self, rule, operation, verdict):
        """(verdict, reason) expected of a role case, or None for the rule's default."""
        if verdict == "UNSUPPORTED":
            # Only the harness skips a role case (the message says why): the library's missing
            # capabilities give no role case at all.
            return "UNSUPPORTED", "the rule cannot judge the executor under test in this role (the verdict says why)"
        base = operation.partition("+")[0]
        own = [e for e in self.library_expectations
               if e.rule == rule and (e.operation == "*" or e.operation.partition("+")[0] == base)]
        if own:
            return own[0].verdict, f"{self.library}'s own deviation, not the executor's: {own[0].reason}"
        return None

    def blame(self, operation):
        """Who a FAIL of a role case concerns, when the library has no deviation there."""
        role, subject = executor_role(operation)
        return (f"{self.library}'s operation {operation.partition('+')[0]} passes this rule with the library's own "
                f"executors (its expectations list no deviation here), so this verdict concerns the executor "
                f"under test, {subject}, as {ROLE_DESCRIPTIONS[role]}")

    def no_role(self):
        return ("no case of this rule gives the executor under test a role: the rule judges the library's "
                f"operations with executors of its own choosing, on {self.library}'s own target; or none of the "
                "target's subjects can take the role (ex2 needs run() and the executor's running_in_this_thread(), "
                "ex1 needs run() and the TS members; docs/adapters.md)")


def list_cases(binary):
    out = subprocess.run([binary, "--list"], capture_output=True, text=True, errors="replace", timeout=60,
                         check=True).stdout
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


# What GoogleTest reads to write a JUnit XML file: Bazel sets it for the rule test, whose own
# result that file is; a case process that inherited it would overwrite it with its own.
_TEST_REPORT_VARIABLES = ("XML_OUTPUT_FILE", "GTEST_OUTPUT")


def _case_environment():
    return {name: value for name, value in os.environ.items() if name not in _TEST_REPORT_VARIABLES}


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
            env=_case_environment(),
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
        with open(result_path, encoding="utf-8", errors="replace") as f:
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


def missing_capabilities(rule, capabilities):
    """The rule's requirements the target does not meet; an entry "a|b" is met by either."""
    return [entry for entry in rule.get("requires", [])
            if not any(c in capabilities for c in entry.split("|"))]


def required_but_missing(rule, capabilities, required):
    """The rule's unmet requirements that the edition the target claims requires of every library
    claiming it (`required`, from the registry's EDITION_CAPABILITIES): their absence is a failure."""
    return [entry for entry in missing_capabilities(rule, capabilities)
            if any(c in required for c in entry.split("|"))]


def _unmet(missing):
    return "the target does not declare " + ", ".join(m.replace("|", " or ") for m in missing)


def _not_compiled(compiled_edition, judged_edition):
    return (f"not run, which says nothing of the library: the target's rule units compiled only the rules of "
            f"edition {compiled_edition}, the one it is judged by, and this rule is not one of them; to judge it "
            f"by {judged_edition}, build with --config=every_edition or give conformance_target() "
            f"edition = \"{judged_edition}\"")


NOT_SELECTED = ("not run, which says nothing of the library: this target (a mutant) compiles and runs only "
                "the cases its expectations name, and they name none of this rule's; the rest of the unit is "
                "the base library's, judged on its own target")


def _required_unmet(missing, edition):
    return (f"{_unmet(missing)}, which the edition it claims ({edition}) requires of every library "
            "claiming it: the library lacks a facility of its own edition (FAIL, not UNSUPPORTED)")


def default_expectation(rule, capabilities, required=()):
    """What a case of `rule` is expected to give on a target with `capabilities`, claiming an
    edition that requires the capabilities `required`, when its expectations file says nothing of
    it: (verdict or "PASS or ADVISORY", reason)."""
    missing = missing_capabilities(rule, capabilities)
    if missing and not required_but_missing(rule, capabilities, required):
        return "UNSUPPORTED", _unmet(missing)
    if rule.get("strength", "shall") != "shall":
        return ADVISORY_OR_PASS, f"the clause says '{rule['strength']}': a failed check is advisory"
    return "PASS", ""


def _graded(verdict, rule):
    """FAIL of a rule whose clause says "should" or "may" is ADVISORY."""
    return "ADVISORY" if verdict == "FAIL" and rule.get("strength", "shall") != "shall" else verdict


def run_suite(suite, rules, expectations, edition=None, timeout=DEFAULT_CASE_TIMEOUT_SECONDS, on_result=None,
              only=None, case_jobs=DEFAULT_CASE_JOBS, roles=None, edition_capabilities=None,
              only_expected_cases=False):
    """Runs every rule of one translation unit against one target.

    suite: {"source", "binary", "log"} from a target manifest.
    rules: the whole registry (checked against the binary); only: rule ids to run, or None.
    case_jobs: how many case processes run at once (cases mostly wait: for their events, a
    watchdog, a child process); results are still reported in the unit's order.
    roles: ExecutorRoles.of(manifest), for a conformance_executor() target.
    edition_capabilities: the registry's EDITION_CAPABILITIES; a rule that needs a capability the
    edition the target claims requires, on a target without it, gets FAIL instead of UNSUPPORTED
    (whatever edition it is judged by: a mutant judged by another edition keeps its own claim).
    only_expected_cases: the manifest's flag of that name (a mutant's target): the binary holds
    only the cases the expectations name, and a runtime rule they do not name is not run.
    Returns (results, problems, edition): problems are registry/binary mismatches that
    are errors of the suite itself (a registered rule without a case, an unregistered case).
    """
    compile_log = read_compile_log(suite["log"])
    listing = list_cases(suite["binary"])
    target = listing.target["target"]
    judged_edition = edition or listing.target["edition"]
    capabilities = set(listing.target.get("capabilities", []))
    claimed_edition = listing.target.get("claimed_edition", listing.target["edition"])
    compiled_edition = listing.target.get("compiled_edition", "")
    required = set((edition_capabilities or {}).get(claimed_edition, []))
    in_source = [r for r in rules.values() if r["source"] == suite["source"] and (only is None or r["id"] in only)]
    problems = []
    results = []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, case_jobs))
    pending = []  # in order: a Result, or a (rule, case, future) still running

    def emit(result):
        pending.append(result)

    def report(result):
        expectation = registry.expected_verdict(expectations, result.rule, result.operation)
        in_role = roles is not None and executor_role(result.operation)
        role_expectation = roles.expected(result.rule, result.operation, result.verdict) if in_role else None
        if expectation:
            result.expected, result.reason = expectation.verdict, expectation.reason
        elif result.reason:
            pass  # expected as the runner stated when it made the result
        elif role_expectation:
            result.expected, result.reason = role_expectation
        else:
            result.expected, result.reason = default_expectation(rules[result.rule], capabilities, required)
            if in_role and result.verdict in ("FAIL", "TIMEOUT", "CRASH"):
                result.messages.append(roles.blame(result.operation))
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
            verdict, messages = _compile_time_verdict(rule, compile_log.compiled, compile_log.text)
            emit(Result(target, rule["id"], "-", verdict, messages))
            continue
        if compiled_edition and compiled_edition not in rule["editions"]:
            emit(Result(target, rule["id"], "*", "UNSUPPORTED", [_not_compiled(compiled_edition, judged_edition)],
                        expected="UNSUPPORTED", reason="harness: not compiled for this run's edition"))
            continue
        if only_expected_cases and not any(e.rule == rule["id"] for e in expectations):
            emit(Result(target, rule["id"], "*", "UNSUPPORTED", [NOT_SELECTED],
                        expected="UNSUPPORTED", reason="harness: a mutant runs only its expected cases"))
            continue
        if not compile_log.compiled:
            emit(Result(target, rule["id"], "*", "COMPILE_FAIL", _compile_fail_messages(
                f"the rule unit {suite['source']} does not compile against the target, outside any one case",
                compile_log.first_error, suite["log"])))
            continue
        cases = [c for c in listing.cases if c["rule"] == rule["id"]]
        prefix = rule["id"] + " @ "
        for case, error in sorted(compile_log.failed_cases.items()):
            if case.startswith(prefix):
                operation = case[len(prefix):]
                emit(Result(target, rule["id"], operation, "COMPILE_FAIL", _compile_fail_messages(
                    f"this case does not compile against the target ({_describe_case_operation(rule, operation)}); "
                    "the unit's other cases were compiled and run without it", error, suite["log"])))
        if not cases and not any(c.startswith(prefix) for c in compile_log.failed_cases):
            missing = missing_capabilities(rule, capabilities)
            lacking = required_but_missing(rule, capabilities, required)
            if lacking:
                emit(Result(target, rule["id"], "*", "FAIL", [_required_unmet(lacking, claimed_edition)]))
            elif missing:
                # Its cases need what the target does not have (a recording executor of a model
                # it does not declare, say), so the harness registered none.
                emit(Result(target, rule["id"], "*", "UNSUPPORTED", [_unmet(missing)]))
            elif roles is not None and rule.get("subjects") != "executors":
                # A rule of a role unit without a case that gives the target's executor a role.
                emit(Result(target, rule["id"], "*", "UNSUPPORTED", [roles.no_role()], expected="UNSUPPORTED",
                            reason="judged on the library's own target"))
            elif rule.get("subjects") == "executors":
                # The rule applies to the subjects with an optional member (run(), context(),
                # shutdown_context()) and none of the target's has it: shown, for the target's
                # expectations to explain, not skipped in silence.
                emit(Result(target, rule["id"], "*", "UNSUPPORTED", [
                    "none of the target's executor subjects has what this rule needs: an optional member "
                    "of its instance (run(), context() or shutdown_context()) or a trait (ts_members, "
                    "standard_properties, instance_owns_context; conformance/executors/subject.hpp)"]))
            else:
                problems.append(f"{suite['source']}: rule {rule['id']} is registered here but has no case")
        for case in cases:
            pending.append((rule, case, pool.submit(run_case, suite["binary"], case["case"], timeout, judged_edition)))
    with pool:
        for item in pending:
            if isinstance(item, Result):
                report(item)
            else:
                rule, case, future = item
                verdict, messages, seconds = future.result()
                lacking = required_but_missing(rule, capabilities, required)
                if verdict == "UNSUPPORTED" and lacking:
                    verdict, messages = "FAIL", messages + [_required_unmet(lacking, claimed_edition)]
                report(Result(target, rule["id"], case["operation"], _graded(verdict, rule), messages, seconds))
    return results, problems, judged_edition


def stale_expectations(expectations, rules, results, sources, whole_registry=True):
    """Expectations about rules of `sources` that matched no result: errors in the file. With
    `rules` only a part of the registry (whole_registry=False: a unit's test), a rule it does not
    hold is another unit's, left to that unit's test and to the main job."""
    seen = {(r.rule, r.operation) for r in results}
    seen_rules = {r.rule for r in results}
    stale = []
    for e in expectations:
        if e.rule not in rules:
            if whole_registry:
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
