"""report.html seen in a real browser: Debian's chromium (./bazelw installs it) renders the page
headless, runs its script, and the DOM it ends with must hold the matrix, a failure's message,
and rows shown or hidden as the filters in the address say."""

import html.parser
import os
import shutil
import subprocess
import tempfile
import unittest

from tools.conformance.report import html_page, report_test

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def rendered_dom(page_path, query=""):
    """The DOM chromium ends with after loading the page (its script run), as HTML text."""
    profile = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", f"--user-data-dir={profile}", "--dump-dom",
               f"file://{page_path}{query}"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, HOME=profile))
    if out.returncode != 0 or "<html" not in out.stdout:
        raise AssertionError(f"chromium failed ({out.returncode}): {out.stderr[-2000:]}")
    return out.stdout


class Rows(html.parser.HTMLParser):
    """The case rows of the page: their first cell's text, and whether they are hidden."""

    def __init__(self):
        super().__init__()
        self.rows, self.current, self.tables = {}, None, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "id" in attrs:
            self.tables.add(attrs["id"])
        if tag == "tr" and attrs.get("class") == "case":
            self.current = ["", "hidden" in attrs]

    def handle_data(self, data):
        if self.current is not None and not self.current[0]:
            self.current[0] = data

    def handle_endtag(self, tag):
        if tag == "tr" and self.current is not None:
            self.rows[self.current[0]] = self.current[1]
            self.current = None


def parsed(dom):
    rows = Rows()
    rows.feed(dom)
    return rows


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(CHROMIUM):
            raise AssertionError(f"{CHROMIUM} is missing: ./bazelw installs Debian's chromium package")
        cls.directory = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        cls.page = os.path.join(cls.directory, "report.html")
        content = report_test.report_content(operation="post.context", messages=["the handler ran inside post"])
        with open(cls.page, "w", encoding="utf-8") as f:
            f.write(html_page.render(report_test.build(content)))

    def test_matrix_and_failure_message_are_in_the_rendered_page(self):
        dom = rendered_dom(self.page)
        self.assertIn("matrix", parsed(dom).tables)
        self.assertIn("the handler ran inside post", dom)
        self.assertEqual(parsed(dom).rows, {"post.context": False, "post.executor": False})

    def test_verdict_filter_hides_the_other_rows(self):
        self.assertEqual(parsed(rendered_dom(self.page, "?verdict=FAIL")).rows,
                         {"post.context": False, "post.executor": True})
        self.assertEqual(parsed(rendered_dom(self.page, "?verdict=PASS")).rows,
                         {"post.context": True, "post.executor": False})

    def test_clause_filter_hides_other_clauses(self):
        dom = rendered_dom(self.page, "?clause=async.defer")
        self.assertRegex(dom, r'<section class="clause" id="async.post" data-clause="async.post" hidden="')


if __name__ == "__main__":
    unittest.main()
