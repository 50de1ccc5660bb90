// Probe: a one-shot event another thread signals, so that a rule or test waits for the thing
// itself to happen (a handler ran on a pool thread, a function reached a point) instead of
// sleeping for a while and hoping it has: on a loaded machine any fixed sleep is too short.
// Shared through a std::shared_ptr when the signalling side may outlive the waiting one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace conformance {

class event {
 public:
  void notify() {
    const std::lock_guard lock(mutex_);
    happened_ = true;
    changed_.notify_all();
  }

  // True once notified; false if `limit` passed first.
  template <class Rep, class Period>
  bool wait_for(std::chrono::duration<Rep, Period> limit) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [this] { return happened_; });
  }

  bool happened() const {
    const std::lock_guard lock(mutex_);
    return happened_;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool happened_ = false;
};

}  // namespace conformance
