// Mutant binding: standalone Asio 1.22.1, except that async_read hides the handler's associated
// allocator from its intermediate handlers, so the intermediate steps allocate elsewhere.
#pragma once

#include <asio.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"
#include "conformance/mutants/c_faults/handler_wrapping.hpp"

namespace conformance::mutant_read_steps_off_handler_allocator {

using namespace ::asio;

// Deliberately wrong: exposes the handler's executor and cancellation slot but not its
// allocator.
template <class Handler>
class allocator_hiding_handler {
 public:
  explicit allocator_hiding_handler(Handler handler) : handler_(std::move(handler)) {}

  void operator()(const ::asio::error_code& error, std::size_t bytes) { std::move(handler_)(error, bytes); }

  const Handler& handler() const noexcept { return handler_; }

 private:
  Handler handler_;
};

template <class Stream, class Buffers, class Token>
auto async_read(Stream& stream, Buffers&& buffers, Token&& token) {
  if constexpr (c_faults::is_completion_handler<Token, void(::asio::error_code, std::size_t)>) {
    return ::asio::async_read(stream, std::forward<Buffers>(buffers), allocator_hiding_handler<std::decay_t<Token>>(std::forward<Token>(token)));
  } else {
    return ::asio::async_read(stream, std::forward<Buffers>(buffers), std::forward<Token>(token));
  }
}

template <class Stream, class... Arguments>
auto async_read(Stream& stream, Arguments&&... arguments) {
  return ::asio::async_read(stream, std::forward<Arguments>(arguments)...);
}

}  // namespace conformance::mutant_read_steps_off_handler_allocator

template <class Handler, class Executor>
struct asio::associated_executor<conformance::mutant_read_steps_off_handler_allocator::allocator_hiding_handler<Handler>,
                                 Executor> {
  using type = ::asio::associated_executor_t<Handler, Executor>;
  static type get(const conformance::mutant_read_steps_off_handler_allocator::allocator_hiding_handler<Handler>& h,
                  const Executor& ex = Executor()) noexcept {
    return ::asio::get_associated_executor(h.handler(), ex);
  }
};

template <class Handler, class Slot>
struct asio::associated_cancellation_slot<
    conformance::mutant_read_steps_off_handler_allocator::allocator_hiding_handler<Handler>, Slot> {
  using type = ::asio::associated_cancellation_slot_t<Handler, Slot>;
  static type get(const conformance::mutant_read_steps_off_handler_allocator::allocator_hiding_handler<Handler>& h,
                  const Slot& s = Slot()) noexcept {
    return ::asio::get_associated_cancellation_slot(h.handler(), s);
  }
};

namespace conformance::target {

namespace net = ::conformance::mutant_read_steps_off_handler_allocator;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.read-steps-off-handler-allocator";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) +
         " with async_read allocating its intermediate steps without the handler's allocator";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
