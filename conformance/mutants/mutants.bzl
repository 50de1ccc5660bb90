"""The mutant targets; the corpus lint requires every rule to be expected to fail on one."""

MUTANTS = [
    "post_runs_inline",
]

def mutant_expectations():
    return ["//conformance/mutants/%s:expectations.txt" % m for m in MUTANTS]
