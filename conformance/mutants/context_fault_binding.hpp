// Binding of every mutant whose fault is in an execution context type
// (mutant()'s kit_fault "context:<fault>"): the base library unchanged. The
// rules see the fault through context_fault_subjects.hpp;
// CONFORMANCE_CONTEXT_FAULT names a context of kit/faulty_context.hpp.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

#define CONFORMANCE_CONTEXT_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_CONTEXT_FAULT_NAME(fault) CONFORMANCE_CONTEXT_FAULT_NAME_OF(fault)

namespace conformance::mutants::context_fault {}

CONFORMANCE_MUTANT_BINDING(
    context_fault,
    "with an executor subject whose context is kit::" CONFORMANCE_CONTEXT_FAULT_NAME(CONFORMANCE_CONTEXT_FAULT))
