// rule:   async.executor.ops/context-reaches-every-target
// rule:   async.executor.ops/context-returns-the-targets
// rule:   async.executor.ops/on-work-started-reaches-every-target
// rule:   async.executor.ops/on-work-started-forwards
// rule:   async.executor.ops/on-work-finished-reaches-every-target
// rule:   async.executor.ops/on-work-finished-forwards
// rule:   async.executor.ops/dispatch-forwards-to-target-dispatch
// rule:   async.executor.ops/post-forwards-to-target-post
// rule:   async.executor.ops/defer-forwards-to-target-defer
// clause: [async.executor.ops] p1-p6, p8, p10, p12
// The polymorphic executor's members reach its target: context() and the work counting (on a
// wrapper that has a target, however it got it: the precondition of p1, p3 and p5), and each
// submission as the same member of the target, with the allocator recorded when the target was
// set, and the wrapper's own memory taken from the allocator of the call.
#include <memory>
#include <string>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/executors/submission.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/submitted_function.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

// Calls check(wrapper, how) on a wrapper that got `target` in each way it can: constructed,
// copied, moved, copy- and move-assigned, swapped in (where the library has swap).
template <class Executor, class Check>
void for_each_way_of_getting(const tracked_executor& target, Check check) {
  const Executor constructed(target);
  check(constructed, "a constructed executor");
  const Executor copied(constructed);
  check(copied, "a copy-constructed executor");
  Executor source(target);
  const Executor moved(std::move(source));
  check(moved, "a move-constructed executor");
  Executor copy_assigned;
  copy_assigned = constructed;
  check(copy_assigned, "a copy-assigned executor");
  Executor move_assigned;
  Executor other(target);
  move_assigned = std::move(other);
  check(move_assigned, "a move-assigned executor");
  if constexpr (requires(Executor & a) { a.swap(a); }) {  // a library without swap fails [async.executor.modifiers]
    Executor swapped;
    Executor holder(target);
    swapped.swap(holder);
    check(swapped, "an executor that got its target by swap");
  }
}

CONFORMANCE_RULE("async.executor.ops/context-reaches-every-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   net::io_context ctx;
                   for_each_way_of_getting<typename decltype(facility)::executor>(
                       tracked_executor(ctx), [&ctx](const auto& e, const char* how) {
                         EXPECT_EQ(&e.context(), &ctx) << "context() of " << how << " does not name its target's";
                       });
                 });

CONFORMANCE_RULE("async.executor.ops/context-returns-the-targets", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context first;
  net::io_context second;
  const executor a{tracked_executor(first)};
  const executor b{tracked_executor(second)};
  EXPECT_EQ(&a.context(), &first) << "context() does not return the target's context()";
  EXPECT_EQ(&b.context(), &second) << "context() does not return the target's context()";
});

CONFORMANCE_RULE("async.executor.ops/on-work-started-reaches-every-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   net::io_context ctx;
                   const tracked_executor target(ctx);
                   for_each_way_of_getting<typename decltype(facility)::executor>(
                       target, [&target](const auto& e, const char* how) {
                         const long before = target.log().work_started();
                         e.on_work_started();
                         EXPECT_EQ(target.log().work_started(), before + 1)
                             << "on_work_started() of " << how << " did not reach its target";
                         target.on_work_finished();
                       });
                 });

CONFORMANCE_RULE("async.executor.ops/on-work-started-forwards", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  const tracked_executor target(ctx);
  const executor e(target);
  e.on_work_started();
  EXPECT_EQ(target.log().work_started(), 1) << "on_work_started() was not forwarded to the target once";
  EXPECT_EQ(target.log().work_finished(), 0);
  target.on_work_finished();
});

CONFORMANCE_RULE("async.executor.ops/on-work-finished-reaches-every-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   net::io_context ctx;
                   const tracked_executor target(ctx);
                   for_each_way_of_getting<typename decltype(facility)::executor>(
                       target, [&target](const auto& e, const char* how) {
                         target.on_work_started();
                         const long before = target.log().work_finished();
                         e.on_work_finished();
                         EXPECT_EQ(target.log().work_finished(), before + 1)
                             << "on_work_finished() of " << how << " did not reach its target";
                       });
                 });

CONFORMANCE_RULE("async.executor.ops/on-work-finished-forwards", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  net::io_context ctx;
  const tracked_executor target(ctx);
  const executor e(target);
  target.on_work_started();
  e.on_work_finished();
  EXPECT_EQ(target.log().work_finished(), 1) << "on_work_finished() was not forwarded to the target once";
  EXPECT_EQ(target.log().work_started(), 1);
});

constexpr submission_member logged_member(executors::submission how) {
  switch (how) {
    case executors::submission::dispatch:
      return submission_member::dispatch;
    case executors::submission::post:
      return submission_member::post;
    case executors::submission::defer:
      return submission_member::defer;
  }
  return submission_member::execute;
}

// A wrapper whose target was set with the counting allocator a1, given a function with the
// counting allocator a: the target sees one submission, through the same member, with a1; the
// wrapper's memory for the function comes from a; the function runs once.
template <class Executor, executors::submission How>
void expect_forwarded() {
  net::io_context ctx;
  const tracked_executor target(ctx);
  const auto recorded = std::make_shared<allocation_log>();
  const auto given = std::make_shared<allocation_log>();
  const Executor e(std::allocator_arg, counting_allocator<void>(recorded), target);
  const auto record = std::make_shared<submission_record>();
  executors::submit<How>(e, submitted_function(record, nullptr), counting_allocator<void>(given));
  const std::string member(executors::member_name(How));
  const auto submissions = target.log().submissions();
  ASSERT_EQ(submissions.size(), 1u) << member << " of the wrapper did not reach the target once";
  EXPECT_TRUE(submissions[0].member == logged_member(How))
      << member << " of the wrapper reached another member of the target";
  EXPECT_EQ(submissions[0].allocator, recorded.get())
      << member << " did not pass the target the allocator recorded when the target was set";
  EXPECT_GT(given->allocations(), 0u) << member << " did not take the memory of its function from the allocator given";
  run_bounded(ctx, member + " through the polymorphic executor");
  EXPECT_EQ(record->calls.load(), 1) << "the function given to " << member << " was not called once";
}

CONFORMANCE_RULE("async.executor.ops/dispatch-forwards-to-target-dispatch", facilities::polymorphic_executor,
                 [](auto facility) {
                   expect_forwarded<typename decltype(facility)::executor, executors::submission::dispatch>();
                 });

CONFORMANCE_RULE("async.executor.ops/post-forwards-to-target-post", facilities::polymorphic_executor,
                 [](auto facility) {
                   expect_forwarded<typename decltype(facility)::executor, executors::submission::post>();
                 });

CONFORMANCE_RULE("async.executor.ops/defer-forwards-to-target-defer", facilities::polymorphic_executor,
                 [](auto facility) {
                   expect_forwarded<typename decltype(facility)::executor, executors::submission::defer>();
                 });

}  // namespace
}  // namespace conformance
