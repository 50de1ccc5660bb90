"""The report files written from a small results.json content: structure, and safety of every
name and message (markup, quotes, ampersands, newlines, characters XML cannot carry)."""

import html.parser
import os
import tempfile
import unittest
import xml.dom.minidom

from tools.conformance.report import html_page, junit_xml, markdown_page, model

HOSTILE = '<script>alert("x")</script> & \'quoted\' | *bold* `code`\nsecond line \udcff \x01'

CLAUSES = """
### [async.post] Function post
| clause | paragraph | status | editions | summary |
| --- | --- | --- | --- | --- |
| async.post | p6 | normative | ts-n4771 | Post never runs the handler inside. |
| async.post | p7 | normative | ts-n4771 | Something no rule checks. |
### [async.defer] Function defer
| clause | paragraph | status | editions | summary |
| --- | --- | --- | --- | --- |
| async.defer | p1 | informative | ts-n4771 | A heading. |
"""

RULE = {"id": "async.post/handler-not-invoked-inside-post", "clause": "async.post", "paragraph": "p6",
        "editions": ["ts-n4771"], "kind": "runtime", "strength": "shall",
        "source": "async.post/handler_not_invoked_inside_post.cc", "requires": [], "summary": "Never inside."}


def report_content(library_name="lib-a", library=HOSTILE, operation="post.context", messages=(HOSTILE,),
                   expected="PASS", reason=""):
    return {
        "provenance": {"suite_commit": "abc123", "generated": "2026-11-30T00:00:00+00:00",
                       "machine": HOSTILE, "compiler": "g++ 12.2", "flags": "-std=c++20"},
        "targets": [{"name": library_name, "edition": "ts-n4771", "claimed_edition": "ts-n4771",
                     "library": library, "capabilities": [], "informational": False}],
        "rules": [RULE],
        "results": [
            {"target": library_name, "rule": RULE["id"], "operation": operation, "verdict": "FAIL",
             "messages": list(messages), "seconds": 0.5, "expected": expected, "reason": reason},
            {"target": library_name, "rule": RULE["id"], "operation": "post.executor", "verdict": "PASS",
             "messages": [], "seconds": 0.1, "expected": "PASS", "reason": ""},
        ],
        "suite_problems": {},
    }


def build(content):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "clauses.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(CLAUSES)
        clauses = model.load_clause_list(path)
    return model.build(content, clauses, {RULE["id"]: 17})


class ElementCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self.in_script, self.text = [], [], False, []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        (self.scripts if self.in_script else self.text).append(data)


class ModelTest(unittest.TestCase):
    def test_rules_hang_under_their_paragraph_and_uncovered_normative_paragraphs_show(self):
        report = build(report_content())
        post = report.clauses[0]
        self.assertEqual([p.name for p in post.paragraphs], ["p6", "p7"])
        self.assertEqual(len(post.paragraphs[0].rules), 1)
        self.assertEqual(len(post.paragraphs[0].rules[0].cases), 2)
        self.assertTrue(post.paragraphs[1].uncovered)
        self.assertFalse(report.clauses[1].paragraphs[0].uncovered)  # informative

    def test_rule_with_a_paragraph_the_list_lacks_is_reported_not_dropped(self):
        content = report_content()
        content["rules"] = [dict(RULE, paragraph="p99")]
        self.assertEqual([r.entry["id"] for r in build(content).unplaced_rules], [RULE["id"]])


class HtmlTest(unittest.TestCase):
    def test_hostile_names_and_messages_stay_text(self):
        page = html_page.render(build(report_content(library_name="lib\"<b>", operation=HOSTILE)))
        parser = ElementCollector()
        parser.feed(page)
        self.assertEqual(sum(tag == "script" for tag, _ in parser.tags), 1, "only the page's own script")
        self.assertNotIn('lib"<b>', page)
        self.assertNotIn("\udcff", page)
        self.assertIn('alert("x")', "".join(parser.text))
        self.assertIn('lib"<b>', [attrs.get("data-library") for _, attrs in parser.tags])

    def test_failure_shows_messages_expectation_and_source_line(self):
        page = html_page.render(build(report_content(messages=["the handler ran inside post"])))
        self.assertIn("the handler ran inside post", page)
        self.assertIn("conformance/rules/async.post/handler_not_invoked_inside_post.cc:17", page)
        self.assertIn("unexpected", page)
        self.assertIn("normative, no rule yet", page)

    def test_self_contained(self):
        page = html_page.render(build(report_content()))
        for outside in ("http://", "https://", "<link", "src="):
            self.assertNotIn(outside, page)


class MarkdownTest(unittest.TestCase):
    def test_hostile_text_cannot_become_markup_or_break_a_table_row(self):
        document = markdown_page.render(build(report_content(library_name="a|b", operation=HOSTILE)))
        self.assertNotIn("<script>", document)
        rows = [line for line in document.splitlines() if line.startswith("| a\\|b |")]
        self.assertEqual(len(rows), 1, "the one FAIL, in the table of non-PASS verdicts")
        self.assertEqual(len(rows[0].replace("\\|", "").split("|")), 10, rows[0])  # 8 cells, 9 pipes
        self.assertIn("\\*bold\\*", document)

    def test_lists_uncovered_paragraphs(self):
        self.assertIn("\\[async.post\\]: p7", markdown_page.render(build(report_content())))


class JunitTest(unittest.TestCase):
    def test_well_formed_with_hostile_input_and_unexpected_case_fails(self):
        document = junit_xml.render(build(report_content(library_name=HOSTILE, operation=HOSTILE)))
        dom = xml.dom.minidom.parseString(document)
        suite = dom.getElementsByTagName("testsuite")[0]
        self.assertEqual(suite.getAttribute("tests"), "2")
        self.assertEqual(suite.getAttribute("failures"), "1")
        self.assertEqual(len(dom.getElementsByTagName("failure")), 1)
        self.assertIn('alert("x")', dom.getElementsByTagName("failure")[0].firstChild.data)

    def test_expected_non_pass_is_skipped_with_its_reason(self):
        document = junit_xml.render(build(report_content(expected="FAIL", reason="deviation: known")))
        dom = xml.dom.minidom.parseString(document)
        self.assertEqual(dom.getElementsByTagName("testsuite")[0].getAttribute("failures"), "0")
        self.assertIn("deviation: known", dom.getElementsByTagName("skipped")[0].getAttribute("message"))


if __name__ == "__main__":
    unittest.main()
