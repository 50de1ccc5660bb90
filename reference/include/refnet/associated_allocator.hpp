// [async.assoc.alloc] associated_allocator, associated_allocator_t, get_associated_allocator.
#pragma once

#include <memory>

#include "refnet/associator.hpp"

namespace refnet {

template <class T, class ProtoAllocator = std::allocator<void>>
struct associated_allocator;

namespace detail {

template <class T>
concept has_allocator_type = requires { typename T::allocator_type; };

template <class T, class ProtoAllocator>
struct associated_allocator_impl {
  using type = ProtoAllocator;
  static type get(const T&, const ProtoAllocator& a = ProtoAllocator()) noexcept { return a; }
};

template <class T, class ProtoAllocator>
  requires has_allocator_type<T>
struct associated_allocator_impl<T, ProtoAllocator> {
  using type = typename T::allocator_type;
  static type get(const T& t, const ProtoAllocator& = ProtoAllocator()) noexcept { return t.get_allocator(); }
};

template <class T, class ProtoAllocator>
  requires(!has_allocator_type<T> && has_associator<associated_allocator, T, ProtoAllocator>)
struct associated_allocator_impl<T, ProtoAllocator> : associator<associated_allocator, T, ProtoAllocator> {};

}  // namespace detail

// The nested allocator_type of T if it has one, else an associator
// specialisation for T, else the candidate. Programs may specialise it.
template <class T, class ProtoAllocator>
struct associated_allocator : detail::associated_allocator_impl<T, ProtoAllocator> {};

template <class T, class ProtoAllocator = std::allocator<void>>
using associated_allocator_t = typename associated_allocator<T, ProtoAllocator>::type;

template <class T>
associated_allocator_t<T> get_associated_allocator(const T& t) noexcept {
  return associated_allocator<T>::get(t);
}

template <class T, class ProtoAllocator>
associated_allocator_t<T, ProtoAllocator> get_associated_allocator(const T& t, const ProtoAllocator& a) noexcept {
  return associated_allocator<T, ProtoAllocator>::get(t, a);
}

}  // namespace refnet
