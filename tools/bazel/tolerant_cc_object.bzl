"""tolerant_cc_object: compile one C++ translation unit without failing the build.

A conformance case that does not compile against one library must become that case's
COMPILE_FAIL verdict, not a broken build, nor the loss of the other cases of its rule unit.
This rule compiles `src` with the C++ toolchain and the flags of the current configuration
(so --config=asan etc. apply) through tools/bazel/compile_cases.py, which leaves out the cases
that do not compile and, if the unit still does not compile, compiles `fallback` into the same
object instead. The log's first line says which happened ("compiled: yes", "compiled: yes,
without N cases ...", "compiled: no (exit N)"); compile_cases.py documents the rest. The
object is the rule's default output; the log is in output group "log".
"""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

# The action name the C++ toolchain knows compile commands by.
_CPP_COMPILE = "c++-compile"

# The actions' Python is the registered toolchain's (tools/python/BUILD.bazel), not the first
# `python3` on PATH: a version manager's shim there costs about 0.4 s of CPU per start, once per
# rule unit compile.
_PYTHON_TOOLCHAIN = "@bazel_tools//tools/python:toolchain_type"

def _python3(ctx):
    return ctx.toolchains[_PYTHON_TOOLCHAIN].py3_runtime.interpreter_path

_PrecompiledHeaderInfo = provider(
    doc = "A header and, beside it, its GCC precompiled form (<header>.gch).",
    fields = ["header", "gch"],
)

def _shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"

def _shell_words(argv):
    return " ".join([_shell_quote(a) for a in argv])

def _compile_variables(ctx, cc_toolchain, features, cctx, source, output):
    return cc_common.create_compile_variables(
        cc_toolchain = cc_toolchain,
        feature_configuration = features,
        source_file = source.path,
        output_file = output.path,
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts + ctx.attr.copts,
        include_directories = cctx.includes,
        quote_include_directories = cctx.quote_includes,
        system_include_directories = cctx.system_includes,
        preprocessor_defines = depset(transitive = [cctx.defines, cctx.local_defines]),
    )

def _compile_command(ctx, cc_toolchain, features, cctx, source, output, leading = [], trailing = []):
    variables = _compile_variables(ctx, cc_toolchain, features, cctx, source, output)
    compiler = cc_common.get_tool_for_action(
        feature_configuration = features,
        action_name = _CPP_COMPILE,
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = _CPP_COMPILE,
        variables = variables,
    )
    env = cc_common.get_environment_variables(
        feature_configuration = features,
        action_name = _CPP_COMPILE,
        variables = variables,
    )
    # Every instantiation context in full: each names the case it belongs to (compile_cases.py).
    return _shell_words([compiler] + leading + flags + ["-ftemplate-backtrace-limit=0"] + trailing), env

def _compile_context(ctx):
    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    cctx = cc_common.merge_cc_infos(cc_infos = [d[CcInfo] for d in ctx.attr.deps]).compilation_context
    return cc_toolchain, features, cctx

def _tolerant_cc_object_impl(ctx):
    cc_toolchain, features, cctx = _compile_context(ctx)
    obj = ctx.actions.declare_file(ctx.label.name + ".o")
    log = ctx.actions.declare_file(ctx.label.name + ".compile.log")
    precompiled = ctx.attr.precompiled[_PrecompiledHeaderInfo] if ctx.attr.precompiled else None
    forced = [precompiled.header] if precompiled else []
    if ctx.attr.rule_editions:
        # After the precompiled header, which must come first and does not see the macro.
        rule_editions = ctx.actions.declare_file(ctx.label.name + ".rule_editions.h")
        ctx.actions.write(rule_editions, "\n".join([
            "// The editions of this unit's rules (conformance/harness/rule.hpp), from the registry.",
            "#undef CONFORMANCE_UNIT_RULE_EDITIONS",
            "#define CONFORMANCE_UNIT_RULE_EDITIONS " + json.encode(ctx.attr.rule_editions),
        ]) + "\n")
        forced.append(rule_editions)
    real, env = _compile_command(ctx, cc_toolchain, features, cctx, ctx.file.src, obj,
                                 trailing = [word for header in forced for word in ["-include", header.path]])
    fallback, _ = _compile_command(ctx, cc_toolchain, features, cctx, ctx.file.fallback, obj)
    expected = [ctx.file.expected_failures] if ctx.attr.expected_failures else []
    script = "{python3} {tool} --log {log} {expected} --compile {real} --fallback {fallback}".format(
        python3 = _shell_quote(_python3(ctx)),
        tool = _shell_quote(ctx.file._compile_cases.path),
        log = _shell_quote(log.path),
        expected = _shell_words(["--expected-failures", expected[0].path] if expected else []),
        real = real,
        fallback = fallback,
    )
    ctx.actions.run_shell(
        command = script,
        inputs = depset(
            [ctx.file.src, ctx.file.fallback, ctx.file._compile_cases] + forced + expected +
            ([precompiled.gch] if precompiled else []),
            transitive = [cctx.headers, cc_toolchain.all_files],
        ),
        outputs = [obj, log],
        env = env,
        mnemonic = "TolerantCompile",
        progress_message = "Compiling %s (tolerant) for %s" % (ctx.file.src.short_path, ctx.label.name),
    )
    return [
        DefaultInfo(files = depset([obj])),
        OutputGroupInfo(log = depset([log])),
    ]

tolerant_cc_object = rule(
    implementation = _tolerant_cc_object_impl,
    attrs = {
        "src": attr.label(allow_single_file = [".cc"], mandatory = True),
        "fallback": attr.label(allow_single_file = [".cc"], mandatory = True),
        "deps": attr.label_list(providers = [CcInfo]),
        "copts": attr.string_list(),
        "precompiled": attr.label(providers = [_PrecompiledHeaderInfo], doc = "a precompiled_header built with these deps and copts"),
        "expected_failures": attr.label(allow_single_file = True, doc = "the cases the target's expectations say do not compile, one per line, and any \"only: \" lines selecting the cases to compile (expected_compile_failures)"),
        "rule_editions": attr.string(doc = "the unit's rules and their editions, \"<rule> <edition>...\" per line, defined as CONFORMANCE_UNIT_RULE_EDITIONS"),
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
        "_compile_cases": attr.label(default = Label("//tools/bazel:compile_cases.py"), allow_single_file = True),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type", _PYTHON_TOOLCHAIN],
    incompatible_use_toolchain_transition = True,
)

def _expected_compile_failures_impl(ctx):
    command = [_python3(ctx), ctx.file._tool.path, "--expectations", ctx.file.expectations.path]
    if ctx.attr.only_expected:
        command.append("--only-expected")
    for out, rules in zip(ctx.outputs.outs, ctx.attr.unit_rules):
        command += ["--unit", out.path, rules]
    ctx.actions.run_shell(
        command = _shell_words(command),
        inputs = [ctx.file.expectations, ctx.file._tool, ctx.file._registry],
        outputs = ctx.outputs.outs,
        mnemonic = "ExpectedCompileFailures",
        progress_message = "Listing the expected compile failures of %s" % ctx.label.name,
    )

expected_compile_failures = rule(
    implementation = _expected_compile_failures_impl,
    attrs = {
        "expectations": attr.label(allow_single_file = True, mandatory = True),
        "outs": attr.output_list(doc = "one file per rule unit"),
        "unit_rules": attr.string_list(doc = "for each of outs, its unit's rule ids, joined by ','"),
        "only_expected": attr.bool(doc = "each unit compiles only the cases the expectations name (a mutant's target)"),
        "_tool": attr.label(default = Label("//tools/bazel:expected_compile_failures.py"), allow_single_file = True),
        "_registry": attr.label(default = Label("//tools/conformance:registry.py"), allow_single_file = True),
    },
    toolchains = [_PYTHON_TOOLCHAIN],
    incompatible_use_toolchain_transition = True,
    doc = "For each rule unit of a target, the cases its expectations say do not compile (tolerant_cc_object's expected_failures) and, with only_expected, the only cases to compile.",
)

def _precompiled_header_impl(ctx):
    cc_toolchain, features, cctx = _compile_context(ctx)

    # GCC looks for "<header>.gch" beside the header a unit includes, so both are outputs of one
    # directory. The header includes the real one (compiling that as the main file would warn
    # about its #pragma once); if it does not compile against this target, the header is left
    # empty, so that each unit compiles as it would without it and a COMPILE_FAIL stays its own.
    header = ctx.actions.declare_file(ctx.label.name + "/" + ctx.file.header.basename)
    gch = ctx.actions.declare_file(header.basename + ".gch", sibling = header)
    command, env = _compile_command(ctx, cc_toolchain, features, cctx, header, gch, leading = ["-x", "c++-header"])
    script = """printf '#include "%s"\\n' {real} > {header}
if ! {command} > /dev/null 2>&1; then
  echo "{label}: {real} does not compile against this target; its units compile without it" >&2
  printf '// {real} did not compile here.\\n' > {header}
  {command}
fi""".format(real = ctx.file.header.path, header = _shell_quote(header.path), command = command, label = ctx.label.name)
    ctx.actions.run_shell(
        command = script,
        inputs = depset([ctx.file.header], transitive = [cctx.headers, cc_toolchain.all_files]),
        outputs = [header, gch],
        env = env,
        mnemonic = "PrecompileHeader",
        progress_message = "Precompiling %s for %s" % (ctx.file.header.short_path, ctx.label.name),
    )
    return [
        DefaultInfo(files = depset([header, gch])),
        _PrecompiledHeaderInfo(header = header, gch = gch),
    ]

precompiled_header = rule(
    implementation = _precompiled_header_impl,
    attrs = {
        "header": attr.label(allow_single_file = [".hpp"], mandatory = True),
        "deps": attr.label_list(providers = [CcInfo]),
        "copts": attr.string_list(),
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    incompatible_use_toolchain_transition = True,
)
