// rule:   async.packaged.task.spec/handler-and-return-types
// rule:   async.packaged.task.spec/constructor-takes-the-task-future
// rule:   async.packaged.task.spec/get-moves-the-future-out
// clause: [async.packaged.task.spec] p0-p2
// async_result<packaged_task<Result(Args...)>, Signature> uses the task as the handler and
// future<Result> as the return type, cannot be copied, takes h.get_future() when constructed, and
// get() moves that future out.
#include <chrono>
#include <future>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using task = std::packaged_task<int(int)>;
using R = net::async_result<task, void(int)>;

CONFORMANCE_RULE("async.packaged.task.spec/handler-and-return-types", facilities::packaged_task, [](auto) {
  if constexpr (requires { typename R::completion_handler_type; typename R::return_type; }) {
    EXPECT_TRUE((std::is_same_v<typename R::completion_handler_type, task>)) << "completion_handler_type is not the task";
    EXPECT_TRUE((std::is_same_v<typename R::return_type, std::future<int>>)) << "return_type is not future<Result>";
  } else {
    ADD_FAILURE() << "the specialisation lacks completion_handler_type or return_type";
  }
  EXPECT_FALSE(std::is_copy_constructible_v<R>) << "the specialisation can be copy-constructed";
  EXPECT_FALSE(std::is_copy_assignable_v<R>) << "the specialisation can be copy-assigned";
});

CONFORMANCE_RULE("async.packaged.task.spec/constructor-takes-the-task-future", facilities::packaged_task, [](auto) {
  task h([](int n) { return n * 2; });
  if constexpr (std::is_constructible_v<R, task&>) {
    R r(h);
    EXPECT_THROW(h.get_future(), std::future_error)
        << "constructing the specialisation did not take the task's future (h.get_future() can still be called)";
    auto future = r.get();
    h(21);
    ASSERT_TRUE(future.valid()) << "get() returned no future";
    EXPECT_EQ(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
        << "the future does not share the task's state: running the task did not make it ready";
    EXPECT_EQ(future.get(), 42) << "the future does not hold the task's result";
  } else {
    ADD_FAILURE() << "the specialisation cannot be constructed from an lvalue task";
  }
});

CONFORMANCE_RULE("async.packaged.task.spec/get-moves-the-future-out", facilities::packaged_task, [](auto) {
  task h([](int n) { return n; });
  if constexpr (std::is_constructible_v<R, task&>) {
    R r(h);
    auto first = r.get();
    auto second = r.get();
    EXPECT_TRUE(first.valid()) << "the first get() returned no future";
    EXPECT_FALSE(second.valid()) << "a second get() returned a valid future: the first did not move the stored "
                                    "future out";
  } else {
    ADD_FAILURE() << "the specialisation cannot be constructed from an lvalue task";
  }
});

}  // namespace
}  // namespace conformance
