// Binding of every mutant whose fault is in a standard executor (mutant()'s kit_fault
// "std_executor:<fault>"): the base library unchanged. The rules see the fault through
// std_executor_fault_subjects.hpp; CONFORMANCE_STD_EXECUTOR_FAULT names the behaviour of
// kit/faulty_std_executor.hpp.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

#define CONFORMANCE_STD_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_STD_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_STD_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::std_executor_fault {}

CONFORMANCE_MUTANT_BINDING(
    std_executor_fault, "with a standard executor of the kit whose fault is kit::" CONFORMANCE_STD_EXECUTOR_FAULT_NAME(
                            CONFORMANCE_STD_EXECUTOR_FAULT))
