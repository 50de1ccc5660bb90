// Scenario: chained post. Each handler posts the next one to the same io_context, so the
// cost per step is one post from inside the running context plus one handler invocation
// (the hot path the reference's lock-free private queue and memory recycling target).
#include <benchmark/benchmark.h>

#include <cstdint>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)

namespace {

namespace net = conformance::target::net;

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
  for (auto _ : state) {
    std::int64_t remaining = length;
    net::post(ctx, chain_link(ctx, remaining));
    ctx.run();
    ctx.restart();
  }
  state.SetItemsProcessed(state.iterations() * length);
}

BENCHMARK(chained_post)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
