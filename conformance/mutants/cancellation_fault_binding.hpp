// Binding of every mutant whose fault is in its per-operation cancellation (mutant()'s kit_fault
// "cancellation:<fault>"): the base library with cancellation_signal and cancellation_slot
// replaced by those of kit/cancellation/faulty_cancellation.hpp with the behaviour
// CONFORMANCE_CANCELLATION_FAULT. The base's operations attach their cancellation handlers
// through these slots, so the fault reaches them.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/cancellation/faulty_cancellation.hpp"

#define CONFORMANCE_CANCELLATION_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_CANCELLATION_FAULT_NAME(fault) CONFORMANCE_CANCELLATION_FAULT_NAME_OF(fault)

namespace conformance::mutants::cancellation_fault {
using cancellation_signal = kit::faulty_cancellation_signal<kit::cancellation_faults::CONFORMANCE_CANCELLATION_FAULT>;
using cancellation_slot = kit::faulty_cancellation_slot<kit::cancellation_faults::CONFORMANCE_CANCELLATION_FAULT>;
}  // namespace conformance::mutants::cancellation_fault

CONFORMANCE_MUTANT_BINDING(
    cancellation_fault,
    "whose cancellation_signal and cancellation_slot have the fault "
    "kit::cancellation_faults::" CONFORMANCE_CANCELLATION_FAULT_NAME(CONFORMANCE_CANCELLATION_FAULT))
