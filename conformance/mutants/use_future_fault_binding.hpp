// Binding of every mutant whose fault is in use_future_t or its async_result (mutant()'s kit_fault
// "use_future:<fault>"): the base library with use_future_t and use_future replaced by those of
// kit/scoped/faulty_use_future.hpp with the behaviour CONFORMANCE_USE_FUTURE_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/scoped/faulty_use_future.hpp"

#define CONFORMANCE_USE_FUTURE_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_USE_FUTURE_FAULT_NAME(fault) CONFORMANCE_USE_FUTURE_FAULT_NAME_OF(fault)

namespace conformance::mutants::use_future_fault {
template <class ProtoAllocator = std::allocator<void>>
using use_future_t = kit::faulty_use_future_t<ProtoAllocator, kit::CONFORMANCE_USE_FUTURE_FAULT>;
inline constexpr use_future_t<> use_future{};
}  // namespace conformance::mutants::use_future_fault

CONFORMANCE_MUTANT_BINDING(use_future_fault, "whose use_future_t has the fault kit::" CONFORMANCE_USE_FUTURE_FAULT_NAME(CONFORMANCE_USE_FUTURE_FAULT))
