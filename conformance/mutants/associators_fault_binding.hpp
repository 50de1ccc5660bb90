// Binding of every mutant whose fault is in the associators as such (mutant()'s kit_fault
// "associators:<fault>"): the base library with associated_executor and associated_allocator,
// their _t aliases and get_ functions replaced by those of kit/scoped/faulty_associators.hpp with
// the behaviour CONFORMANCE_ASSOCIATORS_FAULT. The associators are class templates of their own,
// so that a program can still specialise them.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_associators.hpp"

#define CONFORMANCE_ASSOCIATORS_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_ASSOCIATORS_FAULT_NAME(fault) CONFORMANCE_ASSOCIATORS_FAULT_NAME_OF(fault)

namespace conformance::mutants::associators_fault {
using fault = kit::CONFORMANCE_ASSOCIATORS_FAULT;

template <class S, class C = kit::candidate_default<kit::executor_association, fault>>
struct associated_executor : kit::faulty_associator<S, C, kit::executor_association, fault> {};
template <class S, class C = kit::candidate_default<kit::executor_association, fault>>
using associated_executor_t = kit::faulty_associator_t<associated_executor, S, C, fault>;
inline constexpr kit::faulty_get_x<associated_executor, kit::executor_association, fault> get_associated_executor{};

template <class S, class C = kit::candidate_default<kit::allocator_association, fault>>
struct associated_allocator : kit::faulty_associator<S, C, kit::allocator_association, fault> {};
template <class S, class C = kit::candidate_default<kit::allocator_association, fault>>
using associated_allocator_t = kit::faulty_associator_t<associated_allocator, S, C, fault>;
inline constexpr kit::faulty_get_x<associated_allocator, kit::allocator_association, fault> get_associated_allocator{};
}  // namespace conformance::mutants::associators_fault

CONFORMANCE_MUTANT_BINDING(associators_fault, "whose associated_executor and associated_allocator have the fault kit::" CONFORMANCE_ASSOCIATORS_FAULT_NAME(CONFORMANCE_ASSOCIATORS_FAULT))
