// Mutant binding: standalone Asio 1.22.1, except that steady_timer::async_wait ignores a token's
// own async_result specialisation and calls the token itself as the handler.
#pragma once

#include <asio.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_token_ignored {

using namespace ::asio;

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

class steady_timer : public ::asio::steady_timer {
 public:
  using ::asio::steady_timer::basic_waitable_timer;
  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    if constexpr (customised_token<Token, void(error_code)>()) {
      // Deliberately wrong: async_result<decay_t<Token>, Signatures...> is never consulted.
      return steady_timer_base().async_wait(
          [token = std::decay_t<Token>(std::forward<Token>(token))](const error_code& ec) mutable { token(ec); });
    } else {
      return steady_timer_base().async_wait(std::forward<Token>(token));
    }
  }

 private:
  ::asio::steady_timer& steady_timer_base() { return *this; }
};

}  // namespace conformance::mutant_token_ignored

namespace conformance::target {

namespace net = ::conformance::mutant_token_ignored;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.a-token-ignored";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) + " with a steady_timer that calls custom tokens as handlers";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
