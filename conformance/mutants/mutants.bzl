"""The mutant targets; the corpus lint requires every rule to be expected to fail on one."""

MUTANTS = [
    "post_runs_inline",
    "a_move_only_handler_dropped",
    "a_handler_copy_leaked",
    "a_timer_completes_early",
    "a_token_used_after_return",
    "a_initiation_blocks",
    "a_token_ignored_ts",
    "a_token_ignored",
    "c_timer_handler_on_global_heap",
    "c_timer_memory_freed_after_handler",
    "c_timer_swallows_handler_exception",
    "c_read_steps_off_handler_executor",
    "c_read_steps_off_handler_allocator",
    "b_plain_post_unrun",
    "b_io_executor_bypassed",
    "b_handler_executor_ignored",
    "b_io_work_not_counted",
    "b_work_finished_twice",
    "b_results_altered",
    "b_immediate_dispatch_ts",
    "b_later_post_ts",
    "b_immediate_dispatch_asio122",
    "b_later_post_asio122",
    "b_immediate_dispatch_asio126",
    "b_later_post_asio126",
    "b_immediate_dispatch_asio128",
    "b_later_post_asio128",
    "b_rvalue_handler_dropped",
]

# Mutants that also have a target judged by another edition than their binding claims
# (conformance_target(edition = ...)), with its own expectations.<edition>.txt.
EDITION_VARIANTS = {
    "b_handler_executor_ignored": ["asio-1.28"],
    "b_io_work_not_counted": ["asio-1.28"],
}

def mutant_expectations():
    files = ["//conformance/mutants/%s:expectations.txt" % m for m in MUTANTS]
    for mutant, editions in EDITION_VARIANTS.items():
        files += ["//conformance/mutants/%s:expectations.%s.txt" % (mutant, e) for e in editions]
    return files
