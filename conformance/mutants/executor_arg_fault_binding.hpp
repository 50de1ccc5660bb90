// Binding of every mutant whose fault is in executor_arg_t or executor_arg (mutant()'s kit_fault
// "executor_arg:<fault>"): the base library with both replaced by those of
// kit/faulty_executor_arg.hpp with the behaviour CONFORMANCE_EXECUTOR_ARG_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_executor_arg.hpp"

#define CONFORMANCE_EXECUTOR_ARG_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_EXECUTOR_ARG_FAULT_NAME(fault) CONFORMANCE_EXECUTOR_ARG_FAULT_NAME_OF(fault)

namespace conformance::mutants::executor_arg_fault {
using executor_arg_t = kit::faulty_executor_arg_t<kit::CONFORMANCE_EXECUTOR_ARG_FAULT>;
inline kit::faulty_executor_arg_constant_type<kit::CONFORMANCE_EXECUTOR_ARG_FAULT> executor_arg{};
}  // namespace conformance::mutants::executor_arg_fault

CONFORMANCE_MUTANT_BINDING(executor_arg_fault, "whose executor_arg_t and executor_arg have the fault kit::" CONFORMANCE_EXECUTOR_ARG_FAULT_NAME(CONFORMANCE_EXECUTOR_ARG_FAULT))
