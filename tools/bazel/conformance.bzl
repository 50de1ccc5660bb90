"""Macros that turn the rule registry into tests, for one library under test at a time.

conformance_target(name, binding, deps, expectations) is the whole plug-in contract for a
library (docs/adapters.md): for every rule translation unit in //conformance:registry.bzl it
makes a rule binary compiled against `binding` (tolerantly: a unit that does not compile
yields COMPILE_FAIL verdicts, not a broken build) and a test that runs each case in its own
process and compares the verdicts with `expectations`. It also writes `<name>.manifest`,
which //:conform reads to run and report every target.
"""

load("//conformance:registry.bzl", "ALL_EDITIONS", "RULES")
load("//tools/bazel:copts.bzl", "PROJECT_COPTS")
load("//tools/bazel:tolerant_cc_object.bzl", "tolerant_cc_object")

# Labels of this repository, resolved here so the macros also work when called from another
# workspace that has this one as an external repository (docs/adapters.md).
def _own(label):
    return str(Label(label))

_RULE_SOURCES_PACKAGE = _own("//conformance/rules:__pkg__").rsplit(":", 1)[0] + ":"
_BINDING_SUPPORT = _own("//conformance/harness:binding_support")
_RULE_SUPPORT = _own("//conformance/harness:rule_support")
_OPERATIONS = _own("//conformance/operations:operations")
_SHARED_BODIES = _own("//conformance/rules:shared_bodies")
_MAIN = _own("//conformance/harness:main")
_FALLBACK = _own("//conformance/harness:compile_failed_stub.cc")
_REGISTRY = _own("//conformance:registry.bzl")
_RUNNER = _own("//tools/conformance:runner")
_RUN_SUITE = _own("//tools/conformance:run_suite.py")
_CONFORM = _own("//tools/conformance:conform.py")
_GTEST_MAIN = _own("@googletest//:gtest_main")

def rule_sources():
    """The distinct translation units named by the registry, in a stable order."""
    sources = {}
    for entry in RULES:
        sources[entry["source"]] = True
    return sorted(sources.keys())

def _suite_name(target, source):
    stem = source[:-len(".cc")] if source.endswith(".cc") else source
    return target + "." + stem.replace("/", ".")

def _manifest_impl(ctx):
    suites = []
    runfiles = [ctx.file.expectations]
    for source, binary, log in zip(ctx.attr.sources, ctx.attr.binaries, ctx.files.logs):
        executable = binary[DefaultInfo].files_to_run.executable
        suites.append({"source": source, "binary": executable.short_path, "log": log.short_path})
        runfiles += [executable, log]
    manifest = ctx.actions.declare_file(ctx.label.name + ".json")
    ctx.actions.write(manifest, json.encode({
        "target": ctx.attr.target_name,
        "edition": ctx.attr.edition or None,
        "expectations": ctx.file.expectations.short_path,
        "suites": suites,
    }))
    return [DefaultInfo(files = depset([manifest]), runfiles = ctx.runfiles(files = [manifest] + runfiles))]

conformance_manifest = rule(
    implementation = _manifest_impl,
    attrs = {
        "target_name": attr.string(mandatory = True),
        "edition": attr.string(doc = "edition to judge by instead of the binding's claim, if any"),
        "expectations": attr.label(allow_single_file = True, mandatory = True),
        "sources": attr.string_list(),
        "binaries": attr.label_list(),
        "logs": attr.label_list(allow_files = True),
    },
    doc = "JSON description of one target's rule binaries, for the runner and //:conform.",
)

def conformance_target(name, binding, deps, expectations, operations = None, edition = None, copts = [], tags = [],
                       sources = None):
    """Declares a library under test.

    Args:
      name: names the generated tests and manifest; the binding's target::name, unless the
        same binding is also declared for another edition (reports show target::name).
      binding: the binding header (in this package), included by every rule and probe
        through the macro CONFORMANCE_TARGET_BINDING.
      deps: cc_library targets providing the library's headers (and objects, if any).
      expectations: file listing the verdicts expected other than PASS, with reasons.
      operations: optional header (in this package) with the target's own operation
        descriptors, declared as conformance::target_operations::all; every applicable rule
        is applied to them too (conformance/operations/operation.hpp).
      edition: judge by this edition instead of the one the binding claims (the expectations
        are then those of this edition); lets one binding be checked against several texts.
      copts: extra compiler flags for the rule translation units of this target.
      tags: tags for the generated tests.
      sources: only these rule translation units (paths relative to conformance/rules/, as in
        the registry); default: all. Mutants use it to build just the units whose rules they
        break, which keeps the build small.
    """
    binding_library = name + ".binding"
    if edition and edition not in ALL_EDITIONS:
        fail("%s: unknown edition %s (one of %s)" % (name, edition, ", ".join(ALL_EDITIONS)))
    native.cc_library(
        name = binding_library,
        hdrs = [binding] + ([operations] if operations else []),
        defines = ["CONFORMANCE_TARGET_BINDING=<conformance_target/%s>" % binding] +
                  (["CONFORMANCE_TARGET_OPERATIONS=<conformance_target/%s>" % operations] if operations else []),
        strip_include_prefix = "/" + native.package_name() if native.package_name() else "",
        include_prefix = "conformance_target",
        deps = deps + [_BINDING_SUPPORT],
        visibility = ["//visibility:public"],
    )
    all_sources = rule_sources()
    for source in sources or []:
        if source not in all_sources:
            fail("%s: no registered rule has source %s" % (name, source))
    sources = sources or all_sources
    binaries = []
    logs = []
    for source in sources:
        suite = _suite_name(name, source)
        tolerant_cc_object(
            name = suite + ".object",
            src = _RULE_SOURCES_PACKAGE + source,
            fallback = _FALLBACK,
            deps = [binding_library, _RULE_SUPPORT, _OPERATIONS, _SHARED_BODIES],
            copts = PROJECT_COPTS + copts,
        )
        native.filegroup(name = suite + ".compile_log", srcs = [suite + ".object"], output_group = "log")
        native.cc_binary(
            name = suite + ".bin",
            srcs = [suite + ".object"],
            deps = [binding_library, _MAIN],
        )
        binaries.append(suite + ".bin")
        logs.append(suite + ".compile_log")
    conformance_manifest(
        name = name + ".manifest",
        target_name = name,
        edition = edition or "",
        expectations = expectations,
        sources = sources,
        binaries = binaries,
        logs = logs,
        visibility = ["//visibility:public"],
    )
    for source in sources:
        native.py_test(
            name = _suite_name(name, source),
            srcs = [_RUN_SUITE],
            main = _RUN_SUITE,
            python_version = "PY3",
            args = [
                "--manifest=$(rootpath :%s.manifest)" % name,
                "--source=" + source,
                "--registry=$(rootpath %s)" % _REGISTRY,
            ],
            data = [":%s.manifest" % name, _REGISTRY],
            deps = [_RUNNER],
            size = "medium",
            tags = tags + ["conformance"],
        )

def conformance_report(name, manifests):
    """`bazel run` target that runs and reports every target whose manifest is listed."""
    native.py_binary(
        name = name,
        srcs = [_CONFORM],
        main = _CONFORM,
        python_version = "PY3",
        args = ["--manifest=$(rootpath %s)" % m for m in manifests] + ["--registry=$(rootpath %s)" % _REGISTRY],
        data = manifests + [_REGISTRY],
        deps = [_RUNNER],
    )

# The bindings of the bundled targets, for tests that compile harness code against each.
BUNDLED_BINDINGS = {
    "reference": "//conformance/targets/reference:reference.binding",
    "boost-asio-1.74": "//conformance/targets/boost_asio_1_74:boost-asio-1.74.binding",
    "asio-1.22": "//conformance/targets/asio_1_22:asio-1.22.binding",
    "boost-asio-1.81": "//conformance/targets/boost_asio_1_81:boost-asio-1.81.binding",
}

def cc_test_per_target(name, srcs, deps = [], targets = None, **kwargs):
    """One cc_test per bundled target ("<name>.<target>"), each compiled against its binding.

    For tests of the harness itself (probes, operation descriptors): unlike rules, these
    must compile on every target they are instantiated for.
    """
    for target in (targets or BUNDLED_BINDINGS.keys()):
        native.cc_test(
            name = name + "." + target,
            srcs = srcs,
            copts = PROJECT_COPTS,
            deps = deps + [
                BUNDLED_BINDINGS[target],
                _RULE_SUPPORT,
                _GTEST_MAIN,
            ],
            **kwargs
        )
