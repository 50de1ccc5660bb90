// The executor subject of every mutant whose fault is in an executor (mutant()'s
// executor_fault): the kit's faulty executor with the behaviour CONFORMANCE_EXECUTOR_FAULT.
#pragma once

#include "conformance/harness/operation_list.hpp"
#include "conformance/mutants/kit/faulty_executor.hpp"

namespace conformance::target_executors {
using all = operation_list<kit::faulty_executor_subject<kit::CONFORMANCE_EXECUTOR_FAULT>>;
}  // namespace conformance::target_executors
