// Binding of every mutant whose fault is in post, dispatch or defer (mutant()'s kit_fault
// "submission:<fault>"): the base library with the three free functions replaced by those of
// kit/faulty_submission_functions.hpp, the one the fault CONFORMANCE_SUBMISSION_FAULT names
// with it, the other two the library's own.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_submission_functions.hpp"

#define CONFORMANCE_SUBMISSION_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_SUBMISSION_FAULT_NAME(fault) CONFORMANCE_SUBMISSION_FAULT_NAME_OF(fault)

namespace conformance::mutants::submission_fault {
using fault = kit::CONFORMANCE_SUBMISSION_FAULT;
inline constexpr kit::faulty_submission<kit::submission_function::post, fault> post{};
inline constexpr kit::faulty_submission<kit::submission_function::dispatch, fault> dispatch{};
inline constexpr kit::faulty_submission<kit::submission_function::defer, fault> defer{};
}  // namespace conformance::mutants::submission_fault

CONFORMANCE_MUTANT_BINDING(submission_fault, "whose free functions post, dispatch and defer have the fault kit::" CONFORMANCE_SUBMISSION_FAULT_NAME(CONFORMANCE_SUBMISSION_FAULT))
