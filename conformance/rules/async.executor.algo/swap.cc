// rule:   async.executor.algo/free-swap-exchanges-targets
// clause: [async.executor.algo] p1
#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.executor.algo/free-swap-exchanges-targets", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   executor a{tracked_executor(ctx)};
                   executor b{large_tracked_executor(ctx)};
                   const void* const target_of_a = a.template target<tracked_executor>();
                   const void* const target_of_b = b.template target<large_tracked_executor>();
                   swap(a, b);  // found by argument-dependent lookup, as [async.executor.algo] declares it
                   EXPECT_EQ(a.template target<large_tracked_executor>(), target_of_b)
                       << "after swap(a, b), a does not hold b's former target";
                   EXPECT_EQ(b.template target<tracked_executor>(), target_of_a)
                       << "after swap(a, b), b does not hold a's former target";
                 });

}  // namespace
}  // namespace conformance
