// Scenarios: chains of steady_timer async_wait, on a timer already due and on one due shortly.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)
#include "bench/support/allocation_counter.hpp"

namespace {

namespace net = conformance::target::net;

// Each completion re-arms the timer `delay` ahead and starts the next wait.
class wait_link {
 public:
  wait_link(net::steady_timer& timer, std::chrono::nanoseconds delay, std::int64_t& remaining, bool& failed)
      : timer_(&timer), delay_(delay), remaining_(&remaining), failed_(&failed) {}

  template <class ErrorCode>
  void operator()(const ErrorCode& ec) const {
    if (ec) *failed_ = true;
    if (--*remaining_ > 0 && !ec) {
      timer_->expires_after(delay_);
      timer_->async_wait(wait_link(*this));
    }
  }

 private:
  net::steady_timer* timer_;
  std::chrono::nanoseconds delay_;
  std::int64_t* remaining_;
  bool* failed_;
};

void chained_timer_wait(benchmark::State& state, std::chrono::nanoseconds delay) {
  net::io_context ctx;
  net::steady_timer timer(ctx);
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::int64_t remaining = length;
    bool failed = false;
    timer.expires_after(delay);
    timer.async_wait(wait_link(timer, delay, remaining, failed));
    ctx.run();
    ctx.restart();
    if (failed || remaining != 0) state.SkipWithError("a wait completed with an error or the chain stopped early");
  }
  measured.report(state, length);
}

// Per item: one async_wait on a timer that is already due (timer queue and dispatch cost).
void chained_expired_timer_wait(benchmark::State& state) { chained_timer_wait(state, std::chrono::nanoseconds(0)); }
BENCHMARK(chained_expired_timer_wait)->Arg(20000)->Unit(benchmark::kMillisecond);

// Per item: one async_wait on a timer due 10 us later (the reactor's sleep and wake-up too).
void chained_short_timer_wait(benchmark::State& state) { chained_timer_wait(state, std::chrono::microseconds(10)); }
BENCHMARK(chained_short_timer_wait)->Arg(200)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
