// The example's "third-party library": one composed asynchronous operation, async_countdown,
// built on Boost.Asio. It waits `ticks` times for `tick` on a timer, then completes with
// success, or with the error of the wait that failed (operation_aborted when cancelled).
//
// It has a deliberate flaw for the suite to find: with ticks == 0 it completes inside the
// initiating function, which [async.reqmts.async.completion] forbids.
#pragma once

#include <boost/asio.hpp>
#include <utility>

namespace countdown {

namespace asio = ::boost::asio;
using error_code = ::boost::system::error_code;

namespace detail {

// The composed operation's state machine: one intermediate async_wait per tick.
class countdown_steps {
 public:
  countdown_steps(asio::steady_timer& timer, int ticks, asio::steady_timer::duration tick)
      : timer_(timer), remaining_(ticks), tick_(tick) {}

  template <class Self>
  void operator()(Self& self, error_code error = {}) {
    if (error || remaining_ == 0) {
      self.complete(error);  // with ticks == 0, this runs inside async_countdown: the flaw
      return;
    }
    --remaining_;
    timer_.expires_after(tick_);
    timer_.async_wait(std::move(self));
  }

 private:
  asio::steady_timer& timer_;
  int remaining_;
  asio::steady_timer::duration tick_;
};

}  // namespace detail

template <class CompletionToken>
auto async_countdown(asio::steady_timer& timer, int ticks, asio::steady_timer::duration tick,
                     CompletionToken&& token) {
  return asio::async_compose<CompletionToken, void(error_code)>(detail::countdown_steps(timer, ticks, tick),
                                                                token, timer);
}

}  // namespace countdown
