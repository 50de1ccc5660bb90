// Probe (SF): a function object given to an executor's dispatch, post or defer
// ([async.reqmts.executor] rows dispatch, post and defer), which records in a shared
// submission_record what its invocation saw:
//   - how many times any copy of it was called (at most once is allowed);
//   - whether it ran on the submitting thread while the submitting call was still open
//     (an initiation_guard is active there, probes/initiation_guard.hpp);
//   - its own `id` (the submitter changes the original's after the call: a library that kept
//     a reference instead of a decay-copy shows the changed value);
//   - a plain int the submitter wrote just before submitting (the call synchronizes with the
//     invocation: under ThreadSanitizer a missing happens-before is a reported race);
//   - the bytes still allocated from the submission's counting allocator, if any (storage
//     taken from the allocator is released before the function runs).
// It carries a payload, so that a library cannot keep it in a small inline buffer and must
// take storage for it.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"

namespace conformance {

struct submission_record {
  std::atomic<int> calls{0};
  std::atomic<bool> ran_inside_submission{false};
  std::atomic<int> seen_id{-1};
  std::atomic<int> seen_written{-1};
  std::atomic<long> live_bytes_at_call{-1};  // -1: no allocator given

  bool called() const { return calls.load() > 0; }
};

class submitted_function {
 public:
  submitted_function(std::shared_ptr<submission_record> record, const int* written_before,
                     std::shared_ptr<allocation_log> memory = nullptr)
      : record_(std::move(record)), written_before_(written_before), memory_(std::move(memory)) {}

  void operator()() {
    submission_record& r = *record_;
    if (initiation_guard::active()) r.ran_inside_submission = true;
    r.seen_id = id;
    if (written_before_ != nullptr) r.seen_written = *written_before_;
    if (memory_) r.live_bytes_at_call = static_cast<long>(memory_->live_bytes());
    r.calls.fetch_add(1);
  }

  int id = 1;

 private:
  std::shared_ptr<submission_record> record_;
  const int* written_before_;
  std::shared_ptr<allocation_log> memory_;
  std::array<std::byte, 256> payload_{};
};

}  // namespace conformance
