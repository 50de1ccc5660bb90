"""The traceability model every report file is written from: the clause list
(docs/spec/clauses.md) -> paragraphs -> rules -> cases, with one verdict per library.

Input is the content of results.json (conform.py); nothing here runs anything.
"""

import dataclasses
import re

_HEADING = re.compile(r"^### \[([a-z][a-z0-9.]*)\]\s*(.*)$")
_ROW = re.compile(r"^\|\s*([a-z][a-z0-9.]*)\s*\|\s*([^|]+?)\s*\|\s*([a-z]+)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$")
_RULE_LINE = re.compile(r'CONFORMANCE_RULE\w*\(\s*"([^"]+)"')
# What XML 1.0 (and so any report file) cannot carry: control characters, lone surrogates
# (bytes that were not UTF-8, decoded with surrogateescape), U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclasses.dataclass
class Paragraph:
    name: str             # "p3"
    status: str           # normative, informative, note, example
    editions: list
    summary: str
    rules: list = dataclasses.field(default_factory=list)  # of Rule

    @property
    def uncovered(self):
        """A normative paragraph no rule checks."""
        return self.status == "normative" and not self.rules


@dataclasses.dataclass
class Clause:
    name: str
    title: str
    paragraphs: list = dataclasses.field(default_factory=list)

    def normative(self):
        return [p for p in self.paragraphs if p.status == "normative"]

    def covered(self):
        return [p for p in self.normative() if p.rules]

    def rules(self):
        return [r for p in self.paragraphs for r in p.rules]

    def results_for(self, library):
        """The result dicts of every case of this clause's rules on one library."""
        return [c.results[library] for r in self.rules() for c in r.cases if library in c.results]


@dataclasses.dataclass
class Case:
    operation: str
    results: dict  # library name -> result dict of results.json


@dataclasses.dataclass
class Rule:
    entry: dict           # the registry entry
    source_line: int      # line of its CONFORMANCE_RULE in the source, 0 when unknown
    cases: list = dataclasses.field(default_factory=list)  # of Case


@dataclasses.dataclass
class Model:
    clauses: list          # of Clause, in the clause list's order
    libraries: list        # the targets of results.json
    provenance: dict
    results: list          # every result dict
    unplaced_rules: list   # rules whose clause or paragraph the clause list lacks

    def rule_entries(self):
        """{rule id: registry entry} of every rule of the report, placed or not."""
        placed = [r for c in self.clauses for r in c.rules()]
        return {r.entry["id"]: r.entry for r in placed + self.unplaced_rules}


def load_clause_list(path):
    """[Clause] from docs/spec/clauses.md, in its order."""
    clauses = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            heading = _HEADING.match(line)
            if heading:
                clauses.append(Clause(heading.group(1), heading.group(2)))
                continue
            row = _ROW.match(line)
            if row and row.group(1) != "clause" and clauses and row.group(1) == clauses[-1].name:
                _, paragraph, status, editions, summary = row.groups()
                clauses[-1].paragraphs.append(Paragraph(paragraph, status, editions.split(), summary))
    return clauses


def rule_source_lines(rules_dir, rules):
    """{rule id: line of the CONFORMANCE_RULE naming it} over the rules' source files."""
    lines = {}
    for source in sorted({r["source"] for r in rules}):
        try:
            with open(f"{rules_dir}/{source}", encoding="utf-8") as f:
                for number, text in enumerate(f, start=1):
                    match = _RULE_LINE.search(text)
                    if match:
                        lines.setdefault(match.group(1), number)
        except OSError:
            continue
    return lines


def build(report, clauses, source_lines):
    """The Model of one results.json content over the clause list."""
    libraries = report["targets"]
    by_rule = {}
    for result in report["results"]:
        by_rule.setdefault(result["rule"], {}).setdefault(result["operation"], {})[result["target"]] = result
    index = {(c.name, p.name): p for c in clauses for p in c.paragraphs}
    unplaced = []
    for entry in report["rules"]:
        cases = [Case(op, by_library) for op, by_library in sorted(by_rule.get(entry["id"], {}).items())]
        rule = Rule(entry, source_lines.get(entry["id"], 0), cases)
        paragraph = index.get((entry["clause"], entry["paragraph"]))
        if paragraph is None:
            unplaced.append(rule)
        else:
            paragraph.rules.append(rule)
    return Model(clauses, libraries, report.get("provenance", {}), report["results"], unplaced)


def printable(text):
    """str(text) with every character no report file can carry replaced by U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", str(text))


def is_unexpected(result):
    return result["verdict"] not in result.get("expected", "PASS").split(" or ")
