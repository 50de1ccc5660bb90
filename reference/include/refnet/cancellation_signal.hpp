// [cancellation] cancellation_signal and cancellation_slot (Asio's CancellationSlot requirements).
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "refnet/cancellation_type.hpp"

namespace refnet {

namespace detail {

class cancellation_handler_base {
 public:
  virtual void call(cancellation_type_t type) = 0;
  virtual void destroy() noexcept = 0;

 protected:
  ~cancellation_handler_base() = default;
};

template <class Handler>
class cancellation_handler final : public cancellation_handler_base {
 public:
  template <class... Args>
  explicit cancellation_handler(Args&&... args) : handler_(std::forward<Args>(args)...) {}

  void call(cancellation_type_t type) override { handler_(type); }
  void destroy() noexcept override { this->~cancellation_handler(); }
  Handler& handler() noexcept { return handler_; }

 private:
  Handler handler_;
};

// The storage a signal shares with its slots: the attached handler, and a memory
// block kept between handlers so that re-attaching does not allocate again.
struct cancellation_slot_state {
  cancellation_handler_base* handler = nullptr;
  void* memory = nullptr;
  std::size_t capacity = 0;

  void destroy_handler() noexcept {
    if (handler) {
      cancellation_handler_base* h = handler;
      handler = nullptr;
      h->destroy();
    }
  }

  void* reserve(std::size_t size) {
    if (capacity < size) {
      release_memory();
      memory = ::operator new(size);
      capacity = size;
    }
    return memory;
  }

  void release_memory() noexcept {
    ::operator delete(memory);
    memory = nullptr;
    capacity = 0;
  }
};

}  // namespace detail

class cancellation_slot {
 public:
  constexpr cancellation_slot() noexcept = default;

  // Replaces any attached handler with a CancellationHandler built from args.
  template <class CancellationHandler, class... Args>
  CancellationHandler& emplace(Args&&... args) {
    using stored = detail::cancellation_handler<CancellationHandler>;
    static_assert(alignof(stored) <= alignof(std::max_align_t), "over-aligned cancellation handler");
    state_->destroy_handler();
    void* memory = state_->reserve(sizeof(stored));
    auto* h = ::new (memory) stored(std::forward<Args>(args)...);
    state_->handler = h;
    return h->handler();
  }

  template <class CancellationHandler>
  std::decay_t<CancellationHandler>& assign(CancellationHandler&& handler) {
    return emplace<std::decay_t<CancellationHandler>>(std::forward<CancellationHandler>(handler));
  }

  void clear() noexcept {
    if (state_) state_->destroy_handler();
  }

  bool is_connected() const noexcept { return state_ != nullptr; }
  bool has_handler() const noexcept { return state_ != nullptr && state_->handler != nullptr; }

  friend bool operator==(const cancellation_slot& a, const cancellation_slot& b) noexcept {
    return a.state_ == b.state_;
  }
  friend bool operator!=(const cancellation_slot& a, const cancellation_slot& b) noexcept { return !(a == b); }

 private:
  friend class cancellation_signal;
  explicit cancellation_slot(detail::cancellation_slot_state* state) noexcept : state_(state) {}
  detail::cancellation_slot_state* state_ = nullptr;
};

// Emits cancellation requests to the handler attached through its slot. One signal
// serves one operation at a time; it may be reused for the next one.
class cancellation_signal {
 public:
  cancellation_signal() = default;
  cancellation_signal(const cancellation_signal&) = delete;
  cancellation_signal& operator=(const cancellation_signal&) = delete;
  ~cancellation_signal() {
    state_.destroy_handler();
    state_.release_memory();
  }

  void emit(cancellation_type_t type) {
    if (state_.handler) state_.handler->call(type);
  }

  cancellation_slot slot() noexcept { return cancellation_slot(&state_); }

 private:
  detail::cancellation_slot_state state_;
};

}  // namespace refnet
