// How a rule queues work of its own on an executor or a context: through the executor's own
// interface (its TS member post, or a blocking.never execute for a standard executor), never
// through the library's free function post, so that a library whose post is broken does not
// get failures blamed on its timers and sockets. Rules that check post itself use it as the
// operation under test, through its descriptor, and nowhere else.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/target_description.hpp"

namespace conformance {

template <class Executor, class Function>
void queue_on(const Executor& ex, Function&& function) {
  if constexpr (requires { ex.post(std::forward<Function>(function), std::allocator<void>()); }) {
    ex.post(std::forward<Function>(function), std::allocator<void>());
  } else {
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
    net::require(ex, net::execution::blocking.never).execute(std::forward<Function>(function));
#else
    static_assert(std::is_void_v<Executor>, "queue_on: the executor has neither a TS post member nor execute");
#endif
  }
}

template <class Function>
void queue_on(net::io_context& ctx, Function&& function) {
  queue_on(ctx.get_executor(), std::forward<Function>(function));
}

}  // namespace conformance
