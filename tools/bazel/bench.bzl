"""bench_suite: the benchmark scenarios built once per library, a runner comparing them, and a smoke test."""

load("//tools/bazel:conformance.bzl", "BUNDLED_TARGETS", "bundled_label")
load("//tools/bazel:copts.bzl", "PROJECT_COPTS")

def bench_suite(name, scenarios, baselines, support, targets = None):
    """Declares `scenarios.<target>` binaries, `name` (runs them all and compares) and `<name>_smoke_test`.

    Args:
      name: the comparison runner (`bazel run -c opt //bench:<name>`).
      scenarios: source files of Google Benchmark scenarios written against `net::`; every
        target's binary holds all of them.
      baselines: targets every time is compared with (a ratio to each).
      support: a cc_library every binary links (the allocation counter and helpers).
      targets: libraries to build the scenarios for (default: every bundled target).
    """
    targets = targets or BUNDLED_TARGETS
    binaries = []
    for target in targets:
        binary = "scenarios." + target
        native.cc_binary(
            name = binary,
            srcs = scenarios,
            copts = PROJECT_COPTS,
            deps = [bundled_label(target, "binding"), support, "@benchmark//:benchmark_main"],
        )
        binaries.append(binary)
    binary_args = ["--binary=$(rootpath :%s)" % b for b in binaries]
    native.py_binary(
        name = name,
        srcs = ["//tools/bench:compare.py"],
        main = "//tools/bench:compare.py",
        python_version = "PY3",
        args = ["--baseline=" + b for b in baselines] + binary_args,
        data = binaries,
    )
    native.py_test(
        name = name + "_smoke_test",
        size = "medium",
        srcs = ["//tools/bench:compare.py"],
        main = "//tools/bench:compare.py",
        python_version = "PY3",
        args = ["--smoke"] + ["--baseline=" + b for b in baselines] + binary_args,
        data = binaries,
    )
