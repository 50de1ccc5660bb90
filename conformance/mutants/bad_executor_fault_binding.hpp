// Binding of every mutant whose fault is in its bad_executor (mutant()'s
// kit_fault "bad_executor:<fault>"): the base library with bad_executor and the
// polymorphic executor replaced by those of kit/faulty_bad_executor.hpp with
// the behaviour CONFORMANCE_BAD_EXECUTOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_bad_executor.hpp"

#define CONFORMANCE_BAD_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_BAD_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_BAD_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::bad_executor_fault {
using bad_executor = kit::faulty_bad_executor<kit::CONFORMANCE_BAD_EXECUTOR_FAULT>;
using executor = kit::executor_throwing_faulty_bad_executor<kit::CONFORMANCE_BAD_EXECUTOR_FAULT>;
}  // namespace conformance::mutants::bad_executor_fault

CONFORMANCE_MUTANT_BINDING(
    bad_executor_fault,
    "whose bad_executor has the fault kit::" CONFORMANCE_BAD_EXECUTOR_FAULT_NAME(CONFORMANCE_BAD_EXECUTOR_FAULT))
