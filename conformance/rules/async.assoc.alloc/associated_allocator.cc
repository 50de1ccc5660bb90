// rule:   async.assoc.alloc/default-candidate-is-std-allocator
// rule:   async.assoc.alloc/binder-specialisation-meets-requirements
// rule:   async.assoc.alloc/type-is-a-proto-allocator
// rule:   async.assoc.alloc/get-without-candidate-uses-default
// rule:   async.assoc.alloc/get-never-throws
// clause: [async.assoc.alloc] p1, p2 (and its table's rows type, get-default, get)
// associated_allocator is the associator for proto-allocators, whose default candidate is
// std::allocator<void>(); what it names is a proto-allocator, and its get() never throws.
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/association_checks.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::identified_allocator;
using binder_targets::plain;
using binder_targets::with_allocator;

template <class ProtoAllocator>
using rebound_for_int = typename std::allocator_traits<ProtoAllocator>::template rebind_alloc<int>;

// A proto-allocator: a copyable, comparable allocator (value_type first: allocator_traits of
// anything else is a hard error) that rebinds to int and allocates.
template <class ProtoAllocator>
bool is_proto_allocator() {
  if constexpr (std::is_copy_constructible_v<ProtoAllocator> && std::equality_comparable<ProtoAllocator> &&
                requires { typename ProtoAllocator::value_type; }) {
    if constexpr (requires { typename rebound_for_int<ProtoAllocator>; }) {
      rebound_for_int<ProtoAllocator> allocator{ProtoAllocator()};
      int* p = std::allocator_traits<rebound_for_int<ProtoAllocator>>::allocate(allocator, 1);
      std::allocator_traits<rebound_for_int<ProtoAllocator>>::deallocate(allocator, p, 1);
      return true;
    }
  }
  return false;
}

CONFORMANCE_RULE("async.assoc.alloc/default-candidate-is-std-allocator", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   using by_default = typename F::template default_association<plain>;
                   using with_candidate = typename F::template association<plain, std::allocator<void>>;
                   EXPECT_TRUE((std::is_same_v<typename by_default::type, std::allocator<void>>))
                       << "associated_allocator<T>::type, for a T without an allocator, is not allocator<void>";
                   EXPECT_TRUE((std::is_same_v<typename by_default::type, typename with_candidate::type>))
                       << "associated_allocator<T>::type is not associated_allocator<T, allocator<void>>::type";
                 });

CONFORMANCE_RULE("async.assoc.alloc/binder-specialisation-meets-requirements", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   const auto bound = net::bind_executor(ctx.get_executor(), with_allocator{});
                   using association = typename F::template default_association<std::decay_t<decltype(bound)>>;
                   EXPECT_TRUE(is_proto_allocator<typename association::type>())
                       << "associated_allocator<executor_binder<...>>::type is not a proto-allocator";
                   EXPECT_TRUE(noexcept(association::get(bound)))
                       << "associated_allocator<executor_binder<...>>::get may throw";
                   EXPECT_TRUE((same_with_and_without_candidate<association>(bound, std::allocator<void>())))
                       << "associated_allocator<executor_binder<...>>::get(b) differs from get(b, allocator<void>())";
                 });

CONFORMANCE_RULE("async.assoc.alloc/type-is-a-proto-allocator", facilities::associated_allocator, [](auto facility) {
  using F = decltype(facility);
  EXPECT_TRUE(is_proto_allocator<typename F::template default_association<plain>::type>())
      << "associated_allocator<T>::type, for a T without an allocator, is not a proto-allocator";
  EXPECT_TRUE((is_proto_allocator<typename F::template association<plain, identified_allocator<void>>::type>()))
      << "associated_allocator<T, A>::type, for a T without an allocator, is not a proto-allocator";
  EXPECT_TRUE(is_proto_allocator<typename F::template default_association<with_allocator>::type>())
      << "associated_allocator<T>::type, for a T with an allocator of its own, is not a proto-allocator";
});

CONFORMANCE_RULE("async.assoc.alloc/get-without-candidate-uses-default", facilities::associated_allocator,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE((same_with_and_without_candidate<typename F::template default_association<with_allocator>>(
                       with_allocator{}, std::allocator<void>())))
                       << "associated_allocator<T>::get(t) differs from get(t, allocator<void>())";
                   EXPECT_TRUE((same_with_and_without_candidate<typename F::template default_association<plain>>(
                       plain{}, std::allocator<void>())))
                       << "associated_allocator<T>::get(t) differs from get(t, allocator<void>()) for a T without an "
                          "allocator";
                 });

CONFORMANCE_RULE("async.assoc.alloc/get-never-throws", facilities::associated_allocator, [](auto facility) {
  using F = decltype(facility);
  using association = typename F::template association<plain, identified_allocator<void>>;
  EXPECT_TRUE(noexcept(F::template default_association<plain>::get(plain{})))
      << "associated_allocator<T>::get(t) may throw";
  EXPECT_TRUE(noexcept(association::get(plain{}, std::declval<const identified_allocator<void>&>())))
      << "associated_allocator<T, A>::get(t, a) may throw";
});

}  // namespace
}  // namespace conformance
