// Handler wrapping for group C's mutants, written against standalone Asio: each mutant wraps
// completion handlers in a class of its own that does one thing wrong.
//
// A wrapper that keeps every association of the handler it holds declares
//   using forwards_associations_of = Handler;
//   const Handler& handler() const noexcept;
// and the associator specialisation below forwards them; a wrapper that hides one of them
// specialises the associators itself.
#pragma once

#include <asio.hpp>
#include <type_traits>
#include <utility>

namespace conformance::c_faults {

// A completion handler, not a token with an async_result of its own (use_future, a rule's
// user-defined token): only handlers are wrapped, so the fault is the mutant's only difference.
template <class Token, class Signature>
concept is_completion_handler =
    requires { typename ::asio::async_result<std::decay_t<Token>, Signature>::completion_handler_type; } &&
    std::is_same_v<typename ::asio::async_result<std::decay_t<Token>, Signature>::completion_handler_type,
                   std::decay_t<Token>>;

template <class Wrapper>
concept forwarding_wrapper = requires(const Wrapper& w) {
  typename Wrapper::forwards_associations_of;
  w.handler();
};

// A steady_timer whose async_wait wraps completion handlers in Wrapper<Handler>.
template <template <class> class Wrapper>
class wrapping_steady_timer : public ::asio::steady_timer {
 public:
  using ::asio::steady_timer::steady_timer;

  template <class Token>
  auto async_wait(Token&& token) {
    if constexpr (is_completion_handler<Token, void(::asio::error_code)>) {
      return ::asio::steady_timer::async_wait(Wrapper<std::decay_t<Token>>(std::forward<Token>(token)));
    } else {
      return ::asio::steady_timer::async_wait(std::forward<Token>(token));
    }
  }
};

}  // namespace conformance::c_faults

template <template <typename, typename> class Associator, typename Wrapper, typename DefaultCandidate>
  requires conformance::c_faults::forwarding_wrapper<Wrapper>
struct asio::associator<Associator, Wrapper, DefaultCandidate>
    : Associator<typename Wrapper::forwards_associations_of, DefaultCandidate> {
  static typename Associator<typename Wrapper::forwards_associations_of, DefaultCandidate>::type get(
      const Wrapper& w, const DefaultCandidate& c = DefaultCandidate()) noexcept {
    return Associator<typename Wrapper::forwards_associations_of, DefaultCandidate>::get(w.handler(), c);
  }
};
