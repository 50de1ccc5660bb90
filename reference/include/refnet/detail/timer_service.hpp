// Mechanics: the per-context service owning the timer queue of one clock.
#pragma once

#include "refnet/cancellation_type.hpp"
#include "refnet/detail/epoll_reactor.hpp"
#include "refnet/detail/timer_queue.hpp"
#include "refnet/execution_context.hpp"

namespace refnet::detail {

template <class Clock, class WaitTraits>
class timer_service final : public execution_context::service {
 public:
  using key_type = timer_service;
  using queue_type = timer_queue<Clock, WaitTraits>;

  explicit timer_service(execution_context& ctx)
      : execution_context::service(ctx), reactor_(use_service<epoll_reactor>(ctx)) {
    reactor_.add_timer_queue(queue_);
  }

  epoll_reactor& reactor() noexcept { return reactor_; }
  queue_type& queue() noexcept { return queue_; }

 private:
  void shutdown() override {
    op_queue<operation> abandoned;
    reactor_.remove_timer_queue(queue_, abandoned);
  }

  epoll_reactor& reactor_;
  queue_type queue_;
};

// The state of one timer object, kept on the heap so the object can move while
// operations wait on it.
template <class Queue>
struct timer_impl {
  typename Queue::time_point expiry{};
  typename Queue::per_timer_data data;
};

// Per-operation cancellation of a timer wait: terminal, partial and total all
// abort the one wait this handler was installed for.
template <class Queue>
class timer_cancellation {
 public:
  timer_cancellation(epoll_reactor& reactor, Queue& queue, typename Queue::per_timer_data& timer) noexcept
      : reactor_(&reactor), queue_(&queue), timer_(&timer) {}

  void operator()(cancellation_type_t type) {
    if ((type & (cancellation_type::terminal | cancellation_type::partial | cancellation_type::total)) !=
        cancellation_type::none)
      reactor_->cancel_timer_by_key(*queue_, *timer_, this);
  }

 private:
  epoll_reactor* reactor_;
  Queue* queue_;
  typename Queue::per_timer_data* timer_;
};

}  // namespace refnet::detail
