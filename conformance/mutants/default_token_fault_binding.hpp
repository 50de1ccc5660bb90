// Binding of every mutant whose fault is in default_completion_token (mutant()'s kit_fault
// "default_token:<fault>"): the base library with the trait replaced by that of
// kit/scoped/faulty_default_completion_token.hpp with the behaviour CONFORMANCE_DEFAULT_TOKEN_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_default_completion_token.hpp"

#define CONFORMANCE_DEFAULT_TOKEN_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_DEFAULT_TOKEN_FAULT_NAME(fault) CONFORMANCE_DEFAULT_TOKEN_FAULT_NAME_OF(fault)

namespace conformance::mutants::default_token_fault {
template <class T>
struct default_completion_token : kit::faulty_default_completion_token<T, kit::CONFORMANCE_DEFAULT_TOKEN_FAULT> {};
}  // namespace conformance::mutants::default_token_fault

CONFORMANCE_MUTANT_BINDING(default_token_fault, "whose default_completion_token has the fault kit::" CONFORMANCE_DEFAULT_TOKEN_FAULT_NAME(CONFORMANCE_DEFAULT_TOKEN_FAULT))
