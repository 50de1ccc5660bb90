// Binding of every mutant whose fault is in its polymorphic executor (mutant()'s kit_fault
// "polymorphic_executor:<fault>"): the base library with executor replaced by that of
// kit/faulty_polymorphic_executor.hpp with the behaviour CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_polymorphic_executor.hpp"

#define CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::polymorphic_executor_fault {
using executor = kit::faulty_polymorphic_executor<kit::CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT>;
}  // namespace conformance::mutants::polymorphic_executor_fault

CONFORMANCE_MUTANT_BINDING(polymorphic_executor_fault,
                           "whose polymorphic executor has the fault kit::" CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT_NAME(
                               CONFORMANCE_POLYMORPHIC_EXECUTOR_FAULT))
