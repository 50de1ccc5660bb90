// Mutant binding: the reference implementation, except that steady_timer::async_wait, given a
// plain handler as an lvalue, keeps a reference to the caller's object and invokes that one at
// completion (its own copy is only carried along).
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_token_used_after_return {

using namespace ::refnet;

// Whether a token has an async_result specialisation of its own (its handler is not the token).
template <class Token, class Signature>
constexpr bool customised_token() {
  using result = async_result<std::decay_t<Token>, Signature>;
  if constexpr (requires { typename result::completion_handler_type; }) {
    return !std::is_same_v<typename result::completion_handler_type, std::decay_t<Token>>;
  } else {
    return true;
  }
}

class steady_timer : public ::refnet::steady_timer {
 public:
  using ::refnet::steady_timer::basic_waitable_timer;
  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    using handler = std::decay_t<Token>;
    if constexpr (std::is_lvalue_reference_v<Token> && !std::is_const_v<std::remove_reference_t<Token>> &&
                  std::is_copy_constructible_v<handler> && !customised_token<Token, void(error_code)>()) {
      // Deliberately wrong: relies on the caller's argument after the initiating function returned.
      handler* callers = &token;
      auto executor = get_associated_executor(token, get_executor());
      return steady_timer_base().async_wait(
          bind_executor(executor, [callers, own = handler(token)](const error_code& ec) mutable { (*callers)(ec); }));
    } else {
      return steady_timer_base().async_wait(std::forward<Token>(token));
    }
  }

 private:
  ::refnet::steady_timer& steady_timer_base() { return *this; }
};

}  // namespace conformance::mutant_token_used_after_return

namespace conformance::target {

namespace net = ::conformance::mutant_token_used_after_return;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.a-token-used-after-return";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet (reference) with a steady_timer that invokes the caller's handler object instead of its copy"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
