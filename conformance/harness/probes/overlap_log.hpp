// Probe: functions that note when they start and end, so that a rule sees whether two of them
// ever ran at once (an overlap count, not timing) and in which order they ran: the strand
// guarantees of [async.strand] p3-p5. Each function also adds to a plain int, so that a
// missing happens-before between two of them is a data race ThreadSanitizer reports, and a
// lost update shows in the total.
//
//   overlap_log log;
//   strand.post(log.function(1), alloc);  strand.post(log.function(2), alloc);
//   ... run ...
//   log.max_overlap() == 1, log.order() == {1, 2}
#pragma once

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace conformance {

class overlap_log {
 public:
  // The function numbered `id`: yields a few times while inside, to give a second function
  // every chance to start meanwhile if the executor lets it.
  auto function(int id) {
    return [this, id] {
      const int inside = running_.fetch_add(1) + 1;
      int seen = max_overlap_.load();
      while (inside > seen && !max_overlap_.compare_exchange_weak(seen, inside)) {
      }
      {
        const std::lock_guard lock(mutex_);
        order_.push_back(id);
      }
      for (int i = 0; i < 20; ++i) std::this_thread::yield();
      plain_total_ += 1;
      running_.fetch_sub(1);
      calls_.fetch_add(1);
    };
  }

  int max_overlap() const { return max_overlap_.load(); }
  int calls() const { return calls_.load(); }
  int plain_total() const { return plain_total_; }  // read after the functions have run
  std::vector<int> order() const {
    const std::lock_guard lock(mutex_);
    return order_;
  }

 private:
  std::atomic<int> running_{0};
  std::atomic<int> max_overlap_{0};
  std::atomic<int> calls_{0};
  int plain_total_ = 0;
  mutable std::mutex mutex_;
  std::vector<int> order_;
};

}  // namespace conformance
