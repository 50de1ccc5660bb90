"""Writes every file of a run's report into one directory: results.json (the raw content),
report.html, report.md and junit.xml (docs/report.md describes each)."""

import json
import os

from tools.conformance.report import html_page, junit_xml, markdown_page, model

FILES = ("results.json", "report.html", "report.md", "junit.xml")


def write_all(report, output, clauses_path, workspace):
    """Writes the four files for the results.json content `report`; returns the Model. Rule
    sources are read, and linked to, in `workspace`; without a clause list (clauses_path None)
    every rule is listed as one the clause list lacks."""
    rules_dir = os.path.join(workspace, "conformance", "rules")
    os.makedirs(output, exist_ok=True)
    with open(os.path.join(output, "results.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    clauses = model.load_clause_list(clauses_path) if clauses_path else []
    built = model.build(report, clauses, model.rule_source_lines(rules_dir, report["rules"]))
    with open(os.path.join(output, "report.html"), "w", encoding="utf-8") as f:
        f.write(html_page.render(built, rules_link_base=os.path.relpath(workspace, output) + "/"))
    with open(os.path.join(output, "report.md"), "w", encoding="utf-8") as f:
        f.write(markdown_page.render(built))
    with open(os.path.join(output, "junit.xml"), "wb") as f:
        f.write(junit_xml.render(built))
    return built


def terminal_matrix(built):
    """A compact clause x library matrix for the terminal: per cell the cases that passed, then
    '+N exp' for expected non-PASS verdicts and '+N UNEXPECTED'; '-' where no rule ran."""
    names = [l["name"] for l in built.libraries]
    width = max([18] + [len(n) + 2 for n in names])
    lines = [f"{'clause':<36}" + "".join(f"{n:>{width}}" for n in names)]
    for clause in built.clauses:
        if not clause.rules():
            continue
        cells = []
        for name in names:
            results = clause.results_for(name)
            unexpected = sum(model.is_unexpected(r) for r in results)
            passed = sum(r["verdict"] == "PASS" and not model.is_unexpected(r) for r in results)
            expected = len(results) - passed - unexpected
            cell = f"{passed}" if results else "-"
            cell += f" +{expected} exp" if expected else ""
            cell += f" +{unexpected} UNEXPECTED" if unexpected else ""
            cells.append(f"{cell:>{width}}")
        lines.append(f"{'[' + clause.name + ']':<36}" + "".join(cells))
    return lines
