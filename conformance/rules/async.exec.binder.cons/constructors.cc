// rule:   async.exec.binder.cons/target-and-executor-constructor
// rule:   async.exec.binder.cons/converting-copy-constructor
// rule:   async.exec.binder.cons/converting-move-constructor
// rule:   async.exec.binder.cons/executor-arg-copy-constructor
// rule:   async.exec.binder.cons/executor-arg-move-constructor
// clause: [async.exec.binder.cons] p1, p3, p5, p7, p9
// Each constructor stores the executor it names and builds the target by uses-executor
// construction: with (executor_arg, executor) ahead of the argument for a target the program
// declares uses_executor for, with the argument alone for one it does not; from the argument
// copied or moved as the constructor says.
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_construction_checks.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_construction::expect_target_built;
using binder_construction::for_both_targets;
using binder_construction::judged_by_ts;
using construction_targets::source;

// [async.exec.binder.cons] p1: executor_binder(t, ex) in the TS; Asio's editions document the
// same constructor as executor_binder(executor_arg, ex, t).
CONFORMANCE_RULE("async.exec.binder.cons/target-and-executor-constructor", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   const auto ex = ctx.get_executor();
                   for_both_targets<F>([&]<class Target>(std::type_identity<Target>, const std::string& which) {
                     using binder = typename F::template binder<Target, typename F::executor>;
                     Target t(7);
                     if (judged_by_ts()) {
                       if constexpr (std::is_constructible_v<binder, Target, const typename F::executor&>) {
                         const binder bound(std::move(t), ex);
                         EXPECT_TRUE(bound.get_executor() == ex) << which << ": executor_binder(t, ex) does not store ex";
                         expect_target_built(bound.get(), ex, which + ", executor_binder(t, ex)");
                       } else {
                         ADD_FAILURE() << "executor_binder<T, Executor>(t, ex) is not viable (" << which << ")";
                       }
                     } else if constexpr (std::is_constructible_v<binder, net::executor_arg_t, const typename F::executor&,
                                                                  Target>) {
                       const binder bound(net::executor_arg, ex, std::move(t));
                       EXPECT_TRUE(bound.get_executor() == ex)
                           << which << ": executor_binder(executor_arg, ex, t) does not store ex";
                       expect_target_built(bound.get(), ex, which + ", executor_binder(executor_arg, ex, std::move(t))");
                     } else {
                       ADD_FAILURE() << "executor_binder<T, Executor>(executor_arg, ex, t) is not viable (" << which << ")";
                     }
                   });
                 });

// p3 and p5: from executor_binder<U, OtherExecutor>, copied or moved.
template <class F, bool Move>
void check_converting_constructor() {
  typename F::context ctx;
  const auto ex = ctx.get_executor();
  const char* form = Move ? "executor_binder(std::move(other))" : "executor_binder(other)";
  for_both_targets<F>([&]<class Target>(std::type_identity<Target>, const std::string& which) {
    using binder = typename F::template binder<Target, typename F::executor>;
    auto other = F::bind(ex, source{7});
    using other_binder = decltype(other);
    using argument = std::conditional_t<Move, other_binder&&, const other_binder&>;
    if constexpr (std::is_constructible_v<binder, argument>) {
      const binder converted(static_cast<argument>(other));
      EXPECT_TRUE(converted.get_executor() == ex) << which << ": " << form << " does not take other's executor";
      expect_target_built(converted.get(), ex, which + ", " + form);
      EXPECT_EQ(other.get().moved_from, Move)
          << which << ": " << form << (Move ? " did not move" : " moved") << " other's target";
    } else {
      ADD_FAILURE() << form << " is not viable for executor_binder<U, Executor> with U convertible to T (" << which
                    << ")";
    }
  });
}

CONFORMANCE_RULE("async.exec.binder.cons/converting-copy-constructor", facilities::executor_binder,
                 [](auto facility) { check_converting_constructor<decltype(facility), false>(); });

CONFORMANCE_RULE("async.exec.binder.cons/converting-move-constructor", facilities::executor_binder,
                 [](auto facility) { check_converting_constructor<decltype(facility), true>(); });

// p7 and p9: executor_binder(executor_arg, ex, other), other copied or moved; the executor is ex,
// not other's.
template <class F, bool Move>
void check_executor_arg_constructor() {
  typename F::context first;
  typename F::context second;
  const auto ex = second.get_executor();
  const char* form = Move ? "executor_binder(executor_arg, ex, std::move(other))" : "executor_binder(executor_arg, ex, other)";
  for_both_targets<F>([&]<class Target>(std::type_identity<Target>, const std::string& which) {
    using binder = typename F::template binder<Target, typename F::executor>;
    auto other = F::bind(first.get_executor(), source{7});
    using other_binder = decltype(other);
    using argument = std::conditional_t<Move, other_binder&&, const other_binder&>;
    if constexpr (std::is_constructible_v<binder, net::executor_arg_t, const typename F::executor&, argument>) {
      const binder rebound(net::executor_arg, ex, static_cast<argument>(other));
      EXPECT_TRUE(rebound.get_executor() == ex) << which << ": " << form << " does not store ex";
      EXPECT_FALSE(rebound.get_executor() == first.get_executor())
          << which << ": " << form << " stores other's executor instead of ex";
      expect_target_built(rebound.get(), ex, which + ", " + form);
      EXPECT_EQ(other.get().moved_from, Move)
          << which << ": " << form << (Move ? " did not move" : " moved") << " other's target";
    } else {
      ADD_FAILURE() << form << " is not viable for executor_binder<U, OtherExecutor> with U convertible to T ("
                    << which << ")";
    }
  });
}

CONFORMANCE_RULE("async.exec.binder.cons/executor-arg-copy-constructor", facilities::executor_binder,
                 [](auto facility) { check_executor_arg_constructor<decltype(facility), false>(); });

CONFORMANCE_RULE("async.exec.binder.cons/executor-arg-move-constructor", facilities::executor_binder,
                 [](auto facility) { check_executor_arg_constructor<decltype(facility), true>(); });

}  // namespace
}  // namespace conformance
