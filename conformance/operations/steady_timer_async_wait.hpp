// Operation descriptors for basic_waitable_timer::async_wait on a steady_timer: one that
// expires shortly after initiation and one that stays pending. Both can be built on a chosen
// I/O executor (instance_on), as a basic_waitable_timer of the steady clock on that executor.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

template <class Executor>
using steady_timer_on =
    net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>, Executor>;

// A descriptor's instance and instance_on for a run over a steady timer type.
template <template <class> class Run>
using on_steady_timers = runs_on_any_executor<Run, net::steady_timer, steady_timer_on>;

// A wait on a Timer that expires `Milliseconds` after initiation.
template <long long Milliseconds, class Timer>
class timer_wait {
 public:
  static constexpr std::chrono::milliseconds expiry{Milliseconds};
  static constexpr bool pending = expiry >= std::chrono::hours(1);

  template <class... On>
  explicit timer_wait(net::io_context& ctx, const On&... ex1) : timer_(io_object_on(ctx, ex1...)) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    timer_.expires_after(expiry);
    return timer_.async_wait(std::forward<Token>(token));
  }

  expectation expected() const {
    if constexpr (pending) return {.error = net::error::operation_aborted};  // after cancel()
    return {};
  }

  void cancel()
    requires pending
  {
    timer_.cancel();
  }

  // When the wait completes by itself: its expiry time.
  std::chrono::steady_clock::time_point due() const
    requires(!pending)
  {
    return timer_.expiry();
  }

  // The wait's side effect: the expiry time has been reached.
  std::string missing_side_effects(const outcome&) const
    requires(!pending)
  {
    if (std::chrono::steady_clock::now() >= timer_.expiry()) return {};
    return "the timer's expiry time has not been reached yet";
  }

 private:
  Timer timer_;
};

template <class Timer>
using wait_of_50_ms = timer_wait<50, Timer>;
template <class Timer>
using wait_of_a_day = timer_wait<24LL * 3600 * 1000, Timer>;

}  // namespace detail

// Expires 50 ms after initiation: completes later, on a run thread, with success. Long enough
// that a handler run before the expiry (a timer completing early) is still seen to be early
// under the sanitizers' slowdown; at 1 ms a slow run let such handlers pass the side-effect check.
struct steady_timer_async_wait : detail::on_steady_timers<detail::wait_of_50_ms> {
  static constexpr std::string_view name = "steady_timer.async_wait";
  static constexpr completion completes = completion::later;
  static constexpr bool repeatable = true;  // initiate() sets the expiry again
  using signature = void(target::error_code);
};

// Expires a day after initiation: outstanding for as long as any test runs.
struct steady_timer_async_wait_pending : detail::on_steady_timers<detail::wait_of_a_day> {
  static constexpr std::string_view name = "steady_timer.async_wait.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);
};

}  // namespace conformance::operations
