// Scenarios: submitting function objects to an io_context (post and dispatch), from inside and
// from outside the thread that runs it.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <latch>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)
#include "bench/support/allocation_counter.hpp"
#include "bench/support/context_threads.hpp"

namespace {

namespace net = conformance::target::net;

// Each handler posts the next one to the same io_context: one post from inside the running
// context plus one invocation per item.
class chain_link {
 public:
  chain_link(net::io_context& ctx, std::int64_t& remaining) : ctx_(&ctx), remaining_(&remaining) {}

  void operator()() const {
    if (--*remaining_ > 0) net::post(*ctx_, chain_link(*this));
  }

 private:
  net::io_context* ctx_;
  std::int64_t* remaining_;
};

void chained_post(benchmark::State& state) {
  net::io_context ctx;
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::int64_t remaining = length;
    net::post(ctx, chain_link(ctx, remaining));
    ctx.run();
    ctx.restart();
    if (remaining != 0) state.SkipWithError("the chain of posted handlers stopped early");
  }
  measured.report(state, length);
}
BENCHMARK(chained_post)->Arg(100000)->Unit(benchmark::kMillisecond);

// All items are posted first (the queue grows to the batch size), then run() drains them.
void batch_post_then_run(benchmark::State& state) {
  net::io_context ctx;
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::int64_t invoked = 0;
    for (std::int64_t i = 0; i < length; ++i) net::post(ctx, [&invoked] { ++invoked; });
    ctx.run();
    ctx.restart();
    if (invoked != length) state.SkipWithError("not every posted handler ran");
  }
  measured.report(state, length);
}
BENCHMARK(batch_post_then_run)->Arg(10000)->Unit(benchmark::kMillisecond);

// dispatch from a handler the io_context is running: each item runs inline.
void dispatch_inside_run(benchmark::State& state) {
  net::io_context ctx;
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::int64_t invoked = 0;
    net::post(ctx, [&ctx, &invoked, length] {
      for (std::int64_t i = 0; i < length; ++i) net::dispatch(ctx, [&invoked] { ++invoked; });
    });
    ctx.run();
    ctx.restart();
    if (invoked != length) state.SkipWithError("not every dispatched handler ran");
  }
  measured.report(state, length);
}
BENCHMARK(dispatch_inside_run)->Arg(100000)->Unit(benchmark::kMillisecond);

// The benchmark's thread posts; one other thread runs the io_context throughout.
void cross_thread_post(benchmark::State& state) {
  net::io_context ctx;
  const bench::context_threads runner(ctx, 1);
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::latch all_invoked(length);
    for (std::int64_t i = 0; i < length; ++i) net::post(ctx, [&all_invoked] { all_invoked.count_down(); });
    all_invoked.wait();
  }
  measured.report(state, length);
}
BENCHMARK(cross_thread_post)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
