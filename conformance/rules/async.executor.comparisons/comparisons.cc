// rule:   async.executor.comparisons/equality
// rule:   async.executor.comparisons/equal-to-nullptr
// rule:   async.executor.comparisons/inequality-negates-equality
// rule:   async.executor.comparisons/unequal-to-nullptr
// clause: [async.executor.comparisons] p1-p4
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// Pairs of polymorphic executors and whether [async.executor.comparisons] p1 calls them equal.
template <class Executor, class Check>
void for_each_pair(net::io_context& ctx, net::io_context& other_ctx, Check check) {
  const tracked_executor target(ctx);
  const Executor empty;
  const Executor with_target(target);
  const Executor sharing(with_target);
  const Executor equal_target(target);                   // a copy of the same target
  const Executor unequal_target{tracked_executor(ctx)};  // same type, unequal
  const Executor other_type{net::io_context::executor_type(other_ctx.get_executor())};
  check(empty, Executor(), true, "two executors without a target");
  check(with_target, sharing, true, "two executors sharing a target");
  check(with_target, equal_target, true, "two executors whose targets are of one type and compare equal");
  check(with_target, unequal_target, false, "two executors whose targets compare unequal");
  check(with_target, other_type, false, "two executors whose targets are of different types");
  check(with_target, empty, false, "an executor with a target and one without");
}

CONFORMANCE_RULE("async.executor.comparisons/equality", facilities::polymorphic_executor, [](auto facility) {
  net::io_context ctx;
  net::io_context other;
  for_each_pair<typename decltype(facility)::executor>(
      ctx, other, [](const auto& a, const auto& b, bool equal, const char* what) {
        EXPECT_EQ(a == b, equal) << "== is wrong for " << what;
        EXPECT_EQ(b == a, equal) << "== is wrong (reversed) for " << what;
      });
});

CONFORMANCE_RULE("async.executor.comparisons/equal-to-nullptr", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  const executor empty;
  const executor full{tracked_executor(ctx)};
  EXPECT_TRUE(empty == nullptr && nullptr == empty) << "an executor without a target is not == nullptr";
  EXPECT_FALSE(full == nullptr || nullptr == full) << "an executor with a target is == nullptr";
});

CONFORMANCE_RULE("async.executor.comparisons/inequality-negates-equality", facilities::polymorphic_executor,
                 [](auto facility) {
                   net::io_context ctx;
                   net::io_context other;
                   for_each_pair<typename decltype(facility)::executor>(
                       ctx, other, [](const auto& a, const auto& b, bool equal, const char* what) {
                         EXPECT_EQ(a != b, !equal) << "!= is not the negation of == for " << what;
                       });
                 });

CONFORMANCE_RULE("async.executor.comparisons/unequal-to-nullptr", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  const executor empty;
  const executor full{tracked_executor(ctx)};
  EXPECT_FALSE(empty != nullptr || nullptr != empty) << "an executor without a target is != nullptr";
  EXPECT_TRUE(full != nullptr && nullptr != full) << "an executor with a target is not != nullptr";
});

}  // namespace
}  // namespace conformance
