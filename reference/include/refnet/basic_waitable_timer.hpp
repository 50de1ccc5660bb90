// [timer.waitable] basic_waitable_timer.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <thread>
#include <type_traits>
#include <utility>

#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/reactive_op.hpp"
#include "refnet/detail/timer_service.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"
#include "refnet/wait_traits.hpp"

namespace refnet {

template <class Clock, class WaitTraits = wait_traits<Clock>, class Executor = any_io_executor>
class basic_waitable_timer {
  using service_type = detail::timer_service<Clock, WaitTraits>;
  using queue_type = typename service_type::queue_type;
  using impl = detail::timer_impl<queue_type>;  // shared by every Executor, so timers can be rebound

 public:
  using executor_type = Executor;
  using clock_type = Clock;
  using duration = typename Clock::duration;
  using time_point = typename Clock::time_point;
  using traits_type = WaitTraits;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_waitable_timer<Clock, WaitTraits, Executor1>;
  };

  explicit basic_waitable_timer(const executor_type& ex)
      : executor_(ex), service_(&use_service<service_type>(executor_.context())), impl_(std::make_unique<impl>()) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_waitable_timer(ExecutionContext& ctx) : basic_waitable_timer(executor_type(ctx.get_executor())) {}

  basic_waitable_timer(const executor_type& ex, const time_point& expiry_time) : basic_waitable_timer(ex) {
    impl_->expiry = expiry_time;
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_waitable_timer(ExecutionContext& ctx, const time_point& expiry_time)
      : basic_waitable_timer(executor_type(ctx.get_executor()), expiry_time) {}

  basic_waitable_timer(const executor_type& ex, const duration& expiry_time) : basic_waitable_timer(ex) {
    expires_after(expiry_time);
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_waitable_timer(ExecutionContext& ctx, const duration& expiry_time)
      : basic_waitable_timer(executor_type(ctx.get_executor()), expiry_time) {}

  basic_waitable_timer(basic_waitable_timer&& other) noexcept
      : executor_(other.executor_), service_(other.service_), impl_(std::move(other.impl_)) {}

  template <class Executor1>
    requires std::is_convertible_v<Executor1, Executor>
  basic_waitable_timer(basic_waitable_timer<Clock, WaitTraits, Executor1>&& other)
      : executor_(other.executor_), service_(other.service_), impl_(std::move(other.impl_)) {}

  basic_waitable_timer& operator=(basic_waitable_timer&& other) noexcept {
    if (this != &other) {
      cancel();
      executor_ = other.executor_;
      service_ = other.service_;
      impl_ = std::move(other.impl_);
    }
    return *this;
  }

  basic_waitable_timer(const basic_waitable_timer&) = delete;
  basic_waitable_timer& operator=(const basic_waitable_timer&) = delete;

  ~basic_waitable_timer() { cancel(); }

  executor_type get_executor() noexcept { return executor_; }

  // Aborts every pending wait with operation_aborted; returns how many.
  std::size_t cancel() {
    if (!impl_) return 0;
    return service_->reactor().cancel_timer(service_->queue(), impl_->data);
  }

  time_point expiry() const { return impl_ ? impl_->expiry : time_point(); }

  // Changing the expiry cancels pending waits first; both return how many.
  std::size_t expires_at(const time_point& expiry_time) {
    const std::size_t cancelled = cancel();
    state().expiry = expiry_time;
    return cancelled;
  }

  std::size_t expires_after(const duration& expiry_time) {
    return expires_at(Clock::now() + WaitTraits::to_wait_duration(expiry_time));
  }

  void wait() {
    error_code ec;
    wait(ec);
    if (ec) throw system_error(ec, "wait");
  }

  void wait(error_code& ec) {
    ec.clear();
    const time_point until = expiry();
    for (auto d = WaitTraits::to_wait_duration(until); d > duration::zero(); d = WaitTraits::to_wait_duration(until))
      std::this_thread::sleep_for(d);
  }

  template <class WaitToken = default_completion_token_t<executor_type>>
  decltype(auto) async_wait(WaitToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<WaitToken, void(error_code)>(initiate_async_wait(this), token);
  }

 private:
  template <class, class, class>
  friend class basic_waitable_timer;

  struct wait_performer : detail::error_only_completion {
    bool perform(error_code&, std::size_t&) noexcept { return true; }
  };

  class initiate_async_wait {
   public:
    using executor_type = Executor;
    explicit initiate_async_wait(basic_waitable_timer* self) noexcept : self_(self) {}
    executor_type get_executor() const noexcept { return self_->get_executor(); }

    template <class WaitHandler>
    void operator()(WaitHandler&& handler) const {
      self_->start_wait(std::forward<WaitHandler>(handler));
    }

   private:
    basic_waitable_timer* self_;
  };

  impl& state() {
    if (!impl_) impl_ = std::make_unique<impl>();  // a moved-from timer becomes usable again
    return *impl_;
  }

  template <class WaitHandler>
  void start_wait(WaitHandler&& handler) {
    impl& timer = state();
    auto op = detail::make_reactive_op(wait_performer(), std::forward<WaitHandler>(handler), executor_);
    auto slot = get_associated_cancellation_slot(op->handler());
    if (slot.is_connected()) {
      op->cancellation_key_ = &slot.template emplace<detail::timer_cancellation<queue_type>>(
          service_->reactor(), service_->queue(), timer.data);
    }
    service_->reactor().schedule_timer(service_->queue(), timer.expiry, timer.data, op.release());
  }

  Executor executor_;
  service_type* service_;
  std::unique_ptr<impl> impl_;
};

}  // namespace refnet
