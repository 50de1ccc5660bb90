// rule:   async.exec.binder.access/get-returns-target
// rule:   async.exec.binder.access/get-executor-returns-bound-executor
// clause: [async.exec.binder.access] p1-p2
// get() gives the binder's own target object (what is done through it stays done), and
// get_executor() the executor the binder was made with.
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::counter;

CONFORMANCE_RULE("async.exec.binder.access/get-returns-target", facilities::executor_binder, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  auto bound = F::bind(ctx.get_executor(), counter{});
  EXPECT_TRUE((std::is_same_v<decltype(bound.get()), counter&>)) << "get() does not return T&";
  EXPECT_TRUE((std::is_same_v<decltype(std::as_const(bound).get()), const counter&>))
      << "get() const does not return const T&";
  if constexpr (std::is_lvalue_reference_v<decltype(bound.get())>) {
    bound.get().value = 42;
    EXPECT_EQ(bound.get().value, 42) << "a change made through get() is not seen through get() again: get() must "
                                        "return the binder's target object, not a copy";
    EXPECT_EQ(std::as_const(bound).get().value, 42) << "get() const does not return the binder's target object";
  } else {
    ADD_FAILURE() << "get() returns the target by value: a copy, not the binder's target object";
  }
});

CONFORMANCE_RULE("async.exec.binder.access/get-executor-returns-bound-executor", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context first;
                   typename F::context second;
                   const auto on_first = F::bind(first.get_executor(), counter{});
                   const auto on_second = F::bind(second.get_executor(), counter{});
                   EXPECT_TRUE(on_first.get_executor() == first.get_executor())
                       << "get_executor() of a binder made with the first context's executor is not that executor";
                   EXPECT_TRUE(on_second.get_executor() == second.get_executor())
                       << "get_executor() of a binder made with the second context's executor is not that executor";
                 });

}  // namespace
}  // namespace conformance
