// Mutant: refnet, whose associated_cancellation_slot is a class template of its own over the
// base's: the program's specialisations of it reach get_associated_cancellation_slot, but not
// the operations, which find a handler's slot through the base's associator.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::cancellation_associator_of_its_own {

template <class T, class Candidate = kit::lib::cancellation_slot>
struct associated_cancellation_slot : kit::lib::associated_cancellation_slot<T, Candidate> {};

template <class T, class Candidate = kit::lib::cancellation_slot>
using associated_cancellation_slot_t = typename associated_cancellation_slot<T, Candidate>::type;

template <class T>
associated_cancellation_slot_t<T> get_associated_cancellation_slot(const T& t) noexcept {
  return associated_cancellation_slot<T>::get(t);
}

template <class T, class Candidate>
associated_cancellation_slot_t<T, Candidate> get_associated_cancellation_slot(const T& t,
                                                                              const Candidate& candidate) noexcept {
  return associated_cancellation_slot<T, Candidate>::get(t, candidate);
}

}  // namespace conformance::mutants::refnet::cancellation_associator_of_its_own

CONFORMANCE_MUTANT_BINDING(
    refnet::cancellation_associator_of_its_own,
    "whose associated_cancellation_slot is a class template of its own that its operations do not consult")
