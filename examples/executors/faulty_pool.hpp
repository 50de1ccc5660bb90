// The small pool's executor with one planted fault each: what a conformance run must catch.
// Each faulty_executor<Fault> differs from small_pool::executor_type in one member only.
#pragma once

#include <type_traits>
#include <utility>

#include "examples/executors/small_pool.hpp"

namespace small_pool_example {

enum class planted_fault {
  post_runs_inline,         // post calls the function before it returns
  work_finished_forgotten,  // on_work_finished does nothing: the pool never runs out of work
  memory_released_late,     // post returns the function's storage only after calling it
  copies_unequal,           // == holds only for the very same object
};

template <planted_fault Fault>
class faulty_executor {
 public:
  explicit faulty_executor(small_pool::executor_type inner) noexcept : inner_(inner) {}

  small_pool& context() const noexcept { return inner_.context(); }
  void on_work_started() const noexcept { inner_.on_work_started(); }
  void on_work_finished() const noexcept {
    if constexpr (Fault != planted_fault::work_finished_forgotten) inner_.on_work_finished();
  }
  template <class Function, class ProtoAllocator>
  void dispatch(Function&& f, const ProtoAllocator& a) const {
    inner_.dispatch(std::forward<Function>(f), a);
  }
  template <class Function, class ProtoAllocator>
  void post(Function&& f, const ProtoAllocator& a) const {
    if constexpr (Fault == planted_fault::post_runs_inline) {
      std::decay_t<Function> copy(std::forward<Function>(f));
      copy();
    } else if constexpr (Fault == planted_fault::memory_released_late) {
      // A block of the allocator's, returned by the function's wrapper after the call.
      using bytes = typename std::allocator_traits<ProtoAllocator>::template rebind_alloc<char>;
      bytes allocator(a);
      char* const block = allocator.allocate(32);
      inner_.post(
          [function = std::decay_t<Function>(std::forward<Function>(f)), allocator, block]() mutable {
            function();
            allocator.deallocate(block, 32);
          },
          std::allocator<void>());
    } else {
      inner_.post(std::forward<Function>(f), a);
    }
  }
  template <class Function, class ProtoAllocator>
  void defer(Function&& f, const ProtoAllocator& a) const {
    inner_.defer(std::forward<Function>(f), a);
  }
  bool running_in_this_thread() const noexcept { return inner_.running_in_this_thread(); }

  friend bool operator==(const faulty_executor& a, const faulty_executor& b) noexcept {
    if constexpr (Fault == planted_fault::copies_unequal) return &a == &b;
    return a.inner_ == b.inner_;
  }
  friend bool operator!=(const faulty_executor& a, const faulty_executor& b) noexcept { return !(a == b); }

 private:
  small_pool::executor_type inner_;
};

}  // namespace small_pool_example
