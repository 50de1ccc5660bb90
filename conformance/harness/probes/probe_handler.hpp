// Probe: a move-only completion handler that records what happens to it in a shared
// probe_record: invocations, and whether any ran inside an initiating function.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <utility>

#include "conformance/harness/probes/initiation_guard.hpp"

namespace conformance {

class probe_record {
 public:
  void note_invocation() noexcept {
    invocations_.fetch_add(1);
    if (initiation_guard::active()) inside_initiation_.store(true);
  }

  int invocations() const noexcept { return invocations_.load(); }
  bool invoked_inside_initiation() const noexcept { return inside_initiation_.load(); }

 private:
  std::atomic<int> invocations_{0};
  std::atomic<bool> inside_initiation_{false};
};

class probe_handler {
 public:
  explicit probe_handler(std::shared_ptr<probe_record> record) noexcept : record_(std::move(record)) {}
  probe_handler(probe_handler&&) noexcept = default;
  probe_handler& operator=(probe_handler&&) noexcept = default;
  probe_handler(const probe_handler&) = delete;
  probe_handler& operator=(const probe_handler&) = delete;

  template <class... Results>
  void operator()(Results&&...) {
    record_->note_invocation();
  }

 private:
  std::shared_ptr<probe_record> record_;
};

}  // namespace conformance
