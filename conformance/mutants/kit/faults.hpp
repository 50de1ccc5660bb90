// The named faults a mutant picks from, each one deliberate violation of the model. Faults of
// initiating functions plug into the kit's I/O objects (io_objects.hpp); the free-function and
// executor faults stand in for the base library's own post and I/O executors.
#pragma once

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/composed_read.hpp"
#include "conformance/mutants/kit/handlers.hpp"
#include "conformance/mutants/kit/io_objects.hpp"
#include "conformance/mutants/kit/library.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace conformance::kit {

// ---- faults of an initiating function, for any token ----------------------------------------

// A timer wait due within a second completes at once, with success, before the expiry time:
// the token goes to a second timer that is already due, and the timer keeps its expiry.
class completes_before_expiry {
 public:
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) {
    auto& timer = start.object();
    const auto now = std::chrono::steady_clock::now();
    if (timer.expiry() - now >= std::chrono::seconds(1)) return start(std::forward<Token>(token));
    early_.emplace(timer.get_executor());
    early_->expires_at(now);
    return early_->async_wait(std::forward<Token>(token));
  }

 private:
  std::optional<lib::steady_timer> early_;
};

// The initiating function of a timer wait blocks its caller until the expiry time (3 s at most).
struct blocks_until_expiry {
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) const {
    const auto& timer = start.object();
    std::this_thread::sleep_until(std::min(timer.expiry(), std::chrono::steady_clock::now() + std::chrono::seconds(3)));
    return start(std::forward<Token>(token));
  }
};

// A copy of every copyable token is made and never destroyed.
struct leaks_handler_copy {
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) const {
    if constexpr (std::is_copy_constructible_v<std::decay_t<Token>>) {
      [[maybe_unused]] const auto* leaked = std::make_unique<std::decay_t<Token>>(token).release();
#if defined(__SANITIZE_ADDRESS__)
      // The leak is the fault the rules must find themselves; under --config=asan,
      // LeakSanitizer would otherwise end every case of the mutant as a CRASH.
      __lsan_ignore_object(leaked);
#endif
    }
    return start(std::forward<Token>(token));
  }
};

// A token that cannot be copied is destroyed without the operation ever being started.
struct drops_move_only_handler {
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) const {
    if constexpr (std::is_copy_constructible_v<std::decay_t<Token>>) {
      return start(std::forward<Token>(token));
    } else {
      const std::decay_t<Token> dropped(std::forward<Token>(token));
    }
  }
};

// A plain handler passed as a non-const lvalue is invoked through the caller's object, which
// the caller may destroy as soon as the initiating function has returned; the operation's own
// copy is only carried along.
struct invokes_callers_handler {
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) const {
    using handler = std::decay_t<Token>;
    if constexpr (std::is_lvalue_reference_v<Token> && !std::is_const_v<std::remove_reference_t<Token>> &&
                  std::is_copy_constructible_v<handler> &&
                  is_completion_handler<Token, typename Initiation::signature>) {
      handler* callers = &token;
      const auto ex2 = lib::get_associated_executor(token, start.object().get_executor());
      return start(lib::bind_executor(ex2, [callers, own = handler(token)](auto&&... results) mutable {
        (*callers)(std::forward<decltype(results)>(results)...);
      }));
    } else {
      return start(std::forward<Token>(token));
    }
  }
};

// A token with an async_result of its own is called as if it were the handler: async_result is
// never consulted.
struct ignores_async_result {
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) const {
    if constexpr (is_completion_handler<Token, typename Initiation::signature>) {
      return start(std::forward<Token>(token));
    } else {
      return start([token = std::decay_t<Token>(std::forward<Token>(token))](auto&&... results) mutable {
        token(std::forward<decltype(results)>(results)...);
      });
    }
  }
};

// ---- faults applied to completion handlers only ----------------------------------------------

// Applies HandlerFault, fault(start, handler), to completion handlers; other tokens start the
// operation unchanged, so that the fault is the mutant's only difference.
template <class HandlerFault>
struct on_handlers {
  template <class Initiation, class Token>
  decltype(auto) operator()(Initiation start, Token&& token) const {
    if constexpr (is_completion_handler<Token, typename Initiation::signature>) {
      return HandlerFault{}(start, std::decay_t<Token>(std::forward<Token>(token)));
    } else {
      return start(std::forward<Token>(token));
    }
  }
};

// Starts the operation with the handler inside Wrapper<Handler>.
template <template <class> class Wrapper>
struct wrapped_in {
  template <class Initiation, class Handler>
  decltype(auto) operator()(Initiation start, Handler handler) const {
    return start(Wrapper<Handler>(std::move(handler)));
  }
};

struct post_submission {
  template <class Executor, class Function>
  void operator()(const Executor& ex, Function&& f) const {
    lib::post(ex, std::forward<Function>(f));
  }
};

struct dispatch_submission {
  template <class Executor, class Function>
  void operator()(const Executor& ex, Function&& f) const {
    lib::dispatch(ex, std::forward<Function>(f));
  }
};

// Hides the handler's executor from the operation and hands the result to that executor with
// Submit once the operation is done, holding work on it meanwhile.
template <class Submit>
struct delivered_late_by {
  template <class Initiation, class Handler>
  decltype(auto) operator()(Initiation start, Handler handler) const {
    const auto ex2 = lib::get_associated_executor(handler, start.object().get_executor());
    return start(late_delivering_handler<Handler, std::decay_t<decltype(ex2)>, Submit>(std::move(handler), ex2));
  }
};

// A timer wait due within a second completes inside async_wait, before its expiry, and is
// handed to the handler's executor by dispatch (an immediate completion must be posted).
struct completes_at_once_by_dispatch {
  template <class Initiation, class Handler>
  void operator()(Initiation start, Handler handler) const {
    auto& timer = start.object();
    if (timer.expiry() - std::chrono::steady_clock::now() > std::chrono::seconds(1)) {
      start(std::move(handler));
      return;
    }
    const auto ex2 = lib::get_associated_executor(handler, timer.get_executor());
    lib::dispatch(ex2, bind_result(std::move(handler), lib::error_code()));
  }
};

// The handler runs on the I/O executor, whatever executor it is associated with.
using hides_handler_executor = on_handlers<wrapped_in<executor_hiding_handler>>;
// The operation allocates without the handler's associated allocator.
using hides_handler_allocator = on_handlers<wrapped_in<allocator_hiding_handler>>;
// A completion after initiation reaches the handler's executor by post (it must be dispatched).
using posts_later_completion = on_handlers<delivered_late_by<post_submission>>;
// The operation runs on the I/O executor, its intermediate steps too, and only the final
// result is dispatched to the handler's executor.
using delivers_only_the_result_to_handler_executor = on_handlers<delivered_late_by<dispatch_submission>>;
// A success is reported as connection_refused.
using alters_result = on_handlers<wrapped_in<result_altering_handler>>;
// on_work_finished is called on the handler's executor once more than on_work_started.
using finishes_handler_work_twice = on_handlers<wrapped_in<work_finishing_handler>>;
// Per-operation memory (a box for the handler) comes from global operator new.
using boxes_handler_on_heap = on_handlers<wrapped_in<heap_boxed_handler>>;
// Memory from the handler's allocator is still allocated while the handler runs.
using frees_memory_after_handler = on_handlers<wrapped_in<late_freeing_handler>>;
// The handler's exceptions never reach the executor that runs it.
using swallows_handler_exception = on_handlers<wrapped_in<exception_swallowing_handler>>;
using dispatches_immediate_completion = on_handlers<completes_at_once_by_dispatch>;

// ---- faults of post -------------------------------------------------------------------------

// A nullary completion handler of post, dispatch or defer (not a token such as use_future).
template <class Token>
concept nullary_handler = is_completion_handler<Token, void()>;

// Runs the handler inside the call, on the caller's thread.
struct post_running_inline {
  template <class Handler>
  void operator()(Handler&& handler) const {
    std::forward<Handler>(handler)();
  }
  template <class ExecutorOrContext, class Handler>
  void operator()(ExecutorOrContext&&, Handler&& handler) const {
    std::forward<Handler>(handler)();
  }
};

// post(ex, handler) with an executor other than the library's own, but on an io_context,
// submits to that io_context's executor instead of to ex.
struct post_bypassing_wrapping_executor {
  template <class Token>
  decltype(auto) operator()(Token&& token) const {
    return lib::post(std::forward<Token>(token));
  }
  template <class ExecutorOrContext, class Token>
  decltype(auto) operator()(ExecutorOrContext&& target, Token&& token) const {
    using target_type = std::decay_t<ExecutorOrContext>;
    if constexpr (wraps_io_context_executor<target_type>) {
      return lib::post(target.context().get_executor(), std::forward<Token>(token));
    } else {
      return lib::post(std::forward<ExecutorOrContext>(target), std::forward<Token>(token));
    }
  }

 private:
  template <class T>
  static constexpr bool wraps_io_context_executor =
      lib::is_executor<T>::value && !std::is_same_v<T, lib::io_context::executor_type> &&
      requires(const T& ex) {
        { ex.context() } -> std::same_as<lib::io_context&>;
      };
};

// post(handler) with a plain handler (whose associated executor is system_executor) queues it
// on an io_context that nobody runs.
struct post_queuing_plain_handler_unrun {
  template <class Token>
  decltype(auto) operator()(Token&& token) const {
    if constexpr (nullary_handler<Token> &&
                  std::is_same_v<lib::associated_executor_t<std::decay_t<Token>>, lib::system_executor>) {
      static lib::io_context never_run;
      return lib::post(never_run, std::forward<Token>(token));
    } else {
      return lib::post(std::forward<Token>(token));
    }
  }
  template <class ExecutorOrContext, class Token>
  decltype(auto) operator()(ExecutorOrContext&& target, Token&& token) const {
    return lib::post(std::forward<ExecutorOrContext>(target), std::forward<Token>(token));
  }
};

// post(target, handler) silently drops a handler that can only be called as an rvalue.
struct post_dropping_rvalue_only_handler {
  template <class Token>
  decltype(auto) operator()(Token&& token) const {
    return lib::post(std::forward<Token>(token));
  }
  template <class ExecutorOrContext, class Token>
  decltype(auto) operator()(ExecutorOrContext&& target, Token&& token) const {
    if constexpr (nullary_handler<Token> && !std::is_invocable_v<std::decay_t<Token>&>) {
      return;
    } else {
      return lib::post(std::forward<ExecutorOrContext>(target), std::forward<Token>(token));
    }
  }
};

// ---- faults of an I/O executor --------------------------------------------------------------

// An executor that forwards submissions but counts no work: on_work_started and
// on_work_finished do nothing.
template <class Executor>
class work_forgetting_executor {
 public:
  template <class Other>
    requires std::is_constructible_v<Executor, const Other&>
  work_forgetting_executor(const Other& inner) noexcept : inner_(inner) {}  // NOLINT: converting on purpose
  decltype(auto) context() const noexcept { return inner_.context(); }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}
  template <class Function, class ProtoAllocator>
  void dispatch(Function&& f, const ProtoAllocator& a) const {
    inner_.dispatch(std::forward<Function>(f), a);
  }
  template <class Function, class ProtoAllocator>
  void post(Function&& f, const ProtoAllocator& a) const {
    inner_.post(std::forward<Function>(f), a);
  }
  template <class Function, class ProtoAllocator>
  void defer(Function&& f, const ProtoAllocator& a) const {
    inner_.defer(std::forward<Function>(f), a);
  }
  friend bool operator==(const work_forgetting_executor& a, const work_forgetting_executor& b) noexcept {
    return a.inner_ == b.inner_;
  }
  friend bool operator!=(const work_forgetting_executor& a, const work_forgetting_executor& b) noexcept {
    return !(a == b);
  }

 private:
  Executor inner_;
};

// Timers that count no work on the executor they are built on: a mutant declares
//   template <class Clock, class Traits = wait_traits<Clock>, class Executor = any_io_executor>
//   using basic_waitable_timer = kit::work_forgetting_timer<Clock, Traits, Executor>;
template <class Clock, class Traits, class Executor>
using work_forgetting_timer = lib::basic_waitable_timer<Clock, Traits, work_forgetting_executor<Executor>>;

}  // namespace conformance::kit
