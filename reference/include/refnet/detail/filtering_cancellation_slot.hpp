// Mechanics: a CancellationSlot wrapper that lets through only some cancellation
// types, used by composed operations to declare which types they support.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/cancellation_type.hpp"

namespace refnet::detail {

template <class Handler>
struct filtered_cancellation_handler {
  template <class... Args>
  explicit filtered_cancellation_handler(cancellation_type m, Args&&... args)
      : mask(m), handler(std::forward<Args>(args)...) {}

  void operator()(cancellation_type type) {
    const cancellation_type allowed = type & mask;
    if (allowed != cancellation_type::none) handler(allowed);
  }

  cancellation_type mask;
  Handler handler;
};

template <class Slot>
class filtering_cancellation_slot {
 public:
  filtering_cancellation_slot(const Slot& slot, cancellation_type mask) noexcept : slot_(slot), mask_(mask) {}

  template <class CancellationHandler, class... Args>
  CancellationHandler& emplace(Args&&... args) {
    return slot_.template emplace<filtered_cancellation_handler<CancellationHandler>>(mask_, std::forward<Args>(args)...)
        .handler;
  }

  template <class CancellationHandler>
  std::decay_t<CancellationHandler>& assign(CancellationHandler&& handler) {
    return emplace<std::decay_t<CancellationHandler>>(std::forward<CancellationHandler>(handler));
  }

  void clear() { slot_.clear(); }
  bool is_connected() const noexcept { return slot_.is_connected(); }
  bool has_handler() const noexcept { return slot_.has_handler(); }

  friend bool operator==(const filtering_cancellation_slot& a, const filtering_cancellation_slot& b) noexcept {
    return a.slot_ == b.slot_ && a.mask_ == b.mask_;
  }
  friend bool operator!=(const filtering_cancellation_slot& a, const filtering_cancellation_slot& b) noexcept {
    return !(a == b);
  }

 private:
  Slot slot_;
  cancellation_type mask_;
};

}  // namespace refnet::detail
