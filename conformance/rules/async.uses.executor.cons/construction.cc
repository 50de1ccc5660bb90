// rule:   async.uses.executor.cons/executor-passed-when-uses-executor-and-constructible
// rule:   async.uses.executor.cons/plain-when-not-uses-executor
// rule:   async.uses.executor.cons/plain-when-no-executor-constructor
// clause: [async.uses.executor.cons] p1
// Uses-executor construction, seen through the library's executor_binder (which builds its
// target that way, [async.exec.binder.cons]): (executor_arg, ex, v) when uses_executor_v<T, E> is
// true and T has that constructor, (v) alone otherwise. The first rule follows the library's own
// uses_executor value, so that a trait judged wrong by [async.uses.executor.trait] is not blamed
// here again.
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/construction_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using construction_targets::declared;
using construction_targets::declared_without_executor_constructor;
using construction_targets::recorder;

// A recorder whose executor_type is the executor: the TS's uses_executor detects it, Asio's does
// not (its editions document the trait as false unless specialised).
template <class Executor>
struct detected_recorder : recorder<Executor, declared::nothing> {
  using executor_type = Executor;
  using recorder<Executor, declared::nothing>::recorder;
};

// Binds a recorder built from 7 to ex and says whether the binder's target got the executor.
template <class F, class Target>
bool executor_given_to(const typename F::executor& ex) {
  auto bound = F::bind(ex, Target(7));
  EXPECT_EQ(bound.get().identity, 7) << "the target was not built from the argument";
  EXPECT_TRUE(!bound.get().executor_given || *bound.get().executor_given == ex)
      << "the target was given an executor other than the binder's";
  return bound.get().executor_given.has_value();
}

CONFORMANCE_RULE("async.uses.executor.cons/executor-passed-when-uses-executor-and-constructible",
                 facilities::executor_binder, [](auto facility) {
                   using F = decltype(facility);
                   using E = typename F::executor;
                   typename F::context ctx;
                   EXPECT_TRUE((executor_given_to<F, recorder<E, declared::uses_executor>>(ctx.get_executor())))
                       << "a target for which the program specialises uses_executor to true, and which has an "
                          "(executor_arg_t, Executor, argument) constructor, was built without the executor";
                   constexpr bool detected = net::uses_executor<detected_recorder<E>, E>::value;
                   const bool given = executor_given_to<F, detected_recorder<E>>(ctx.get_executor());
                   EXPECT_EQ(given, detected)
                       << "for a target whose executor_type is Executor, the library's uses_executor is "
                       << (detected ? "true" : "false") << " but the target was built "
                       << (detected ? "without" : "with") << " the executor";
                 });

CONFORMANCE_RULE("async.uses.executor.cons/plain-when-not-uses-executor", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   using E = typename F::executor;
                   typename F::context ctx;
                   if constexpr (!net::uses_executor<recorder<E, declared::nothing>, E>::value) {
                     EXPECT_FALSE((executor_given_to<F, recorder<E, declared::nothing>>(ctx.get_executor())))
                         << "a target for which uses_executor is false was built with (executor_arg, executor), "
                            "though it has a plain constructor too";
                   } else {
                     ADD_FAILURE() << "uses_executor is true for a target with neither executor_type nor a "
                                      "specialisation, so uses-executor construction cannot be seen to be plain";
                   }
                 });

CONFORMANCE_RULE("async.uses.executor.cons/plain-when-no-executor-constructor", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   using E = typename F::executor;
                   using target = declared_without_executor_constructor<E>;
                   typename F::context ctx;
                   auto bound = F::bind(ctx.get_executor(), target{7});
                   EXPECT_EQ(bound.get().identity, 7)
                       << "a target for which uses_executor is true but which has no (executor_arg_t, Executor, "
                          "argument) constructor was not built from the argument alone";
                   EXPECT_TRUE(bound()) << "the binder around it cannot be called";
                 });

}  // namespace
}  // namespace conformance
