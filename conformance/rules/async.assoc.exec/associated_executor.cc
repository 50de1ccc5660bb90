// rule:   async.assoc.exec/default-candidate-is-system-executor
// rule:   async.assoc.exec/binder-specialisation-meets-requirements
// rule:   async.assoc.exec/type-is-an-executor
// rule:   async.assoc.exec/get-without-candidate-uses-default
// rule:   async.assoc.exec/get-never-throws
// clause: [async.assoc.exec] p1, p2 (and its table's rows type, get-default, get)
// associated_executor is the associator for executors, whose default candidate is
// system_executor(); what it names is an executor, and its get() never throws.
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/association_checks.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::plain;
using binder_targets::with_executor;

CONFORMANCE_RULE("async.assoc.exec/default-candidate-is-system-executor", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using by_default = typename F::template default_association<plain>;
                   using with_candidate = typename F::template association<plain, typename F::default_candidate>;
                   EXPECT_TRUE((std::is_same_v<typename by_default::type, typename F::default_candidate>))
                       << "associated_executor<T>::type, for a T without an executor, is not system_executor";
                   EXPECT_TRUE((std::is_same_v<typename by_default::type, typename with_candidate::type>))
                       << "associated_executor<T>::type is not associated_executor<T, system_executor>::type";
                 });

CONFORMANCE_RULE("async.assoc.exec/binder-specialisation-meets-requirements", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   const auto bound = net::bind_executor(ctx.get_executor(), plain{});
                   using binder = std::decay_t<decltype(bound)>;
                   using association = typename F::template default_association<binder>;
                   EXPECT_TRUE((F::template is_executor<typename association::type>))
                       << "associated_executor<executor_binder<...>>::type is not an executor";
                   EXPECT_TRUE(noexcept(association::get(bound))) << "associated_executor<executor_binder<...>>::get "
                                                                     "may throw";
                   EXPECT_TRUE((same_with_and_without_candidate<association>(bound, typename F::default_candidate())))
                       << "associated_executor<executor_binder<...>>::get(b) differs from get(b, system_executor())";
                 });

CONFORMANCE_RULE("async.assoc.exec/type-is-an-executor", facilities::associated_executor, [](auto facility) {
  using F = decltype(facility);
  using executor = typename F::executor;
  EXPECT_TRUE((F::template is_executor<typename F::template default_association<plain>::type>))
      << "associated_executor<T>::type, for a T without an executor, is not an executor";
  EXPECT_TRUE((F::template is_executor<typename F::template association<plain, executor>::type>))
      << "associated_executor<T, Executor>::type, for a T without an executor, is not an executor";
  EXPECT_TRUE((F::template is_executor<typename F::template default_association<with_executor<executor>>::type>))
      << "associated_executor<T>::type, for a T with an executor of its own, is not an executor";
});

CONFORMANCE_RULE("async.assoc.exec/get-without-candidate-uses-default", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using candidate = typename F::default_candidate;
                   typename F::context ctx;
                   const with_executor<typename F::executor> source(ctx.get_executor());
                   EXPECT_TRUE((same_with_and_without_candidate<
                                typename F::template default_association<with_executor<typename F::executor>>>(source,
                                                                                                      candidate())))
                       << "associated_executor<T>::get(t) differs from get(t, system_executor())";
                   EXPECT_TRUE((same_with_and_without_candidate<typename F::template default_association<plain>>(
                       plain{}, candidate())))
                       << "associated_executor<T>::get(t) differs from get(t, system_executor()) for a T without an "
                          "executor";
                 });

CONFORMANCE_RULE("async.assoc.exec/get-never-throws", facilities::associated_executor, [](auto facility) {
  using F = decltype(facility);
  using executor = typename F::executor;
  using association = typename F::template association<plain, executor>;
  using default_association = typename F::template default_association<plain>;
  EXPECT_TRUE(noexcept(default_association::get(plain{}))) << "associated_executor<T>::get(t) may throw";
  EXPECT_TRUE(noexcept(association::get(plain{}, std::declval<const executor&>())))
      << "associated_executor<T, Executor>::get(t, e) may throw";
});

}  // namespace
}  // namespace conformance
