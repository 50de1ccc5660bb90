// The part every binder shares (executor_binder, allocator_binder, cancellation_slot_binder):
// the target object it holds, get(), and calling it.
#pragma once

#include <functional>
#include <type_traits>
#include <utility>

namespace refnet::detail {

template <class T>
class bound_target {
 public:
  using target_type = T;

  target_type& get() noexcept { return target_; }
  const target_type& get() const noexcept { return target_; }

  // INVOKE(get(), args...) ([async.exec.binder.invocation]): the target is called as an lvalue
  // whatever the binder's value category.
  template <class... Args>
  std::invoke_result_t<T&, Args...> operator()(Args&&... args) {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  std::invoke_result_t<const T&, Args...> operator()(Args&&... args) const {
    return std::invoke(target_, std::forward<Args>(args)...);
  }

 protected:
  template <class U>
  explicit bound_target(std::in_place_t, U&& u) : target_(std::forward<U>(u)) {}

 private:
  T target_;
};

}  // namespace refnet::detail
