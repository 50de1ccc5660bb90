// Binding of every mutant whose fault is in its execution_context (mutant()'s kit_fault
// "execution_context:<fault>"): the base library with execution_context, use_service,
// make_service and has_service replaced by those of kit/faulty_execution_context.hpp with the
// behaviour CONFORMANCE_EXECUTION_CONTEXT_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_execution_context.hpp"

#define CONFORMANCE_EXECUTION_CONTEXT_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_EXECUTION_CONTEXT_FAULT_NAME(fault) CONFORMANCE_EXECUTION_CONTEXT_FAULT_NAME_OF(fault)

namespace conformance::mutants::execution_context_fault {
using execution_context = kit::faulty_execution_context<kit::CONFORMANCE_EXECUTION_CONTEXT_FAULT>;
using kit::has_service;
using kit::make_service;
using kit::use_service;
}  // namespace conformance::mutants::execution_context_fault

CONFORMANCE_MUTANT_BINDING(execution_context_fault,
                           "whose execution_context has the fault kit::" CONFORMANCE_EXECUTION_CONTEXT_FAULT_NAME(
                               CONFORMANCE_EXECUTION_CONTEXT_FAULT))
