"""The main job over a real target whose names, library description, compiler messages and
expectation reasons are hostile (markup, quotes, ampersands, newlines, a byte that is not
UTF-8): it still gates, writes all four report files, results.json meets the schema of
docs/report.md, and every hostile text stays text in HTML, Markdown and XML."""

import html.parser
import json
import os
import subprocess
import sys
import tempfile
import unittest
import xml.dom.minidom

from tools.conformance.report import schema

MANIFEST = os.environ["HOSTILE_MANIFEST"]
REGISTRY = os.environ["REGISTRY"]
CLAUSES = os.environ["CLAUSES"]
REPORT_DOC = os.environ["REPORT_DOC"]
CONFORM = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "conform.py")


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.text, self.attributes = 0, [], []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.attributes += [value or "" for _, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


class EndToEndTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.output = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        cls.process = subprocess.run(
            [sys.executable, CONFORM, f"--manifest={MANIFEST}", f"--registry={REGISTRY}", f"--clauses={CLAUSES}",
             f"--output={cls.output}", "--jobs=2"],
            capture_output=True, text=True, errors="replace", timeout=600,
            env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))

    def read(self, name):
        with open(os.path.join(self.output, name), encoding="utf-8") as f:
            return f.read()

    def test_the_run_gates_and_writes_every_file(self):
        self.assertEqual(self.process.returncode, 0, self.process.stdout[-3000:] + self.process.stderr[-3000:])
        self.assertEqual(sorted(os.listdir(self.output)),
                         ["junit.xml", "report.html", "report.md", "results.json", "summary.txt"])

    def test_results_meet_the_documented_schema(self):
        problems = schema.errors(json.loads(self.read("results.json")), schema.load(REPORT_DOC))
        self.assertEqual(problems, [])

    def test_the_hostile_case_is_there_with_its_messages(self):
        results = json.loads(self.read("results.json"))["results"]
        hostile = [r for r in results if r["operation"] == "hostile<b>&\"'"]
        self.assertEqual([r["verdict"] for r in hostile], ["COMPILE_FAIL"])
        self.assertIn('<script>alert("message")</script>', "\n".join(hostile[0]["messages"]))
        self.assertIn('deliberately <script>alert("reason")</script>', hostile[0]["reason"])

    def test_html_keeps_every_hostile_text_as_text(self):
        page = Text()
        page.feed(self.read("report.html"))
        self.assertEqual(page.scripts, 1, "only the page's own script element")
        text = "".join(page.text)
        for hostile in ('<script>alert("library")</script>', '<script>alert("message")</script>',
                        '<script>alert("reason")</script>', "hostile<b>&\"'"):
            self.assertIn(hostile, text)
        self.assertIn("\ufffd", text)  # the byte that is not UTF-8, replaced

    def test_markdown_has_no_raw_markup(self):
        document = self.read("report.md")
        self.assertNotIn("<script>", document)
        self.assertNotIn("<b>", document)
        self.assertIn("&lt;script&gt;alert(&quot;reason&quot;)", document)

    def test_junit_is_well_formed_and_reports_the_expected_compile_failure_as_skipped(self):
        dom = xml.dom.minidom.parseString(self.read("junit.xml").encode("utf-8"))
        skipped = [s.getAttribute("message") for s in dom.getElementsByTagName("skipped")]
        self.assertTrue(any('<script>alert("reason")</script>' in m for m in skipped), skipped)
        self.assertEqual(dom.getElementsByTagName("failure"), [])


if __name__ == "__main__":
    unittest.main()
