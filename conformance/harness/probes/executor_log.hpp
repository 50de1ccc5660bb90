// Probe support (RX): the record a recording executor and all its copies share. One entry
// per submission (which member or which properties, the allocator it came with, the calling
// thread, whether an initiating function was running), plus outstanding-work accounting:
// TS executors count on_work_started/on_work_finished and check finished <= started
// ([async.reqmts.executor] table, on_work_finished row); standard executors count the live
// copies that carry outstanding_work.tracked. Observes [async.reqmts.async.completion]
// (post vs dispatch), [async.reqmts.async.work] and [async.reqmts.async.alloc].
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"

namespace conformance {

// How a submission asks for the function to run, in the TS's words. A standard executor's
// execute() is classified by its properties: blocking.never + relationship.continuation is
// defer-like, blocking.never otherwise is post-like, anything else is dispatch-like.
enum class submission_style { dispatch, post, defer };

// The member a submission went through.
enum class submission_member { dispatch, post, defer, execute };

enum class blocking_value { possibly, always, never };
enum class relationship_value { fork, continuation };
enum class work_value { untracked, tracked };

struct submission {
  submission_member member;
  // Properties in effect. For TS members they are what the member implies (post: never +
  // fork, defer: never + continuation, dispatch: possibly + fork); work is what the
  // submitting executor carries (TS executors: untracked).
  blocking_value blocking;
  relationship_value relationship;
  work_value work;
  const allocation_log* allocator;  // the counting allocator's log, nullptr for any other
  std::thread::id thread;
  bool inside_initiation;
  long outstanding_work;  // started - finished (TS) or live tracked copies (std), at submission

  submission_style style() const noexcept {
    if (blocking != blocking_value::never) return submission_style::dispatch;
    return relationship == relationship_value::continuation ? submission_style::defer : submission_style::post;
  }
};

class executor_log {
 public:
  void record(submission_member member, blocking_value blocking, relationship_value relationship, work_value work,
              const allocation_log* allocator) {
    const submission entry{member,
                           blocking,
                           relationship,
                           work,
                           allocator,
                           std::this_thread::get_id(),
                           initiation_guard::active(),
                           outstanding_work()};
    const std::lock_guard lock(mutex_);
    submissions_.push_back(entry);
  }

  std::vector<submission> submissions() const {
    const std::lock_guard lock(mutex_);
    return submissions_;
  }
  std::size_t count(submission_style style) const {
    const std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const submission& s : submissions_) n += s.style() == style ? 1 : 0;
    return n;
  }

  // TS work counting.
  void note_work_started() noexcept {
    started_.fetch_add(1);
    open_.fetch_add(1);
  }
  // Returns whether this finish matched an earlier start (and consumes that start).
  bool note_work_finished() noexcept {
    finished_.fetch_add(1);
    long open = open_.load();
    while (open > 0 && !open_.compare_exchange_weak(open, open - 1)) {
    }
    if (open > 0) return true;
    unbalanced_finish_.store(true);
    return false;
  }
  long work_started() const noexcept { return started_.load(); }
  long work_finished() const noexcept { return finished_.load(); }
  // True once on_work_finished was called more often than on_work_started: the library
  // finished work it never started (the TS precondition of on_work_finished).
  bool work_finished_exceeded_started() const noexcept { return unbalanced_finish_.load(); }

  // Standard-executor work counting: copies carrying outstanding_work.tracked.
  void note_tracked_copy_created() noexcept {
    tracked_live_.fetch_add(1);
    tracked_created_.fetch_add(1);
  }
  void note_tracked_copy_destroyed() noexcept { tracked_live_.fetch_sub(1); }
  long tracked_copies_live() const noexcept { return tracked_live_.load(); }
  long tracked_copies_created() const noexcept { return tracked_created_.load(); }

  // Work the executor's copies hold now, whichever model they use.
  long outstanding_work() const noexcept { return started_.load() - finished_.load() + tracked_live_.load(); }

 private:
  mutable std::mutex mutex_;
  std::vector<submission> submissions_;
  std::atomic<long> started_{0};
  std::atomic<long> finished_{0};
  std::atomic<long> open_{0};  // starts not yet matched by a finish
  std::atomic<bool> unbalanced_finish_{false};
  std::atomic<long> tracked_live_{0};
  std::atomic<long> tracked_created_{0};
};

}  // namespace conformance
