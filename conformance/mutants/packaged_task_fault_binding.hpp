// Binding of every mutant whose fault is in the async_result for packaged_task (mutant()'s
// kit_fault "packaged_task:<fault>"): the base library with async_result replaced by a class
// template of its own that is the library's, but for packaged_task, where it is
// kit/scoped/faulty_packaged_task_result.hpp's with the behaviour CONFORMANCE_PACKAGED_TASK_FAULT.
#pragma once

#include <future>

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_packaged_task_result.hpp"

#define CONFORMANCE_PACKAGED_TASK_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_PACKAGED_TASK_FAULT_NAME(fault) CONFORMANCE_PACKAGED_TASK_FAULT_NAME_OF(fault)

namespace conformance::mutants::packaged_task_fault {
template <class Token, class Signature>
class async_result : public kit::lib::async_result<Token, Signature> {
 public:
  using kit::lib::async_result<Token, Signature>::async_result;
};
template <class Result, class... Args, class Signature>
class async_result<std::packaged_task<Result(Args...)>, Signature>
    : public kit::faulty_packaged_task_result<Result(Args...), kit::CONFORMANCE_PACKAGED_TASK_FAULT> {
 public:
  using kit::faulty_packaged_task_result<Result(Args...), kit::CONFORMANCE_PACKAGED_TASK_FAULT>::faulty_packaged_task_result;
};
}  // namespace conformance::mutants::packaged_task_fault

CONFORMANCE_MUTANT_BINDING(packaged_task_fault, "whose async_result for packaged_task has the fault kit::" CONFORMANCE_PACKAGED_TASK_FAULT_NAME(CONFORMANCE_PACKAGED_TASK_FAULT))
