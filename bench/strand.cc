// Scenarios: a chain of handlers posted through one strand, run by one thread and by two.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <latch>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)
#include "bench/support/allocation_counter.hpp"
#include "bench/support/context_threads.hpp"

namespace {

namespace net = conformance::target::net;
using strand_type = net::strand<net::io_context::executor_type>;

// Each handler posts the next one through the strand; the last one counts the latch down.
// `remaining` is only touched inside the strand, which orders the handlers.
class strand_link {
 public:
  strand_link(const strand_type& strand, std::int64_t& remaining, std::latch& finished)
      : strand_(strand), remaining_(&remaining), finished_(&finished) {}

  void operator()() const {
    if (--*remaining_ > 0) {
      net::post(strand_, strand_link(*this));
    } else {
      finished_->count_down();
    }
  }

 private:
  strand_type strand_;
  std::int64_t* remaining_;
  std::latch* finished_;
};

void chained_post_through_strand(benchmark::State& state) {
  net::io_context ctx;
  const strand_type strand(ctx.get_executor());
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::int64_t remaining = length;
    std::latch finished(1);
    net::post(strand, strand_link(strand, remaining, finished));
    ctx.run();
    ctx.restart();
    if (!finished.try_wait()) state.SkipWithError("the chain through the strand stopped early");
  }
  measured.report(state, length);
}
BENCHMARK(chained_post_through_strand)->Arg(100000)->Unit(benchmark::kMillisecond);

// The same chain while two threads run the io_context: the strand may hand the next handler to
// either thread.
void chained_post_through_strand_two_threads(benchmark::State& state) {
  net::io_context ctx;
  const bench::context_threads runners(ctx, 2);
  const strand_type strand(ctx.get_executor());
  const std::int64_t length = state.range(0);
  const bench::items_and_allocations measured;
  for (auto _ : state) {
    std::int64_t remaining = length;
    std::latch finished(1);
    net::post(strand, strand_link(strand, remaining, finished));
    finished.wait();
  }
  measured.report(state, length);
}
BENCHMARK(chained_post_through_strand_two_threads)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
