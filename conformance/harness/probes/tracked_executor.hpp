// Probe: an executor to be wrapped (the target of the polymorphic executor, the inner executor
// of a strand) that counts its own copies, moves and live instances, and otherwise is the
// recording executor on an io_context (recording_ts_executor.hpp): every member call is logged
// in the log all its copies share, and forwarded. For [async.executor] and its sub-clauses:
// whether the wrapper took a copy "initialised from std::move(e)", shares its target or copies
// it, destroys it, and forwards each member to it.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <utility>

#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {

struct instance_counts {
  std::atomic<int> copies{0};
  std::atomic<int> moves{0};
  std::atomic<int> live{0};
};

class tracked_executor {
 public:
  explicit tracked_executor(net::io_context& ctx)
      : recording_(ctx.get_executor()), counts_(std::make_shared<instance_counts>()) {
    ++counts_->live;
  }
  tracked_executor(const tracked_executor& other) noexcept : recording_(other.recording_), counts_(other.counts_) {
    ++counts_->copies;
    ++counts_->live;
  }
  tracked_executor(tracked_executor&& other) noexcept : recording_(other.recording_), counts_(other.counts_) {
    ++counts_->moves;
    ++counts_->live;
  }
  // An assigned-to object becomes one more instance of the source's counts (a moved-from one
  // keeps its own state, as the copy constructor's source does).
  tracked_executor& operator=(const tracked_executor& other) noexcept {
    become(other);
    ++counts_->copies;
    return *this;
  }
  tracked_executor& operator=(tracked_executor&& other) noexcept {
    become(other);
    ++counts_->moves;
    return *this;
  }
  ~tracked_executor() { --counts_->live; }

  decltype(auto) context() const noexcept { return recording_.context(); }
  void on_work_started() const noexcept { recording_.on_work_started(); }
  void on_work_finished() const noexcept { recording_.on_work_finished(); }
  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    recording_.dispatch(std::forward<F>(f), a);
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    recording_.post(std::forward<F>(f), a);
  }
  template <class F, class A>
  void defer(F&& f, const A& a) const {
    recording_.defer(std::forward<F>(f), a);
  }

  executor_log& log() const noexcept { return recording_.log(); }
  const instance_counts& counts() const noexcept { return *counts_; }

  // Equal when they share the log: a copy, or the object itself.
  friend bool operator==(const tracked_executor& a, const tracked_executor& b) noexcept {
    return a.recording_ == b.recording_;
  }
  friend bool operator!=(const tracked_executor& a, const tracked_executor& b) noexcept { return !(a == b); }

 private:
  void become(const tracked_executor& other) noexcept {
    if (this == &other) return;
    --counts_->live;
    recording_ = other.recording_;
    counts_ = other.counts_;
    ++counts_->live;
  }

  recording_ts_executor recording_;
  std::shared_ptr<instance_counts> counts_;
};

// The same with a payload that no wrapper keeps in a small inline buffer, so that wrapping it
// needs storage (taken from the allocator given, where the clause says so).
class large_tracked_executor : public tracked_executor {
 public:
  using tracked_executor::tracked_executor;

 private:
  std::array<std::byte, 512> payload_{};
};

}  // namespace conformance
