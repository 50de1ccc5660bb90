// Mechanics: the allocator of operations whose handler's associated allocator is
// std::allocator: recycled blocks (block_pool), so steady-state operations touch
// no global heap.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

#include "refnet/detail/block_pool.hpp"

namespace refnet::detail {

// Standard Allocator drawing on block_pool; over-aligned types bypass it.
template <class T>
class recycling_allocator {
 public:
  using value_type = T;

  recycling_allocator() noexcept = default;
  template <class U>
  recycling_allocator(const recycling_allocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if constexpr (alignof(T) > block_pool::header_size) {
      return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(alignof(T))));
    } else {
      return static_cast<T*>(block_pool::allocate(n * sizeof(T)));
    }
  }

  void deallocate(T* p, std::size_t) noexcept {
    if constexpr (alignof(T) > block_pool::header_size) {
      ::operator delete(p, std::align_val_t(alignof(T)));
    } else {
      block_pool::deallocate(p);
    }
  }

  template <class U>
  friend bool operator==(const recycling_allocator&, const recycling_allocator<U>&) noexcept {
    return true;
  }
};

template <class A>
inline constexpr bool is_std_allocator_v = false;
template <class T>
inline constexpr bool is_std_allocator_v<std::allocator<T>> = true;

// The allocator used for an object of type T when the caller supplied the
// proto-allocator A: A itself, rebound, unless A is std::allocator.
template <class T, class A>
using rebound_alloc_t = std::conditional_t<is_std_allocator_v<A>, recycling_allocator<T>,
                                           typename std::allocator_traits<A>::template rebind_alloc<T>>;

template <class T, class A>
rebound_alloc_t<T, A> rebind_for(const A& a) noexcept {
  if constexpr (is_std_allocator_v<A>) {
    return recycling_allocator<T>();
  } else {
    return rebound_alloc_t<T, A>(a);
  }
}

// Owns the memory of one operation from allocation until it is queued, so that an
// exception thrown while constructing or starting the operation leaks nothing.
template <class Op, class ProtoAlloc>
class op_ptr {
 public:
  template <class... Args>
  explicit op_ptr(const ProtoAlloc& a, Args&&... args) : alloc_(rebind_for<Op>(a)) {
    Op* raw = traits::allocate(alloc_, 1);
    try {
      traits::construct(alloc_, raw, std::forward<Args>(args)...);
    } catch (...) {
      traits::deallocate(alloc_, raw, 1);
      throw;
    }
    op_ = raw;
  }
  op_ptr(const op_ptr&) = delete;
  op_ptr& operator=(const op_ptr&) = delete;
  ~op_ptr() {
    if (op_) destroy_and_deallocate(op_, alloc_);
  }

  Op* get() const noexcept { return op_; }
  Op* operator->() const noexcept { return op_; }
  Op* release() noexcept {
    Op* op = op_;
    op_ = nullptr;
    return op;
  }

 private:
  using alloc_type = rebound_alloc_t<Op, ProtoAlloc>;
  using traits = std::allocator_traits<alloc_type>;

  alloc_type alloc_;
  Op* op_ = nullptr;
};

template <class Op, class Alloc>
void destroy_and_deallocate(Op* op, Alloc& alloc) noexcept {
  using traits = std::allocator_traits<Alloc>;
  traits::destroy(alloc, op);
  traits::deallocate(alloc, op, 1);
}

// Destroys an operation and returns its memory to the proto-allocator it came from.
template <class Op, class ProtoAlloc>
void free_op(Op* op, const ProtoAlloc& proto) noexcept {
  auto alloc = rebind_for<Op>(proto);
  destroy_and_deallocate(op, alloc);
}

}  // namespace refnet::detail
