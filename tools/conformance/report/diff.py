"""The verdict diff: every case whose verdict differs between two libraries (of one run, or
of two saved results.json files), grouped by clause. A case is a (rule, operation) pair.
The regression question a user asks when upgrading a library: did a case that passed on the
old one stop passing on the new one? Such cases are regressions; the caller exits non-zero.
"""

import dataclasses
import json


@dataclasses.dataclass(frozen=True)
class Side:
    label: str      # how the report names it: "<target>" or "<file>:<target>"
    library: str    # the library's description
    edition: str
    results: dict   # (rule, operation) -> result dict
    rules: dict     # rule id -> registry entry


@dataclasses.dataclass
class Difference:
    clause: str
    rule: str
    operation: str
    before: str     # verdict on the old side, or "not judged"
    after: str

    @property
    def regression(self):
        return self.before == "PASS" and self.after not in ("PASS", "not judged")


def load_side(spec, default_results):
    """A side from "<target>" (in default_results, a results.json path) or "<file>.json[:<target>]"."""
    if ".json" in spec:
        path, _, target = spec.partition(".json")
        path, target = path + ".json", target.removeprefix(":")
    else:
        path, target = default_results, spec
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    targets = [t for t in report["targets"] if not target or t["name"] == target]
    if len(targets) != 1:
        names = ", ".join(t["name"] for t in report["targets"])
        wanted = f"target {target!r}" if target else "one target (name it as <file>:<target>)"
        raise ValueError(f"{path} has {names}; expected {wanted}")
    name = targets[0]["name"]
    results = {(r["rule"], r["operation"]): r for r in report["results"] if r["target"] == name}
    label = name if path == default_results else f"{path}:{name}"
    return Side(label, targets[0]["library"], targets[0]["edition"], results, {r["id"]: r for r in report["rules"]})


def differences(before, after):
    """Every case whose verdict differs, sorted by clause, rule and operation."""
    rules = {**before.rules, **after.rules}
    found = []
    for key in sorted(set(before.results) | set(after.results)):
        old = before.results.get(key, {}).get("verdict", "not judged")
        new = after.results.get(key, {}).get("verdict", "not judged")
        if old != new:
            rule, operation = key
            found.append(Difference(rules.get(rule, {}).get("clause", "?"), rule, operation, old, new))
    return sorted(found, key=lambda d: (d.clause, d.rule, d.operation))


def render(before, after, found):
    """The diff as text lines, grouped by clause: each case whose verdict changed (regressions
    marked), then per rule the count of cases judged on one side only."""
    lines = [f"verdicts of {before.label} ({before.library}, edition {before.edition}) -> "
             f"{after.label} ({after.library}, edition {after.edition})"]
    for clause in sorted({d.clause for d in found}):
        mine = [d for d in found if d.clause == clause]
        lines.append(f"\n[{clause}]")
        for d in mine:
            if "not judged" not in (d.before, d.after):
                lines.append(f"  {'REGRESSION ' if d.regression else ''}{d.rule} @ {d.operation}: {d.before} -> {d.after}")
        for rule in sorted({d.rule for d in mine}):
            for side, attr in ((before.label, "after"), (after.label, "before")):
                one_sided = [d for d in mine if d.rule == rule and getattr(d, attr) == "not judged"]
                if one_sided:
                    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(_count(one_sided, side == before.label).items()))
                    lines.append(f"  {rule}: {len(one_sided)} cases judged only on {side} ({verdicts})")
    regressions = sum(d.regression for d in found)
    changed = sum("not judged" not in (d.before, d.after) for d in found)
    lines.append(f"\n{len(found)} cases differ: {changed} changed verdict, {regressions} of them passed on "
                 f"{before.label} and do not on {after.label}; {len(found) - changed} were judged on one side only "
                 "(the other side's edition has no such rule, or its library no such operation)")
    return lines


def _count(differences, old_side):
    counts = {}
    for d in differences:
        verdict = d.before if old_side else d.after
        counts[verdict] = counts.get(verdict, 0) + 1
    return counts
