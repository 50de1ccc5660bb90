"""--update-expectations: rewrites a target's expectations file to the verdicts of a run.

Only the lines of rules that ran are touched; comments, blank lines and the lines of every
other rule stay as they are. A line whose case still needs it keeps its reason (its verdict is
updated when it changed); a line no verdict needs any more goes; a verdict the file does not
explain gets a new line whose reason comes from `reason_for` (the user, asked on a terminal)
or, without one, PLACEHOLDER, which the gate refuses until it is replaced.
"""

from tools.conformance import registry

PLACEHOLDER = "REASON NEEDED: explain this verdict, or fix its cause"


def needs_line(result, default_expected):
    """A verdict the target's defaults do not accept must be written down."""
    return result.verdict not in default_expected.split(" or ")


def _covers(expectation, result):
    return expectation.rule == result.rule and expectation.operation in ("*", result.operation)


def rewrite(text, expectations, results, defaults, reason_for=None):
    """The new file content.

    text: the file as it is; expectations: registry.load_expectations of it;
    results: runner.Result of the rules that ran for this target;
    defaults: {(rule, operation): what the target accepts without a line};
    reason_for: result -> reason for a new line, or None for PLACEHOLDER.
    """
    ran = {r.rule for r in results}
    needed = [r for r in results if needs_line(r, defaults[(r.rule, r.operation)])]
    by_line = {e.line: e for e in expectations}
    kept_lines, explained, old_reasons = [], set(), {}
    for number, raw in enumerate(text.splitlines(), start=1):
        expectation = by_line.get(number)
        if expectation is None or expectation.rule not in ran:
            kept_lines.append(raw)
            continue
        matching = [r for r in needed if _covers(expectation, r) and (r.rule, r.operation) not in explained]
        for r in matching:
            old_reasons.setdefault((r.rule, r.operation), expectation.reason)
        still = [r for r in matching if r.verdict == expectation.verdict]
        if expectation.operation != "*" and matching and not still:
            # The case still needs a line, with another verdict: same reason, new verdict.
            still = matching
            raw = f"{expectation.rule}  {expectation.operation}  {matching[0].verdict}  {expectation.reason}"
        if still:
            kept_lines.append(raw)
            explained.update((r.rule, r.operation) for r in still)
    new_lines = []
    for r in sorted(needed, key=lambda r: (r.rule, r.operation)):
        if (r.rule, r.operation) in explained:
            continue
        reason = old_reasons.get((r.rule, r.operation)) or (reason_for(r) if reason_for else None) or PLACEHOLDER
        new_lines.append(f"{r.rule}  {r.operation}  {r.verdict}  {reason}")
    return "\n".join(kept_lines + new_lines) + "\n"


def placeholders(path):
    """Lines of an expectations file still holding the placeholder: each fails the gate."""
    return [f"line {e.line}: {e.rule} @ {e.operation} has no reason yet ({PLACEHOLDER})"
            for e in registry.load_expectations(path) if e.reason == PLACEHOLDER]
