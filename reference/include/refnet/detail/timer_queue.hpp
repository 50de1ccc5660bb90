// Mechanics: a binary min-heap of timers for one clock; each timer carries the
// operations waiting on it. Steady state allocates nothing (the vector is reused).
#pragma once

#include <chrono>
#include <cstddef>
#include <limits>
#include <vector>

#include "refnet/detail/reactor_op.hpp"

namespace refnet::detail {

class timer_queue_base {
 public:
  timer_queue_base() = default;
  timer_queue_base(const timer_queue_base&) = delete;
  timer_queue_base& operator=(const timer_queue_base&) = delete;

  virtual bool empty() const noexcept = 0;
  // Microseconds until the earliest timer expires, at most max_usec.
  virtual long wait_duration_usec(long max_usec) const = 0;
  virtual void get_ready_timers(op_queue<operation>& ready) = 0;
  virtual void get_all_timers(op_queue<operation>& ops) = 0;

 protected:
  ~timer_queue_base() = default;
};

template <class Clock, class WaitTraits>
class timer_queue final : public timer_queue_base {
 public:
  using time_point = typename Clock::time_point;

  // Per-timer state, embedded in each timer's implementation object.
  class per_timer_data {
   public:
    per_timer_data() = default;
    per_timer_data(const per_timer_data&) = delete;
    per_timer_data& operator=(const per_timer_data&) = delete;

   private:
    friend class timer_queue;
    op_queue<reactor_op> ops_;
    std::size_t heap_index_ = not_in_heap;
  };

  bool empty() const noexcept override { return heap_.empty(); }

  // Returns true when `op` is now the first operation of the earliest timer.
  bool enqueue_timer(const time_point& expiry, per_timer_data& timer, reactor_op* op) {
    if (timer.heap_index_ == not_in_heap) {
      timer.heap_index_ = heap_.size();
      heap_.push_back(heap_entry{expiry, &timer});
      up_heap(heap_.size() - 1);
    }
    const bool first_op = timer.ops_.empty();
    timer.ops_.push(op);
    return first_op && heap_.front().timer == &timer;
  }

  long wait_duration_usec(long max_usec) const override {
    if (heap_.empty()) return max_usec;
    const auto wait = WaitTraits::to_wait_duration(heap_.front().time);
    if (wait <= wait.zero()) return 0;
    const auto usec = std::chrono::ceil<std::chrono::microseconds>(wait).count();
    return usec < max_usec ? static_cast<long>(usec) : max_usec;
  }

  void get_ready_timers(op_queue<operation>& ready) override {
    if (heap_.empty()) return;
    const time_point now = Clock::now();
    while (!heap_.empty() && !(now < heap_.front().time)) {
      per_timer_data* timer = heap_.front().timer;
      ready.push(timer->ops_);
      remove_timer(*timer);
    }
  }

  void get_all_timers(op_queue<operation>& ops) override {
    for (heap_entry& e : heap_) {
      ops.push(e.timer->ops_);
      e.timer->heap_index_ = not_in_heap;
    }
    heap_.clear();
  }

  // Moves every operation waiting on `timer` to `ops` with operation_aborted.
  std::size_t cancel_timer(per_timer_data& timer, op_queue<operation>& ops) {
    std::size_t count = 0;
    while (reactor_op* op = timer.ops_.pop()) {
      op->ec_ = make_error_code(error::operation_aborted);
      ops.push(op);
      ++count;
    }
    if (timer.heap_index_ != not_in_heap) remove_timer(timer);
    return count;
  }

  // Cancels the one operation registered under `key`, if it is still waiting.
  void cancel_timer_by_key(per_timer_data& timer, op_queue<operation>& ops, const void* key) {
    reactor_op* op = timer.ops_.remove_first_if([key](const reactor_op& o) { return o.cancellation_key_ == key; });
    if (!op) return;
    op->ec_ = make_error_code(error::operation_aborted);
    ops.push(op);
    if (timer.ops_.empty() && timer.heap_index_ != not_in_heap) remove_timer(timer);
  }

 private:
  static constexpr std::size_t not_in_heap = std::numeric_limits<std::size_t>::max();

  struct heap_entry {
    time_point time;
    per_timer_data* timer;
  };

  void swap_heap(std::size_t a, std::size_t b) noexcept {
    std::swap(heap_[a], heap_[b]);
    heap_[a].timer->heap_index_ = a;
    heap_[b].timer->heap_index_ = b;
  }

  void up_heap(std::size_t index) noexcept {
    while (index > 0) {
      const std::size_t parent = (index - 1) / 2;
      if (!(heap_[index].time < heap_[parent].time)) break;
      swap_heap(index, parent);
      index = parent;
    }
  }

  void down_heap(std::size_t index) noexcept {
    for (std::size_t child = index * 2 + 1; child < heap_.size(); child = index * 2 + 1) {
      const std::size_t smaller =
          (child + 1 == heap_.size() || heap_[child].time < heap_[child + 1].time) ? child : child + 1;
      if (heap_[index].time < heap_[smaller].time) break;
      swap_heap(index, smaller);
      index = smaller;
    }
  }

  void remove_timer(per_timer_data& timer) noexcept {
    const std::size_t index = timer.heap_index_;
    const std::size_t last = heap_.size() - 1;
    timer.heap_index_ = not_in_heap;
    if (index != last) {
      heap_[index] = heap_[last];
      heap_[index].timer->heap_index_ = index;
      heap_.pop_back();
      if (index > 0 && heap_[index].time < heap_[(index - 1) / 2].time) up_heap(index); else down_heap(index);
    } else {
      heap_.pop_back();
    }
  }

  std::vector<heap_entry> heap_;
};

}  // namespace refnet::detail
