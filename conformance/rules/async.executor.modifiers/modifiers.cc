// rule:   async.executor.modifiers/swap-exchanges-targets
// rule:   async.executor.modifiers/assign-with-allocator
// clause: [async.executor.modifiers] p1-p2
// swap() and assign(e, a) of the polymorphic executor.
#include <memory>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.executor.modifiers/swap-exchanges-targets", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   executor a{tracked_executor(ctx)};
                   executor b;
                   const tracked_executor* const target_of_a = a.template target<tracked_executor>();
                   a.swap(b);
                   EXPECT_FALSE(static_cast<bool>(a)) << "after a.swap(b), a did not take b's (empty) target";
                   EXPECT_EQ(b.template target<tracked_executor>(), target_of_a)
                       << "after a.swap(b), b does not hold a's former target";
                   EXPECT_TRUE(noexcept(a.swap(b))) << "swap is not noexcept";
                 });

CONFORMANCE_RULE("async.executor.modifiers/assign-with-allocator", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  const auto memory = std::make_shared<allocation_log>();
  tracked_executor old_target(ctx);
  const instance_counts& old_counts = old_target.counts();
  {
    executor e{std::move(old_target)};
    large_tracked_executor target(ctx);
    const instance_counts& counts = target.counts();
    e.assign(std::move(target), counting_allocator<void>(memory));
    EXPECT_EQ(counts.copies.load(), 0) << "assign(std::move(x), a) copied x instead of moving it";
    EXPECT_NE(e.template target<large_tracked_executor>(), nullptr)
        << "after assign(x, a) the executor does not target x";
    EXPECT_GT(memory->allocations(), 0u) << "assign(x, a) took the storage for its target from elsewhere than a";
    EXPECT_EQ(old_counts.live.load(), 1) << "assign(x, a) did not release the previous target";
  }
  EXPECT_EQ(memory->live_bytes(), 0u) << "memory taken from the allocator was not returned";
});

}  // namespace
}  // namespace conformance
