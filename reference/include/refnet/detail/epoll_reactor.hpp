// Mechanics: the epoll reactor. Registered descriptors are edge-triggered; all
// reactor state is guarded by one mutex, and operations try their system call
// speculatively under that mutex before waiting, so no readiness edge is lost.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "refnet/detail/reactor_op.hpp"
#include "refnet/detail/scheduler.hpp"
#include "refnet/detail/timer_queue.hpp"
#include "refnet/execution_context.hpp"

struct epoll_event;

namespace refnet::detail {

class epoll_reactor final : public execution_context::service, public reactor_task {
 public:
  using key_type = epoll_reactor;

  enum op_type { read_op = 0, write_op = 1, except_op = 2 };
  static constexpr int op_type_count = 3;

  // Reactor-side state of one open descriptor. Owned by the reactor and reused
  // (never freed while it runs), so a stale epoll event can never dangle.
  class descriptor_state {
   private:
    friend class epoll_reactor;
    int fd_ = -1;
    bool registered_ = false;
    op_queue<reactor_op> ops_[op_type_count];
    descriptor_state* next_free_ = nullptr;
  };

  explicit epoll_reactor(execution_context& ctx);
  ~epoll_reactor() override;

  error_code register_descriptor(int fd, descriptor_state*& state);
  // Aborts pending operations with operation_aborted and releases the state.
  void deregister_descriptor(descriptor_state*& state);

  // Starts `op`. Returns true when it finished during this call (speculatively,
  // or because the descriptor is closed); the caller then completes it.
  bool start_op(op_type type, descriptor_state* state, reactor_op* op, bool allow_speculative);
  void cancel_ops(descriptor_state* state);
  // Aborts the one operation whose cancellation key is `key`; when there is one,
  // `undo(fd)` first runs under the reactor's lock, so that no event of the
  // aborted operation's system call can be taken for another's.
  void cancel_ops_by_key(descriptor_state* state, op_type type, const void* key, void (*undo)(int fd) = nullptr);

  void add_timer_queue(timer_queue_base& queue);
  void remove_timer_queue(timer_queue_base& queue, op_queue<operation>& abandoned);

  template <class Queue>
  void schedule_timer(Queue& queue, const typename Queue::time_point& expiry, typename Queue::per_timer_data& timer,
                      reactor_op* op) {
    std::unique_lock lock(mutex_);
    if (shutdown_) {
      lock.unlock();
      op->destroy();
      return;
    }
    const bool earliest = queue.enqueue_timer(expiry, timer, op);
    scheduler_.work_started();
    const bool wake = earliest && waiting_;
    lock.unlock();
    if (wake) interrupt();
  }

  template <class Queue>
  std::size_t cancel_timer(Queue& queue, typename Queue::per_timer_data& timer) {
    op_queue<operation> ops;
    std::size_t count;
    {
      std::lock_guard lock(mutex_);
      count = queue.cancel_timer(timer, ops);
    }
    scheduler_.post_deferred_completions(ops);
    return count;
  }

  template <class Queue>
  void cancel_timer_by_key(Queue& queue, typename Queue::per_timer_data& timer, const void* key) {
    op_queue<operation> ops;
    {
      std::lock_guard lock(mutex_);
      queue.cancel_timer_by_key(timer, ops, key);
    }
    scheduler_.post_deferred_completions(ops);
  }

  // reactor_task
  void run(long timeout_usec, op_queue<operation>& ready) noexcept override;
  void interrupt() noexcept override;

  scheduler& get_scheduler() noexcept { return scheduler_; }

 private:
  void shutdown() override;
  // How long run() may wait: the caller's limit or the earliest timer (-1: no limit).
  long wait_timeout_usec(long timeout_usec) const;
  // epoll_pwait2 (microseconds, so short timers are not rounded up to a
  // millisecond), or epoll_wait on kernels without it.
  int wait_for_events(epoll_event* events, int capacity, long timeout_usec);
  void perform_ready_ops(descriptor_state& state, unsigned events, op_queue<operation>& ready);

  scheduler& scheduler_;
  mutable std::mutex mutex_;
  int epoll_fd_ = -1;
  int interrupt_fd_ = -1;
  bool waiting_ = false;  // a thread is (about to be) blocked in epoll_wait
  bool shutdown_ = false;
  std::atomic<bool> pwait2_missing_{false};
  std::vector<timer_queue_base*> timer_queues_;
  std::vector<std::unique_ptr<descriptor_state>> descriptors_;
  descriptor_state* free_list_ = nullptr;
};

}  // namespace refnet::detail
