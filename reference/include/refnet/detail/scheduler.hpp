// Mechanics: the run queue behind io_context and system_context. One shared queue
// under a mutex, a lock-free private queue per running thread, a work counter, and
// an optional reactor task that one idle thread at a time runs.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
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
  };

 private:
  enum class wait_mode { block, until, poll };

  void shutdown() override;

  std::size_t do_run_one(std::unique_lock<std::mutex>& lock, thread_info& ti, wait_mode mode,
                         clock::time_point deadline);
  void execute(operation* op, thread_info& ti);
  void settle_private_work(thread_info& ti) noexcept;
  void publish_private_queue(thread_info& ti) noexcept;
  // For the entry points that run at most one handler: publishes what it queued.
  std::size_t publish_after(std::size_t handlers_run, thread_info& ti) noexcept;
  void wake_one_and_unlock(std::unique_lock<std::mutex>& lock);
  bool out_of_work_at_start();

  mutable std::mutex mutex_;
  std::condition_variable wakeup_;
  op_queue<operation> queue_;
  std::atomic<long> outstanding_work_{0};
  bool stopped_ = false;
  bool shutdown_ = false;
  reactor_task* task_ = nullptr;
  bool task_running_ = false;
  bool task_interrupted_ = false;
  std::size_t idle_threads_ = 0;
};

}  // namespace refnet::detail
