// [bind_cancellation_slot] cancellation_slot_binder, bind_cancellation_slot (Asio).
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/bound_target.hpp"

namespace refnet {

// Attaches a cancellation slot to a target object (typically a completion handler).
template <class T, class CancellationSlot>
class cancellation_slot_binder : public detail::bound_target<T> {
  using target_base = detail::bound_target<T>;

 public:
  using typename target_base::target_type;
  using cancellation_slot_type = CancellationSlot;

  template <class U>
  cancellation_slot_binder(const cancellation_slot_type& s, U&& u) : target_base(std::in_place, std::forward<U>(u)), slot_(s) {}

  cancellation_slot_binder(const cancellation_slot_binder&) = default;
  cancellation_slot_binder(cancellation_slot_binder&&) = default;

  template <class U, class OtherSlot>
    requires std::is_constructible_v<T, const U&> && std::is_constructible_v<CancellationSlot, const OtherSlot&>
  cancellation_slot_binder(const cancellation_slot_binder<U, OtherSlot>& other)
      : target_base(std::in_place, other.get()), slot_(other.get_cancellation_slot()) {}

  template <class U, class OtherSlot>
    requires std::is_constructible_v<T, U&&> && std::is_constructible_v<CancellationSlot, OtherSlot&&>
  cancellation_slot_binder(cancellation_slot_binder<U, OtherSlot>&& other)
      : target_base(std::in_place, std::move(other.get())), slot_(std::move(other.slot_)) {}

  template <class U, class OtherSlot>
  cancellation_slot_binder(const cancellation_slot_type& s, const cancellation_slot_binder<U, OtherSlot>& other)
      : target_base(std::in_place, other.get()), slot_(s) {}

  template <class U, class OtherSlot>
  cancellation_slot_binder(const cancellation_slot_type& s, cancellation_slot_binder<U, OtherSlot>&& other)
      : target_base(std::in_place, std::move(other.get())), slot_(s) {}

  cancellation_slot_type get_cancellation_slot() const noexcept { return slot_; }

 private:
  template <class, class>
  friend class cancellation_slot_binder;

  CancellationSlot slot_;
};

template <class CancellationSlot, class T>
cancellation_slot_binder<std::decay_t<T>, CancellationSlot> bind_cancellation_slot(const CancellationSlot& s,
                                                                                   T&& t) {
  return cancellation_slot_binder<std::decay_t<T>, CancellationSlot>(s, std::forward<T>(t));
}

template <class T, class CancellationSlot, class CancellationSlot1>
struct associated_cancellation_slot<cancellation_slot_binder<T, CancellationSlot>, CancellationSlot1> {
  using type = CancellationSlot;
  static type get(const cancellation_slot_binder<T, CancellationSlot>& b,
                  const CancellationSlot1& = CancellationSlot1()) noexcept {
    return b.get_cancellation_slot();
  }
};

template <template <class, class> class Associator, class T, class CancellationSlot, class DefaultCandidate>
struct associator<Associator, cancellation_slot_binder<T, CancellationSlot>, DefaultCandidate>
    : detail::forwarding_associator<Associator, cancellation_slot_binder<T, CancellationSlot>, T, DefaultCandidate> {};

template <class T, class CancellationSlot, class... Signatures>
class async_result<cancellation_slot_binder<T, CancellationSlot>, Signatures...> {
 public:
  using completion_handler_type =
      cancellation_slot_binder<typename async_result<T, Signatures...>::completion_handler_type, CancellationSlot>;
  using return_type = typename async_result<T, Signatures...>::return_type;

  explicit async_result(completion_handler_type& b) : target_(b.get()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return target_.get(); }

  template <class Initiation, class RawCompletionToken, class... Args>
  static decltype(auto) initiate(Initiation&& initiation, RawCompletionToken&& token, Args&&... args) {
    auto wrapper = detail::rewrapping_initiation(
        std::forward<Initiation>(initiation), [s = token.get_cancellation_slot()]<class Handler>(Handler&& h) {
          return cancellation_slot_binder<std::decay_t<Handler>, CancellationSlot>(s, std::forward<Handler>(h));
        });
    return async_initiate<detail::forward_like_t<RawCompletionToken, T>, Signatures...>(
        std::move(wrapper), detail::target_of(token), std::forward<Args>(args)...);
  }

 private:
  async_result<T, Signatures...> target_;
};

}  // namespace refnet
