// Binding of every mutant whose fault is in executor_binder (mutant()'s kit_fault
// "executor_binder:<fault>"): the base library with executor_binder and bind_executor replaced
// by those of kit/scoped/faulty_executor_binder.hpp with the behaviour
// CONFORMANCE_EXECUTOR_BINDER_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_executor_binder.hpp"

#define CONFORMANCE_EXECUTOR_BINDER_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_EXECUTOR_BINDER_FAULT_NAME(fault) CONFORMANCE_EXECUTOR_BINDER_FAULT_NAME_OF(fault)

namespace conformance::mutants::executor_binder_fault {
template <class T, class Executor>
using executor_binder = kit::faulty_executor_binder<T, Executor, kit::CONFORMANCE_EXECUTOR_BINDER_FAULT>;
inline constexpr kit::faulty_binding_bind_executor<kit::CONFORMANCE_EXECUTOR_BINDER_FAULT> bind_executor{};
}  // namespace conformance::mutants::executor_binder_fault

CONFORMANCE_MUTANT_BINDING(executor_binder_fault, "whose executor_binder has the fault kit::" CONFORMANCE_EXECUTOR_BINDER_FAULT_NAME(CONFORMANCE_EXECUTOR_BINDER_FAULT))
