// Binding of every mutant whose fault is in its is_executor (mutant()'s
// kit_fault "is_executor:<fault>"): the base library with is_executor replaced
// by that of kit/faulty_is_executor.hpp with the behaviour
// CONFORMANCE_IS_EXECUTOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_is_executor.hpp"

#define CONFORMANCE_IS_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_IS_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_IS_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::is_executor_fault {
template <class T>
using is_executor = kit::faulty_is_executor<T, kit::CONFORMANCE_IS_EXECUTOR_FAULT>;
}  // namespace conformance::mutants::is_executor_fault

CONFORMANCE_MUTANT_BINDING(
    is_executor_fault,
    "whose is_executor has the fault kit::" CONFORMANCE_IS_EXECUTOR_FAULT_NAME(CONFORMANCE_IS_EXECUTOR_FAULT))
