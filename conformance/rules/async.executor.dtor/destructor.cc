// rule:   async.executor.dtor/releases-the-target
// clause: [async.executor.dtor] p1
// Destroying a polymorphic executor releases its share of the target: the target outlives it
// while another copy holds it, and is destroyed with the last.
#include <optional>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.executor.dtor/releases-the-target", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  const tracked_executor target(ctx);
  const instance_counts& counts = target.counts();
  std::optional<executor> first(std::in_place, target);
  std::optional<executor> second(std::in_place, *first);
  first.reset();
  ASSERT_NE(second->template target<tracked_executor>(), nullptr);
  EXPECT_TRUE(*second->template target<tracked_executor>() == target)
      << "destroying one copy of an executor left the other without its target";
  second.reset();
  EXPECT_EQ(counts.live.load(), 1) << "after every executor that held it was destroyed, " << counts.live.load() - 1
                                   << " copies of the target are still alive";
});

}  // namespace
}  // namespace conformance
