// Probe: "this scope must finish within N ms". Observes [async.reqmts.async.non.blocking]
// p1 (an initiating function never blocks waiting for its operation) and, generally, turns
// a hang into a TIMEOUT verdict instead of a stuck test.
//
//   {
//     watchdog guard("async_wait on a context that is not running", std::chrono::milliseconds(500));
//     timer.async_wait(handler);
//   }
//
// If the scope is still open at the deadline, a background thread prints
// "WATCHDOG: <what> did not finish within N ms" to stderr and ends the process with
// std::_Exit(124), which tools/conformance/runner.py reports as TIMEOUT. The thread sleeps on
// a condition variable, so a guard that does not fire costs one thread start and join.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace conformance {

class watchdog {
 public:
  static constexpr int timeout_exit_code = 124;

  watchdog(std::string what, std::chrono::milliseconds limit)
      : what_(std::move(what)), limit_(limit), thread_([this] { watch(); }) {}

  watchdog(const watchdog&) = delete;
  watchdog& operator=(const watchdog&) = delete;

  ~watchdog() {
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
    }
    finished_changed_.notify_one();
    thread_.join();
  }

 private:
  void watch() {
    std::unique_lock lock(mutex_);
    if (finished_changed_.wait_for(lock, limit_, [this] { return finished_; })) return;
    std::fprintf(stderr, "WATCHDOG: %s did not finish within %lld ms\n", what_.c_str(),
                 static_cast<long long>(limit_.count()));
    std::fflush(stderr);
    std::_Exit(timeout_exit_code);
  }

  const std::string what_;
  const std::chrono::milliseconds limit_;
  std::mutex mutex_;
  std::condition_variable finished_changed_;
  bool finished_ = false;
  std::thread thread_;  // last: starts once the members it reads exist
};

}  // namespace conformance
