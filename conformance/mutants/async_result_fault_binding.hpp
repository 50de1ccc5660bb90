// Binding of every mutant whose fault is in async_result (mutant()'s kit_fault
// "async_result:<fault>"): the base library with async_result replaced by a class template
// derived from kit/scoped/faulty_async_result.hpp's with the behaviour
// CONFORMANCE_ASYNC_RESULT_FAULT (a class template, so that a program can still specialise it).
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_async_result.hpp"

#define CONFORMANCE_ASYNC_RESULT_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_ASYNC_RESULT_FAULT_NAME(fault) CONFORMANCE_ASYNC_RESULT_FAULT_NAME_OF(fault)

namespace conformance::mutants::async_result_fault {
template <class Token, class Signature>
class async_result : public kit::faulty_async_result<Token, Signature, kit::CONFORMANCE_ASYNC_RESULT_FAULT> {
  using base = kit::faulty_async_result<Token, Signature, kit::CONFORMANCE_ASYNC_RESULT_FAULT>;

 public:
  using base::base;
};
}  // namespace conformance::mutants::async_result_fault

CONFORMANCE_MUTANT_BINDING(async_result_fault, "whose async_result has the fault kit::" CONFORMANCE_ASYNC_RESULT_FAULT_NAME(CONFORMANCE_ASYNC_RESULT_FAULT))
