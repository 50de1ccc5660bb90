// The executor subject of every mutant whose fault is in a standard executor (mutant()'s
// kit_fault "std_executor:<fault>"): the kit's faulty standard executor with the behaviour
// CONFORMANCE_STD_EXECUTOR_FAULT.
#pragma once

#include "conformance/harness/operation_list.hpp"
#include "conformance/mutants/kit/faulty_std_executor.hpp"

namespace conformance::target_executors {
using all = operation_list<kit::faulty_std_executor_subject<kit::CONFORMANCE_STD_EXECUTOR_FAULT>>;
}  // namespace conformance::target_executors
