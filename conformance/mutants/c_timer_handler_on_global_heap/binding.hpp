// Mutant binding: standalone Asio 1.22.1, except that steady_timer::async_wait keeps the
// completion handler in memory from global operator new instead of the handler's associated
// allocator (the operation itself still allocates through that allocator).
#pragma once

#include <asio.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_timer_handler_on_global_heap {

using namespace ::asio;

// Only completion handlers are wrapped: a token with an async_result of its own (use_future, a
// rule's user-defined token) keeps it, so the fault below is the mutant's only difference.
template <class Token, class Signature>
concept is_completion_handler =
    requires { typename ::asio::async_result<std::decay_t<Token>, Signature>::completion_handler_type; } &&
    std::is_same_v<typename ::asio::async_result<std::decay_t<Token>, Signature>::completion_handler_type,
                   std::decay_t<Token>>;

// Deliberately wrong: per-operation memory (a box around the handler) from the global heap.
template <class Handler>
class heap_boxed_handler {
 public:
  explicit heap_boxed_handler(Handler handler) : boxed_(std::make_unique<Handler>(std::move(handler))) {}

  template <class... Args>
  void operator()(Args&&... args) {
    std::move(*boxed_)(std::forward<Args>(args)...);
  }

  const Handler& handler() const noexcept { return *boxed_; }

 private:
  std::unique_ptr<Handler> boxed_;
};

class steady_timer : public ::asio::steady_timer {
 public:
  using ::asio::steady_timer::steady_timer;

  template <class Token>
  auto async_wait(Token&& token) {
    if constexpr (is_completion_handler<Token, void(::asio::error_code)>) {
      return ::asio::steady_timer::async_wait(heap_boxed_handler<std::decay_t<Token>>(std::forward<Token>(token)));
    } else {
      return ::asio::steady_timer::async_wait(std::forward<Token>(token));
    }
  }
};

}  // namespace conformance::mutant_timer_handler_on_global_heap

// The box keeps every association of the handler it holds.
template <template <typename, typename> class Associator, typename Handler, typename DefaultCandidate>
struct asio::associator<Associator, conformance::mutant_timer_handler_on_global_heap::heap_boxed_handler<Handler>,
                        DefaultCandidate> : Associator<Handler, DefaultCandidate> {
  static typename Associator<Handler, DefaultCandidate>::type get(
      const conformance::mutant_timer_handler_on_global_heap::heap_boxed_handler<Handler>& h,
      const DefaultCandidate& c = DefaultCandidate()) noexcept {
    return Associator<Handler, DefaultCandidate>::get(h.handler(), c);
  }
};

namespace conformance::target {

namespace net = ::conformance::mutant_timer_handler_on_global_heap;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.timer-handler-on-global-heap";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) +
         " with steady_timer::async_wait keeping the handler in global-heap memory";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
