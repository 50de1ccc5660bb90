// Per-operation cancellation with one planted fault: cancellation_signal and cancellation_slot
// over the base library's (faulty_cancellation_signal, faulty_cancellation_slot).
// `sound_cancellation` is the correct behaviour; each fault in cancellation_faults turns one
// `planted_` switch on. The base library's operations attach their cancellation handlers through
// whatever slot the handler names, so a fault of the slot or the signal reaches them too.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_cancellation {
  static constexpr bool planted_emit_drops_terminal = false;
  static constexpr bool planted_emit_drops_partial = false;
  static constexpr bool planted_emit_drops_total = false;
  static constexpr bool planted_emit_widens_total = false;
  static constexpr bool planted_copies_unequal = false;
  static constexpr bool planted_slots_of_signals_equal = false;
  static constexpr bool planted_inequality_not_negation = false;
  static constexpr bool planted_copy_may_throw = false;
  static constexpr bool planted_slot_not_copyable = false;
  static constexpr bool planted_never_connected = false;
  static constexpr bool planted_has_handler_always_false = false;
  static constexpr bool planted_assign_copies = false;
  static constexpr bool planted_assign_returns_argument = false;
  static constexpr bool planted_emplace_moves = false;
  static constexpr bool planted_clear_keeps_handler = false;
  static constexpr bool planted_replacement_ignored = false;
  static constexpr bool planted_emission_kept_for_next_handler = false;
  static constexpr bool planted_emission_from_other_threads_dropped = false;
  static constexpr bool planted_first_emission_dropped = false;
};

namespace cancellation_faults {
using sound = sound_cancellation;
#define CONFORMANCE_KIT_CANCELLATION_FAULT(fault) \
  struct fault : sound_cancellation {             \
    static constexpr bool planted_##fault = true; \
  };
CONFORMANCE_KIT_CANCELLATION_FAULT(emit_drops_terminal)
CONFORMANCE_KIT_CANCELLATION_FAULT(emit_drops_partial)
CONFORMANCE_KIT_CANCELLATION_FAULT(emit_drops_total)
CONFORMANCE_KIT_CANCELLATION_FAULT(emit_widens_total)
CONFORMANCE_KIT_CANCELLATION_FAULT(copies_unequal)
CONFORMANCE_KIT_CANCELLATION_FAULT(slots_of_signals_equal)
CONFORMANCE_KIT_CANCELLATION_FAULT(inequality_not_negation)
CONFORMANCE_KIT_CANCELLATION_FAULT(copy_may_throw)
CONFORMANCE_KIT_CANCELLATION_FAULT(slot_not_copyable)
CONFORMANCE_KIT_CANCELLATION_FAULT(never_connected)
CONFORMANCE_KIT_CANCELLATION_FAULT(has_handler_always_false)
CONFORMANCE_KIT_CANCELLATION_FAULT(assign_copies)
CONFORMANCE_KIT_CANCELLATION_FAULT(assign_returns_argument)
CONFORMANCE_KIT_CANCELLATION_FAULT(emplace_moves)
CONFORMANCE_KIT_CANCELLATION_FAULT(clear_keeps_handler)
CONFORMANCE_KIT_CANCELLATION_FAULT(replacement_ignored)
CONFORMANCE_KIT_CANCELLATION_FAULT(emission_kept_for_next_handler)
CONFORMANCE_KIT_CANCELLATION_FAULT(emission_from_other_threads_dropped)
CONFORMANCE_KIT_CANCELLATION_FAULT(first_emission_dropped)
#undef CONFORMANCE_KIT_CANCELLATION_FAULT
}  // namespace cancellation_faults

namespace detail {

// What a faulty signal shares with its slots: the base library's signal, and what some faults
// remember.
struct faulty_signal_state {
  lib::cancellation_signal signal;
  std::thread::id creator = std::this_thread::get_id();
  int emissions = 0;
  std::optional<lib::cancellation_type_t> kept;     // emission_kept_for_next_handler
  std::vector<std::shared_ptr<void>> not_attached;  // replacement_ignored: handlers built aside
};

inline int next_slot_identity() {
  static std::atomic<int> last{0};
  return ++last;
}

}  // namespace detail

template <class Fault>
class faulty_cancellation_slot {
 public:
  constexpr faulty_cancellation_slot() noexcept = default;
  explicit faulty_cancellation_slot(detail::faulty_signal_state* state) noexcept : state_(state) {}
  faulty_cancellation_slot(const faulty_cancellation_slot& other) noexcept(!Fault::planted_copy_may_throw) requires(
      !Fault::planted_slot_not_copyable)
      : state_(other.state_),
        identity_(Fault::planted_copies_unequal ? detail::next_slot_identity() : other.identity_) {}
  faulty_cancellation_slot(faulty_cancellation_slot&& other) noexcept
      : state_(other.state_),
        identity_(Fault::planted_copies_unequal ? detail::next_slot_identity() : other.identity_) {}
  faulty_cancellation_slot& operator=(const faulty_cancellation_slot&) = default;
  faulty_cancellation_slot& operator=(faulty_cancellation_slot&&) noexcept = default;
  // With emission_kept_for_next_handler, the first slot to go once a handler is attached (the
  // copy an initiating function took, at its end) delivers the emission kept from before.
  ~faulty_cancellation_slot() {
    if constexpr (Fault::planted_emission_kept_for_next_handler) {
      if (state_ != nullptr && state_->kept && base().has_handler()) {
        state_->signal.emit(*std::exchange(state_->kept, std::nullopt));
      }
    }
  }

  template <class Handler, class... Args>
  Handler& emplace(Args&&... args) {
    if constexpr (Fault::planted_replacement_ignored) {
      if (base().has_handler()) {
        auto aside = std::make_shared<Handler>(std::forward<Args>(args)...);
        state_->not_attached.push_back(aside);
        return *aside;
      }
    }
    Handler* attached = nullptr;
    if constexpr (Fault::planted_emplace_moves) {
      attached = &base().template emplace<Handler>(Handler(std::forward<Args>(args)...));
    } else {
      attached = &base().template emplace<Handler>(std::forward<Args>(args)...);
    }
    return *attached;
  }

  template <class Handler>
  std::decay_t<Handler>& assign(Handler&& handler) {
    using stored = std::decay_t<Handler>;
    if constexpr (Fault::planted_assign_copies) {
      const stored& lvalue = handler;
      return emplace<stored>(lvalue);
    } else if constexpr (Fault::planted_assign_returns_argument) {
      emplace<stored>(std::forward<Handler>(handler));
      return handler;
    } else {
      return emplace<stored>(std::forward<Handler>(handler));
    }
  }

  void clear() noexcept {
    if (state_ && !Fault::planted_clear_keeps_handler) base().clear();
  }

  bool is_connected() const noexcept { return state_ != nullptr && !Fault::planted_never_connected; }
  bool has_handler() const noexcept {
    return state_ != nullptr && !Fault::planted_has_handler_always_false && base().has_handler();
  }

  friend bool operator==(const faulty_cancellation_slot& a, const faulty_cancellation_slot& b) noexcept {
    return Fault::planted_slots_of_signals_equal || (a.state_ == b.state_ && a.identity_ == b.identity_);
  }
  friend bool operator!=(const faulty_cancellation_slot& a, const faulty_cancellation_slot& b) noexcept {
    return Fault::planted_inequality_not_negation ? a == b : !(a == b);
  }

 private:
  lib::cancellation_slot base() const noexcept { return state_->signal.slot(); }

  detail::faulty_signal_state* state_ = nullptr;
  int identity_ = 0;
};

template <class Fault>
class faulty_cancellation_signal {
 public:
  faulty_cancellation_signal() : state_(std::make_unique<detail::faulty_signal_state>()) {}
  faulty_cancellation_signal(const faulty_cancellation_signal&) = delete;
  faulty_cancellation_signal& operator=(const faulty_cancellation_signal&) = delete;

  void emit(lib::cancellation_type_t type) {
    detail::faulty_signal_state& state = *state_;
    if (Fault::planted_emit_drops_terminal) type = type & ~lib::cancellation_type_t(lib::cancellation_type::terminal);
    if (Fault::planted_emit_drops_partial) type = type & ~lib::cancellation_type_t(lib::cancellation_type::partial);
    if (Fault::planted_emit_drops_total) type = type & ~lib::cancellation_type_t(lib::cancellation_type::total);
    if (Fault::planted_emit_widens_total && !!(type & lib::cancellation_type::total)) {
      type = type | lib::cancellation_type::terminal | lib::cancellation_type::partial;
    }
    if (Fault::planted_first_emission_dropped && state.emissions++ == 0) return;
    if (Fault::planted_emission_from_other_threads_dropped && std::this_thread::get_id() != state.creator) return;
    if (Fault::planted_emission_kept_for_next_handler && !state.signal.slot().has_handler()) {
      state.kept = type;
      return;
    }
    if (type == lib::cancellation_type::none) return;
    state.signal.emit(type);
  }

  faulty_cancellation_slot<Fault> slot() noexcept { return faulty_cancellation_slot<Fault>(state_.get()); }

 private:
  std::unique_ptr<detail::faulty_signal_state> state_;
};

}  // namespace conformance::kit
