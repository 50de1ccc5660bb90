"""mutant(): one deliberately broken library, proving that the rules it breaks can fail.

A mutant is a binding in <base directory>/<name with "_">/binding.hpp that replaces one facility
of a base library with a faulty one from the kit (kit/), and expectations files beside it
listing the verdicts its fault must produce. mutant() declares one conformance_target per
edition it is judged by; mutant_list() then checks that every binding and expectations file in
the tree belongs to a mutant() call, and gathers the expectations the corpus lint reads, so
the list and the tree cannot drift apart.
"""

load("//tools/bazel:conformance.bzl", "conformance_target")

# The libraries a mutant can be built on: where their mutants live, the kit library written
# against them, and the edition they claim (a mutant judged by it has plain expectations.txt).
BASES = {
    "refnet": struct(directory = "refnet", kit = "//conformance/mutants/kit:on_refnet", edition = "ts-n4771"),
    "asio-1.22": struct(directory = "asio_1_22", kit = "//conformance/mutants/kit:on_asio_1_22", edition = "asio-1.22"),
    # For the immediate completion executor, which the other bases lack: only the kit's faults of
    # kit/immediate/ are written against it (its BUILD.bazel says why it stands apart).
    "asio-1.30": struct(directory = "asio_1_30", kit = "//conformance/mutants/kit/immediate:on_asio_1_30", edition = "asio-1.28"),
}

# The kit's scoped faults (kit/scoped/BUILD.bazel): a library of their own, which only the
# mutants of those kinds depend on, so that changing one recompiles those mutants alone. They
# are written against refnet's TS members.
_SCOPED_KIT = "//conformance/mutants/kit/scoped:on_refnet"
_CANCELLATION_KIT = "//conformance/mutants/kit/cancellation:on_refnet"
_SOCKET_KIT = "//conformance/mutants/kit/socket:on_refnet"

# The ready-made faults of the kit (mutant()'s kit_fault = "<kind>:<fault>"): the kit header
# holding the faults of each kind, and whether the fault is in an executor subject that the
# rules are applied to alone (the base library unchanged) or in a facility of the library that
# the binding replaces.
KIT_FAULT_KINDS = {
    "executor": struct(header = "kit/faulty_executor.hpp", in_subject = True),
    "std_executor": struct(header = "kit/faulty_std_executor.hpp", in_subject = True),
    "context": struct(header = "kit/faulty_context.hpp", in_subject = True),
    "work_guard": struct(header = "kit/faulty_work_guard.hpp", in_subject = False),
    "system": struct(header = "kit/faulty_system_executor.hpp", in_subject = False),
    "is_executor": struct(header = "kit/faulty_is_executor.hpp", in_subject = False),
    "bad_executor": struct(header = "kit/faulty_bad_executor.hpp", in_subject = False),
    "execution_context": struct(header = "kit/faulty_execution_context.hpp", in_subject = False),
    "polymorphic_executor": struct(header = "kit/faulty_polymorphic_executor.hpp", in_subject = False),
    "strand": struct(header = "kit/faulty_strand.hpp", in_subject = False),
    "submission": struct(header = "kit/scoped/faulty_submission_functions.hpp", in_subject = False, library = _SCOPED_KIT),
    "bind_executor": struct(header = "kit/scoped/faulty_bind_executor.hpp", in_subject = False, library = _SCOPED_KIT),
    "executor_arg": struct(header = "kit/scoped/faulty_executor_arg.hpp", in_subject = False, library = _SCOPED_KIT),
    "executor_binder": struct(header = "kit/scoped/faulty_executor_binder.hpp", in_subject = False, library = _SCOPED_KIT),
    "associated_executor": struct(header = "kit/scoped/faulty_associated_executor.hpp", in_subject = False, library = _SCOPED_KIT),
    "associated_allocator": struct(header = "kit/scoped/faulty_associated_allocator.hpp", in_subject = False, library = _SCOPED_KIT),
    "async_result": struct(header = "kit/scoped/faulty_async_result.hpp", in_subject = False, library = _SCOPED_KIT),
    "async_completion": struct(header = "kit/scoped/faulty_async_completion.hpp", in_subject = False, library = _SCOPED_KIT),
    "associators": struct(header = "kit/scoped/faulty_associators.hpp", in_subject = False, library = _SCOPED_KIT),
    "use_future": struct(header = "kit/scoped/faulty_use_future.hpp", in_subject = False, library = _SCOPED_KIT),
    "packaged_task": struct(header = "kit/scoped/faulty_packaged_task_result.hpp", in_subject = False, library = _SCOPED_KIT),
    "default_token": struct(header = "kit/scoped/faulty_default_completion_token.hpp", in_subject = False, library = _SCOPED_KIT),
    "async_initiate": struct(header = "kit/scoped/faulty_async_initiate.hpp", in_subject = False, library = _SCOPED_KIT),
    "uses_executor": struct(header = "kit/scoped/faulty_uses_executor.hpp", in_subject = False, library = _SCOPED_KIT),
    "cancellation": struct(header = "kit/cancellation/faulty_cancellation.hpp", in_subject = False, library = _CANCELLATION_KIT),
    "connect": struct(header = "kit/socket/faulty_connect_socket.hpp", in_subject = False, library = _SOCKET_KIT),
    # Base asio-1.30 only: its kit library is the base's own.
    "immediate_socket": struct(header = "kit/immediate/faulty_immediate_socket.hpp", in_subject = False),
    "immediate_association": struct(header = "kit/immediate/faulty_immediate_association.hpp", in_subject = False),
}

_TAG = "mutant"

def mutant_directory(base, name):
    return "%s/%s" % (BASES[base].directory, name.replace("-", "_"))

def mutant(name, base, judged_by, kit_fault = None):
    """Declares the mutant `name` (kebab-case: its fault) built on `base`.

    Args:
      name: the fault, e.g. "timer-completes-early"; the target is mutant.<base>.<name>, or
        mutant.<base>.<name>.by-<edition> when judged by an edition other than the base's.
      base: a key of BASES.
      judged_by: {edition: [rule units]}: the editions whose rules must see the fault, each
        with the rule translation units (as in the registry's `source`) holding those rules.
        Expectations: expectations.txt for the base's edition, expectations.<edition>.txt else.
      kit_fault: for a mutant whose fault is a ready-made one of the kit rather than a binding of
        its own, "<kind>:<fault>" with a kind of KIT_FAULT_KINDS (the kit header each names).
        The binding is <kind>_fault_binding.hpp in this package, a kind whose fault is in an
        executor subject also has <kind>_fault_subjects.hpp, the fault is passed to them as
        CONFORMANCE_<KIND>_FAULT, and the mutant's directory holds only the expectations.
    """
    if base not in BASES:
        fail("mutant %s: unknown base %s (one of %s)" % (name, base, ", ".join(BASES.keys())))
    directory = mutant_directory(base, name)
    kind, fault = kit_fault.split(":") if kit_fault else (None, None)
    if kind and kind not in KIT_FAULT_KINDS:
        fail("mutant %s: kit_fault %s is not \"<kind>:<fault>\" with a kind of %s" % (name, kit_fault, ", ".join(KIT_FAULT_KINDS.keys())))
    for edition, units in judged_by.items():
        own = edition == BASES[base].edition
        conformance_target(
            name = "mutant.%s.%s" % (base, name) + ("" if own else ".by-" + edition),
            binding = kind + "_fault_binding.hpp" if kit_fault else directory + "/binding.hpp",
            executors = kind + "_fault_subjects.hpp" if kind and KIT_FAULT_KINDS[kind].in_subject else None,
            copts = ["-DCONFORMANCE_%s_FAULT=%s" % (kind.upper(), fault)] if kit_fault else [],
            expectations = directory + ("/expectations.txt" if own else "/expectations.%s.txt" % edition),
            edition = None if own else edition,
            deps = [BASES[base].kit] + ([KIT_FAULT_KINDS[kind].library] if kind and hasattr(KIT_FAULT_KINDS[kind], "library") else []),
            sources = units,
            # The rest of each unit is the base library's, judged on the base's own target.
            only_expected_cases = True,
            tags = [_TAG],
        )

def mutant_list(name):
    """After every mutant() call of the package: the filegroup `name` of their expectations
    files, for the corpus lint, and a check that no binding or expectations file in the tree
    lacks its mutant() call."""
    manifests = [r for r in native.existing_rules().values() if r["kind"] == "conformance_manifest" and _TAG in r["tags"]]
    expectations = [m["expectations"] for m in manifests]
    declared = {e.split(":")[-1]: True for e in expectations}
    bindings = {e.rsplit("/", 1)[0] + "/binding.hpp": True for e in declared}
    # A mutant with a fault of the kit has no binding of its own (mutant()'s kit_fault).
    for path in native.glob(["*/*/expectations*.txt"]):
        if path not in declared:
            fail("%s belongs to no mutant() call (or names an edition the mutant is not judged by)" % path)
    for path in native.glob(["*/*/binding.hpp"]):
        if path not in bindings:
            fail("%s belongs to no mutant() call" % path)
    native.filegroup(name = name, srcs = sorted(declared.keys()), visibility = ["//visibility:public"])
