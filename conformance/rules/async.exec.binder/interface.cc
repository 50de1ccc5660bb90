// rule:   async.exec.binder/class-interface
// clause: [async.exec.binder] p1
// executor_binder<T, Executor> names its target type and executor type, and offers get(),
// get_executor() and a call operator.
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::counter;

CONFORMANCE_RULE("async.exec.binder/class-interface", facilities::executor_binder, [](auto facility) {
  using F = decltype(facility);
  using binder = typename F::template binder<counter, typename F::executor>;
  EXPECT_TRUE((std::is_same_v<typename binder::target_type, counter>))
      << "executor_binder<T, Executor>::target_type is not T";
  EXPECT_TRUE((std::is_same_v<typename binder::executor_type, typename F::executor>))
      << "executor_binder<T, Executor>::executor_type is not Executor";
  EXPECT_TRUE((requires(binder& b, const binder& c) {
    b.get();
    c.get();
    c.get_executor();
  })) << "executor_binder lacks get() or get_executor()";
  EXPECT_TRUE((std::is_invocable_v<binder&, int>)) << "executor_binder<counter, ...> cannot be called with an int";
});

}  // namespace
}  // namespace conformance
