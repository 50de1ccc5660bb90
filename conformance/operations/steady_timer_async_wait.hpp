// Operation descriptors for basic_waitable_timer::async_wait on a steady_timer: one that
// expires shortly after initiation and one that stays pending.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// Expires 50 ms after initiation: completes later, on a run thread, with success. Long enough
// that a handler run before the expiry (a timer completing early) is still seen to be early
// under the sanitizers' slowdown; at 1 ms a slow run let such handlers pass the side-effect check.
struct steady_timer_async_wait {
  static constexpr std::string_view name = "steady_timer.async_wait";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);

  class instance {
   public:
    static constexpr std::chrono::milliseconds expiry{50};

    explicit instance(net::io_context& ctx) : timer_(ctx) {}

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      timer_.expires_after(expiry);
      return timer_.async_wait(std::forward<Token>(token));
    }

    expectation expected() const { return {}; }

    // The wait's side effect: the expiry time has been reached.
    std::string missing_side_effects(const outcome&) const {
      if (net::steady_timer::clock_type::now() >= timer_.expiry()) return {};
      return "the timer's expiry time has not been reached yet";
    }

   private:
    net::steady_timer timer_;
  };
};

// Expires a day after initiation: outstanding for as long as any test runs.
struct steady_timer_async_wait_pending {
  static constexpr std::string_view name = "steady_timer.async_wait.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);

  class instance {
   public:
    explicit instance(net::io_context& ctx) : timer_(ctx) {}

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      timer_.expires_after(std::chrono::hours(24));
      return timer_.async_wait(std::forward<Token>(token));
    }

    expectation expected() const { return {.error = net::error::operation_aborted}; }
    void cancel() { timer_.cancel(); }

   private:
    net::steady_timer timer_;
  };
};

}  // namespace conformance::operations
