// rule:   async.exec.binder.assoc.exec/type-is-bound-executor-type
// rule:   async.exec.binder.assoc.exec/get-returns-bound-executor
// clause: [async.exec.binder.assoc.exec] p0-p1
// A binder's associated executor is its bound executor, whatever the candidate.
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::counter;

CONFORMANCE_RULE("async.exec.binder.assoc.exec/type-is-bound-executor-type", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   using binder = typename F::template binder<counter, typename F::executor>;
                   EXPECT_TRUE((std::is_same_v<typename F::template associated_executor<binder, net::system_executor>::type,
                                               typename F::executor>))
                       << "associated_executor<executor_binder<T, Executor>, system_executor>::type is not Executor";
                 });

CONFORMANCE_RULE("async.exec.binder.assoc.exec/get-returns-bound-executor", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context bound_to;
                   typename F::context candidate;
                   auto bound = F::bind(bound_to.get_executor(), counter{});
                   using association = typename F::template associated_executor<decltype(bound), typename F::executor>;
                   EXPECT_TRUE(association::get(bound, candidate.get_executor()) == bound_to.get_executor())
                       << "associated_executor<binder, Executor1>::get(b, candidate) is not the bound executor";
                 });

}  // namespace
}  // namespace conformance
