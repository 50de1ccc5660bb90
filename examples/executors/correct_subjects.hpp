// conformance_executor(subjects = ...) of the target example-small-pool: the correct executor.
#pragma once

#include "conformance/harness/operation_list.hpp"
#include "examples/executors/subjects.hpp"

namespace conformance::target_executors {
using all = operation_list<small_pool_example::subjects::small_pool_executor>;
}  // namespace conformance::target_executors
