#include "refnet/detail/epoll_reactor.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <ctime>

namespace refnet::detail {

namespace {

constexpr unsigned read_events = EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP;
constexpr unsigned write_events = EPOLLOUT | EPOLLERR | EPOLLHUP;
constexpr unsigned except_events = EPOLLPRI | EPOLLERR | EPOLLHUP;

void throw_errno(const char* what) { throw system_error(error_code(errno, system_category()), what); }

void abort_all(op_queue<reactor_op>& queue, op_queue<operation>& aborted) {
  while (reactor_op* op = queue.pop()) {
    op->ec_ = make_error_code(error::operation_aborted);
    aborted.push(op);
  }
}

}  // namespace

epoll_reactor::epoll_reactor(execution_context& ctx)
    : execution_context::service(ctx), scheduler_(use_service<scheduler>(ctx)) {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw_errno("epoll_create1");
  interrupt_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (interrupt_fd_ < 0) {
    ::close(epoll_fd_);
    throw_errno("eventfd");
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = &interrupt_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, interrupt_fd_, &ev);
  scheduler_.set_task(this);
}

epoll_reactor::~epoll_reactor() {
  ::close(interrupt_fd_);
  ::close(epoll_fd_);
}

void epoll_reactor::shutdown() {
  op_queue<operation> abandoned;
  {
    std::lock_guard lock(mutex_);
    shutdown_ = true;
    for (auto& d : descriptors_)
      for (auto& q : d->ops_) abandoned.push(q);
    for (timer_queue_base* q : timer_queues_) q->get_all_timers(abandoned);
  }
  scheduler_.set_task(nullptr);
  // `abandoned` destroys the never-completed operations (and their handlers) here.
}

error_code epoll_reactor::register_descriptor(int fd, descriptor_state*& state) {
  std::lock_guard lock(mutex_);
  descriptor_state* d = free_list_;
  if (d) {
    free_list_ = d->next_free_;
  } else {
    descriptors_.push_back(std::make_unique<descriptor_state>());
    d = descriptors_.back().get();
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLPRI | EPOLLERR | EPOLLHUP | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = d;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
    const int err = errno;
    d->next_free_ = free_list_;
    free_list_ = d;
    return error_code(err, system_category());
  }
  d->fd_ = fd;
  d->registered_ = true;
  state = d;
  return {};
}

void epoll_reactor::deregister_descriptor(descriptor_state*& state) {
  if (!state) return;
  op_queue<operation> aborted;
  {
    std::lock_guard lock(mutex_);
    if (state->registered_) {
      epoll_event ev{};
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, state->fd_, &ev);
      state->registered_ = false;
    }
    for (auto& q : state->ops_) abort_all(q, aborted);
    state->fd_ = -1;
    state->next_free_ = free_list_;
    free_list_ = state;
  }
  state = nullptr;
  scheduler_.post_deferred_completions(aborted);
}

bool epoll_reactor::start_op(op_type type, descriptor_state* state, reactor_op* op, bool allow_speculative) {
  std::lock_guard lock(mutex_);
  if (!state || !state->registered_ || shutdown_) {
    op->ec_ = make_error_code(error::bad_descriptor);
    return true;
  }
  op_queue<reactor_op>& queue = state->ops_[type];
  if (allow_speculative && queue.empty() && op->perform()) return true;
  queue.push(op);
  scheduler_.work_started();
  return false;
}

void epoll_reactor::cancel_ops(descriptor_state* state) {
  if (!state) return;
  op_queue<operation> aborted;
  {
    std::lock_guard lock(mutex_);
    for (auto& q : state->ops_) abort_all(q, aborted);
  }
  scheduler_.post_deferred_completions(aborted);
}

void epoll_reactor::cancel_ops_by_key(descriptor_state* state, op_type type, const void* key, void (*undo)(int fd)) {
  if (!state) return;
  op_queue<operation> aborted;
  {
    std::lock_guard lock(mutex_);
    reactor_op* op =
        state->ops_[type].remove_first_if([key](const reactor_op& o) { return o.cancellation_key_ == key; });
    if (op) {
      if (undo) undo(state->fd_);
      op->ec_ = make_error_code(error::operation_aborted);
      aborted.push(op);
    }
  }
  scheduler_.post_deferred_completions(aborted);
}

void epoll_reactor::add_timer_queue(timer_queue_base& queue) {
  std::lock_guard lock(mutex_);
  timer_queues_.push_back(&queue);
}

void epoll_reactor::remove_timer_queue(timer_queue_base& queue, op_queue<operation>& abandoned) {
  std::lock_guard lock(mutex_);
  queue.get_all_timers(abandoned);
  timer_queues_.erase(std::remove(timer_queues_.begin(), timer_queues_.end(), &queue), timer_queues_.end());
}

long epoll_reactor::wait_timeout_usec(long timeout_usec) const {
  long usec = timeout_usec < 0 ? LONG_MAX : timeout_usec;
  for (const timer_queue_base* q : timer_queues_) usec = q->wait_duration_usec(usec);
  return usec == LONG_MAX ? -1 : usec;
}

int epoll_reactor::wait_for_events(epoll_event* events, int capacity, long timeout_usec) {
  if (!pwait2_missing_.load(std::memory_order_relaxed)) {
    timespec timeout{timeout_usec / 1000000, (timeout_usec % 1000000) * 1000};
    const int count = ::epoll_pwait2(epoll_fd_, events, capacity, timeout_usec < 0 ? nullptr : &timeout, nullptr);
    if (count >= 0 || errno != ENOSYS) return count;
    pwait2_missing_.store(true, std::memory_order_relaxed);
  }
  // Rounded up: never wake before a timer is due.
  const long ms = timeout_usec < 0 ? -1 : (timeout_usec + 999) / 1000;
  return ::epoll_wait(epoll_fd_, events, capacity, ms > INT_MAX ? INT_MAX : static_cast<int>(ms));
}

void epoll_reactor::run(long timeout_usec, op_queue<operation>& ready) noexcept {
  long wait_usec;
  {
    std::lock_guard lock(mutex_);
    wait_usec = wait_timeout_usec(timeout_usec);
    waiting_ = wait_usec != 0;
  }

  epoll_event events[128];
  const int count = wait_for_events(events, 128, wait_usec);

  std::lock_guard lock(mutex_);
  waiting_ = false;
  for (int i = 0; i < count; ++i) {
    if (events[i].data.ptr == &interrupt_fd_) {
      std::uint64_t drained;
      while (::read(interrupt_fd_, &drained, sizeof drained) > 0) {
      }
      continue;
    }
    auto* state = static_cast<descriptor_state*>(events[i].data.ptr);
    if (state->registered_) perform_ready_ops(*state, events[i].events, ready);
  }
  for (timer_queue_base* q : timer_queues_) q->get_ready_timers(ready);
}

void epoll_reactor::perform_ready_ops(descriptor_state& state, unsigned events, op_queue<operation>& ready) {
  static constexpr unsigned interest[op_type_count] = {read_events, write_events, except_events};
  for (int type = 0; type < op_type_count; ++type) {
    if ((events & interest[type]) == 0) continue;
    op_queue<reactor_op>& queue = state.ops_[type];
    while (reactor_op* op = queue.front()) {
      if (!op->perform()) break;
      queue.pop();
      ready.push(op);
    }
  }
}

void epoll_reactor::interrupt() noexcept {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(interrupt_fd_, &one, sizeof one);
}

}  // namespace refnet::detail
