"""Counts the rows of docs/spec/clauses.md: total, by status, by edition, and per stable name.

Uses the same row pattern as tools/conformance/lint.py, so the numbers are what the lint sees.
Usage: python3 docs/spec/count_clauses.py [docs/spec/clauses.md]
"""

import collections
import re
import sys

ROW = re.compile(r"^\|\s*([a-z][a-z0-9.]*)\s*\|\s*([^|]+?)\s*\|\s*([a-z]+)\s*\|\s*([^|]*?)\s*\|")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "docs/spec/clauses.md"
    rows, seen, dupes = [], set(), []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line)
            if m and m.group(1) != "clause":
                key = (m.group(1), m.group(2))
                if key in seen:
                    dupes.append(key)
                seen.add(key)
                rows.append((m.group(1), m.group(2), m.group(3), m.group(4).split()))
    ts = [r for r in rows if not r[0].startswith("asio.")]
    asio = [r for r in rows if r[0].startswith("asio.")]
    for label, part in (("all", rows), ("ts [async]", ts), ("asio", asio)):
        status = collections.Counter(r[2] for r in part)
        print(f"{label}: {len(part)} rows, {len(set(r[0] for r in part))} stable names, "
              + ", ".join(f"{k} {status[k]}" for k in ("normative", "informative", "note", "example")))
    print("table rows (paragraph contains '/'): "
          f"{sum(1 for r in rows if '/' in r[1])}, normative {sum(1 for r in rows if '/' in r[1] and r[2] == 'normative')}")
    editions = collections.Counter(e for r in rows if r[2] == "normative" for e in r[3])
    print("normative rows per edition: " + ", ".join(f"{e} {editions[e]}" for e in sorted(editions)))
    print("per stable name (rows/normative):")
    per = collections.OrderedDict()
    for clause, _, status, _ in rows:
        total, normative = per.get(clause, (0, 0))
        per[clause] = (total + 1, normative + (status == "normative"))
    for clause, (total, normative) in per.items():
        print(f"  {clause} {total}/{normative}")
    if dupes:
        print("DUPLICATE rows: " + ", ".join(f"{c} {p}" for c, p in dupes))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
