// Binding of every mutant whose fault is in associated_allocator or get_associated_allocator
// (mutant()'s kit_fault "associated_allocator:<fault>"): the base library with both replaced by
// those of kit/scoped/faulty_associated_allocator.hpp with the behaviour
// CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_associated_allocator.hpp"

#define CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT_NAME(fault) CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT_NAME_OF(fault)

namespace conformance::mutants::associated_allocator_fault {
using fault = kit::CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT;
template <class T, class Candidate = kit::faulty_default_allocator<fault>>
using associated_allocator = kit::faulty_associated_allocator<T, Candidate, fault>;
inline constexpr kit::faulty_get_associated_allocator<fault> get_associated_allocator{};
}  // namespace conformance::mutants::associated_allocator_fault

CONFORMANCE_MUTANT_BINDING(associated_allocator_fault, "whose associated_allocator and get_associated_allocator have the fault kit::" CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT_NAME(CONFORMANCE_ASSOCIATED_ALLOCATOR_FAULT))
