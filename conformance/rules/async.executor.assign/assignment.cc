// rule:   async.executor.assign/copy-assignment-takes-the-source-target
// rule:   async.executor.assign/copy-assignment-returns-this
// rule:   async.executor.assign/move-assignment-takes-over-the-target
// rule:   async.executor.assign/move-assignment-returns-this
// rule:   async.executor.assign/nullptr-assignment-empties
// rule:   async.executor.assign/nullptr-assignment-returns-this
// rule:   async.executor.assign/executor-assignment-moves-it-into-the-target
// rule:   async.executor.assign/executor-assignment-returns-this
// clause: [async.executor.assign] p1-p8
// Each assignment of the polymorphic executor replaces its target (releasing the old one, as
// executor(...).swap(*this) would) and returns *this.
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// An executor whose target (the only one) is tracked: its live count shows the old target's
// release after an assignment.
template <class Executor>
struct assigned_to {
  net::io_context ctx;
  tracked_executor old_target{ctx};
  const instance_counts& old_counts = old_target.counts();
  Executor e{std::move(old_target)};

  void expect_old_target_released(const char* how) const {
    EXPECT_EQ(old_counts.live.load(), 1) << how << " did not release the executor's previous target";
  }
};

CONFORMANCE_RULE("async.executor.assign/copy-assignment-takes-the-source-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   const tracked_executor target(subject.ctx);
                   const executor source(target);
                   subject.e = source;
                   const tracked_executor* now = subject.e.template target<tracked_executor>();
                   ASSERT_NE(now, nullptr) << "after copy assignment the executor has no target of the source's type";
                   EXPECT_TRUE(*now == target) << "after copy assignment the executor targets another executor";
                   EXPECT_TRUE(subject.e == source) << "after copy assignment the executor is unequal to its source";
                   subject.expect_old_target_released("copy assignment");
                 });

CONFORMANCE_RULE("async.executor.assign/copy-assignment-returns-this", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   const executor source{tracked_executor(subject.ctx)};
                   EXPECT_EQ(&(subject.e = source), &subject.e) << "copy assignment does not return *this";
                 });

CONFORMANCE_RULE("async.executor.assign/move-assignment-takes-over-the-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   executor source{tracked_executor(subject.ctx)};
                   const tracked_executor* const before = source.template target<tracked_executor>();
                   subject.e = std::move(source);
                   EXPECT_EQ(subject.e.template target<tracked_executor>(), before)
                       << "after move assignment the executor does not target the source's target";
                   subject.expect_old_target_released("move assignment");
                   source = executor();  // the source is left valid
                 });

CONFORMANCE_RULE("async.executor.assign/move-assignment-returns-this", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   executor source{tracked_executor(subject.ctx)};
                   EXPECT_EQ(&(subject.e = std::move(source)), &subject.e) << "move assignment does not return *this";
                 });

CONFORMANCE_RULE("async.executor.assign/nullptr-assignment-empties", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   subject.e = nullptr;
                   EXPECT_FALSE(static_cast<bool>(subject.e)) << "after e = nullptr the executor has a target";
                   subject.expect_old_target_released("assigning nullptr");
                 });

CONFORMANCE_RULE("async.executor.assign/nullptr-assignment-returns-this", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   EXPECT_EQ(&(subject.e = nullptr), &subject.e) << "e = nullptr does not return *this";
                 });

CONFORMANCE_RULE("async.executor.assign/executor-assignment-moves-it-into-the-target", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   tracked_executor target(subject.ctx);
                   const instance_counts& counts = target.counts();
                   subject.e = std::move(target);
                   EXPECT_EQ(counts.copies.load(), 0) << "e = std::move(x) copied x instead of moving it";
                   EXPECT_TRUE(subject.e.template target<tracked_executor>() != nullptr &&
                               subject.e.template target<tracked_executor>()->counts().moves.load() >= 1)
                       << "after e = std::move(x) the executor does not target x moved into it";
                   subject.expect_old_target_released("assigning an executor");
                 });

CONFORMANCE_RULE("async.executor.assign/executor-assignment-returns-this", facilities::polymorphic_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   assigned_to<executor> subject;
                   EXPECT_EQ(&(subject.e = tracked_executor(subject.ctx)), &subject.e)
                       << "assigning an executor does not return *this";
                 });

}  // namespace
}  // namespace conformance
