// rule:   async.strand.dtor/queued-work-outlives-the-strand
// clause: [async.strand.dtor] p1
// Destroying every strand object does not drop the functions queued on them: they still run,
// in order and one at a time.
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/overlap_log.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.strand.dtor/queued-work-outlives-the-strand", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  overlap_log log;
  std::vector<int> expected;
  {
    const typename F::template strand<typename F::context::executor_type> s(ctx.get_executor());
    const auto copy = s;
    for (int i = 0; i < 20; ++i) {
      (i % 2 ? s : copy).post(log.function(i), std::allocator<void>());
      expected.push_back(i);
    }
  }
  {
    const watchdog guard("the functions of destroyed strands", run_time_limit);
    std::vector<std::jthread> runners;
    for (int i = 0; i < 3; ++i) runners.emplace_back([&ctx] { ctx.run(); });
  }
  EXPECT_EQ(log.order(), expected) << "after the strand objects were destroyed, their queued functions did not all "
                                      "run in the order added";
  EXPECT_EQ(log.max_overlap(), 1) << "after the strand objects were destroyed, two of their functions ran at once";
});

}  // namespace
}  // namespace conformance
