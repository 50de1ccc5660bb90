// Mechanics: the run queue behind io_context and system_context. One shared queue
// under a mutex, a lock-free private queue per running thread, a work counter, and
// an optional reactor task that one idle thread at a time runs, and that a busy
// queue still lets run every `handlers_between_reactor_polls` handlers.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "refnet/detail/operation.hpp"
#include "refnet/execution_context.hpp"

namespace refnet::detail {

// The reactor as seen by the scheduler.
class reactor_task {
 public:
  // Waits at most timeout_usec (-1: no limit) for events and appends the
  // operations that became ready to `ready`.
  virtual void run(long timeout_usec, op_queue<operation>& ready) noexcept = 0;
  // Makes a concurrent run() return as soon as possible.
  virtual void interrupt() noexcept = 0;

 protected:
  ~reactor_task() = default;
};

class scheduler final : public execution_context::service {
 public:
  using key_type = scheduler;
  using clock = std::chrono::steady_clock;

  explicit scheduler(execution_context& ctx);

  // Queues an operation that brings one new unit of outstanding work with it.
  void post_immediate_completion(operation* op);
  // Queues operations whose work was counted when they were started.
  void post_deferred_completion(operation* op);
  void post_deferred_completions(op_queue<operation>& ops);

  void work_started() noexcept { outstanding_work_.fetch_add(1, std::memory_order_relaxed); }
  void work_finished() noexcept {
    if (outstanding_work_.fetch_sub(1, std::memory_order_acq_rel) == 1) stop();
  }

  bool running_in_this_thread() const noexcept;

  std::size_t run();
  std::size_t run_one();
  std::size_t run_one_until(clock::time_point deadline);
  std::size_t poll();
  std::size_t poll_one();

  void stop();
  bool stopped() const;
  void restart();

  // Installs (or, with nullptr, removes) the reactor run by idle threads.
  void set_task(reactor_task* task);

  // State of one thread inside run()/poll(): work it started and operations it
  // queued while running a handler, published when it next takes the lock.
  struct thread_info {
    op_queue<operation> private_queue;
    long private_work = 0;
    // Whether the handler this thread last took emptied the shared queue, and the
    // queue's generation then: while it is unchanged nothing else waits there.
    bool drained_shared_queue = false;
    std::uint64_t generation_seen = 0;
    // Handlers run without the lock since the thread last held it.
    std::size_t unlocked_runs = 0;
  };

  // A queue that never empties still lets the reactor harvest ready I/O this often.
  static constexpr std::size_t handlers_between_reactor_polls = 64;

 private:
  enum class wait_mode { block, until, poll };

  void shutdown() override;

  std::size_t do_run_one(std::unique_lock<std::mutex>& lock, thread_info& ti, wait_mode mode,
                         clock::time_point deadline);
  void execute(operation* op, thread_info& ti);
  std::size_t run_private_chain(thread_info& ti);
  // Every push onto queue_ goes through these (with the lock held).
  void enqueue_locked(operation* op) noexcept;
  void enqueue_locked(op_queue<operation>& ops) noexcept;
  // Tells a thread running a private chain (run_private_chain) that queue_ changed.
  void bump_queue_generation_locked() noexcept;
  bool reactor_due(wait_mode mode, bool task_polled) const noexcept;
  void settle_private_work(thread_info& ti) noexcept;
  void publish_private_queue(thread_info& ti) noexcept;
  // For the entry points that run at most one handler: publishes what it queued.
  std::size_t publish_after(std::size_t handlers_run, thread_info& ti) noexcept;
  void wake_one_and_unlock(std::unique_lock<std::mutex>& lock);
  bool out_of_work_at_start();

  mutable std::mutex mutex_;
  std::condition_variable wakeup_;
  op_queue<operation> queue_;
  // Bumped under the lock by every push onto queue_; read without it.
  std::atomic<std::uint64_t> queue_generation_{0};
  std::atomic<long> outstanding_work_{0};
  std::atomic<bool> stopped_{false};  // written under the lock, read without it too
  std::size_t handlers_since_reactor_ = 0;
  bool shutdown_ = false;
  reactor_task* task_ = nullptr;
  bool task_running_ = false;
  bool task_interrupted_ = false;
  std::size_t idle_threads_ = 0;
};

}  // namespace refnet::detail
