// rule:   async.system.exec.ops/context-is-one-static-object
// rule:   async.system.exec.ops/dispatch-calls-decay-copy-in-caller
// rule:   async.system.exec.ops/post-and-defer-call-decay-copy-elsewhere
// rule:   async.system.exec.ops/stopped-context-runs-nothing
// rule:   async.system.exec.ops/escaping-exception-terminates
// clause: [async.system.exec.ops] p1-p3
// What the library's system_executor does with a submitted function: dispatch
// calls a copy of it at once on the calling thread; post and defer call a copy
// on another thread, unless the system context has been stopped; an exception
// escaping it ends the program.
#include <atomic>
#include <exception>
#include <memory>
#include <thread>
#include <type_traits>

#include "conformance/executors/facilities.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/probes/child_process.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// Where a function was called: on which object (the caller's own, or a copy)
// and thread.
struct call_site {
  std::atomic<const void*> object{nullptr};
  std::atomic<std::thread::id> thread{};
  std::atomic<int> calls{0};
};

// Shares the record, so that a library that calls the function late (after the case has
// returned, as one that posts from dispatch does) writes to a live object.
struct site_recorder {
  std::shared_ptr<call_site> site;
  void operator()() {
    site->object = this;
    site->thread = std::this_thread::get_id();
    site->calls.fetch_add(1);
  }
};

CONFORMANCE_RULE("async.system.exec.ops/context-is-one-static-object", facilities::system_executor, [](auto facility) {
  using F = decltype(facility);
  using executor = typename F::executor;
  EXPECT_TRUE((std::is_same_v<decltype(std::declval<const executor&>().context()), typename F::context&>))
      << "system_executor::context() does not return system_context&";
  const executor a;
  const executor b;
  const void* from_a = &a.context();
  EXPECT_EQ(from_a, &a.context()) << "two calls of context() return different objects";
  EXPECT_EQ(from_a, &b.context()) << "two system_executors name different contexts";
  const void* from_thread = nullptr;
  std::thread([&from_thread] { from_thread = &executor().context(); }).join();
  EXPECT_EQ(from_a, from_thread) << "context() called on another thread returns another object";
});

CONFORMANCE_RULE("async.system.exec.ops/dispatch-calls-decay-copy-in-caller", facilities::system_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   const auto site = std::make_shared<call_site>();
                   site_recorder f{site};
                   executor().dispatch(f, std::allocator<void>());
                   EXPECT_EQ(site->calls.load(), 1) << "dispatch had not called the function once when it returned";
                   EXPECT_EQ(site->thread.load(), std::this_thread::get_id())
                       << "dispatch did not call the function on the calling thread";
                   EXPECT_NE(site->object.load(), static_cast<const void*>(&f))
                       << "dispatch called the caller's function object itself, not a decay-copy";
                 });

template <class Submit>
void expect_called_elsewhere(const char* what, Submit submit) {
  const auto site = std::make_shared<call_site>();
  site_recorder f{site};
  submit(f);
  EXPECT_TRUE(executors::wait_until([&site] { return site->calls.load() > 0; }))
      << what << " did not call the function within the time limit";
  EXPECT_NE(site->thread.load(), std::this_thread::get_id()) << what << " called the function on the calling thread";
  EXPECT_NE(site->object.load(), static_cast<const void*>(&f))
      << what << " called the caller's function object itself, not a decay-copy";
  EXPECT_EQ(site->calls.load(), 1) << what << " called the function more than once";
}

CONFORMANCE_RULE("async.system.exec.ops/post-and-defer-call-decay-copy-elsewhere", facilities::system_executor,
                 [](auto facility) {
                   using executor = typename decltype(facility)::executor;
                   expect_called_elsewhere("post", [](auto& f) { executor().post(f, std::allocator<void>()); });
                   expect_called_elsewhere("defer", [](auto& f) { executor().defer(f, std::allocator<void>()); });
                 });

CONFORMANCE_RULE("async.system.exec.ops/stopped-context-runs-nothing", facilities::system_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  const executor ex;
  std::atomic<int> calls{0};
  ex.post([&calls] { ++calls; }, std::allocator<void>());
  ASSERT_TRUE(executors::wait_until([&calls] { return calls.load() == 1; }))
      << "a function posted before stop() did not run within the time limit";
  ex.context().stop();
  ex.post([&calls] { ++calls; }, std::allocator<void>());
  ex.defer([&calls] { ++calls; }, std::allocator<void>());
  ex.context().join();
  EXPECT_EQ(calls.load(), 1) << "a function posted or deferred after stop() was called";
});

// Exit codes of the child below: std::terminate was called, or the function
// never ran.
constexpr int terminated_exit_code = 7;
constexpr int not_run_exit_code = 8;

CONFORMANCE_RULE("async.system.exec.ops/escaping-exception-terminates", facilities::system_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  for (const bool deferred : {false, true}) {
    const child_outcome outcome = run_in_child(
        [deferred] {
          std::set_terminate([] { std::_Exit(terminated_exit_code); });
          std::atomic<bool> ran{false};
          const auto throwing = [&ran] {
            ran = true;
            throw 42;
          };
          if (deferred) {
            executor().defer(throwing, std::allocator<void>());
          } else {
            executor().post(throwing, std::allocator<void>());
          }
          // Returns (and the child reports so) once the function has run
          // and the program goes on, or when it never runs.
          if (!executors::wait_until([&ran] { return ran.load(); })) std::_Exit(not_run_exit_code);
          executors::wait_until([] { return false; });
        },
        2 * run_time_limit);
    const char* how = deferred ? "defer" : "post";
    EXPECT_TRUE(outcome.exited && outcome.exit_code == terminated_exit_code)
        << "an exception escaping a function given to " << how << " did not call std::terminate: " << outcome.describe()
        << " (" << terminated_exit_code << ": terminate called, " << not_run_exit_code << ": the function never ran, "
        << child_returned_exit_code << ": the program went on past the time limit)";
  }
});

}  // namespace
}  // namespace conformance
