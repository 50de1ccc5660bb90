// rule:   async.exec.work.guard/class-interface
// clause: [async.exec.work.guard] p0 (the class synopsis)
// executor_work_guard<Executor> over each executor subject has the members the synopsis
// declares, with their non-throwing specifications, an explicit constructor from the executor
// and no copy assignment.
#include <type_traits>
#include <utility>

#include "conformance/executors/all.hpp"
#include "conformance/executors/recorded_subject.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.exec.work.guard/class-interface", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  using executor = decltype(executors::recorded_executor(subject));
  using guard = net::executor_work_guard<executor>;
  EXPECT_TRUE((std::is_same_v<typename guard::executor_type, executor>))
      << "executor_type is not the Executor argument";
  EXPECT_TRUE((std::is_constructible_v<guard, const executor&>)) << "no constructor from the executor";
  EXPECT_FALSE((std::is_convertible_v<const executor&, guard>)) << "the constructor from the executor is not explicit";
  EXPECT_TRUE(std::is_nothrow_copy_constructible_v<guard>) << "the copy constructor is not noexcept";
  EXPECT_TRUE(std::is_nothrow_move_constructible_v<guard>) << "the move constructor is not noexcept";
  EXPECT_FALSE(std::is_copy_assignable_v<guard>) << "copy assignment is not deleted";
  EXPECT_TRUE(noexcept(std::declval<const guard&>().get_executor())) << "get_executor() is not noexcept";
  EXPECT_TRUE(noexcept(std::declval<const guard&>().owns_work())) << "owns_work() is not noexcept";
  EXPECT_TRUE(noexcept(std::declval<guard&>().reset())) << "reset() is not noexcept";
  EXPECT_TRUE((std::is_same_v<decltype(std::declval<const guard&>().owns_work()), bool>)) << "owns_work() is not bool";
});

}  // namespace
}  // namespace conformance
