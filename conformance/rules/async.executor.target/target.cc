// rule:   async.executor.target/target-type-names-the-target
// rule:   async.executor.target/target-only-for-its-exact-type
// clause: [async.executor.target] p1-p2
#include <typeinfo>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.executor.target/target-type-names-the-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   const executor empty;
                   EXPECT_TRUE(empty.target_type() == typeid(void))
                       << "target_type() of an executor without a target is not typeid(void)";
                   const executor tracked{tracked_executor(ctx)};
                   EXPECT_TRUE(tracked.target_type() == typeid(tracked_executor))
                       << "target_type() is not the typeid of the target's type";
                   const executor large{large_tracked_executor(ctx)};
                   EXPECT_TRUE(large.target_type() == typeid(large_tracked_executor))
                       << "target_type() of a target of a derived type is not that type's typeid";
                 });

CONFORMANCE_RULE(
    "async.executor.target/target-only-for-its-exact-type", facilities::polymorphic_executor, [](auto facility) {
      using executor = typename decltype(facility)::executor;
      net::io_context ctx;
      executor e{large_tracked_executor(ctx)};
      EXPECT_NE(e.template target<large_tracked_executor>(), nullptr)
          << "target<E>() is null though the target's type is E";
      EXPECT_EQ(e.template target<tracked_executor>(), nullptr)
          << "target<B>() is not null for a target of a type derived from B";
      EXPECT_EQ(e.template target<net::io_context::executor_type>(), nullptr)
          << "target<E>() is not null for an unrelated E";
      const executor& as_const = e;
      EXPECT_EQ(as_const.template target<large_tracked_executor>(), e.template target<large_tracked_executor>())
          << "the const and non-const target<E>() return different objects";
      const executor empty;
      EXPECT_EQ(empty.template target<large_tracked_executor>(), nullptr)
          << "target<E>() of an executor without a target is not null";
    });

}  // namespace
}  // namespace conformance
