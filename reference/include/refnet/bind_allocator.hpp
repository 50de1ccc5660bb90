// [bind_allocator] allocator_binder, bind_allocator (Asio).
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_allocator.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/bound_target.hpp"

namespace refnet {

// Attaches an allocator to a target object (typically a completion handler).
template <class T, class Allocator>
class allocator_binder : public detail::bound_target<T> {
  using target_base = detail::bound_target<T>;

 public:
  using typename target_base::target_type;
  using allocator_type = Allocator;

  template <class U>
  allocator_binder(const allocator_type& a, U&& u) : target_base(std::in_place, std::forward<U>(u)), allocator_(a) {}

  allocator_binder(const allocator_binder&) = default;
  allocator_binder(allocator_binder&&) = default;

  template <class U, class OtherAllocator>
    requires std::is_constructible_v<T, const U&> && std::is_constructible_v<Allocator, const OtherAllocator&>
  allocator_binder(const allocator_binder<U, OtherAllocator>& other)
      : target_base(std::in_place, other.get()), allocator_(other.get_allocator()) {}

  template <class U, class OtherAllocator>
    requires std::is_constructible_v<T, U&&> && std::is_constructible_v<Allocator, OtherAllocator&&>
  allocator_binder(allocator_binder<U, OtherAllocator>&& other)
      : target_base(std::in_place, std::move(other.get())), allocator_(std::move(other.allocator_)) {}

  template <class U, class OtherAllocator>
  allocator_binder(const allocator_type& a, const allocator_binder<U, OtherAllocator>& other)
      : target_base(std::in_place, other.get()), allocator_(a) {}

  template <class U, class OtherAllocator>
  allocator_binder(const allocator_type& a, allocator_binder<U, OtherAllocator>&& other)
      : target_base(std::in_place, std::move(other.get())), allocator_(a) {}

  allocator_type get_allocator() const noexcept { return allocator_; }

 private:
  template <class, class>
  friend class allocator_binder;

  Allocator allocator_;
};

template <class Allocator, class T>
allocator_binder<std::decay_t<T>, Allocator> bind_allocator(const Allocator& a, T&& t) {
  return allocator_binder<std::decay_t<T>, Allocator>(a, std::forward<T>(t));
}

template <class T, class Allocator, class Allocator1>
struct associated_allocator<allocator_binder<T, Allocator>, Allocator1> {
  using type = Allocator;
  static type get(const allocator_binder<T, Allocator>& b, const Allocator1& = Allocator1()) noexcept {
    return b.get_allocator();
  }
};

template <template <class, class> class Associator, class T, class Allocator, class DefaultCandidate>
struct associator<Associator, allocator_binder<T, Allocator>, DefaultCandidate>
    : detail::forwarding_associator<Associator, allocator_binder<T, Allocator>, T, DefaultCandidate> {};

template <class T, class Allocator, class... Signatures>
class async_result<allocator_binder<T, Allocator>, Signatures...> {
 public:
  using completion_handler_type =
      allocator_binder<typename async_result<T, Signatures...>::completion_handler_type, Allocator>;
  using return_type = typename async_result<T, Signatures...>::return_type;

  explicit async_result(completion_handler_type& b) : target_(b.get()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return target_.get(); }

  template <class Initiation, class RawCompletionToken, class... Args>
  static decltype(auto) initiate(Initiation&& initiation, RawCompletionToken&& token, Args&&... args) {
    auto wrapper = detail::rewrapping_initiation(
        std::forward<Initiation>(initiation), [a = token.get_allocator()]<class Handler>(Handler&& h) {
          return allocator_binder<std::decay_t<Handler>, Allocator>(a, std::forward<Handler>(h));
        });
    return async_initiate<detail::forward_like_t<RawCompletionToken, T>, Signatures...>(
        std::move(wrapper), detail::target_of(token), std::forward<Args>(args)...);
  }

 private:
  async_result<T, Signatures...> target_;
};

}  // namespace refnet
