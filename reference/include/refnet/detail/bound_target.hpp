// The part every binder shares (executor_binder, allocator_binder, cancellation_slot_binder):
// the target object it holds, get(), and calling it with the binder's value category.
#pragma once

#include <functional>
#include <utility>

namespace refnet::detail {

template <class T>
class bound_target {
 public:
  using target_type = T;

  target_type& get() noexcept { return target_; }
  const target_type& get() const noexcept { return target_; }

  template <class... Args>
  decltype(auto) operator()(Args&&... args) & {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  decltype(auto) operator()(Args&&... args) const& {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  decltype(auto) operator()(Args&&... args) && {
    return std::invoke(std::move(target_), std::forward<Args>(args)...);
  }

 protected:
  template <class U>
  explicit bound_target(std::in_place_t, U&& u) : target_(std::forward<U>(u)) {}

 private:
  T target_;
};

}  // namespace refnet::detail
