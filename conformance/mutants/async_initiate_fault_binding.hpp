// Binding of every mutant whose fault is in async_initiate (mutant()'s kit_fault
// "async_initiate:<fault>"): the base library with async_initiate replaced by one that goes
// through kit/scoped/faulty_async_initiate.hpp with the behaviour CONFORMANCE_ASYNC_INITIATE_FAULT.
#pragma once

#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_async_initiate.hpp"

#define CONFORMANCE_ASYNC_INITIATE_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_ASYNC_INITIATE_FAULT_NAME(fault) CONFORMANCE_ASYNC_INITIATE_FAULT_NAME_OF(fault)

namespace conformance::mutants::async_initiate_fault {
template <class CompletionToken, class... Signatures, class Initiation, class... Args>
decltype(auto) async_initiate(Initiation&& initiation, std::type_identity_t<CompletionToken>& token, Args&&... args) {
  return kit::faulty_async_initiate<kit::CONFORMANCE_ASYNC_INITIATE_FAULT>::template call<CompletionToken,
                                                                                          Signatures...>(
      std::forward<Initiation>(initiation), token, std::forward<Args>(args)...);
}
}  // namespace conformance::mutants::async_initiate_fault

CONFORMANCE_MUTANT_BINDING(
    async_initiate_fault,
    "whose async_initiate has the fault kit::" CONFORMANCE_ASYNC_INITIATE_FAULT_NAME(CONFORMANCE_ASYNC_INITIATE_FAULT))
