// rule:   async.assoc.exec.get/source-form-uses-default-candidate
// rule:   async.assoc.exec.get/executor-form-uses-candidate
// rule:   async.assoc.exec.get/executor-form-only-for-executors
// rule:   async.assoc.exec.get/context-form-uses-context-executor
// rule:   async.assoc.exec.get/context-form-only-for-execution-contexts
// clause: [async.assoc.exec.get] p1-p5
// get_associated_executor in its three forms: (t), (t, ex) and (t, ctx), each what
// associated_executor gives, and the overloads each takes part in.
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"
#include "conformance/harness/scoped/non_executors.hpp"

namespace conformance {
namespace {

using binder_targets::plain;
using binder_targets::with_executor;

CONFORMANCE_RULE("async.assoc.exec.get/source-form-uses-default-candidate", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   const with_executor<typename F::executor> source(ctx.get_executor());
                   const auto own = F::get(source);
                   EXPECT_TRUE((std::is_same_v<decltype(own), const typename F::executor>))
                       << "get_associated_executor(t) is not of type associated_executor_t<T>, t's own executor type";
                   if constexpr (std::is_same_v<decltype(own), const typename F::executor>) {
                     EXPECT_TRUE(own == ctx.get_executor()) << "get_associated_executor(t) is not t's own executor";
                   }
                   const auto fallback = F::get(plain{});
                   EXPECT_TRUE((std::is_same_v<decltype(fallback), const typename F::default_candidate>))
                       << "get_associated_executor(t) for a t without an executor is not a system_executor";
                 });

CONFORMANCE_RULE("async.assoc.exec.get/executor-form-uses-candidate", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context candidate;
                   const auto associated = F::get(plain{}, candidate.get_executor());
                   EXPECT_TRUE((std::is_same_v<decltype(associated), const typename F::executor>))
                       << "get_associated_executor(t, ex) is not of type associated_executor_t<T, Executor>";
                   if constexpr (std::is_same_v<decltype(associated), const typename F::executor>) {
                     EXPECT_TRUE(associated == candidate.get_executor())
                         << "get_associated_executor(t, ex) for a t without an executor is not ex";
                   }
                 });

CONFORMANCE_RULE("async.assoc.exec.get/executor-form-only-for-executors", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE((F::template accepts<plain, typename F::executor>))
                       << "get_associated_executor(t, io_context's executor) must be a viable call";
                   EXPECT_FALSE((F::template accepts<plain, not_an_executor>))
                       << "get_associated_executor(t, x) is viable for an x that is neither an executor nor an "
                          "execution context; the (t, ex) form must take part in overload resolution only when "
                          "is_executor_v<Executor>";
                   EXPECT_FALSE((F::template accepts<plain, int>))
                       << "get_associated_executor(t, int) is viable; the (t, ex) form must take part in overload "
                          "resolution only when is_executor_v<Executor>";
                 });

CONFORMANCE_RULE("async.assoc.exec.get/context-form-uses-context-executor", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   const auto associated = F::get(plain{}, ctx);
                   EXPECT_TRUE((std::is_same_v<decltype(associated), const typename F::executor>))
                       << "get_associated_executor(t, ctx) is not of type associated_executor_t<T, "
                          "ExecutionContext::executor_type>";
                   if constexpr (std::is_same_v<decltype(associated), const typename F::executor>) {
                     EXPECT_TRUE(associated == ctx.get_executor())
                         << "get_associated_executor(t, ctx) for a t without an executor is not ctx.get_executor()";
                   }
                 });

CONFORMANCE_RULE("async.assoc.exec.get/context-form-only-for-execution-contexts", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE((F::template accepts<plain, typename F::context&>))
                       << "get_associated_executor(t, io_context) must be a viable call";
                   EXPECT_FALSE((F::template accepts<plain, context_lookalike&>))
                       << "get_associated_executor(t, x) is viable for an x with executor_type and get_executor() "
                          "that is no execution_context; the (t, ctx) form must take part in overload resolution "
                          "only when the argument converts to execution_context&";
                 });

}  // namespace
}  // namespace conformance
