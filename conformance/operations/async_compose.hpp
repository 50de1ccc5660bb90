// Operation descriptor for an operation written with async_compose (Asio's, beyond the TS): two
// timer waits of 5 ms as intermediate steps, then completion with success. Offered by bindings
// declaring CONFORMANCE_HAS_ASYNC_COMPOSE. It can be built on a chosen I/O executor
// (instance_on): the timer on it, named to async_compose as the I/O object whose executor's work
// the composition holds.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/operation.hpp"  // the binding, then capabilities.hpp
#include "conformance/operations/steady_timer_async_wait.hpp"

#if CONFORMANCE_HAS_ASYNC_COMPOSE

namespace conformance::operations {

namespace detail {

template <class Timer>
class two_timer_steps {
 public:
  static constexpr int steps = 2;

  template <class... On>
  explicit two_timer_steps(net::io_context& ctx, const On&... ex1) : timer_(io_object_on(ctx, ex1...)) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return net::async_compose<Token, void(target::error_code)>(wait_twice{&timer_, &steps_taken_}, token, timer_);
  }

  expectation expected() const { return {}; }

  // The composition's side effect: both waits were taken before it completed.
  std::string missing_side_effects(const outcome&) const {
    if (steps_taken_ == steps) return {};
    return "the composition completed after " + std::to_string(steps_taken_) + " of its " + std::to_string(steps) +
           " timer waits";
  }

 private:
  // The composition's implementation: called once at initiation and once after each wait.
  struct wait_twice {
    Timer* timer;
    int* taken;

    template <class Self>
    void operator()(Self& self, target::error_code error = {}) {
      if (error || *taken == steps) {
        self.complete(error);
        return;
      }
      ++*taken;
      timer->expires_after(std::chrono::milliseconds(5));
      timer->async_wait(std::move(self));
    }
  };

  Timer timer_;
  int steps_taken_ = 0;
};

}  // namespace detail

struct async_compose_two_timer_steps : detail::on_steady_timers<detail::two_timer_steps> {
  static constexpr std::string_view name = "async_compose.two_timer_steps";
  static constexpr completion completes = completion::later;
  static constexpr bool composed = true;
  using signature = void(target::error_code);
};

}  // namespace conformance::operations

#endif  // CONFORMANCE_HAS_ASYNC_COMPOSE
