// Mechanics: the ordered, non-concurrent state shared by equal strands, and the
// invoker that drains it on the inner executor.
#pragma once

#include <memory>
#include <mutex>
#include <utility>

#include "refnet/detail/call_stack.hpp"
#include "refnet/detail/operation.hpp"
#include "refnet/detail/strand_service.hpp"

namespace refnet::detail {

class strand_state {
 public:
  // Known to the strand service of the inner executor's context (strand_service.hpp).
  explicit strand_state(std::shared_ptr<strand_registry> registry) : registry_(std::move(registry)) {
    registry_->add(this);
  }
  strand_state(const strand_state&) = delete;
  strand_state& operator=(const strand_state&) = delete;
  ~strand_state() {
    if (registry_) registry_->remove(this);
  }

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
  // and are handed over to be destroyed now rather than when the last strand object goes
  // ([async.reqmts.service] p5).
  void take_queued(op_queue<operation>& doomed) noexcept {
    std::lock_guard lock(mutex_);
    doomed.push(waiting_);
    doomed.push(ready_);
  }

 private:
  std::shared_ptr<strand_registry> registry_;
  std::mutex mutex_;
  bool locked_ = false;
  op_queue<operation> waiting_;
  op_queue<operation> ready_;
};

inline void strand_service::shutdown() {
  op_queue<operation> doomed;  // destroyed outside the registry's lock: a function may own a strand
  registry_->take_queued([&doomed](strand_state& state) { state.take_queued(doomed); });
}

// A new strand state, known to the strand service of `ex`'s context; its storage from `alloc`.
template <class Executor, class Allocator>
std::shared_ptr<strand_state> make_strand_state(const Executor& ex, const Allocator& alloc) {
  return std::allocate_shared<strand_state>(alloc, use_service<strand_service>(ex.context()).registry());
}

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
