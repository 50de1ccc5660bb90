// conformance_executor(subjects = ...) of the target example-small-pool-faulty: one faulty
// executor per planted fault (faulty_pool.hpp); faulty_expectations.txt lists what each breaks.
#pragma once

#include "conformance/harness/operation_list.hpp"
#include "examples/executors/subjects.hpp"

namespace conformance::target_executors {
using all =
    operation_list<small_pool_example::subjects::post_runs_inline,
                   small_pool_example::subjects::work_finished_forgotten,
                   small_pool_example::subjects::memory_released_late, small_pool_example::subjects::copies_unequal>;
}  // namespace conformance::target_executors
