"""The lint must fail on each kind of inconsistency it exists to catch."""

import os
import tempfile
import textwrap
import unittest

from tools.conformance import lint, registry

CLAUSES = textwrap.dedent("""\
    | clause | paragraph | status | editions | summary |
    |---|---|---|---|---|
    | x.y | p1 | normative | ts-n4771 | something shall happen |
    | x.y | p2 | note | ts-n4771 | a note |
    | x.y.z | p1 | normative | ts-n4771 | uncovered |
    """)

GOOD_RULE = {"id": "x.y/does-something", "clause": "x.y", "paragraph": "p1", "editions": ["ts-n4771"],
             "kind": "runtime", "strength": "shall", "source": "x.y/does_something.cc", "requires": [],
             "summary": "s"}

EDITIONS = ["ts-n4771", "asio-1.22"]
CAPABILITIES = ["ts_executors", "cancellation"]

GOOD_SOURCE = '// rule: x.y/does-something\n// clause: [x.y] p1\nCONFORMANCE_RULE("x.y/does-something", ops, f);\n'


class LintFixture(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.rules_dir = os.path.join(self.tmp.name, "rules")
        with open(os.path.join(self.tmp.name, "clauses.md"), "w", encoding="utf-8") as f:
            f.write(CLAUSES)
        self.clauses = lint.load_clauses(os.path.join(self.tmp.name, "clauses.md"))

    def source(self, relative, text):
        path = os.path.join(self.rules_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def errors(self, rules):
        errors = []
        for rule in rules.values():
            errors += lint.check_entry(rule, self.clauses, self.rules_dir, EDITIONS, CAPABILITIES)
        return errors + lint.check_sources(rules, self.rules_dir)

    def file(self, relative, text):
        path = os.path.join(self.tmp.name, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


class Lint(LintFixture):
    def test_a_consistent_corpus_is_clean(self):
        self.source("x.y/does_something.cc", GOOD_SOURCE)
        self.assertEqual(self.errors({GOOD_RULE["id"]: GOOD_RULE}), [])

    def test_a_rule_without_a_test_fails(self):
        self.source("x.y/does_something.cc", "// rule: x.y/does-something\n// clause: [x.y] p1\n")
        self.assertTrue(any("has no CONFORMANCE_RULE test" in e for e in self.errors({GOOD_RULE["id"]: GOOD_RULE})))

    def test_scoped_units_must_match_the_units_that_include_scoped_headers(self):
        self.source("x.y/does_something.cc", '#include "conformance/harness/scoped/checks.hpp"\n' + GOOD_SOURCE)
        self.source("x.y/other.cc", GOOD_SOURCE)
        self.assertEqual(lint.check_scoped_units(["x.y/does_something.cc"], self.rules_dir), [])
        unlisted = lint.check_scoped_units([], self.rules_dir)
        self.assertTrue(any("x.y/does_something.cc includes a header" in e for e in unlisted), unlisted)
        stale = lint.check_scoped_units(["x.y/does_something.cc", "x.y/other.cc"], self.rules_dir)
        self.assertTrue(any("names x.y/other.cc" in e for e in stale), stale)

    def test_a_test_naming_an_unregistered_rule_fails(self):
        self.source("x.y/does_something.cc", GOOD_SOURCE + 'CONFORMANCE_RULE("x.y/ghost", ops, f);\n')
        self.assertTrue(any("unregistered rule" in e for e in self.errors({GOOD_RULE["id"]: GOOD_RULE})))

    def test_a_clause_that_is_not_listed_or_not_normative_fails(self):
        self.source("x.y/does_something.cc", GOOD_SOURCE)
        for paragraph, complaint in (("p9", "not in the clause list"), ("p2", "not normative")):
            rule = dict(GOOD_RULE, paragraph=paragraph)
            self.assertTrue(any(complaint in e for e in self.errors({rule["id"]: rule})), paragraph)

    def test_malformed_entries_fail(self):
        self.source("x.y/does_something.cc", GOOD_SOURCE)
        for change, complaint in (({"editions": ["c++98"]}, "editions"), ({"kind": "sometimes"}, "kind"),
                                  ({"strength": "must"}, "strength"), ({"requires": ["telepathy"]}, "capability"),
                                  ({"id": "x.y/Bad_Slug"}, "kebab-case"), ({"kind": "compile-fail"}, "diagnostic")):
            rule = dict(GOOD_RULE, **change)
            self.assertTrue(any(complaint in e for e in self.errors({rule["id"]: rule})), change)

    def test_a_source_without_metadata_or_registration_fails(self):
        self.source("x.y/does_something.cc", 'CONFORMANCE_RULE("x.y/does-something", ops, f);\n')
        self.source("x.y/orphan.cc", GOOD_SOURCE)
        errors = self.errors({GOOD_RULE["id"]: GOOD_RULE})
        self.assertTrue(any("lacks '// rule:" in e for e in errors))
        self.assertTrue(any("lacks '// clause:" in e for e in errors))
        self.assertTrue(any("orphan.cc: no registered rule" in e for e in errors))

    def test_uncovered_normative_paragraphs_are_found(self):
        self.assertEqual(lint.uncovered({GOOD_RULE["id"]: GOOD_RULE}, self.clauses, "x.y"), [("x.y.z", "p1")])

    def test_a_clause_ending_in_dollar_leaves_its_sub_clauses_out(self):
        self.assertEqual(lint.uncovered({GOOD_RULE["id"]: GOOD_RULE}, self.clauses, "x.y$"), [])

    def test_a_rule_no_mutant_fails_is_unproven(self):
        path = os.path.join(self.tmp.name, "expectations.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("x.y/does-something * FAIL mutant breaks it\n")
        rules = {GOOD_RULE["id"]: GOOD_RULE, "x.y/other": dict(GOOD_RULE, id="x.y/other")}
        self.assertEqual(lint.unproven(rules, [path]), ["x.y/other"])
        self.assertEqual(registry.load_expectations(path)[0].verdict, "FAIL")



class SingleSourceOfTruth(LintFixture):
    """Lists of editions, capabilities and the contract version outside the registry must follow it."""

    def test_a_clause_row_naming_an_undeclared_edition_fails(self):
        clauses = dict(self.clauses)
        clauses[("x.y", "p3")] = {"status": "normative", "editions": ["asio-9.99"]}
        self.assertEqual(len(lint.check_clause_editions(clauses, EDITIONS, "clauses.md")), 1)
        self.assertEqual(lint.check_clause_editions(self.clauses, EDITIONS, "clauses.md"), [])

    def test_a_stale_capabilities_header_fails(self):
        good = self.file("capabilities.hpp", "#define CONFORMANCE_HAS_TS_EXECUTORS 0\n#define CONFORMANCE_HAS_CANCELLATION 0\n")
        self.assertEqual(lint.check_capabilities_header(good, CAPABILITIES), [])
        missing = self.file("missing.hpp", "#define CONFORMANCE_HAS_TS_EXECUTORS 0\n")
        self.assertTrue(any("lacks CONFORMANCE_HAS_CANCELLATION" in e for e in lint.check_capabilities_header(missing, CAPABILITIES)))
        extra = self.file("extra.hpp", "CONFORMANCE_HAS_TS_EXECUTORS CONFORMANCE_HAS_CANCELLATION CONFORMANCE_HAS_TELEPATHY\n")
        self.assertTrue(any("TELEPATHY" in e for e in lint.check_capabilities_header(extra, CAPABILITIES)))

    def test_adapters_must_name_every_edition_and_capability(self):
        good = self.file("adapters.md", "ts-n4771 asio-1.22 CONFORMANCE_HAS_TS_EXECUTORS CONFORMANCE_HAS_CANCELLATION\n")
        self.assertEqual(lint.check_adapters(good, EDITIONS, CAPABILITIES), [])
        stale = self.file("stale.md", "ts-n4771 CONFORMANCE_HAS_TS_EXECUTORS CONFORMANCE_HAS_CANCELLATION CONFORMANCE_HAS_GONE\n")
        errors = lint.check_adapters(stale, EDITIONS, CAPABILITIES)
        self.assertTrue(any("asio-1.22" in e for e in errors))
        self.assertTrue(any("CONFORMANCE_HAS_GONE" in e for e in errors))

    def test_edition_capabilities_name_every_edition_and_only_known_capabilities(self):
        good = {e: ["cancellation"] for e in EDITIONS}
        self.assertEqual(lint.check_edition_capabilities(good, EDITIONS, CAPABILITIES), [])
        bad = {"ts-n4771": ["telepathy"], "asio-9.99": []}
        errors = lint.check_edition_capabilities(bad, EDITIONS, CAPABILITIES)
        self.assertTrue(any("lacks edition asio-1.22" in e for e in errors))
        self.assertTrue(any("asio-9.99" in e for e in errors))
        self.assertTrue(any("telepathy" in e for e in errors))

    def test_every_stated_contract_version_matches_the_harness(self):
        header = self.file("contract.hpp", "inline constexpr int contract_version = 2;\n")
        kit = self.file("library.hpp", "#define CONFORMANCE_CONTRACT_VERSION 2\n")
        self.assertEqual(lint.check_contract_versions(header, self.file("a.md", "Contract version: **2**\n"), kit), [])
        errors = lint.check_contract_versions(header, self.file("b.md", "Contract version: **1**\n"), kit)
        self.assertTrue(any("states contract version 1" in e for e in errors))


class DocsStandOnTheirOwn(LintFixture):
    RULES = {GOOD_RULE["id"]: GOOD_RULE, "async.post/real-rule": dict(GOOD_RULE, id="async.post/real-rule")}

    def check(self, text):
        return lint.check_docs([self.file("repo/docs/page.md", text)], self.RULES, os.path.join(self.tmp.name, "repo"))

    def test_a_cited_rule_must_exist(self):
        self.assertEqual(self.check("See async.post/real-rule and [async.post] p6."), [])
        self.assertTrue(any("async.post/ghost-rule" in e for e in self.check("See `async.post/ghost-rule`.")))

    def test_paths_and_test_labels_are_not_rule_ids(self):
        self.assertEqual(self.check("rules/async.post/handler_not_invoked_inside_post.cc, "
                                    "asio-1.22/async.reqmts.async.completion/completion, "
                                    "async.reqmts.async.completion/completion.cc"), [])

    def test_nothing_may_lead_outside_the_repository(self):
        self.assertTrue(self.check("see ../shared/spec/inventory.md"))
        self.assertTrue(self.check("read /work/shared/notes/x.md"))
        self.assertTrue(self.check("[up](../../outside.md)"))
        self.assertEqual(self.check("[in](../README.md) [web](https://example.org/x)"), [])


if __name__ == "__main__":
    unittest.main()
