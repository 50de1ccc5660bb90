"""binding_compile_log: compiles a translation unit that includes a test binding the way rule
units do, and keeps the compiler's log (first line "compiled: yes" or "compiled: no ...")."""

load("//tools/bazel:copts.bzl", "PROJECT_COPTS")
load("//tools/bazel:tolerant_cc_object.bzl", "tolerant_cc_object")

def binding_compile_log(name):
    """`name`.hpp in this package is the binding; `name`.compile_log the log."""
    native.cc_library(
        name = name,
        hdrs = native.glob(["*.hpp"]),
        defines = [
            "CONFORMANCE_TARGET_BINDING=<contract_test/%s.hpp>" % name,
            "CONFORMANCE_TARGET_IDENTITY=<contract_test/identity.hpp>",
        ],
        include_prefix = "contract_test",
        strip_include_prefix = "/" + native.package_name(),
        deps = ["//reference"],
    )
    tolerant_cc_object(
        name = name + ".object",
        src = "includes_the_binding.cc",
        copts = PROJECT_COPTS,
        fallback = "compiles_without_the_binding.cc",
        deps = [
            ":" + name,
            "//conformance/harness:target",
        ],
    )
    native.filegroup(
        name = name + ".compile_log",
        srcs = [name + ".object"],
        output_group = "log",
    )
