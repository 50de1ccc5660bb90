"""junit.xml: one testcase per case, a testsuite per library, for CI systems. A case fails
when its verdict is not the expected one; an expected non-PASS is reported as skipped with its
reason. The XML is well formed whatever the names and messages hold: ElementTree escapes
markup, and characters XML 1.0 cannot carry are replaced first."""

import xml.etree.ElementTree as ElementTree

from tools.conformance.report import model as report_model

clean = report_model.printable


def render(report):
    """The document for a report_model.Model, as bytes (UTF-8, with declaration)."""
    root = ElementTree.Element("testsuites", name="async-conformance")
    rules = report.rule_entries()
    for library in report.libraries:
        mine = [r for r in report.results if r["target"] == library["name"]]
        failures = sum(report_model.is_unexpected(r) for r in mine)
        skipped = sum(r["verdict"] != "PASS" and not report_model.is_unexpected(r) for r in mine)
        suite = ElementTree.SubElement(root, "testsuite", name=clean(library["name"]), tests=str(len(mine)),
                                       failures=str(failures), skipped=str(skipped), errors="0")
        for r in mine:
            entry = rules.get(r["rule"], {})
            case = ElementTree.SubElement(
                suite, "testcase", classname=clean(f"{library['name']}.{r['rule']}"), name=clean(r["operation"]),
                time=f"{float(r.get('seconds', 0.0)):.3f}")
            where = f"[{entry.get('clause', '?')}] {entry.get('paragraph', '')}"
            text = clean("\n".join(str(m) for m in r.get("messages", [])))
            if report_model.is_unexpected(r):
                failure = ElementTree.SubElement(
                    case, "failure", type=clean(r["verdict"]),
                    message=clean(f"{r['verdict']}, expected {r.get('expected', 'PASS')} ({where})"))
                failure.text = text
            elif r["verdict"] != "PASS":
                ElementTree.SubElement(case, "skipped", message=clean(
                    f"{r['verdict']} as expected ({where}): {r.get('reason', '')}"))
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
