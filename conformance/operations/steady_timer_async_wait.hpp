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

// One timer, of type Timer, built on ctx or on a chosen I/O executor.
template <class Timer>
class timer_instance {
 public:
  template <class... On>
  explicit timer_instance(net::io_context& ctx, const On&... ex1) : timer_(io_object_on(ctx, ex1...)) {}

 protected:
  Timer timer_;
};

}  // namespace detail

// Expires 50 ms after initiation: completes later, on a run thread, with success. Long enough
// that a handler run before the expiry (a timer completing early) is still seen to be early
// under the sanitizers' slowdown; at 1 ms a slow run let such handlers pass the side-effect check.
struct steady_timer_async_wait {
  static constexpr std::string_view name = "steady_timer.async_wait";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);

  template <class Timer>
  class basic_instance : detail::timer_instance<Timer> {
   public:
    static constexpr std::chrono::milliseconds expiry{50};
    using detail::timer_instance<Timer>::timer_instance;

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      this->timer_.expires_after(expiry);
      return this->timer_.async_wait(std::forward<Token>(token));
    }

    expectation expected() const { return {}; }

    // The wait's side effect: the expiry time has been reached.
    std::string missing_side_effects(const outcome&) const {
      if (std::chrono::steady_clock::now() >= this->timer_.expiry()) return {};
      return "the timer's expiry time has not been reached yet";
    }
  };
  using instance = basic_instance<net::steady_timer>;
  template <class Executor>
  using instance_on = basic_instance<detail::steady_timer_on<Executor>>;
};

// Expires a day after initiation: outstanding for as long as any test runs.
struct steady_timer_async_wait_pending {
  static constexpr std::string_view name = "steady_timer.async_wait.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);

  template <class Timer>
  class basic_instance : detail::timer_instance<Timer> {
   public:
    using detail::timer_instance<Timer>::timer_instance;

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      this->timer_.expires_after(std::chrono::hours(24));
      return this->timer_.async_wait(std::forward<Token>(token));
    }

    expectation expected() const { return {.error = net::error::operation_aborted}; }
    void cancel() { this->timer_.cancel(); }
  };
  using instance = basic_instance<net::steady_timer>;
  template <class Executor>
  using instance_on = basic_instance<detail::steady_timer_on<Executor>>;
};

}  // namespace conformance::operations
