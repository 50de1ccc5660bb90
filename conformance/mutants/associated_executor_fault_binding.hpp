// Binding of every mutant whose fault is in associated_executor or get_associated_executor
// (mutant()'s kit_fault "associated_executor:<fault>"): the base library with both replaced by
// those of kit/scoped/faulty_associated_executor.hpp with the behaviour
// CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_associated_executor.hpp"

#define CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::associated_executor_fault {
using fault = kit::CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT;
template <class T, class Candidate = kit::faulty_default_candidate<fault>>
using associated_executor = kit::faulty_associated_executor<T, Candidate, fault>;
inline constexpr kit::faulty_get_associated_executor<fault> get_associated_executor{};
}  // namespace conformance::mutants::associated_executor_fault

CONFORMANCE_MUTANT_BINDING(associated_executor_fault, "whose associated_executor and get_associated_executor have the fault kit::" CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT_NAME(CONFORMANCE_ASSOCIATED_EXECUTOR_FAULT))
