// Operation descriptors for basic_waitable_timer::async_wait on a steady_timer: one that
// expires shortly after initiation and one that stays pending. Both can be built on a chosen
// I/O executor (instance_on), as a basic_waitable_timer of the steady clock on that executor.
// With a thread pool, the expiring wait also comes on a timer of a pool the instance owns
// (and of a strand over it), for libraries whose I/O objects live on such contexts.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

template <class Executor>
using steady_timer_on =
    net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>, Executor>;

// A descriptor's instance and instance_on for a run over a steady timer type.
template <template <class> class Run>
using on_steady_timers = runs_on_any_executor<Run, net::steady_timer, steady_timer_on>;

// A wait on a Timer that expires `Milliseconds` after initiation.
template <long long Milliseconds, class Timer>
class timer_wait {
 public:
  static constexpr std::chrono::milliseconds expiry{Milliseconds};
  static constexpr bool pending = expiry >= std::chrono::hours(1);

  template <class... On>
  explicit timer_wait(net::io_context& ctx, const On&... ex1) : timer_(io_object_on(ctx, ex1...)) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    timer_.expires_after(expiry);
    return timer_.async_wait(std::forward<Token>(token));
  }

  expectation expected() const {
    if constexpr (pending) return {.error = net::error::operation_aborted};  // after cancel()
    return {};
  }

  void cancel()
    requires pending
  {
    timer_.cancel();
  }

  // When the wait completes by itself: its expiry time.
  std::chrono::steady_clock::time_point due() const
    requires(!pending)
  {
    return timer_.expiry();
  }

  // The wait's side effect: the expiry time has been reached.
  std::string missing_side_effects(const outcome&) const
    requires(!pending)
  {
    if (std::chrono::steady_clock::now() >= timer_.expiry()) return {};
    return "the timer's expiry time has not been reached yet";
  }

 private:
  Timer timer_;
};

template <class Timer>
using wait_of_50_ms = timer_wait<50, Timer>;
template <class Timer>
using wait_of_a_day = timer_wait<24LL * 3600 * 1000, Timer>;

#if CONFORMANCE_HAS_THREAD_POOL
// A thread_pool of one thread and an Executor over it (its own, or a strand of it): a base, so
// that it is built before the timer on it and destroyed after. One thread: a function queued
// on it from inside the handler runs only once the handler's call has returned, as the
// lifetime rule's check needs of ex2.
template <class Executor>
struct own_thread_pool {
  net::thread_pool pool{1};
  Executor executor{pool.get_executor()};
};

// A 50 ms wait on a timer of a thread pool the instance owns: nothing but the pool's own
// threads runs the timer, and join() waits for the pool.
template <class Executor>
class wait_on_own_pool : private own_thread_pool<Executor>, public wait_of_50_ms<steady_timer_on<Executor>> {
 public:
  explicit wait_on_own_pool(net::io_context& ctx) : wait_of_50_ms<steady_timer_on<Executor>>(ctx, this->executor) {}
  void join() { this->pool.join(); }
  const Executor& get_executor() const { return this->executor; }
};
#endif

}  // namespace detail

// Expires 50 ms after initiation: completes later, on a run thread, with success. Long enough
// that a handler run before the expiry (a timer completing early) is still seen to be early
// under the sanitizers' slowdown; at 1 ms a slow run let such handlers pass the side-effect check.
struct steady_timer_async_wait : detail::on_steady_timers<detail::wait_of_50_ms> {
  static constexpr std::string_view name = "steady_timer.async_wait";
  static constexpr completion completes = completion::later;
  static constexpr bool repeatable = true;  // initiate() sets the expiry again
  using signature = void(target::error_code);
};

// Expires a day after initiation: outstanding for as long as any test runs.
struct steady_timer_async_wait_pending : detail::on_steady_timers<detail::wait_of_a_day> {
  static constexpr std::string_view name = "steady_timer.async_wait.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);
};

#if CONFORMANCE_HAS_THREAD_POOL
// The 50 ms wait with the timer on a thread pool of its own, and on a strand over that pool: the
// I/O executor is not the rules' io_context, and only join() (operation.hpp) sees it finish.
struct steady_timer_async_wait_own_pool {
  static constexpr std::string_view name = "steady_timer.async_wait.own_pool";
  static constexpr completion completes = completion::later;
  static constexpr bool repeatable = true;  // its pool stays up until join()
  using signature = void(target::error_code);
  using instance = detail::wait_on_own_pool<net::thread_pool::executor_type>;
};

struct steady_timer_async_wait_own_pool_strand {
  static constexpr std::string_view name = "steady_timer.async_wait.own_pool_strand";
  static constexpr completion completes = completion::later;
  static constexpr bool repeatable = true;  // its pool stays up until join()
  using signature = void(target::error_code);
  using instance = detail::wait_on_own_pool<net::strand<net::thread_pool::executor_type>>;
};
#endif

}  // namespace conformance::operations
