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
#include "conformance/mutants/c_faults/handler_wrapping.hpp"

namespace conformance::mutant_timer_swallows_handler_exception {

using namespace ::asio;

// Deliberately wrong: the handler's exception never reaches the executor.
template <class Handler>
class exception_swallowing_handler {
 public:
  using forwards_associations_of = Handler;  // every association kept (c_faults)
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

using steady_timer = c_faults::wrapping_steady_timer<exception_swallowing_handler>;

}  // namespace conformance::mutant_timer_swallows_handler_exception

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
