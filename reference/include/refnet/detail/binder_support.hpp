// Mechanics shared by executor_binder, allocator_binder and cancellation_slot_binder:
// associator forwarding and initiation re-wrapping for their async_result specialisations.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/is_executor.hpp"

namespace refnet::detail {

// T with the value category and constness of Raw (a forwarding reference type).
template <class Raw, class T>
using forward_like_t = std::conditional_t<
    std::is_lvalue_reference_v<Raw>,
    std::conditional_t<std::is_const_v<std::remove_reference_t<Raw>>, const T&, T&>, T>;

template <class Token>
decltype(auto) target_of(Token& token) noexcept {
  return token.get();
}

// An associator answering for Wrapper by asking the same associator about the
// object returned by wrapper.get().
template <template <class, class> class Associator, class Wrapper, class T, class DefaultCandidate>
struct forwarding_associator {
  using type = typename Associator<T, DefaultCandidate>::type;
  static type get(const Wrapper& w, const DefaultCandidate& c = DefaultCandidate()) noexcept {
    return Associator<T, DefaultCandidate>::get(w.get(), c);
  }
};

template <class Initiation>
struct initiation_executor_base {};

template <class Initiation>
  requires has_executor_type<Initiation>
struct initiation_executor_base<Initiation> {
  using executor_type = typename Initiation::executor_type;
};

// Calls an initiation with the handler passed through `wrap` first. Keeps the
// initiation's I/O executor visible to tokens that look for it.
template <class Initiation, class Wrap>
class rewrapping_initiation : public initiation_executor_base<Initiation> {
 public:
  template <class I>
  rewrapping_initiation(I&& initiation, Wrap wrap) : initiation_(std::forward<I>(initiation)), wrap_(std::move(wrap)) {}

  auto get_executor() const noexcept
    requires has_executor_type<Initiation>
  {
    return initiation_.get_executor();
  }

  template <class Handler, class... Args>
  void operator()(Handler&& handler, Args&&... args) {
    std::move(initiation_)(wrap_(std::forward<Handler>(handler)), std::forward<Args>(args)...);
  }

 private:
  Initiation initiation_;
  Wrap wrap_;
};

template <class I, class W>
rewrapping_initiation(I&&, W) -> rewrapping_initiation<std::decay_t<I>, W>;

}  // namespace refnet::detail
