// Mutant: refnet, whose get_associated_cancellation_slot gives a handler without a slot of its
// own a connected slot (of a signal nobody emits) instead of the default, unconnected one.
#pragma once

#include <type_traits>

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::default_cancellation_slot_connected {

inline kit::lib::cancellation_signal& signal_nobody_emits() {
  static kit::lib::cancellation_signal signal;
  return signal;
}

template <class T>
kit::lib::associated_cancellation_slot_t<T> get_associated_cancellation_slot(const T& t) noexcept {
  auto slot = kit::lib::get_associated_cancellation_slot(t);
  if constexpr (std::is_same_v<decltype(slot), kit::lib::cancellation_slot>) {
    if (!slot.is_connected()) return signal_nobody_emits().slot();
  }
  return slot;
}

template <class T, class Candidate>
kit::lib::associated_cancellation_slot_t<T, Candidate> get_associated_cancellation_slot(
    const T& t, const Candidate& candidate) noexcept {
  return kit::lib::get_associated_cancellation_slot(t, candidate);
}

}  // namespace conformance::mutants::refnet::default_cancellation_slot_connected

CONFORMANCE_MUTANT_BINDING(refnet::default_cancellation_slot_connected,
                           "whose get_associated_cancellation_slot gives a handler without a slot a connected one")
