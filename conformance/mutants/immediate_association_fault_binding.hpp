// Binding of every mutant whose fault is in get_associated_immediate_executor (mutant()'s
// kit_fault "immediate_association:<fault>", base asio-1.30): the base library with that function
// and associated_immediate_executor_t replaced by those of
// kit/immediate/faulty_immediate_association.hpp with the behaviour
// CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT; Asio's own operations still use the base's trait.
#pragma once

#include <utility>

#include "conformance/mutants/kit/immediate/base.hpp"
#include "conformance/mutants/kit/immediate/faulty_immediate_association.hpp"

#define CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT_NAME(fault) CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT_NAME_OF(fault)

namespace conformance::mutants::immediate_association_fault {
using planted = kit::immediate_association_faults::CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT;

template <class Handler, class IoExecutor>
auto get_associated_immediate_executor(const Handler& handler, const IoExecutor& io_executor) {
  return kit::faulty_associated_immediate_executor<planted>(handler, io_executor);
}

template <class Handler, class IoExecutor>
using associated_immediate_executor_t = decltype(kit::faulty_associated_immediate_executor<planted>(
    std::declval<const Handler&>(), std::declval<const IoExecutor&>()));
}  // namespace conformance::mutants::immediate_association_fault

CONFORMANCE_IMMEDIATE_MUTANT_BINDING(immediate_association_fault,
                                     "whose get_associated_immediate_executor has the fault "
                                     "kit::immediate_association_faults::" CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT_NAME(
                                         CONFORMANCE_IMMEDIATE_ASSOCIATION_FAULT))
