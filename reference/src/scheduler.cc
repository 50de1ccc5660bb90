#include "refnet/detail/scheduler.hpp"

#include <limits>

#include "refnet/detail/call_stack.hpp"

namespace refnet::detail {

namespace {

using scheduler_stack = call_stack<scheduler, scheduler::thread_info>;

long usec_until(scheduler::clock::time_point deadline) {
  const auto now = scheduler::clock::now();
  if (deadline <= now) return 0;
  const auto usec = std::chrono::ceil<std::chrono::microseconds>(deadline - now).count();
  return usec > std::numeric_limits<long>::max() ? std::numeric_limits<long>::max() : static_cast<long>(usec);
}

// run() and poll() count the handlers they ran up to the largest size_t.
void add_saturating(std::size_t& count, std::size_t n) {
  count = n > std::numeric_limits<std::size_t>::max() - count ? std::numeric_limits<std::size_t>::max() : count + n;
}

}  // namespace

scheduler::scheduler(execution_context& ctx) : execution_context::service(ctx) {}

bool scheduler::running_in_this_thread() const noexcept { return scheduler_stack::contains(this) != nullptr; }

void scheduler::post_immediate_completion(operation* op) {
  if (thread_info* ti = scheduler_stack::contains(this)) {
    // The calling thread is inside one of our handlers: no lock, no atomic.
    ++ti->private_work;
    ti->private_queue.push(op);
    return;
  }
  work_started();
  std::unique_lock lock(mutex_);
  enqueue_locked(op);
  wake_one_and_unlock(lock);
}

void scheduler::post_deferred_completion(operation* op) {
  if (thread_info* ti = scheduler_stack::contains(this)) {
    ti->private_queue.push(op);
    return;
  }
  std::unique_lock lock(mutex_);
  enqueue_locked(op);
  wake_one_and_unlock(lock);
}

void scheduler::post_deferred_completions(op_queue<operation>& ops) {
  if (ops.empty()) return;
  if (thread_info* ti = scheduler_stack::contains(this)) {
    ti->private_queue.push(ops);
    return;
  }
  std::unique_lock lock(mutex_);
  enqueue_locked(ops);
  wake_one_and_unlock(lock);
}

void scheduler::enqueue_locked(operation* op) noexcept {
  queue_.push(op);
  bump_queue_generation_locked();
}

void scheduler::enqueue_locked(op_queue<operation>& ops) noexcept {
  if (ops.empty()) return;
  queue_.push(ops);
  bump_queue_generation_locked();
}

void scheduler::bump_queue_generation_locked() noexcept {
  // Only pushes under the lock write it, so a relaxed load and store cannot lose a bump.
  queue_generation_.store(queue_generation_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

void scheduler::wake_one_and_unlock(std::unique_lock<std::mutex>& lock) {
  if (idle_threads_ > 0) {
    lock.unlock();
    wakeup_.notify_one();
  } else if (task_running_ && !task_interrupted_) {
    task_interrupted_ = true;
    reactor_task* task = task_;
    lock.unlock();
    task->interrupt();
  } else {
    lock.unlock();
  }
}

bool scheduler::out_of_work_at_start() {
  if (outstanding_work_.load(std::memory_order_acquire) != 0) return false;
  stop();
  return true;
}

std::size_t scheduler::run() {
  if (out_of_work_at_start()) return 0;
  thread_info ti;
  scheduler_stack::context running(this, ti);
  std::unique_lock lock(mutex_);
  std::size_t count = 0;
  while (do_run_one(lock, ti, wait_mode::block, {}) != 0) {
    add_saturating(count, 1 + run_private_chain(ti));
    lock.lock();
  }
  return count;
}

std::size_t scheduler::run_one() {
  if (out_of_work_at_start()) return 0;
  thread_info ti;
  scheduler_stack::context running(this, ti);
  std::unique_lock lock(mutex_);
  return publish_after(do_run_one(lock, ti, wait_mode::block, {}), ti);
}

std::size_t scheduler::run_one_until(clock::time_point deadline) {
  if (out_of_work_at_start()) return 0;
  thread_info ti;
  scheduler_stack::context running(this, ti);
  std::unique_lock lock(mutex_);
  return publish_after(do_run_one(lock, ti, wait_mode::until, deadline), ti);
}

std::size_t scheduler::poll() {
  if (out_of_work_at_start()) return 0;
  thread_info ti;
  scheduler_stack::context running(this, ti);
  std::unique_lock lock(mutex_);
  std::size_t count = 0;
  while (do_run_one(lock, ti, wait_mode::poll, {}) != 0) {
    add_saturating(count, 1 + run_private_chain(ti));
    lock.lock();
  }
  return count;
}

std::size_t scheduler::poll_one() {
  if (out_of_work_at_start()) return 0;
  thread_info ti;
  scheduler_stack::context running(this, ti);
  std::unique_lock lock(mutex_);
  return publish_after(do_run_one(lock, ti, wait_mode::poll, {}), ti);
}

// Runs at most one handler. Returns 1 with the lock released after running one,
// or 0 with the lock held when stopped, out of time, or (poll) out of ready work.
// What the previous handlers queued privately is published first, under the
// same lock: one lock per handler at most.
std::size_t scheduler::do_run_one(std::unique_lock<std::mutex>& lock, thread_info& ti, wait_mode mode,
                                  clock::time_point deadline) {
  enqueue_locked(ti.private_queue);
  handlers_since_reactor_ += ti.unlocked_runs;
  ti.unlocked_runs = 0;
  bool task_polled = false;
  while (!stopped_.load(std::memory_order_relaxed)) {
    if (reactor_due(mode, task_polled)) {
      task_running_ = true;
      task_interrupted_ = false;
      reactor_task* task = task_;
      const long timeout = !queue_.empty() || mode == wait_mode::poll ? 0
                           : mode == wait_mode::until                 ? usec_until(deadline)
                                                                      : -1;
      lock.unlock();
      op_queue<operation> ready;
      task->run(timeout, ready);
      lock.lock();
      task_running_ = false;
      task_polled = true;
      handlers_since_reactor_ = 0;
      enqueue_locked(ready);
      if (!queue_.empty() && idle_threads_ > 0) wakeup_.notify_one();
      if (queue_.empty() && mode == wait_mode::until && clock::now() >= deadline) return 0;
      continue;
    }
    if (operation* op = queue_.pop()) {
      ++handlers_since_reactor_;
      ti.drained_shared_queue = queue_.empty();
      if (ti.drained_shared_queue) {
        ti.generation_seen = queue_generation_.load(std::memory_order_relaxed);
        lock.unlock();
      } else {
        wake_one_and_unlock(lock);
      }
      execute(op, ti);
      return 1;
    }
    if (mode == wait_mode::poll) return 0;
    ++idle_threads_;
    if (mode == wait_mode::until) {
      const bool timed_out = wakeup_.wait_until(lock, deadline) == std::cv_status::timeout;
      --idle_threads_;
      if (timed_out && queue_.empty()) return 0;
    } else {
      wakeup_.wait(lock);
      --idle_threads_;
    }
  }
  return 0;
}

// The reactor runs when the queue is empty (blocking, unless polling) and, with
// a timeout of 0, when a queue that never empties has kept it waiting too long.
bool scheduler::reactor_due(wait_mode mode, bool task_polled) const noexcept {
  if (task_ == nullptr || task_running_) return false;
  if (queue_.empty()) return !(mode == wait_mode::poll && task_polled);
  return handlers_since_reactor_ >= handlers_between_reactor_polls;
}

// After do_run_one: runs without the lock the one operation each handler queued
// (a chain of posts, the commonest pattern, whose cost was mostly the lock) for
// as long as nothing else can want the thread: the shared queue has stayed empty
// since this thread emptied it, the scheduler is not stopped, and the reactor is
// not yet due. Two or more queued operations go through the shared queue, where
// idle threads can take them.
std::size_t scheduler::run_private_chain(thread_info& ti) {
  if (!ti.drained_shared_queue) return 0;
  std::size_t runs = 0;
  while (runs < handlers_between_reactor_polls && ti.private_queue.holds_one() &&
         !stopped_.load(std::memory_order_relaxed) &&
         queue_generation_.load(std::memory_order_relaxed) == ti.generation_seen) {
    execute(ti.private_queue.pop(), ti);
    ++runs;
  }
  ti.unlocked_runs = runs;
  return runs;
}

void scheduler::execute(operation* op, thread_info& ti) {
  // Settles the work count even when the handler throws; the private queue is
  // published by the next do_run_one, or here when the exception leaves run().
  struct settle_on_exit {
    scheduler& self;
    thread_info& ti;
    bool returned = false;
    ~settle_on_exit() {
      self.settle_private_work(ti);
      if (!returned) self.publish_private_queue(ti);
    }
  } settle{*this, ti};
  op->complete();
  settle.returned = true;
}

void scheduler::settle_private_work(thread_info& ti) noexcept {
  // The operation that just ran owned one unit of work; private posts add theirs.
  if (ti.private_work > 1) {
    outstanding_work_.fetch_add(ti.private_work - 1, std::memory_order_relaxed);
  } else if (ti.private_work < 1) {
    work_finished();
  }
  ti.private_work = 0;
}

void scheduler::publish_private_queue(thread_info& ti) noexcept {
  if (ti.private_queue.empty()) return;
  std::unique_lock lock(mutex_);
  enqueue_locked(ti.private_queue);
  wake_one_and_unlock(lock);
}

std::size_t scheduler::publish_after(std::size_t handlers_run, thread_info& ti) noexcept {
  if (handlers_run != 0) publish_private_queue(ti);
  return handlers_run;
}

void scheduler::stop() {
  std::unique_lock lock(mutex_);
  stopped_ = true;
  wakeup_.notify_all();
  if (task_running_ && !task_interrupted_) {
    task_interrupted_ = true;
    reactor_task* task = task_;
    lock.unlock();
    task->interrupt();
  }
}

bool scheduler::stopped() const { return stopped_.load(); }

void scheduler::restart() {
  std::lock_guard lock(mutex_);
  stopped_ = false;
}

void scheduler::set_task(reactor_task* task) {
  std::lock_guard lock(mutex_);
  if (shutdown_ && task) return;
  task_ = task;
  wakeup_.notify_all();  // an idle thread may now have a reactor to run
}

void scheduler::shutdown() {
  op_queue<operation> abandoned;
  {
    std::lock_guard lock(mutex_);
    shutdown_ = true;
    task_ = nullptr;
    abandoned.push(queue_);
  }
  // `abandoned` destroys every never-run operation here, outside the lock.
}

}  // namespace refnet::detail
