// Scenario: repeated steady_timer waits that are already due. Each step starts one
// async_wait on an expired timer and runs its completion: per-operation allocation,
// reactor/timer-queue bookkeeping and handler dispatch.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)

namespace {

namespace net = conformance::target::net;

class wait_link {
 public:
  wait_link(net::steady_timer& timer, std::int64_t& remaining) : timer_(&timer), remaining_(&remaining) {}

  template <class ErrorCode>
  void operator()(const ErrorCode&) const {
    if (--*remaining_ > 0) {
      timer_->expires_after(std::chrono::nanoseconds(0));
      timer_->async_wait(wait_link(*this));
    }
  }

 private:
  net::steady_timer* timer_;
  std::int64_t* remaining_;
};

void chained_expired_timer_wait(benchmark::State& state) {
  net::io_context ctx;
  net::steady_timer timer(ctx);
  const std::int64_t length = state.range(0);
  for (auto _ : state) {
    std::int64_t remaining = length;
    timer.expires_after(std::chrono::nanoseconds(0));
    timer.async_wait(wait_link(timer, remaining));
    ctx.run();
    ctx.restart();
  }
  state.SetItemsProcessed(state.iterations() * length);
}

BENCHMARK(chained_expired_timer_wait)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
