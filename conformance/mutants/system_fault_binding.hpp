// Binding of every mutant whose fault is in its system executor (mutant()'s
// kit_fault "system:<fault>"): the base library with system_executor and
// system_context replaced by those of kit/faulty_system_executor.hpp with the
// behaviour CONFORMANCE_SYSTEM_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_system_executor.hpp"

#define CONFORMANCE_SYSTEM_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_SYSTEM_FAULT_NAME(fault) CONFORMANCE_SYSTEM_FAULT_NAME_OF(fault)

namespace conformance::mutants::system_fault {
using system_executor = kit::faulty_system_executor<kit::CONFORMANCE_SYSTEM_FAULT>;
using system_context = kit::faulty_system_context<kit::CONFORMANCE_SYSTEM_FAULT>;
}  // namespace conformance::mutants::system_fault

CONFORMANCE_MUTANT_BINDING(
    system_fault, "whose system_executor and system_context have the fault kit::" CONFORMANCE_SYSTEM_FAULT_NAME(
                      CONFORMANCE_SYSTEM_FAULT))
