// Binding of every mutant whose fault is in async_completion (mutant()'s kit_fault
// "async_completion:<fault>"): the base library with async_completion replaced by
// kit/scoped/faulty_async_completion.hpp's with the behaviour CONFORMANCE_ASYNC_COMPLETION_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_async_completion.hpp"

#define CONFORMANCE_ASYNC_COMPLETION_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_ASYNC_COMPLETION_FAULT_NAME(fault) CONFORMANCE_ASYNC_COMPLETION_FAULT_NAME_OF(fault)

namespace conformance::mutants::async_completion_fault {
template <class CompletionToken, class Signature>
using async_completion = kit::faulty_async_completion<CompletionToken, Signature, kit::CONFORMANCE_ASYNC_COMPLETION_FAULT>;
}  // namespace conformance::mutants::async_completion_fault

CONFORMANCE_MUTANT_BINDING(async_completion_fault, "whose async_completion has the fault kit::" CONFORMANCE_ASYNC_COMPLETION_FAULT_NAME(CONFORMANCE_ASYNC_COMPLETION_FAULT))
