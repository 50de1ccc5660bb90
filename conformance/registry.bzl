"""The rule registry: every conformance rule, in one machine-readable list.

Each entry is a plain dict literal (read by Bazel macros through load(), and by the Python
tools with ast.literal_eval), with these keys:
  id         "<clause>/<slug>": stable, never reused; names tests and expectations.
  clause     stable name of the N4771 (or Asio) clause, as listed in docs/spec/clauses.md.
  paragraph  paragraph of that clause ("p3", or "p6/<table>:<row>" for a table row).
  editions   texts the rule belongs to: "ts-n4771", "asio-1.22", "asio-1.26", "asio-1.28".
  kind       "runtime" | "compile-pass" | "compile-fail".
  strength   "shall" | "should" | "may" (what the clause says).
  source     translation unit holding the rule's tests, relative to conformance/rules/.
  requires   capabilities the target must declare (see harness/capabilities.hpp), or [].
  diagnostic for compile-fail rules: a regular expression the compiler output must match.
  summary    one line, in our own words.
"""

ALL_EDITIONS = ["ts-n4771", "asio-1.22", "asio-1.26", "asio-1.28"]

RULES = [
    {
        "id": "async.post/handler-not-invoked-inside-post",
        "clause": "async.post",
        "paragraph": "p6",
        "editions": ["ts-n4771", "asio-1.22", "asio-1.26", "asio-1.28"],
        "kind": "runtime",
        "strength": "shall",
        "source": "async.post/handler_not_invoked_inside_post.cc",
        "requires": [],
        "summary": "A handler given to post never runs on the calling thread before post has returned.",
    },
]
