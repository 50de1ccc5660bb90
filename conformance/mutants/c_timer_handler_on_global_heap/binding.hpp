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
#include "conformance/mutants/c_faults/handler_wrapping.hpp"

namespace conformance::mutant_timer_handler_on_global_heap {

using namespace ::asio;

// Deliberately wrong: per-operation memory (a box around the handler) from the global heap.
template <class Handler>
class heap_boxed_handler {
 public:
  using forwards_associations_of = Handler;  // every association kept (c_faults)
  explicit heap_boxed_handler(Handler handler) : boxed_(std::make_unique<Handler>(std::move(handler))) {}

  template <class... Args>
  void operator()(Args&&... args) {
    std::move(*boxed_)(std::forward<Args>(args)...);
  }

  const Handler& handler() const noexcept { return *boxed_; }

 private:
  std::unique_ptr<Handler> boxed_;
};

using steady_timer = c_faults::wrapping_steady_timer<heap_boxed_handler>;

}  // namespace conformance::mutant_timer_handler_on_global_heap

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
