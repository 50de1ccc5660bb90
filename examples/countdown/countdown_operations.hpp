// Descriptors of async_countdown (conformance/operations/operation.hpp gives the contract):
// every rule of the corpus that is meaningful for them is applied to them.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/harness/operation_list.hpp"
#include "conformance/operations/operation.hpp"
#include "examples/countdown/countdown.hpp"

namespace conformance::target_operations {

using operations::completion;
using operations::expectation;
using operations::outcome;

// One async_countdown of `ticks` ticks of `tick` on a timer of the rule's io_context.
template <int ticks, class Tick>
class countdown_run {
 public:
  explicit countdown_run(net::io_context& ctx) : timer_(ctx) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return countdown::async_countdown(timer_, ticks, Tick(1), std::forward<Token>(token));
  }

 protected:
  net::steady_timer timer_;
};

// Two ticks of 1 ms: a composed operation with two intermediate waits, completing later.
struct countdown_two_ticks {
  static constexpr std::string_view name = "countdown.async_countdown.two_ticks";
  static constexpr completion completes = completion::later;
  static constexpr bool composed = true;
  using signature = void(target::error_code);

  class instance : public countdown_run<2, std::chrono::milliseconds> {
   public:
    using countdown_run::countdown_run;
    expectation expected() const { return {}; }

    // The countdown's side effect: the last tick's expiry has passed.
    std::string missing_side_effects(const outcome&) const {
      if (net::steady_timer::clock_type::now() >= timer_.expiry()) return {};
      return "the last tick has not expired yet";
    }
  };
};

// Zero ticks: nothing to wait for, so the operation completes immediately; the rules then
// require the handler to be submitted as if by post, never invoked inside the call.
struct countdown_zero_ticks {
  static constexpr std::string_view name = "countdown.async_countdown.zero_ticks";
  static constexpr completion completes = completion::immediately;
  using signature = void(target::error_code);

  class instance : public countdown_run<0, std::chrono::milliseconds> {
   public:
    using countdown_run::countdown_run;
    expectation expected() const { return {}; }
  };
};

// Ticks of a day: stays outstanding until cancel() cancels the timer.
struct countdown_pending {
  static constexpr std::string_view name = "countdown.async_countdown.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);

  class instance : public countdown_run<2, std::chrono::hours> {
   public:
    using countdown_run::countdown_run;
    expectation expected() const { return {.error = net::error::operation_aborted}; }
    void cancel() { timer_.cancel(); }
  };
};

using all = operation_list<countdown_two_ticks, countdown_zero_ticks, countdown_pending>;

}  // namespace conformance::target_operations
