// Binding of every mutant whose fault is in its strand (mutant()'s kit_fault "strand:<fault>"):
// the base library with strand replaced by that of kit/faulty_strand.hpp with the behaviour
// CONFORMANCE_STRAND_FAULT.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faulty_strand.hpp"

#define CONFORMANCE_STRAND_FAULT_NAME_OF(fault) #fault
#define CONFORMANCE_STRAND_FAULT_NAME(fault) CONFORMANCE_STRAND_FAULT_NAME_OF(fault)

namespace conformance::mutants::strand_fault {
template <class Executor>
using strand = kit::faulty_strand<Executor, kit::CONFORMANCE_STRAND_FAULT>;
}  // namespace conformance::mutants::strand_fault

CONFORMANCE_MUTANT_BINDING(strand_fault,
                           "whose strand has the fault kit::" CONFORMANCE_STRAND_FAULT_NAME(CONFORMANCE_STRAND_FAULT))
