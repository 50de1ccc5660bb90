// [cancellation] associated_cancellation_slot, associated_cancellation_slot_t, get_associated_cancellation_slot.
#pragma once

#include "refnet/associator.hpp"
#include "refnet/cancellation_signal.hpp"

namespace refnet {

template <class T, class CancellationSlot = cancellation_slot>
struct associated_cancellation_slot;

namespace detail {

template <class T>
concept has_cancellation_slot_type = requires { typename T::cancellation_slot_type; };

template <class T, class CancellationSlot>
struct associated_cancellation_slot_impl {
  using type = CancellationSlot;
  static type get(const T&, const CancellationSlot& s = CancellationSlot()) noexcept { return s; }
};

template <class T, class CancellationSlot>
  requires has_cancellation_slot_type<T>
struct associated_cancellation_slot_impl<T, CancellationSlot> {
  using type = typename T::cancellation_slot_type;
  static type get(const T& t, const CancellationSlot& = CancellationSlot()) noexcept {
    return t.get_cancellation_slot();
  }
};

template <class T, class CancellationSlot>
  requires(!has_cancellation_slot_type<T> && has_associator<associated_cancellation_slot, T, CancellationSlot>)
struct associated_cancellation_slot_impl<T, CancellationSlot>
    : associator<associated_cancellation_slot, T, CancellationSlot> {};

}  // namespace detail

// The nested cancellation_slot_type of T if it has one, else an associator
// specialisation, else the candidate (by default a disconnected slot, which
// means the operation cannot be cancelled per operation).
template <class T, class CancellationSlot>
struct associated_cancellation_slot : detail::associated_cancellation_slot_impl<T, CancellationSlot> {};

template <class T, class CancellationSlot = cancellation_slot>
using associated_cancellation_slot_t = typename associated_cancellation_slot<T, CancellationSlot>::type;

template <class T>
associated_cancellation_slot_t<T> get_associated_cancellation_slot(const T& t) noexcept {
  return associated_cancellation_slot<T>::get(t);
}

template <class T, class CancellationSlot>
associated_cancellation_slot_t<T, CancellationSlot> get_associated_cancellation_slot(
    const T& t, const CancellationSlot& slot) noexcept {
  return associated_cancellation_slot<T, CancellationSlot>::get(t, slot);
}

}  // namespace refnet
