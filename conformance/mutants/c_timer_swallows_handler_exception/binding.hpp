// Mutant binding: standalone Asio 1.22.1, except that steady_timer::async_wait catches and
// discards any exception its completion handler throws, instead of letting the executor that
// runs the handler see it.
#pragma once

#include <asio.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_timer_swallows_handler_exception {

using namespace ::asio;

// Only completion handlers are wrapped: a token with an async_result of its own (use_future, a
// rule's user-defined token) keeps it, so the fault below is the mutant's only difference.
template <class Token, class Signature>
concept is_completion_handler =
    requires { typename ::asio::async_result<std::decay_t<Token>, Signature>::completion_handler_type; } &&
    std::is_same_v<typename ::asio::async_result<std::decay_t<Token>, Signature>::completion_handler_type,
                   std::decay_t<Token>>;

// Deliberately wrong: the handler's exception never reaches the executor.
template <class Handler>
class exception_swallowing_handler {
 public:
  explicit exception_swallowing_handler(Handler handler) : handler_(std::move(handler)) {}

  template <class... Args>
  void operator()(Args&&... args) {
    try {
      std::move(handler_)(std::forward<Args>(args)...);
    } catch (...) {
    }
  }

  const Handler& handler() const noexcept { return handler_; }

 private:
  Handler handler_;
};

class steady_timer : public ::asio::steady_timer {
 public:
  using ::asio::steady_timer::steady_timer;

  template <class Token>
  auto async_wait(Token&& token) {
    if constexpr (is_completion_handler<Token, void(::asio::error_code)>) {
      return ::asio::steady_timer::async_wait(
          exception_swallowing_handler<std::decay_t<Token>>(std::forward<Token>(token)));
    } else {
      return ::asio::steady_timer::async_wait(std::forward<Token>(token));
    }
  }
};

}  // namespace conformance::mutant_timer_swallows_handler_exception

// The wrapper keeps every association of the handler it holds.
template <template <typename, typename> class Associator, typename Handler, typename DefaultCandidate>
struct asio::associator<Associator,
                        conformance::mutant_timer_swallows_handler_exception::exception_swallowing_handler<Handler>,
                        DefaultCandidate> : Associator<Handler, DefaultCandidate> {
  static typename Associator<Handler, DefaultCandidate>::type get(
      const conformance::mutant_timer_swallows_handler_exception::exception_swallowing_handler<Handler>& h,
      const DefaultCandidate& c = DefaultCandidate()) noexcept {
    return Associator<Handler, DefaultCandidate>::get(h.handler(), c);
  }
};

namespace conformance::target {

namespace net = ::conformance::mutant_timer_swallows_handler_exception;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.timer-swallows-handler-exception";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) +
         " with steady_timer::async_wait discarding its handler's exceptions";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
