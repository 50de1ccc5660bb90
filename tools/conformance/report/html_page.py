"""report.html: the traceability report as one self-contained page (no network, no external
script, style or font): provenance, a clause x library matrix, then the clause tree ->
paragraphs -> rules -> cases with a verdict badge per library, filters, and every non-PASS
with its messages, expectation and reason. Every name and message is escaped."""

import html

from tools.conformance.report import model as report_model

_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.badge{display:inline-block;padding:0 5px;border-radius:3px;font:12px monospace;color:#fff}
.PASS{background:#2e7d32}.FAIL{background:#c62828}.ADVISORY{background:#ef6c00}
.CRASH{background:#6a1b9a}.TIMEOUT{background:#4e342e}.COMPILE_FAIL{background:#ad1457}
.UNSUPPORTED{background:#757575}.none{color:#999}
.unexpected{outline:3px solid #000}
.uncovered{background:#fff3e0}
details pre{white-space:pre-wrap;max-width:60em;margin:2px 0}
section.clause{margin-top:1.2em}
#filters{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ccc}
"""

_SCRIPT = """
function applyFilters() {
  const libs = new Set([...document.querySelectorAll('input.library:checked')].map(e => e.value));
  const verdict = document.getElementById('verdict').value;
  const clause = document.getElementById('clause').value.trim();
  const edition = document.getElementById('edition').value;
  const shown = lib => libs.has(lib.dataset.library) && (!edition || lib.dataset.edition === edition);
  document.querySelectorAll('[data-library]').forEach(el => { el.hidden = !shown(el); });
  document.querySelectorAll('tr.case').forEach(row => {
    const cells = [...row.querySelectorAll('td[data-library]')].filter(c => !c.hidden);
    row.hidden = verdict !== '' && !cells.some(c => c.dataset.verdict === verdict);
  });
  document.querySelectorAll('tbody.rule').forEach(body => {
    body.hidden = verdict !== '' && ![...body.querySelectorAll('tr.case')].some(r => !r.hidden);
  });
  document.querySelectorAll('section.clause').forEach(section => {
    section.hidden = (clause !== '' && !section.dataset.clause.startsWith(clause)) ||
      (verdict !== '' && ![...section.querySelectorAll('tbody.rule')].some(b => !b.hidden));
  });
}
// A filter can come with the address, to share a view: report.html?verdict=FAIL&clause=async.post
// &edition=asio-1.26&library=asio-1.22 (library repeatable: the libraries shown).
function filtersFromAddress() {
  const query = new URLSearchParams(window.location.search);
  for (const key of ['verdict', 'clause', 'edition']) {
    if (query.has(key)) document.getElementById(key).value = query.get(key);
  }
  const libraries = query.getAll('library');
  if (libraries.length) {
    document.querySelectorAll('input.library').forEach(box => { box.checked = libraries.includes(box.value); });
  }
}
document.querySelectorAll('#filters input, #filters select').forEach(el => el.addEventListener('input', applyFilters));
filtersFromAddress();
applyFilters();
"""


def _e(text):
    return html.escape(report_model.printable(text), quote=True)


def _badge(verdict, unexpected=False):
    extra = " unexpected" if unexpected else ""
    title = ' title="not the expected verdict"' if unexpected else ""
    return f'<span class="badge {_e(verdict)}{extra}"{title}>{_e(verdict)}</span>'


def _provenance(report):
    rows = [("suite commit", report.provenance.get("suite_commit", "unknown")),
            ("generated", report.provenance.get("generated", "")),
            ("machine", report.provenance.get("machine", "")),
            ("compiler", report.provenance.get("compiler", "")),
            ("flags", report.provenance.get("flags", ""))]
    for library in report.libraries:
        judged = library["edition"] + (" (informational)" if library.get("informational") else "")
        rows.append((f"library {library['name']}", f"{library['library']}; edition judged: {judged}"))
    return "<table id=provenance>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows) + "</table>"


def _library_header(library):
    return f'<th data-library="{_e(library["name"])}" data-edition="{_e(library["edition"])}">{_e(library["name"])}</th>'


def _matrix(report):
    head = "<tr><th>clause</th><th>rules; normative paragraphs with a rule</th>" + "".join(
        _library_header(l) for l in report.libraries) + "</tr>"
    rows = []
    for clause in report.clauses:
        if not clause.normative():
            continue
        cells = [f'<td data-library="{_e(library["name"])}" data-edition="{_e(library["edition"])}">'
                 f"{_counts(clause.results_for(library['name']))}</td>" for library in report.libraries]
        coverage = f"{len(clause.rules())} rules; {len(clause.covered())} of {len(clause.normative())} paragraphs"
        rows.append(f'<tr><td><a href="#{_e(clause.name)}">[{_e(clause.name)}]</a></td><td>{coverage}</td>{"".join(cells)}</tr>')
    return f"<table id=matrix>{head}{''.join(rows)}</table>"


def _counts(results):
    if not results:
        return '<span class="none">-</span>'
    passed = sum(r["verdict"] == "PASS" for r in results)
    other = len(results) - passed
    unexpected = sum(report_model.is_unexpected(r) for r in results)
    text = f"{passed} PASS" + (f", {other} other" if other else "")
    return text + (f' <span class="badge FAIL unexpected">{unexpected} UNEXPECTED</span>' if unexpected else "")


def _cell(library, result):
    attributes = f'data-library="{_e(library["name"])}" data-edition="{_e(library["edition"])}"'
    if result is None:
        return f'<td {attributes} data-verdict=""><span class="none" title="not judged">-</span></td>'
    unexpected = report_model.is_unexpected(result)
    body = _badge(result["verdict"], unexpected)
    if result["verdict"] != "PASS" or unexpected:
        messages = "\n".join(str(m) for m in result.get("messages", []))
        body += (f"<details><summary>details</summary><pre>{_e(messages)}</pre>"
                 f"<div>expected: {_e(result.get('expected', 'PASS'))}</div>"
                 + (f"<div>reason: {_e(result['reason'])}</div>" if result.get("reason") else "")
                 + "</details>")
    return f'<td {attributes} data-verdict="{_e(result["verdict"])}">{body}</td>'


def _rule_rows(report, rule, rules_link_base):
    entry = rule.entry
    source = f"conformance/rules/{entry['source']}"
    where = f"{source}:{rule.source_line}" if rule.source_line else source
    head = (f'<tr class="rule"><td colspan="{1 + len(report.libraries)}"><b>{_e(entry["id"])}</b> '
            f'({_e(entry["strength"])}; <a href="{_e(rules_link_base + source)}">{_e(where)}</a>): '
            f'{_e(entry["summary"])}</td></tr>')
    cases = []
    for case in rule.cases:
        cells = "".join(_cell(l, case.results.get(l["name"])) for l in report.libraries)
        cases.append(f'<tr class="case"><td>{_e(case.operation)}</td>{cells}</tr>')
    if not rule.cases:
        cases.append(f'<tr class="case"><td colspan="{1 + len(report.libraries)}">no case was run</td></tr>')
    return f'<tbody class="rule">{head}{"".join(cases)}</tbody>'


def _clause_section(report, clause, rules_link_base):
    normative = clause.normative()
    parts = [f'<section class="clause" id="{_e(clause.name)}" data-clause="{_e(clause.name)}">',
             f"<h3>[{_e(clause.name)}] {_e(clause.title)}</h3>",
             f"<p>{len(clause.covered())} of {len(normative)} normative paragraphs have a rule.</p>"]
    rows = []
    for paragraph in clause.paragraphs:
        marker = ' class="uncovered"' if paragraph.uncovered else ""
        note = " (normative, no rule yet)" if paragraph.uncovered else f" ({_e(paragraph.status)})"
        rows.append(f"<tr{marker}><td>{_e(paragraph.name)}{note}</td><td>{_e(paragraph.summary)}</td></tr>")
    parts.append("<table class=paragraphs>" + "".join(rows) + "</table>")
    rules = clause.rules()
    if rules:
        head = "<thead><tr><th>case</th>" + "".join(_library_header(l) for l in report.libraries) + "</tr></thead>"
        parts.append(f"<table class=cases>{head}{''.join(_rule_rows(report, r, rules_link_base) for r in rules)}</table>")
    parts.append("</section>")
    return "".join(parts)


def _filters(report):
    libraries = "".join(f'<label><input type=checkbox class=library value="{_e(l["name"])}" checked> {_e(l["name"])}</label> '
                        for l in report.libraries)
    verdicts = sorted({r["verdict"] for r in report.results})
    editions = sorted({l["edition"] for l in report.libraries})
    return ("<div id=filters>" + libraries +
            '<label>verdict <select id=verdict><option value="">any</option>' +
            "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in verdicts) + "</select></label> "
            '<label>clause <input id=clause placeholder="async.reqmts"></label> '
            '<label>edition <select id=edition><option value="">any</option>' +
            "".join(f'<option value="{_e(e)}">{_e(e)}</option>' for e in editions) + "</select></label></div>")


def render(report, rules_link_base="../"):
    """The whole page for a report_model.Model; links to rule sources are relative to
    rules_link_base (the workspace, seen from the report's directory)."""
    unplaced = ""
    if report.unplaced_rules:
        unplaced = "<p>Rules whose paragraph the clause list lacks: " + ", ".join(
            _e(r.entry["id"]) for r in report.unplaced_rules) + "</p>"
    body = "".join(_clause_section(report, c, rules_link_base) for c in report.clauses)
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            "<title>async conformance report</title>"
            f"<style>{_STYLE}</style></head><body>"
            "<h1>Conformance report: N4771 [async] and Asio's requirements</h1>"
            f"<h2>Provenance</h2>{_provenance(report)}"
            f"<h2>Clause x library</h2>{_matrix(report)}{unplaced}"
            f"<h2>Clauses, rules and cases</h2>{_filters(report)}{body}"
            f"<script>{_SCRIPT}</script></body></html>")
