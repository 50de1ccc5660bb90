// rule:   async.assoc.alloc.get/source-form-uses-default-candidate
// rule:   async.assoc.alloc.get/allocator-form-uses-candidate
// clause: [async.assoc.alloc.get] p1-p2
// get_associated_allocator in its two forms, (t) and (t, a), each what associated_allocator gives.
#include <memory>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::identified_allocator;
using binder_targets::plain;
using binder_targets::with_allocator;

CONFORMANCE_RULE("async.assoc.alloc.get/source-form-uses-default-candidate", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   const auto own = F::get(with_allocator{});
                   EXPECT_TRUE((std::is_same_v<decltype(own), const with_allocator::allocator_type>))
                       << "get_associated_allocator(t) is not of type associated_allocator_t<T>, t's allocator type";
                   if constexpr (requires { own.identity; }) {
                     EXPECT_EQ(own.identity, with_allocator::allocator_identity)
                         << "get_associated_allocator(t) is not t's own allocator";
                   }
                   const auto fallback = F::get(plain{});
                   EXPECT_TRUE((std::is_same_v<decltype(fallback), const std::allocator<void>>))
                       << "get_associated_allocator(t) for a t without an allocator is not an allocator<void>";
                 });

CONFORMANCE_RULE("async.assoc.alloc.get/allocator-form-uses-candidate", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   const auto associated = F::get(plain{}, identified_allocator<void>(7));
                   EXPECT_TRUE((std::is_same_v<decltype(associated), const identified_allocator<void>>))
                       << "get_associated_allocator(t, a) is not of type associated_allocator_t<T, ProtoAllocator>";
                   if constexpr (requires { associated.identity; }) {
                     EXPECT_EQ(associated.identity, 7)
                         << "get_associated_allocator(t, a) for a t without an allocator is not a";
                   }
                 });

}  // namespace
}  // namespace conformance
