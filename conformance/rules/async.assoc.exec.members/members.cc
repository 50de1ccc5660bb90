// rule:   async.assoc.exec.members/type-is-nested-or-candidate
// rule:   async.assoc.exec.members/get-is-own-or-candidate
// clause: [async.assoc.exec.members] p1-p2
// The primary associated_executor names and gives a source's own executor (T::executor_type,
// t.get_executor()) when it has one, and the candidate otherwise.
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::plain;
using binder_targets::with_executor;

CONFORMANCE_RULE("async.assoc.exec.members/type-is-nested-or-candidate", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using executor = typename F::executor;
                   using candidate = typename F::default_candidate;
                   EXPECT_TRUE((std::is_same_v<
                                typename F::template association<with_executor<executor>, candidate>::type, executor>))
                       << "associated_executor<T, E>::type is not T::executor_type for a T that has one";
                   EXPECT_TRUE(
                       (std::is_same_v<typename F::template association<plain, executor>::type, executor>))
                       << "associated_executor<T, E>::type is not the candidate E for a T without executor_type";
                 });

CONFORMANCE_RULE("async.assoc.exec.members/get-is-own-or-candidate", facilities::associated_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using executor = typename F::executor;
                   typename F::context own;
                   typename F::context candidate;
                   const with_executor<executor> source(own.get_executor());
                   EXPECT_TRUE((F::template association<with_executor<executor>, executor>::get(
                                    source, candidate.get_executor()) == own.get_executor()))
                       << "associated_executor<T, E>::get(t, e) is not t.get_executor() for a T with an executor";
                   EXPECT_TRUE((F::template association<plain, executor>::get(plain{}, candidate.get_executor()) ==
                                candidate.get_executor()))
                       << "associated_executor<T, E>::get(t, e) is not the candidate e for a T without an executor";
                 });

}  // namespace
}  // namespace conformance
