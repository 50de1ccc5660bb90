// Mutant binding: standalone Asio 1.22.1, except that async_read hides the handler's associated
// executor from its intermediate handlers (so the intermediate steps run on the I/O executor)
// and only hands the final result to that executor.
#pragma once

#include <asio.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"
#include "conformance/mutants/c_faults/handler_wrapping.hpp"

namespace conformance::mutant_read_steps_off_handler_executor {

using namespace ::asio;

// Deliberately wrong: exposes the handler's allocator and cancellation slot but not its
// executor, so the composed operation's intermediate handlers run on the I/O executor; the
// final result is then dispatched to the handler's executor, whose work it keeps meanwhile.
template <class Handler, class HandlerExecutor>
class executor_hiding_handler {
 public:
  executor_hiding_handler(Handler handler, const HandlerExecutor& ex2)
      : handler_(std::move(handler)), work_(std::make_unique<::asio::executor_work_guard<HandlerExecutor>>(ex2)) {}

  void operator()(const ::asio::error_code& error, std::size_t bytes) {
    const auto alloc = ::asio::get_associated_allocator(handler_);
    ::asio::dispatch(work_->get_executor(),
                     ::asio::bind_allocator(alloc, [handler = std::move(handler_), error, bytes]() mutable {
                       std::move(handler)(error, bytes);
                     }));
    work_->reset();
  }

  const Handler& handler() const noexcept { return handler_; }

 private:
  Handler handler_;
  // Held through a pointer, so moving the handler never moves the guard: Asio 1.22's
  // executor_work_guard for standard executors does not destroy the executor it moves from,
  // which leaks the recording executor's log (seen under --config=asan).
  std::unique_ptr<::asio::executor_work_guard<HandlerExecutor>> work_;
};

template <class Stream, class Buffers, class Token>
auto async_read(Stream& stream, Buffers&& buffers, Token&& token) {
  if constexpr (c_faults::is_completion_handler<Token, void(::asio::error_code, std::size_t)>) {
    const auto ex2 = ::asio::get_associated_executor(token, stream.get_executor());
    return ::asio::async_read(
        stream, std::forward<Buffers>(buffers),
        executor_hiding_handler<std::decay_t<Token>, std::decay_t<decltype(ex2)>>(std::forward<Token>(token), ex2));
  } else {
    return ::asio::async_read(stream, std::forward<Buffers>(buffers), std::forward<Token>(token));
  }
}

template <class Stream, class... Arguments>
auto async_read(Stream& stream, Arguments&&... arguments) {
  return ::asio::async_read(stream, std::forward<Arguments>(arguments)...);
}

}  // namespace conformance::mutant_read_steps_off_handler_executor

template <class Handler, class HandlerExecutor, class Allocator>
struct asio::associated_allocator<
    conformance::mutant_read_steps_off_handler_executor::executor_hiding_handler<Handler, HandlerExecutor>, Allocator> {
  using type = ::asio::associated_allocator_t<Handler, Allocator>;
  static type get(
      const conformance::mutant_read_steps_off_handler_executor::executor_hiding_handler<Handler, HandlerExecutor>& h,
      const Allocator& a = Allocator()) noexcept {
    return ::asio::get_associated_allocator(h.handler(), a);
  }
};

template <class Handler, class HandlerExecutor, class Slot>
struct asio::associated_cancellation_slot<
    conformance::mutant_read_steps_off_handler_executor::executor_hiding_handler<Handler, HandlerExecutor>, Slot> {
  using type = ::asio::associated_cancellation_slot_t<Handler, Slot>;
  static type get(
      const conformance::mutant_read_steps_off_handler_executor::executor_hiding_handler<Handler, HandlerExecutor>& h,
      const Slot& s = Slot()) noexcept {
    return ::asio::get_associated_cancellation_slot(h.handler(), s);
  }
};

namespace conformance::target {

namespace net = ::conformance::mutant_read_steps_off_handler_executor;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.read-steps-off-handler-executor";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) +
         " with async_read running its intermediate steps on the I/O executor";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
