// rule:   async.exec.work.guard.members/constructor-starts-work
// rule:   async.exec.work.guard.members/constructor-stores-executor-and-owns-work
// rule:   async.exec.work.guard.members/copy-starts-work-only-when-source-owns
// rule:   async.exec.work.guard.members/copy-has-source-executor-and-ownership
// rule:   async.exec.work.guard.members/move-transfers-ownership
// rule:   async.exec.work.guard.members/destructor-finishes-owned-work
// rule:   async.exec.work.guard.members/get-executor-returns-stored
// rule:   async.exec.work.guard.members/owns-work-tells-ownership
// rule:   async.exec.work.guard.members/reset-finishes-owned-work
// rule:   async.exec.work.guard.members/reset-leaves-no-ownership
// clause: [async.exec.work.guard.members] p1-p10
// Work guard ownership: each member of executor_work_guard, over each executor subject seen
// through a recording executor, which counts the on_work_started and on_work_finished calls the
// guard makes, and whose log tells the guard's executor from another (same_recorded_executor:
// the subject's own == is judged by [async.reqmts.executor]). A guard starts work exactly when
// it comes to own some and finishes exactly what it owns.
#include <optional>
#include <type_traits>
#include <utility>

#include "conformance/executors/all.hpp"
#include "conformance/executors/recorded_subject.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// The guard's Executor argument: the recorded executor's type, without the const of the
// variable that holds it.
template <class Variable>
using executor_of = std::remove_cvref_t<Variable>;

CONFORMANCE_RULE("async.exec.work.guard.members/constructor-starts-work", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  const net::executor_work_guard<executor_of<decltype(ex)>> guard(ex);
  EXPECT_EQ(ex.log().work_started(), 1) << "constructing a guard from an executor did not call on_work_started() once";
  EXPECT_EQ(ex.log().work_finished(), 0) << "constructing a guard called on_work_finished()";
});

CONFORMANCE_RULE("async.exec.work.guard.members/constructor-stores-executor-and-owns-work", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   const net::executor_work_guard<executor_of<decltype(ex)>> guard(ex);
                   EXPECT_TRUE(executors::same_recorded_executor(guard.get_executor(), ex))
                       << "the guard's executor does not equal the argument";
                   EXPECT_TRUE(guard.owns_work()) << "a guard constructed from an executor does not own work";
                 });

CONFORMANCE_RULE("async.exec.work.guard.members/copy-starts-work-only-when-source-owns", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   net::executor_work_guard<executor_of<decltype(ex)>> owning(ex);
                   {
                     const auto copy(owning);
                     EXPECT_EQ(ex.log().work_started(), 2)
                         << "copying a guard that owns work did not call on_work_started() once more";
                   }
                   net::executor_work_guard<executor_of<decltype(ex)>> released(ex);
                   released.reset();
                   const long started = ex.log().work_started();
                   const auto copy(released);
                   EXPECT_EQ(ex.log().work_started(), started)
                       << "copying a guard that owns no work called on_work_started()";
                 });

CONFORMANCE_RULE("async.exec.work.guard.members/copy-has-source-executor-and-ownership", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   net::executor_work_guard<executor_of<decltype(ex)>> owning(ex);
                   const auto copy_of_owning(owning);
                   EXPECT_TRUE(executors::same_recorded_executor(copy_of_owning.get_executor(), owning.get_executor()))
                       << "a copy's executor does not equal its source's";
                   EXPECT_TRUE(copy_of_owning.owns_work()) << "the copy of a guard that owns work owns none";
                   owning.reset();
                   const auto copy_of_released(owning);
                   EXPECT_FALSE(copy_of_released.owns_work()) << "the copy of a guard that owns no work owns some";
                   EXPECT_TRUE(executors::same_recorded_executor(copy_of_released.get_executor(), ex))
                       << "a copy's executor does not equal its source's";
                 });

CONFORMANCE_RULE("async.exec.work.guard.members/move-transfers-ownership", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   net::executor_work_guard<executor_of<decltype(ex)>> source(ex);
                   const auto moved(std::move(source));
                   EXPECT_TRUE(moved.owns_work()) << "a guard moved from one that owns work owns none";
                   EXPECT_FALSE(source.owns_work())
                       << "a guard still owns work after being moved from";  // NOLINT(bugprone-use-after-move)
                   EXPECT_TRUE(executors::same_recorded_executor(moved.get_executor(), ex))
                       << "the moved-to guard's executor does not equal the source's";
                   EXPECT_EQ(ex.log().work_started(), 1) << "moving a guard called on_work_started()";
                   EXPECT_EQ(ex.log().work_finished(), 0) << "moving a guard called on_work_finished()";
                 });

CONFORMANCE_RULE("async.exec.work.guard.members/destructor-finishes-owned-work", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   std::optional<net::executor_work_guard<executor_of<decltype(ex)>>> owning(std::in_place, ex);
                   owning.reset();
                   EXPECT_EQ(ex.log().work_finished(), 1)
                       << "destroying a guard that owns work did not call on_work_finished() once";
                   std::optional<net::executor_work_guard<executor_of<decltype(ex)>>> released(std::in_place, ex);
                   released->reset();
                   const long finished = ex.log().work_finished();
                   released.reset();
                   EXPECT_EQ(ex.log().work_finished(), finished)
                       << "destroying a guard that owns no work called on_work_finished()";
                   EXPECT_FALSE(ex.log().work_finished_exceeded_started())
                       << "the guard finished work it never started";
                 });

CONFORMANCE_RULE("async.exec.work.guard.members/get-executor-returns-stored", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   net::executor_work_guard<executor_of<decltype(ex)>> guard(ex);
                   EXPECT_TRUE(executors::same_recorded_executor(guard.get_executor(), ex))
                       << "get_executor() does not return the stored executor";
                   guard.reset();
                   EXPECT_TRUE(executors::same_recorded_executor(guard.get_executor(), ex))
                       << "after reset(), get_executor() returns another executor";
                 });

CONFORMANCE_RULE("async.exec.work.guard.members/owns-work-tells-ownership", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  net::executor_work_guard<executor_of<decltype(ex)>> guard(ex);
  EXPECT_TRUE(guard.owns_work()) << "owns_work() is false for a guard that owns work";
  auto moved(std::move(guard));
  EXPECT_FALSE(guard.owns_work()) << "owns_work() is true for a moved-from guard";  // NOLINT(bugprone-use-after-move)
  moved.reset();
  EXPECT_FALSE(moved.owns_work()) << "owns_work() is true after reset()";
});

CONFORMANCE_RULE("async.exec.work.guard.members/reset-finishes-owned-work", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  net::executor_work_guard<executor_of<decltype(ex)>> guard(ex);
  guard.reset();
  EXPECT_EQ(ex.log().work_finished(), 1) << "reset() of a guard that owns work did not call on_work_finished() once";
  guard.reset();
  EXPECT_EQ(ex.log().work_finished(), 1) << "reset() of a guard that owns no work called on_work_finished()";
});

CONFORMANCE_RULE("async.exec.work.guard.members/reset-leaves-no-ownership", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  net::executor_work_guard<executor_of<decltype(ex)>> guard(ex);
  guard.reset();
  EXPECT_FALSE(guard.owns_work()) << "a guard owns work after reset()";
  {
    const auto copy(guard);
    EXPECT_FALSE(copy.owns_work()) << "a copy of a reset guard owns work";
  }
  EXPECT_EQ(ex.log().work_finished(), 1) << "a reset guard's copy finished work on destruction";
});

}  // namespace
}  // namespace conformance
