// Probe: marks the extent of a call to an initiating function on the calling thread, so a
// handler can tell whether it runs inside that call ([async.reqmts.async.completion]).
// Thread-local: a handler running concurrently on another thread is not "inside".
#pragma once

namespace conformance {

class initiation_guard {
 public:
  initiation_guard() noexcept { ++depth(); }
  ~initiation_guard() { --depth(); }
  initiation_guard(const initiation_guard&) = delete;
  initiation_guard& operator=(const initiation_guard&) = delete;

  static bool active() noexcept { return depth() > 0; }

 private:
  static int& depth() noexcept {
    thread_local int nesting = 0;
    return nesting;
  }
};

}  // namespace conformance
