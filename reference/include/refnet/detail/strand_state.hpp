// Mechanics: the ordered, non-concurrent state shared by equal strands, and the
// invoker that drains it on the inner executor.
#pragma once

#include <memory>
#include <mutex>
#include <utility>

#include "refnet/detail/call_stack.hpp"
#include "refnet/detail/operation.hpp"

namespace refnet::detail {

class strand_state {
 public:
  // Queues `op`. Returns true when the caller took the strand's lock and must
  // therefore schedule an invoker on the inner executor.
  bool enqueue(operation* op) {
    std::lock_guard lock(mutex_);
    if (locked_) {
      waiting_.push(op);
      return false;
    }
    locked_ = true;
    ready_.push(op);
    return true;
  }

  // Runs the operations that were ready when the invoker started. Only the
  // lock holder calls this, so ready_ needs no mutex.
  void run_ready() {
    call_stack<strand_state>::context running(this);
    while (operation* op = ready_.pop()) op->complete();
  }

  // Moves newly queued work to the ready list; returns false (and releases the
  // lock) when there is nothing left to run.
  bool prepare_next_batch() noexcept {
    std::lock_guard lock(mutex_);
    ready_.push(waiting_);
    if (ready_.empty()) {
      locked_ = false;
      return false;
    }
    return true;
  }

  bool running_in_this_thread() const noexcept { return call_stack<strand_state>::contains(this) != nullptr; }

  // The inner executor's context is shutting down: the functions still queued will never run,
  // and are destroyed now rather than when the last strand object goes ([async.reqmts.service] p5).
  void destroy_queued() noexcept {
    op_queue<operation> doomed;
    {
      std::lock_guard lock(mutex_);
      doomed.push(waiting_);
      doomed.push(ready_);
    }
  }

 private:
  std::mutex mutex_;
  bool locked_ = false;
  op_queue<operation> waiting_;
  op_queue<operation> ready_;
};

// The function object submitted to the inner executor while the strand is locked.
template <class Executor>
class strand_invoker {
 public:
  strand_invoker(std::shared_ptr<strand_state> state, const Executor& ex) : state_(std::move(state)), executor_(ex) {}

  void operator()() {
    // Whether the batch finishes or a function throws, queued work is handed
    // on, so the strand behaves as if the function had returned normally.
    struct continue_on_exit {
      strand_invoker& self;
      ~continue_on_exit() {
        if (self.state_->prepare_next_batch())
          self.executor_.post(strand_invoker(self.state_, self.executor_), std::allocator<void>());
      }
    } next{*this};
    state_->run_ready();
  }

 private:
  std::shared_ptr<strand_state> state_;
  Executor executor_;
};

}  // namespace refnet::detail
