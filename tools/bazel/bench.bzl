"""bench_suite: each benchmark scenario built once per library, and a runner comparing them."""

load("//tools/bazel:conformance.bzl", "BUNDLED_TARGETS", "bundled_label")
load("//tools/bazel:copts.bzl", "PROJECT_COPTS")

def bench_suite(name, scenarios, baselines, targets = None):
    """Declares `<scenario>.<target>` binaries and `name`, which runs them all and compares.

    Args:
      name: the comparison runner (`bazel run -c opt //bench:<name>`).
      scenarios: source files, each a Google Benchmark program written against `net::`.
      baselines: targets every time is compared with (a ratio to each).
      targets: libraries to build each scenario for (default: every bundled target).
    """
    targets = targets or BUNDLED_TARGETS
    binaries = []
    for source in scenarios:
        scenario = source[:-len(".cc")]
        for target in targets:
            binary = scenario + "." + target
            native.cc_binary(
                name = binary,
                srcs = [source],
                copts = PROJECT_COPTS,
                deps = [bundled_label(target, "binding"), "@benchmark//:benchmark"],
            )
            binaries.append(binary)
    native.py_binary(
        name = name,
        srcs = ["//tools/bench:compare.py"],
        main = "//tools/bench:compare.py",
        python_version = "PY3",
        args = ["--baseline=" + b for b in baselines] + ["--binary=$(rootpath :%s)" % b for b in binaries],
        data = binaries,
    )
