// Binding of every mutant whose fault is in an executor (mutant()'s kit_fault "executor:<fault>"): the base
// library unchanged. The executor rules see the fault through executor_fault_subjects.hpp;
// CONFORMANCE_EXECUTOR_FAULT names the behaviour of kit/faulty_executor.hpp.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

#define CONFORMANCE_EXECUTOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_EXECUTOR_FAULT_NAME(fault) CONFORMANCE_EXECUTOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::executor_fault {}

CONFORMANCE_MUTANT_BINDING(
    executor_fault,
    "with an executor of the kit whose fault is kit::" CONFORMANCE_EXECUTOR_FAULT_NAME(CONFORMANCE_EXECUTOR_FAULT))
