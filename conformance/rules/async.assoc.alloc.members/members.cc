// rule:   async.assoc.alloc.members/type-is-nested-or-candidate
// rule:   async.assoc.alloc.members/get-is-own-or-candidate
// clause: [async.assoc.alloc.members] p1-p2
// The primary associated_allocator names and gives a source's own allocator (T::allocator_type,
// t.get_allocator()) when it has one, and the candidate otherwise.
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::identified_allocator;
using binder_targets::plain;
using binder_targets::with_allocator;

CONFORMANCE_RULE("async.assoc.alloc.members/type-is-nested-or-candidate", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   using candidate = identified_allocator<int>;
                   EXPECT_TRUE((std::is_same_v<typename F::template association<with_allocator, candidate>::type,
                                               with_allocator::allocator_type>))
                       << "associated_allocator<T, A>::type is not T::allocator_type for a T that has one";
                   EXPECT_TRUE((std::is_same_v<typename F::template association<plain, candidate>::type, candidate>))
                       << "associated_allocator<T, A>::type is not the candidate A for a T without allocator_type";
                 });

CONFORMANCE_RULE("async.assoc.alloc.members/get-is-own-or-candidate", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   using candidate = identified_allocator<void>;
                   const auto own = F::template association<with_allocator, candidate>::get(with_allocator{},
                                                                                            candidate(7));
                   EXPECT_EQ(own.identity, with_allocator::allocator_identity)
                       << "associated_allocator<T, A>::get(t, a) is not t.get_allocator() for a T with an allocator";
                   const auto fallback = F::template association<plain, candidate>::get(plain{}, candidate(7));
                   EXPECT_EQ(fallback.identity, 7)
                       << "associated_allocator<T, A>::get(t, a) is not the candidate a for a T without an allocator";
                 });

}  // namespace
}  // namespace conformance
