// Scenario: chained post through a strand. Each handler posts the next one through the
// same strand of an io_context: the strand's queueing and hand-off cost per step.
#include <benchmark/benchmark.h>

#include <cstdint>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)

namespace {

namespace net = conformance::target::net;
using strand_type = net::strand<net::io_context::executor_type>;

class strand_link {
 public:
  strand_link(const strand_type& strand, std::int64_t& remaining) : strand_(strand), remaining_(&remaining) {}

  void operator()() const {
    if (--*remaining_ > 0) net::post(strand_, strand_link(*this));
  }

 private:
  strand_type strand_;
  std::int64_t* remaining_;
};

void chained_post_through_strand(benchmark::State& state) {
  net::io_context ctx;
  const strand_type strand(ctx.get_executor());
  const std::int64_t length = state.range(0);
  for (auto _ : state) {
    std::int64_t remaining = length;
    net::post(strand, strand_link(strand, remaining));
    ctx.run();
    ctx.restart();
  }
  state.SetItemsProcessed(state.iterations() * length);
}

BENCHMARK(chained_post_through_strand)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
