// The executor subject of every mutant whose fault is in an execution context
// type (mutant()'s kit_fault "context:<fault>"): the kit's subject on the
// context CONFORMANCE_CONTEXT_FAULT.
#pragma once

#include "conformance/harness/operation_list.hpp"
#include "conformance/mutants/kit/faulty_context.hpp"

namespace conformance::target_executors {
using all = operation_list<kit::faulty_context_subject<kit::CONFORMANCE_CONTEXT_FAULT>>;
}  // namespace conformance::target_executors
