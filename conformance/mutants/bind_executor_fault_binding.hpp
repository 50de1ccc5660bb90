// Binding of every mutant whose fault is in bind_executor (mutant()'s kit_fault
// "bind_executor:<fault>"): the base library with bind_executor replaced by that of
// kit/faulty_bind_executor.hpp with the behaviour CONFORMANCE_BIND_EXECUTOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_bind_executor.hpp"

#define CONFORMANCE_BIND_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_BIND_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_BIND_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::bind_executor_fault {
inline constexpr kit::faulty_bind_executor<kit::CONFORMANCE_BIND_EXECUTOR_FAULT> bind_executor{};
}  // namespace conformance::mutants::bind_executor_fault

CONFORMANCE_MUTANT_BINDING(bind_executor_fault, "whose bind_executor has the fault kit::" CONFORMANCE_BIND_EXECUTOR_FAULT_NAME(CONFORMANCE_BIND_EXECUTOR_FAULT))
