// conformance_executor(subjects = ...) of the target example-small-pool-faulty-roles: the faulty
// executors whose faults a library's operations feel when the executor is their ex1 or ex2
// (the pool that never runs out of work would only make every such case a TIMEOUT);
// faulty_roles_expectations.txt lists the verdicts that differ from PASS.
#pragma once

#include "conformance/harness/operation_list.hpp"
#include "examples/executors/subjects.hpp"

namespace conformance::target_executors {
using all =
    operation_list<small_pool_example::subjects::post_runs_inline, small_pool_example::subjects::memory_released_late>;
}  // namespace conformance::target_executors
