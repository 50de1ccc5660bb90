// Binding of every mutant whose fault is in uses_executor (mutant()'s kit_fault
// "uses_executor:<fault>"): the base library with the trait replaced by that of
// kit/scoped/faulty_uses_executor.hpp with the behaviour CONFORMANCE_USES_EXECUTOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_uses_executor.hpp"

#define CONFORMANCE_USES_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_USES_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_USES_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::uses_executor_fault {
template <class T, class Executor>
using uses_executor = kit::faulty_uses_executor<T, Executor, kit::CONFORMANCE_USES_EXECUTOR_FAULT>;
}  // namespace conformance::mutants::uses_executor_fault

CONFORMANCE_MUTANT_BINDING(uses_executor_fault, "whose uses_executor has the fault kit::" CONFORMANCE_USES_EXECUTOR_FAULT_NAME(CONFORMANCE_USES_EXECUTOR_FAULT))
