// Operation descriptor for co_spawn (Asio's, beyond the TS) of a coroutine that waits 5 ms on a
// timer and returns 42: the completion signature is void(exception_ptr, int). Offered by
// bindings declaring CONFORMANCE_HAS_CO_SPAWN (co_spawn, awaitable, use_awaitable).
#pragma once

#include <chrono>
#include <exception>
#include <string_view>
#include <utility>

#include "conformance/operations/operation.hpp"  // the binding, then capabilities.hpp

#if CONFORMANCE_HAS_CO_SPAWN

namespace conformance::operations {

namespace detail {

class spawned_timer_wait {
 public:
  static constexpr int answer = 42;

  explicit spawned_timer_wait(net::io_context& ctx) : ctx_(&ctx), timer_(ctx) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return net::co_spawn(*ctx_, wait_then_answer(timer_), std::forward<Token>(token));
  }

  expectation expected() const {
    return expect_values<std::exception_ptr, int>(
        "no exception and 42", [](const std::exception_ptr& e, int value) { return !e && value == answer; });
  }

 private:
  static net::awaitable<int> wait_then_answer(net::steady_timer& timer) {
    timer.expires_after(std::chrono::milliseconds(5));
    co_await timer.async_wait(net::use_awaitable);
    co_return answer;
  }

  net::io_context* ctx_;
  net::steady_timer timer_;
};

}  // namespace detail

struct co_spawn_timer_wait {
  static constexpr std::string_view name = "co_spawn.timer_wait";
  static constexpr completion completes = completion::later;
  using signature = void(std::exception_ptr, int);
  using instance = detail::spawned_timer_wait;
};

}  // namespace conformance::operations

#endif  // CONFORMANCE_HAS_CO_SPAWN
