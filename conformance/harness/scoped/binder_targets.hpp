// Source objects for the rules on executor_binder ([async.exec.binder] and its sub-clauses) and
// on the associators ([async.assoc.exec]): a callable with state, one with an associated
// allocator of its own, told apart by an identity, and one with an executor of its own. A scoped
// header (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <cstddef>
#include <memory>

namespace conformance::binder_targets {

// A callable target whose state a rule can read and change through the binder.
struct counter {
  int value = 0;
  int operator()(int step) { return value += step; }
};

// An allocator told apart from others by its identity.
template <class T>
struct identified_allocator {
  using value_type = T;
  int identity = 0;
  identified_allocator() = default;
  explicit identified_allocator(int id) noexcept : identity(id) {}
  template <class U>
  identified_allocator(const identified_allocator<U>& other) noexcept : identity(other.identity) {}  // NOLINT
  T* allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T* p, std::size_t n) { std::allocator<T>().deallocate(p, n); }
  template <class U>
  bool operator==(const identified_allocator<U>& other) const noexcept {
    return identity == other.identity;
  }
};

// A target whose associated allocator is its own (allocator_type and get_allocator()).
struct with_allocator {
  using allocator_type = identified_allocator<void>;
  static constexpr int allocator_identity = 4771;
  allocator_type get_allocator() const noexcept { return allocator_type(allocator_identity); }
  void operator()() const {}
};

// A source whose associated executor is its own (executor_type and get_executor()).
template <class Executor>
class with_executor {
 public:
  using executor_type = Executor;
  explicit with_executor(const Executor& executor) : executor_(executor) {}
  executor_type get_executor() const noexcept { return executor_; }

 private:
  Executor executor_;
};

// A source with no associations of its own.
struct plain {};

}  // namespace conformance::binder_targets
