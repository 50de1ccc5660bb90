"""Macros that turn the rule registry into tests, for one library under test at a time.

conformance_target(name, binding, deps, expectations) is the whole plug-in contract for a
library (docs/adapters.md): for every rule translation unit in //conformance:registry.bzl it
makes a rule binary compiled against `binding` (tolerantly: a unit that does not compile
yields COMPILE_FAIL verdicts, not a broken build) and a test that runs each case in its own
process and compares the verdicts with `expectations`. It also writes `<name>.manifest`,
which //:conform reads to run and report every target.
"""

load("//conformance:registry.bzl", "RULES")
load("//tools/bazel:copts.bzl", "PROJECT_COPTS")
load("//tools/bazel:tolerant_cc_object.bzl", "tolerant_cc_object")

_RULE_SOURCES_PACKAGE = "//conformance/rules:"

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
        "expectations": ctx.file.expectations.short_path,
        "suites": suites,
    }))
    return [DefaultInfo(files = depset([manifest]), runfiles = ctx.runfiles(files = [manifest] + runfiles))]

conformance_manifest = rule(
    implementation = _manifest_impl,
    attrs = {
        "target_name": attr.string(mandatory = True),
        "expectations": attr.label(allow_single_file = True, mandatory = True),
        "sources": attr.string_list(),
        "binaries": attr.label_list(),
        "logs": attr.label_list(allow_files = True),
    },
    doc = "JSON description of one target's rule binaries, for the runner and //:conform.",
)

def conformance_target(name, binding, deps, expectations, copts = [], tags = []):
    """Declares a library under test.

    Args:
      name: target name, as used in reports; must match the binding's target::name.
      binding: the binding header (in this package), included by rules as
        <conformance_target/binding.hpp>.
      deps: cc_library targets providing the library's headers (and objects, if any).
      expectations: file listing the verdicts expected other than PASS, with reasons.
      copts: extra compiler flags for the rule translation units of this target.
      tags: tags for the generated tests.
    """
    binding_library = name + ".binding"
    native.cc_library(
        name = binding_library,
        hdrs = [binding],
        strip_include_prefix = "/" + native.package_name() if native.package_name() else "",
        include_prefix = "conformance_target",
        deps = deps + ["//conformance/harness:binding_support"],
    )
    sources = rule_sources()
    binaries = []
    logs = []
    for source in sources:
        suite = _suite_name(name, source)
        tolerant_cc_object(
            name = suite + ".object",
            src = _RULE_SOURCES_PACKAGE + source,
            fallback = "//conformance/harness:compile_failed_stub.cc",
            deps = [binding_library, "//conformance/harness:rule_support", "//conformance/operations"],
            copts = PROJECT_COPTS + copts,
        )
        native.filegroup(name = suite + ".compile_log", srcs = [suite + ".object"], output_group = "log")
        native.cc_binary(
            name = suite + ".bin",
            srcs = [suite + ".object"],
            deps = [binding_library, "//conformance/harness:main"],
        )
        binaries.append(suite + ".bin")
        logs.append(suite + ".compile_log")
    conformance_manifest(
        name = name + ".manifest",
        target_name = name,
        expectations = expectations,
        sources = sources,
        binaries = binaries,
        logs = logs,
        visibility = ["//visibility:public"],
    )
    for source in sources:
        native.py_test(
            name = _suite_name(name, source),
            srcs = ["//tools/conformance:run_suite.py"],
            main = "//tools/conformance:run_suite.py",
            python_version = "PY3",
            args = ["--manifest=$(rootpath :%s.manifest)" % name, "--source=" + source],
            data = [":%s.manifest" % name, "//conformance:registry.bzl"],
            deps = ["//tools/conformance:runner"],
            size = "medium",
            tags = tags + ["conformance"],
        )

def conformance_report(name, manifests):
    """`bazel run` target that runs and reports every target whose manifest is listed."""
    native.py_binary(
        name = name,
        srcs = ["//tools/conformance:conform.py"],
        main = "//tools/conformance:conform.py",
        python_version = "PY3",
        args = ["--manifest=$(rootpath %s)" % m for m in manifests],
        data = manifests + ["//conformance:registry.bzl"],
        deps = ["//tools/conformance:runner"],
    )
