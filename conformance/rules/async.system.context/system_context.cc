// rule:   async.system.context/class-interface
// rule:   async.system.context/execution-context
// rule:   async.system.context/concurrent-calls
// rule:   async.system.context/destructor-stops-and-joins
// rule:   async.system.context/get-executor
// rule:   async.system.context/stop-does-not-wait
// rule:   async.system.context/stopped-after-stop
// rule:   async.system.context/stopped-tells-whether-stopped
// rule:   async.system.context/join-waits-for-system-threads
// rule:   async.system.context/join-synchronizes-with-thread-end
// clause: [async.system.context] p1-p10
// The library's system_context, reached as system_executor().context(): one per
// program, so each case (a process of its own) may stop it.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <type_traits>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/probes/child_process.hpp"
#include "conformance/harness/probes/event.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// A function for a system thread that tells when it has started, then waits
// until released (bounded), writes a plain int and tells that it has finished.
struct held_function_state {
  event started;
  event released;
  std::atomic<bool> finished{false};
  int written = 0;  // plain, so that a missing happens-before is a data race for
                    // ThreadSanitizer
};

auto held_function(const std::shared_ptr<held_function_state>& state) {
  return [state] {
    state->started.notify();
    state->released.wait_for(run_time_limit);
    state->written = 42;
    state->finished = true;
  };
}

template <class Facility>
auto& system_context_of() {
  return typename Facility::executor().context();
}

// Posts a held function and waits until a system thread has started it.
template <class Facility>
std::shared_ptr<held_function_state> start_held_function() {
  auto state = std::make_shared<held_function_state>();
  typename Facility::executor().post(held_function(state), std::allocator<void>());
  EXPECT_TRUE(state->started.wait_for(run_time_limit)) << "a posted function did not start within the time limit";
  return state;
}

CONFORMANCE_RULE("async.system.context/class-interface", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  using context = typename F::context;
  EXPECT_TRUE((std::is_same_v<typename context::executor_type, typename F::executor>))
      << "system_context::executor_type is not system_executor";
  EXPECT_FALSE(std::is_default_constructible_v<context>) << "system_context can be default-constructed";
  EXPECT_FALSE(std::is_copy_constructible_v<context>) << "system_context can be copied";
  EXPECT_FALSE(std::is_copy_assignable_v<context>) << "system_context can be copy-assigned";
  auto& ctx = system_context_of<F>();
  EXPECT_TRUE((std::is_same_v<decltype(ctx.get_executor()), typename F::executor>))
      << "get_executor() does not return executor_type";
  EXPECT_TRUE((std::is_same_v<decltype(std::as_const(ctx).stopped()), bool>)) << "stopped() const is not bool";
  EXPECT_TRUE(noexcept(ctx.get_executor())) << "get_executor() is not noexcept";
  EXPECT_TRUE(noexcept(std::as_const(ctx).stopped())) << "stopped() is not noexcept";
  EXPECT_TRUE((std::is_same_v<decltype(ctx.stop()), void>)) << "stop() does not return void";
  EXPECT_TRUE((std::is_same_v<decltype(ctx.join()), void>)) << "join() does not return void";
});

CONFORMANCE_RULE("async.system.context/execution-context", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  using context = typename F::context;
  EXPECT_TRUE((std::is_base_of_v<net::execution_context, context>))
      << "system_context does not derive from execution_context";
  EXPECT_TRUE((std::is_convertible_v<context*, net::execution_context*>))
      << "system_context does not derive publicly and unambiguously from execution_context";
  EXPECT_TRUE(net::is_executor<typename context::executor_type>::value)
      << "system_context::executor_type is not an Executor";
  auto& ctx = system_context_of<F>();
  EXPECT_EQ(&ctx.get_executor().context(), &ctx) << "get_executor() returns an executor of another context";
});

// Several threads at once: get_executor, copies, comparisons and submissions of
// system_executor, stopped(), and at the end stop(). Every function submitted
// runs once; every thread sees the context stopped after its own stop().
CONFORMANCE_RULE("async.system.context/concurrent-calls", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  constexpr int threads = 4;
  constexpr int rounds = 200;
  auto& ctx = system_context_of<F>();
  std::atomic<int> calls{0};
  std::atomic<int> unequal{0};
  std::atomic<int> stopped_early{0};
  std::atomic<int> not_stopped_after_stop{0};
  std::atomic<int> ready{0};
  {
    std::vector<std::jthread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&] {
        for (int i = 0; i < rounds; ++i) {
          const auto ex = ctx.get_executor();
          const auto copy = ex;
          if (!(copy == ex) || copy != typename F::executor()) ++unequal;
          if (ctx.stopped()) ++stopped_early;
          copy.post([&calls] { ++calls; }, std::allocator<void>());
        }
        ++ready;
        executors::wait_until([&] { return calls.load() == threads * rounds; });
        ctx.stop();
        if (!ctx.stopped()) ++not_stopped_after_stop;
      });
    }
  }
  ctx.join();
  EXPECT_EQ(calls.load(), threads * rounds) << "of " << threads * rounds << " functions posted from " << threads
                                            << " threads at once, " << calls.load() << " ran";
  EXPECT_EQ(unequal.load(), 0) << "system_executors copied on several threads at once compared unequal";
  EXPECT_EQ(stopped_early.load(), 0) << "stopped() was true before any stop()";
  EXPECT_EQ(not_stopped_after_stop.load(), 0) << "stopped() was false on a thread just after its stop()";
});

// In a child process: a function on a system thread is running when the program
// exits; it writes to a pipe after a short pause. If the context's destructor
// joins (after stop), the write happens before the process ends.
CONFORMANCE_RULE("async.system.context/destructor-stops-and-joins", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  const int write_end = pipe_ends[1];
  const child_outcome outcome = run_in_child([write_end] {
    auto started = std::make_shared<event>();
    typename F::executor().post(
        [started, write_end] {
          started->notify();
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          const char done = 'd';
          (void)!::write(write_end, &done, 1);
        },
        std::allocator<void>());
    if (!started->wait_for(run_time_limit)) std::_Exit(9);
    std::exit(0);
  });
  ::close(write_end);
  char byte = 0;
  const bool written = ::read(pipe_ends[0], &byte, 1) == 1;
  ::close(pipe_ends[0]);
  ASSERT_FALSE(outcome.timed_out) << "the program did not end: " << outcome.describe()
                                  << " (system_context's destructor did not stop the system threads)";
  EXPECT_TRUE(outcome.exited && outcome.exit_code == 0) << outcome.describe();
  EXPECT_TRUE(written) << "the program ended while a function was running on a system thread: system_context's "
                          "destructor did not join the system threads";
});

CONFORMANCE_RULE("async.system.context/get-executor", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  auto& ctx = system_context_of<F>();
  EXPECT_TRUE((std::is_same_v<decltype(ctx.get_executor()), typename F::executor>))
      << "get_executor() does not return a system_executor";
  EXPECT_TRUE(ctx.get_executor() == typename F::executor()) << "get_executor() != system_executor()";
});

CONFORMANCE_RULE("async.system.context/stop-does-not-wait", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  auto& ctx = system_context_of<F>();
  const auto state = start_held_function<F>();
  event stop_returned;
  std::jthread stopper([&] {
    ctx.stop();
    stop_returned.notify();
  });
  const bool returned_while_running = stop_returned.wait_for(run_time_limit);
  const bool was_finished = state->finished.load();
  state->released.notify();
  EXPECT_TRUE(returned_while_running) << "stop() did not return while a function was running on a system thread";
  EXPECT_FALSE(was_finished) << "the running function was interrupted or finished before it was released";
  EXPECT_TRUE(executors::wait_until([&state] { return state->finished.load(); }))
      << "after stop(), the function that was running did not finish";
  ctx.join();
});

CONFORMANCE_RULE("async.system.context/stopped-after-stop", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  auto& ctx = system_context_of<F>();
  std::thread([&ctx] { ctx.stop(); }).join();
  EXPECT_TRUE(ctx.stopped()) << "stopped() is false after stop() on another thread";
  ctx.stop();
  EXPECT_TRUE(ctx.stopped()) << "stopped() is false after a second stop()";
  ctx.join();
});

CONFORMANCE_RULE("async.system.context/stopped-tells-whether-stopped", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  auto& ctx = system_context_of<F>();
  EXPECT_FALSE(ctx.stopped()) << "stopped() is true before any stop()";
  const auto state = start_held_function<F>();
  state->released.notify();
  executors::wait_until([&state] { return state->finished.load(); });
  EXPECT_FALSE(ctx.stopped()) << "stopped() is true after running a function, before any stop()";
  ctx.stop();
  EXPECT_TRUE(ctx.stopped()) << "stopped() is false after stop()";
  ctx.join();
});

// join() on a helper thread, with a function still held on a system thread:
// join() must not return before the function (released only after a while, or
// when join() returns) has finished, and the function's plain write is visible
// after join() returns.
template <class F>
void join_with_held_function(bool& returned_early, int& seen_written) {
  auto& ctx = system_context_of<F>();
  const auto state = start_held_function<F>();
  ctx.stop();
  event join_returned;
  std::jthread joiner([&] {
    ctx.join();
    returned_early = !state->finished.load();
    seen_written = state->written;
    join_returned.notify();
  });
  join_returned.wait_for(std::chrono::milliseconds(100));
  state->released.notify();
  EXPECT_TRUE(join_returned.wait_for(run_time_limit)) << "join() did not return after the system threads finished";
}

CONFORMANCE_RULE("async.system.context/join-waits-for-system-threads", facilities::system_executor, [](auto facility) {
  bool returned_early = false;
  int seen_written = 0;
  join_with_held_function<decltype(facility)>(returned_early, seen_written);
  EXPECT_FALSE(returned_early) << "join() returned while a function was still running on a system thread";
});

CONFORMANCE_RULE("async.system.context/join-synchronizes-with-thread-end", facilities::system_executor,
                 [](auto facility) {
                   bool returned_early = false;
                   int seen_written = 0;
                   join_with_held_function<decltype(facility)>(returned_early, seen_written);
                   EXPECT_EQ(seen_written, 42) << "after join() returned, a system thread's last write was not visible";
                 });

}  // namespace
}  // namespace conformance
