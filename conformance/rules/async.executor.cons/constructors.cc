// rule:   async.executor.cons/default-has-no-target
// rule:   async.executor.cons/nullptr-has-no-target
// rule:   async.executor.cons/copy-targets-the-same-target-or-a-copy
// rule:   async.executor.cons/move-takes-over-the-target
// rule:   async.executor.cons/from-executor-moves-it-into-the-target
// rule:   async.executor.cons/allocator-constructor-moves-it-into-the-target
// rule:   async.executor.cons/allocator-constructor-takes-storage-from-the-allocator
// clause: [async.executor.cons] p1-p7
// The polymorphic executor's constructors, around a target that counts its own copies and
// moves (probes/tracked_executor.hpp).
#include <memory>
#include <typeinfo>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Executor>
void expect_no_target(const Executor& e, const char* how) {
  EXPECT_FALSE(static_cast<bool>(e)) << how << " executor converts to true";
  EXPECT_TRUE(e.target_type() == typeid(void)) << how << " executor's target_type() is not typeid(void)";
  EXPECT_EQ(e.template target<tracked_executor>(), nullptr) << how << " executor has a target";
}

CONFORMANCE_RULE("async.executor.cons/default-has-no-target", facilities::polymorphic_executor, [](auto facility) {
  const typename decltype(facility)::executor e;
  expect_no_target(e, "a default-constructed");
});

CONFORMANCE_RULE("async.executor.cons/nullptr-has-no-target", facilities::polymorphic_executor, [](auto facility) {
  const typename decltype(facility)::executor e(nullptr);
  expect_no_target(e, "an executor(nullptr)");
});

CONFORMANCE_RULE("async.executor.cons/copy-targets-the-same-target-or-a-copy", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   const executor empty;
                   const executor empty_copy(empty);
                   expect_no_target(empty_copy, "a copy of an empty");
                   net::io_context ctx;
                   const tracked_executor target(ctx);
                   const executor e(target);
                   const executor copy(e);
                   const tracked_executor* copied = copy.template target<tracked_executor>();
                   ASSERT_NE(copied, nullptr) << "a copy of an executor with a target has none";
                   EXPECT_TRUE(copied == e.template target<tracked_executor>() || *copied == target)
                       << "a copy targets neither its source's target nor a copy of it";
                   EXPECT_TRUE(copy == e) << "a copy does not compare equal to its source";
                 });

CONFORMANCE_RULE("async.executor.cons/move-takes-over-the-target", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  executor source{tracked_executor(ctx)};
  const tracked_executor* const before = source.template target<tracked_executor>();
  const executor moved(std::move(source));
  EXPECT_EQ(moved.template target<tracked_executor>(), before)
      << "a move-constructed executor does not target the source's target";
  source = moved;  // the source is left valid: it can be assigned to and compared
  EXPECT_TRUE(source == moved);
});

CONFORMANCE_RULE("async.executor.cons/from-executor-moves-it-into-the-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   tracked_executor target(ctx);
                   const instance_counts& counts = target.counts();
                   const executor e(std::move(target));
                   EXPECT_EQ(counts.copies.load(), 0) << "executor(std::move(e)) copied e instead of moving it";
                   EXPECT_GE(counts.moves.load(), 1) << "executor(std::move(e)) did not move e into its target";
                   ASSERT_NE(e.template target<tracked_executor>(), nullptr) << "executor(e) has no target of e's type";
                   EXPECT_TRUE(e.target_type() == typeid(tracked_executor));
                 });

CONFORMANCE_RULE("async.executor.cons/allocator-constructor-moves-it-into-the-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   tracked_executor target(ctx);
                   const instance_counts& counts = target.counts();
                   const executor e(std::allocator_arg, std::allocator<void>(), std::move(target));
                   EXPECT_EQ(counts.copies.load(), 0)
                       << "executor(allocator_arg, a, std::move(e)) copied e instead of moving it";
                   EXPECT_GE(counts.moves.load(), 1) << "executor(allocator_arg, a, std::move(e)) did not move e";
                   EXPECT_NE(e.template target<tracked_executor>(), nullptr)
                       << "executor(allocator_arg, a, e) has no target of e's type";
                 });

CONFORMANCE_RULE("async.executor.cons/allocator-constructor-takes-storage-from-the-allocator",
                 facilities::polymorphic_executor, [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   net::io_context ctx;
                   const auto memory = std::make_shared<allocation_log>();
                   {
                     const executor e(std::allocator_arg, counting_allocator<void>(memory),
                                      large_tracked_executor(ctx));
                     EXPECT_GT(memory->allocations(), 0u)
                         << "executor(allocator_arg, a, e) took the storage for its target from elsewhere than a";
                   }
                   EXPECT_EQ(memory->live_bytes(), 0u) << "memory taken from the allocator was not returned";
                 });

}  // namespace
}  // namespace conformance
