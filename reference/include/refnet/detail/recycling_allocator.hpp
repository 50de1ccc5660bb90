// Mechanics: per-thread recycling of operation memory for handlers whose associated
// allocator is std::allocator. Steady-state operations then touch no global heap.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

namespace refnet::detail {

struct block_cache_slots {
  static constexpr std::size_t count = 8;
  void* slots[count] = {};
};

// A small per-thread cache of freed blocks. Each block carries its capacity in a
// header so a block freed on one thread can be reused for any size that fits.
class thread_block_cache {
 public:
  static constexpr std::size_t header_size = alignof(std::max_align_t);
  static constexpr std::size_t granularity = 64;

  static void* allocate(std::size_t size) {
    if (cache* c = this_thread_cache()) {
      for (void*& slot : c->slots) {
        if (slot && capacity_of(slot) >= size) {
          void* block = slot;
          slot = nullptr;
          return block;
        }
      }
    }
    const std::size_t capacity = (size + granularity - 1) / granularity * granularity;
    auto* raw = static_cast<unsigned char*>(::operator new(capacity + header_size));
    ::new (static_cast<void*>(raw)) std::size_t(capacity);
    return raw + header_size;
  }

  static void deallocate(void* block) noexcept {
    if (cache* c = this_thread_cache()) {
      for (void*& slot : c->slots) {
        if (slot == nullptr) {
          slot = block;
          return;
        }
      }
    }
    release(block);
  }

 private:
  using cache = block_cache_slots;

  // The slot array is trivially destructible so it stays usable while other
  // thread_local objects are destroyed; `closer` frees the blocks at thread exit.
  struct closer {
    ~closer() {
      for (void*& slot : storage.slots) {
        if (slot) release(slot);
        slot = nullptr;
      }
      closed = true;
    }
  };

  static cache* this_thread_cache() noexcept {
    if (closed) return nullptr;
    thread_local closer registration;
    (void)registration;
    return &storage;
  }

  static std::size_t capacity_of(void* block) noexcept {
    return *reinterpret_cast<std::size_t*>(static_cast<unsigned char*>(block) - header_size);
  }

  static void release(void* block) noexcept {
    ::operator delete(static_cast<unsigned char*>(block) - header_size);
  }

  inline static thread_local cache storage{};
  inline static thread_local bool closed = false;
};

// Standard Allocator drawing on thread_block_cache; over-aligned types bypass it.
template <class T>
class recycling_allocator {
 public:
  using value_type = T;

  recycling_allocator() noexcept = default;
  template <class U>
  recycling_allocator(const recycling_allocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if constexpr (alignof(T) > thread_block_cache::header_size) {
      return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(alignof(T))));
    } else {
      return static_cast<T*>(thread_block_cache::allocate(n * sizeof(T)));
    }
  }

  void deallocate(T* p, std::size_t) noexcept {
    if constexpr (alignof(T) > thread_block_cache::header_size) {
      ::operator delete(p, std::align_val_t(alignof(T)));
    } else {
      thread_block_cache::deallocate(p);
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
