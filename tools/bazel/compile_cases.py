"""Compiles one rule translation unit so that a case that does not compile costs only itself.

Usage (from tolerant_cc_object.bzl):
  compile_cases.py --log LOG --compile <compiler argv> --fallback <compiler argv>

1. Compiles the unit. If that works, the log's first line is "compiled: yes".
2. Otherwise it finds the cases named in the errors' instantiation contexts (each case is
   instantiated as compiled_case<fixed_string<N>{"<rule> @ <operation>"}>,
   conformance/harness/case_name.hpp), leaves them out through a forced header that defines
   CONFORMANCE_EXCLUDED_CASES, and compiles again, until the unit compiles or no error names a
   case. Log: "compiled: yes, without N cases that did not compile", then one line per case,
   "case did not compile: <case>\t<its first error>".
3. If the unit still does not compile (an error outside any case: a broken binding, a missing
   name used by the harness itself), it compiles the fallback object instead; the log's first
   line is "compiled: no (exit N)" and its second "first error: <the first error>".
Every attempt's compiler output follows, in full.

With --expected-failures FILE (case names, one per line: the target's expectations that say
COMPILE_FAIL), those cases are left out of the first attempt already, which spares the whole
recompiles of step 2 (one per case when several cases share one broken class of the library).
Each is then compiled alone with -fsyntax-only ("all but: <case>", case_name.hpp): one that
fails is reported as in step 2, with its own first error; one that compiles is put back and
the unit compiled again with it, so an expectation never hides a case that compiles.
Lines "only: <case>" (or "only: <rule> @ *") in that file select the cases to compile at all
(a mutant's: the cases its expectations name); every attempt but the one-case checks keeps them.
An attempt that leaves cases out does not warn of unused functions and variables, which only
those cases used (LEAVING_CASES_OUT).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

CASE_IN_CONTEXT = re.compile(r'Case = (?:conformance::)?fixed_string<\d+>\{"((?:[^"\\]|\\.)*)"\}')
ERROR_LINE = re.compile(r"^(?P<where>[^\s:][^:]*:\d+:\d+: )?(?:fatal )?error: (?P<what>.*)$")
MAX_ATTEMPTS = 8
# A helper of the unit that only the cases left out use is unused without them: with -Werror,
# that warning would fail the whole unit, for something neither the library nor the rule did.
LEAVING_CASES_OUT = ["-Wno-unused-function", "-Wno-unused-variable"]


def compile_once(argv, excluded, scratch, selection=()):
    """Compiles without the cases `excluded` and, if `selection` ("only: ..." lines) is not
    empty, without every case it does not name; (exit status, compiler output)."""
    if excluded or selection:
        header = os.path.join(scratch, "excluded_cases.h")
        lines = sorted(excluded) + list(selection)
        with open(header, "w", encoding="utf-8") as f:
            f.write("// Cases left out by tools/bazel/compile_cases.py (conformance/harness/case_name.hpp).\n")
            f.write("#undef CONFORMANCE_EXCLUDED_CASES\n")
            f.write("#define CONFORMANCE_EXCLUDED_CASES " + json.dumps("\n".join(lines)) + "\n")
        # Last, so that it follows a precompiled header's -include (which must come first) and
        # that header stays valid: only the unit's own code expands the macro (case_name.hpp).
        argv = argv + LEAVING_CASES_OUT + ["-include", header]
    process = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    return process.returncode, process.stdout


def first_errors_by_case(output):
    """{case: its first error} for every error whose instantiation context names a case."""
    found = {}
    context = []
    for line in output.splitlines():
        error = ERROR_LINE.match(line)
        if error:
            for case in context:
                found.setdefault(case, (error.group("where") or "") + "error: " + error.group("what"))
            context = []
            continue
        context += [bytes(c, "utf-8").decode("unicode_escape") for c in CASE_IN_CONTEXT.findall(line)]
    return found


def first_error(output):
    for line in output.splitlines():
        if ERROR_LINE.match(line):
            return line.strip()
    return "(no line with 'error:'; see the compiler output below)"


def find_exclusions(compile_argv, excluded, scratch, outputs, selection=()):
    """Step 2: compiles until the unit compiles or no new error names a case; the last status."""
    status = 1
    for _ in range(MAX_ATTEMPTS):
        status, output = compile_once(compile_argv, excluded, scratch, selection)
        outputs.append(output)
        if status == 0:
            return status
        new = {case: error for case, error in first_errors_by_case(output).items() if case not in excluded}
        if not new:
            return status
        excluded.update(new)
    return status


def fails_alone(compile_argv, case, scratch, outputs):
    """The first error of `case` compiled without the unit's other cases, or None if it compiles."""
    status, output = compile_once(compile_argv + ["-fsyntax-only"], {"all but: " + case: None}, scratch)
    outputs.append(f"(the expected failure {case} alone, -fsyntax-only)\n{output}")
    if status == 0:
        return None
    return first_errors_by_case(output).get(case) or first_error(output)


SELECTION_PREFIX = "only: "


def read_expected_failures(path):
    """(the cases expected not to compile, the "only: " lines selecting the cases to compile)."""
    if not path:
        return [], []
    with open(path, encoding="utf-8") as f:
        lines = [line.strip() for line in f if line.strip()]
    return ([line for line in lines if not line.startswith(SELECTION_PREFIX)],
            [line for line in lines if line.startswith(SELECTION_PREFIX)])


def write_log(path, status, excluded, outputs):
    with open(path, "w", encoding="utf-8") as log:
        if status == 0 and not excluded:
            log.write("compiled: yes\n")
        elif status == 0:
            log.write(f"compiled: yes, without {len(excluded)} cases that did not compile\n")
            for case, error in sorted(excluded.items()):
                log.write(f"case did not compile: {case}\t{error}\n")
        else:
            log.write(f"compiled: no (exit {status})\n")
            log.write(f"first error: {first_error(outputs[-1])}\n")
        for number, output in enumerate(outputs, start=1):
            log.write(f"--- compiler output, attempt {number} ---\n{output}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--log", required=True)
    parser.add_argument("--expected-failures", help="cases the target's expectations say do not compile")
    parser.add_argument("--compile", nargs=argparse.REMAINDER, required=True)
    arguments = sys.argv[1:]
    split = arguments.index("--fallback")
    args = parser.parse_args(arguments[:split])
    fallback = arguments[split + 1:]
    scratch = tempfile.mkdtemp(prefix="compile-cases-")

    expected, selection = read_expected_failures(args.expected_failures)
    excluded = {case: None for case in expected}  # case -> its first error, once seen
    outputs = []
    status = find_exclusions(args.compile, excluded, scratch, outputs, selection)
    if status == 0:
        compiling = []
        for case in expected:
            error = fails_alone(args.compile, case, scratch, outputs)
            if error is None:
                compiling.append(case)
            else:
                excluded[case] = error
        if compiling:
            for case in compiling:
                del excluded[case]
            status = find_exclusions(args.compile, excluded, scratch, outputs, selection)
    if status != 0:
        fallback_status, fallback_output = compile_once(fallback, {}, scratch)
        if fallback_status != 0:
            sys.stderr.write(outputs[-1] + fallback_output)
            sys.stderr.write("the fallback object did not compile either: the binding or harness is broken\n")
            return 1
    write_log(args.log, status, excluded, outputs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
