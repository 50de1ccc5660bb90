// Probe: whose memory an allocation is. The per-operation memory rule
// ([async.reqmts.async.alloc] p4) counts what an operation allocates through global operator new;
// allocations made on behalf of someone else are marked with a scope of that owner on the
// allocating thread, and the rule counts them apart:
//   probe     the harness's own bookkeeping (a counting allocator's log, say), the start of its
//             helper threads, and the test's peers (a thread writing to the socket a read reads);
//   argument  an operation's argument, e.g. the buffer of a std::vector of endpoints that the
//             library copies: the argument's copy constructor allocates, with the argument's own
//             allocator (argument_allocator below), not the operation.
#pragma once

#include <cstddef>
#include <memory>

namespace conformance {

enum class memory_owner { probe, argument };

class memory_of {
 public:
  explicit memory_of(memory_owner owner) noexcept : owner_(owner) { ++depth(owner_); }
  ~memory_of() { --depth(owner_); }
  memory_of(const memory_of&) = delete;
  memory_of& operator=(const memory_of&) = delete;

  // Whether this thread is allocating on `owner`'s behalf right now.
  static bool active(memory_owner owner) noexcept { return depth(owner) > 0; }

 private:
  static int& depth(memory_owner owner) noexcept {
    thread_local int depths[2] = {0, 0};
    return depths[static_cast<int>(owner)];
  }
  memory_owner owner_;
};

// The allocator of an argument whose memory must not be taken for the operation's: a
// descriptor gives it to the containers it passes (operations/tcp_async_connect.hpp).
template <class T>
class argument_allocator {
 public:
  using value_type = T;

  argument_allocator() noexcept = default;
  template <class U>
  argument_allocator(const argument_allocator<U>&) noexcept {}  // NOLINT: converting on purpose

  T* allocate(std::size_t n) {
    const memory_of argument(memory_owner::argument);
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const memory_of argument(memory_owner::argument);
    std::allocator<T>().deallocate(p, n);
  }

  template <class U>
  friend bool operator==(const argument_allocator&, const argument_allocator<U>&) noexcept {
    return true;
  }
};

}  // namespace conformance
