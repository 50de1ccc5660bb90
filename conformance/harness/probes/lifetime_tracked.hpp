// Probe: argument values whose every copy is counted, for [async.reqmts.async.lifetime] p1
// (the library may copy non-reference arguments, but all copies are gone no later than
// just after the handler is invoked).
//
//   auto log = std::make_shared<lifetime_log>();
//   socket.async_write_some(tracked_const_buffers(log, net::buffer(data)), handler);
//   ... once the handler has returned: log->live() == 0
//
// lifetime_tracked counts live instances (constructed minus destroyed, across copies and
// moves) and marks its own state, so a use of a moved-from or destroyed instance is noted
// in the log. Reading a destroyed object is undefined behaviour; the mark makes it visible
// in practice, and AddressSanitizer runs make it certain. tracked_buffer_sequence models
// ConstBufferSequence / MutableBufferSequence and checks its tracker on begin()/end().
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "conformance/harness/target_description.hpp"

namespace conformance {

class lifetime_log {
 public:
  void note_created() noexcept {
    live_.fetch_add(1);
    created_.fetch_add(1);
  }
  void note_copy() noexcept {
    note_created();
    copies_.fetch_add(1);
  }
  void note_move() noexcept {
    note_created();
    moves_.fetch_add(1);
  }
  void note_destroyed() noexcept { live_.fetch_sub(1); }
  void note_use_after_move() noexcept { uses_after_move_.fetch_add(1); }
  void note_use_after_destruction() noexcept { uses_after_destruction_.fetch_add(1); }

  long live() const noexcept { return live_.load(); }
  long created() const noexcept { return created_.load(); }
  long copies() const noexcept { return copies_.load(); }
  long moves() const noexcept { return moves_.load(); }
  long uses_after_move() const noexcept { return uses_after_move_.load(); }
  long uses_after_destruction() const noexcept { return uses_after_destruction_.load(); }

 private:
  std::atomic<long> live_{0};
  std::atomic<long> created_{0};
  std::atomic<long> copies_{0};
  std::atomic<long> moves_{0};
  std::atomic<long> uses_after_move_{0};
  std::atomic<long> uses_after_destruction_{0};
};

class lifetime_tracked {
 public:
  enum class state : std::uint32_t { alive = 0xA1153u, moved_from = 0x30BEDu, destroyed = 0xDEADu };

  explicit lifetime_tracked(std::shared_ptr<lifetime_log> log) noexcept : log_(std::move(log)) {
    log_->note_created();
  }

  lifetime_tracked(const lifetime_tracked& other) noexcept : log_(other.log_), state_(other.checked_state()) {
    log_->note_copy();
  }

  lifetime_tracked(lifetime_tracked&& other) noexcept : log_(other.log_), state_(other.checked_state()) {
    other.state_.store(state::moved_from);
    log_->note_move();
  }

  lifetime_tracked& operator=(const lifetime_tracked& other) noexcept {
    state_.store(other.checked_state());
    return *this;
  }
  lifetime_tracked& operator=(lifetime_tracked&& other) noexcept {
    state_.store(other.checked_state());
    if (this != &other) other.state_.store(state::moved_from);
    return *this;
  }

  // An atomic store, so the compiler does not drop it as a dead store at end of lifetime.
  ~lifetime_tracked() {
    state_.store(state::destroyed);
    log_->note_destroyed();
  }

  // True when this instance holds a value; a moved-from or destroyed instance notes the
  // misuse in the log and returns false.
  bool usable() const noexcept { return checked_state() == state::alive; }

  lifetime_log& log() const noexcept { return *log_; }

 private:
  state checked_state() const noexcept {
    const state now = state_.load();
    if (now == state::alive) return now;
    if (now == state::moved_from) {
      log_->note_use_after_move();
      return now;
    }
    log_->note_use_after_destruction();  // destroyed, or memory no longer holding one
    return state::destroyed;
  }

  std::shared_ptr<lifetime_log> log_;
  std::atomic<state> state_{state::alive};
};

// A buffer sequence (net::const_buffer or net::mutable_buffer elements) carrying a
// lifetime_tracked, so each copy the library makes is counted.
template <class Buffer>
class tracked_buffer_sequence {
 public:
  using value_type = Buffer;
  using const_iterator = const Buffer*;

  tracked_buffer_sequence(std::shared_ptr<lifetime_log> log, std::vector<Buffer> buffers)
      : tracker_(std::move(log)), buffers_(std::move(buffers)) {}
  tracked_buffer_sequence(std::shared_ptr<lifetime_log> log, const Buffer& buffer)
      : tracked_buffer_sequence(std::move(log), std::vector<Buffer>{buffer}) {}

  const_iterator begin() const noexcept { return tracker_.usable() ? buffers_.data() : nullptr; }
  const_iterator end() const noexcept { return tracker_.usable() ? buffers_.data() + buffers_.size() : nullptr; }

  const lifetime_tracked& tracker() const noexcept { return tracker_; }

 private:
  lifetime_tracked tracker_;
  std::vector<Buffer> buffers_;
};

using tracked_const_buffers = tracked_buffer_sequence<net::const_buffer>;
using tracked_mutable_buffers = tracked_buffer_sequence<net::mutable_buffer>;

}  // namespace conformance
