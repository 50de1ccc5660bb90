// rule:   async.bind.executor/executor-form-binds-decayed-target-to-executor
// rule:   async.bind.executor/executor-form-only-for-executors
// rule:   async.bind.executor/context-form-binds-to-context-executor
// rule:   async.bind.executor/context-form-only-for-execution-contexts
// clause: [async.bind.executor] p1-p4
// The library's bind_executor: what each form returns (an executor_binder of the decayed target
// type, holding the target and the executor), and the overloads each takes part in.
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"
#include "conformance/harness/scoped/non_executors.hpp"

namespace conformance {
namespace {

// A target that notes when it is moved from; each object has its own note.
struct target {
  std::shared_ptr<bool> moved_from = std::make_shared<bool>(false);
  target() = default;
  target(const target&) {}
  target(target&& other) noexcept { *other.moved_from = true; }
  target& operator=(const target&) { return *this; }
  target& operator=(target&& other) noexcept {
    *other.moved_from = true;
    return *this;
  }
  ~target() = default;
  void operator()() const {}
};

CONFORMANCE_RULE("async.bind.executor/executor-form-binds-decayed-target-to-executor", facilities::bind_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using executor = net::io_context::executor_type;
                   typename F::context ctx;
                   const executor ex = ctx.get_executor();
                   target from_lvalue;
                   auto bound = F::bind(ex, from_lvalue);
                   EXPECT_TRUE((std::is_same_v<decltype(bound), typename F::template binder<target, executor>>))
                       << "bind_executor(ex, t) for a target& lvalue must return executor_binder<decay_t<T>, "
                          "Executor>, executor_binder<target, io_context::executor_type>";
                   EXPECT_TRUE(bound.get_executor() == ex) << "the binder's executor is not the one given";
                   EXPECT_FALSE(*from_lvalue.moved_from)
                       << "bind_executor(ex, t) moved from an lvalue t; it must forward t, which copies an lvalue";
                 });

CONFORMANCE_RULE("async.bind.executor/executor-form-only-for-executors", facilities::bind_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE((F::template accepts<net::io_context::executor_type, target>))
                       << "bind_executor(io_context's executor, t) must be a viable call";
                   EXPECT_FALSE((F::template accepts<not_an_executor, target>))
                       << "bind_executor(x, t) is viable for an x that is neither an executor nor an execution "
                          "context; the (ex, t) form must take part in overload resolution only when "
                          "is_executor_v<Executor>";
                   EXPECT_FALSE((F::template accepts<int, target>))
                       << "bind_executor(int, t) is viable; the (ex, t) form must take part in overload resolution "
                          "only when is_executor_v<Executor>";
                 });

CONFORMANCE_RULE("async.bind.executor/context-form-binds-to-context-executor", facilities::bind_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using context = typename F::context;
                   context ctx;
                   auto bound = F::bind(ctx, target());
                   EXPECT_TRUE((std::is_same_v<decltype(bound),
                                               typename F::template binder<target, typename context::executor_type>>))
                       << "bind_executor(ctx, t) must return bind_executor(ctx.get_executor(), t), an "
                          "executor_binder<target, io_context::executor_type>";
                   if constexpr (requires { bound.get_executor() == ctx.get_executor(); }) {
                     EXPECT_TRUE(bound.get_executor() == ctx.get_executor())
                         << "the binder's executor is not ctx.get_executor()";
                   }
                 });

CONFORMANCE_RULE("async.bind.executor/context-form-only-for-execution-contexts", facilities::bind_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE((F::template accepts<net::io_context&, target>))
                       << "bind_executor(io_context, t) must be a viable call";
                   EXPECT_FALSE((F::template accepts<context_lookalike&, target>))
                       << "bind_executor(x, t) is viable for an x with executor_type and get_executor() that is no "
                          "execution_context; the (ctx, t) form must take part in overload resolution only when the "
                          "argument converts to execution_context&";
                 });

}  // namespace
}  // namespace conformance
