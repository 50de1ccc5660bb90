// Binding of every mutant whose fault is in its work guards (mutant()'s kit_fault
// "work_guard:<fault>"): the base library with executor_work_guard and make_work_guard replaced
// by those of kit/faulty_work_guard.hpp with the behaviour CONFORMANCE_WORK_GUARD_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_work_guard.hpp"

#define CONFORMANCE_WORK_GUARD_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_WORK_GUARD_FAULT_NAME(fault) CONFORMANCE_WORK_GUARD_FAULT_NAME_OF(fault)

namespace conformance::mutants::work_guard_fault {
template <class Executor>
using executor_work_guard = kit::faulty_work_guard<Executor, kit::CONFORMANCE_WORK_GUARD_FAULT>;
inline constexpr kit::faulty_make_work_guard<kit::CONFORMANCE_WORK_GUARD_FAULT> make_work_guard{};
}  // namespace conformance::mutants::work_guard_fault

CONFORMANCE_MUTANT_BINDING(
    work_guard_fault,
    "whose executor_work_guard and make_work_guard have the fault kit::" CONFORMANCE_WORK_GUARD_FAULT_NAME(
        CONFORMANCE_WORK_GUARD_FAULT))
