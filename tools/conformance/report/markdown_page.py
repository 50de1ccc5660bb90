"""report.md: the traceability report for a code review or a pull request: provenance, the
clause x library matrix, every non-PASS with its messages, expectation and reason, and the
normative paragraphs without a rule. Every name and message is escaped, so that nothing a
library or a binding prints can become markup."""

from tools.conformance.report import model as report_model

# Inside a table cell only inline markup matters: emphasis, code, links, strike-through, pipes.
_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"})
_HTML = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"})


def escape(text):
    """Text safe inside a Markdown table cell: markup characters escaped, newlines as <br>."""
    text = report_model.printable(text).translate(_HTML).translate(_SPECIAL)
    return "<br>".join(line for line in text.replace("\r", "").split("\n"))


def _provenance(report):
    lines = ["| | |", "| --- | --- |"]
    for key in ("suite_commit", "generated", "machine", "compiler", "flags"):
        lines.append(f"| {escape(key.replace('_', ' '))} | {escape(report.provenance.get(key, ''))} |")
    for library in report.libraries:
        informational = " (informational)" if library.get("informational") else ""
        lines.append(f"| library {escape(library['name'])} | {escape(library['library'])}; edition judged: "
                     f"{escape(library['edition'])}{informational} |")
    return lines


def _matrix(report):
    names = [l["name"] for l in report.libraries]
    lines = ["| clause | normative paragraphs with a rule | " + " | ".join(escape(n) for n in names) + " |",
             "| --- | --- |" + " --- |" * len(names)]
    for clause in report.clauses:
        if not clause.normative():
            continue
        cells = []
        for name in names:
            results = clause.results_for(name)
            passed = sum(r["verdict"] == "PASS" for r in results)
            unexpected = sum(report_model.is_unexpected(r) for r in results)
            cell = f"{passed}/{len(results)} PASS" if results else "-"
            cells.append(cell + (f", **{unexpected} UNEXPECTED**" if unexpected else ""))
        lines.append(f"| \\[{escape(clause.name)}\\] | {len(clause.covered())} of {len(clause.normative())} | "
                     + " | ".join(cells) + " |")
    return lines


def _non_pass(report):
    lines = ["| library | rule | clause | case | verdict | expected | messages | reason |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    rules = report.rule_entries()
    notable = [r for r in report.results if r["verdict"] != "PASS" or report_model.is_unexpected(r)]
    for r in sorted(notable, key=lambda r: (r["target"], r["rule"], r["operation"])):
        entry = rules.get(r["rule"], {})
        verdict = r["verdict"] + (" (UNEXPECTED)" if report_model.is_unexpected(r) else "")
        clause = f"\\[{escape(entry.get('clause', '?'))}\\] {escape(entry.get('paragraph', ''))}"
        lines.append(f"| {escape(r['target'])} | {escape(r['rule'])} | {clause} | {escape(r['operation'])} | "
                     f"{escape(verdict)} | {escape(r.get('expected', 'PASS'))} | "
                     f"{escape(chr(10).join(str(m) for m in r.get('messages', [])))} | {escape(r.get('reason', ''))} |")
    return lines if notable else ["Every case passed."]


def _uncovered(report):
    lines = []
    for clause in report.clauses:
        missing = [p for p in clause.paragraphs if p.uncovered]
        if missing:
            lines.append(f"- \\[{escape(clause.name)}\\]: " + ", ".join(escape(p.name) for p in missing))
    return lines or ["Every normative paragraph has a rule."]


def render(report):
    """The whole document for a report_model.Model."""
    sections = [["# Conformance report: N4771 \\[async\\] and Asio's requirements"],
                ["## Provenance", ""] + _provenance(report),
                ["## Clause x library (cases that passed / cases run)", ""] + _matrix(report),
                ["## Verdicts other than PASS", ""] + _non_pass(report),
                ["## Normative paragraphs without a rule", ""] + _uncovered(report)]
    return "\n\n".join("\n".join(s) for s in sections) + "\n"
