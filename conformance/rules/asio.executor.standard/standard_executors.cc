// rule:   asio.executor.standard/execute-customisation-point
// rule:   asio.executor.standard/member-execute
// rule:   asio.executor.standard/comparison-and-swap-never-throw
// rule:   asio.executor.standard/concurrent-calls
// rule:   asio.executor.standard/equal-only-with-equal-properties
// rule:   asio.executor.standard/destructor-does-not-wait
// rule:   asio.executor.standard/execute-calls-decay-copy-once
// rule:   asio.executor.standard/execute-synchronizes-with-call
// rule:   asio.executor.standard/exceptions-never-leave-execute
// clause: [asio.executor.standard] p1-p9
// Asio's standard executor requirements over every executor subject with the standard
// properties (conformance/executors/): submission with execute, and what it promises.
#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/executors/all.hpp"
#include "conformance/harness/probes/child_process.hpp"
#include "conformance/harness/probes/event.hpp"
#include "conformance/harness/probes/recording_std_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// Without standard executors the library has none of the names these rules use (execute,
// query, require): every rule is UNSUPPORTED, by the registry's "requires".
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
template <class Subject>
using has_standard_properties = std::bool_constant<Subject::traits.standard_properties>;
using standard_style = selected_t<has_standard_properties, executors::all>;

// Where a function was called: on which object (the caller's, or a copy), how often.
struct call_site {
  std::atomic<const void*> object{nullptr};
  std::atomic<int> calls{0};
};
struct site_recorder {
  call_site* site;
  void operator()() {
    site->object = this;
    site->calls.fetch_add(1);
  }
};

template <class Subject, class Execute>
void expect_execute_runs(Execute execute) {
  typename Subject::instance subject;
  call_site site;
  execute(subject.executor(), site_recorder{&site});
  EXPECT_TRUE(executors::run_until_bounded(subject, "execute", [&site] { return site.calls.load() > 0; }))
      << "a function given to execute never ran";
  EXPECT_EQ(site.calls.load(), 1) << "a function given to execute ran more than once";
}

template <class Executor>
void expect_copyable_and_comparable() {
  EXPECT_TRUE(std::is_nothrow_copy_constructible_v<Executor>) << "the executor is not nothrow copy-constructible";
  EXPECT_TRUE(
      (std::is_convertible_v<decltype(std::declval<const Executor&>() == std::declval<const Executor&>()), bool>))
      << "the executor is not equality comparable";
}

CONFORMANCE_RULE("asio.executor.standard/execute-customisation-point", standard_style, [](auto subject_type) {
  using Subject = decltype(subject_type);
  expect_copyable_and_comparable<typename Subject::instance::executor_type>();
  expect_execute_runs<Subject>([](const auto& ex, auto f) { detail::execute_point::call(ex, std::move(f)); });
});

CONFORMANCE_RULE("asio.executor.standard/member-execute", standard_style, [](auto subject_type) {
  using Subject = decltype(subject_type);
  expect_copyable_and_comparable<typename Subject::instance::executor_type>();
  expect_execute_runs<Subject>([](const auto& ex, auto f) { ex.execute(std::move(f)); });
});

CONFORMANCE_RULE("asio.executor.standard/comparison-and-swap-never-throw", standard_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  auto a = subject.executor();
  auto b = subject.executor();
  EXPECT_NO_THROW({
    (void)(a == b);
    (void)(a != b);
    using std::swap;
    swap(a, b);
  }) << "comparing or swapping executors threw";
  EXPECT_TRUE(noexcept(a == b)) << "== of the executor is not noexcept";
});

// Four threads at once copy, compare, swap, query and execute on one executor; every function
// submitted runs once.
CONFORMANCE_RULE("asio.executor.standard/concurrent-calls", standard_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = subject.executor();
  std::atomic<int> calls{0};
  constexpr int threads = 4;
  constexpr int rounds = 50;
  {
    std::vector<std::jthread> callers;
    for (int t = 0; t < threads; ++t) {
      callers.emplace_back([&ex, &calls] {
        for (int i = 0; i < rounds; ++i) {
          auto copy = ex;
          auto other = ex;
          (void)(copy == ex);
          using std::swap;
          swap(copy, other);
          (void)net::query(copy, net::execution::context);
          detail::execute_on(net::require(copy, net::execution::blocking.never), [&calls] { ++calls; });
        }
      });
    }
  }
  EXPECT_TRUE(executors::run_until_bounded(subject, "execute from four threads",
                                           [&calls] { return calls.load() == threads * rounds; }))
      << "of " << threads * rounds << " functions executed from four threads at once, " << calls.load() << " ran";
});

// Pairs of executors that compare equal: every equality-comparable property both can be
// queried for has equal values.
CONFORMANCE_RULE("asio.executor.standard/equal-only-with-equal-properties", standard_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = subject.executor();
  const auto never = net::require(ex, net::execution::blocking.never);
  const auto check = [](const auto& a, const auto& b, const char* what) {
    if (!(a == b)) return;
    EXPECT_EQ(&net::query(a, net::execution::context), &net::query(b, net::execution::context))
        << what << " compare equal but name different contexts";
    if constexpr (requires { net::query(a, net::execution::blocking); }) {
      EXPECT_TRUE(net::query(a, net::execution::blocking) == net::query(b, net::execution::blocking))
          << what << " compare equal but differ in blocking";
    }
    if constexpr (requires { net::query(a, net::execution::relationship); }) {
      EXPECT_TRUE(net::query(a, net::execution::relationship) == net::query(b, net::execution::relationship))
          << what << " compare equal but differ in relationship";
    }
  };
  check(ex, ex, "an executor and itself");
  check(ex, subject.executor(), "two executors of one subject");
  if constexpr (std::is_same_v<std::remove_const_t<decltype(never)>, std::remove_const_t<decltype(ex)>>) {
    check(ex, never, "an executor and its blocking.never form");
  }
});

// A function executed through an executor is running (it waits for the rule's release): the
// executor is destroyed on another thread, and that must return before the function is
// released. Nothing but that executor is destroyed meanwhile, so that a destructor that waits
// makes this case FAIL, not hang.
CONFORMANCE_RULE("asio.executor.standard/destructor-does-not-wait", standard_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto started = std::make_shared<event>();
  const auto released = std::make_shared<event>();
  std::atomic<bool> finished{false};
  std::optional executor(net::require(subject.executor(), net::execution::blocking.never));
  detail::execute_on(*executor, [started, released, &finished] {
    started->notify();
    released->wait_for(2 * run_time_limit);  // bounded: the rule releases it, pass or fail
    finished = true;
  });
  std::thread running([&subject, &finished] {
    executors::run_until_bounded(subject, "execute", [&finished] { return finished.load(); });
  });
  const bool began = started->wait_for(run_time_limit);
  const auto destroyed = std::make_shared<event>();
  std::thread destroying([&executor, destroyed] {
    executor.reset();
    destroyed->notify();
  });
  const bool returned = began && destroyed->wait_for(run_time_limit);
  released->notify();
  destroying.join();
  running.join();
  ASSERT_TRUE(began) << "a function given to execute did not start within " << run_time_limit.count() << " s";
  EXPECT_TRUE(returned) << "destroying the executor did not return while a function executed through it was "
                           "still running: the destructor waits for submitted functions";
});

CONFORMANCE_RULE("asio.executor.standard/execute-calls-decay-copy-once", standard_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  call_site site;
  site_recorder f{&site};
  detail::execute_on(net::require(subject.executor(), net::execution::blocking.never), f);
  EXPECT_TRUE(executors::run_until_bounded(subject, "execute", [&site] { return site.calls.load() > 0; }))
      << "a function given to execute never ran";
  EXPECT_EQ(site.calls.load(), 1) << "execute called the function more than once";
  EXPECT_NE(site.object.load(), static_cast<const void*>(&f)) << "execute called the caller's object, not a copy";
});

// Two submissions of one function type, each reading a plain int the caller wrote just before:
// each sees its own caller's write (and not, say, a function kept from an earlier submission).
CONFORMANCE_RULE("asio.executor.standard/execute-synchronizes-with-call", standard_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  std::atomic<int> seen{-1};
  const auto submit_reading = [&subject, &seen](const int* source) {
    detail::execute_on(net::require(subject.executor(), net::execution::blocking.never),
                       [source, &seen] { seen = *source; });
  };
  int first = 0;  // plain: a missing happens-before is a data race for ThreadSanitizer
  first = 1;
  submit_reading(&first);
  EXPECT_TRUE(executors::run_until_bounded(subject, "execute", [&seen] { return seen.load() == 1; }))
      << "the first executed function did not see the caller's write";
  int written = 0;
  written = 42;
  seen = -1;
  submit_reading(&written);
  EXPECT_TRUE(executors::run_until_bounded(subject, "execute", [&seen] { return seen.load() != -1; }))
      << "a function given to execute never ran";
  EXPECT_EQ(seen.load(), 42) << "the function did not see what the caller wrote before execute";
});

// Exit codes of the child below.
constexpr int escaped_exit_code = 7;
constexpr int returned_exit_code = 8;

// In a child process, execute a throwing function from outside the executor's functions and
// from inside one: the exception must not leave execute (whether the library then terminates,
// or rethrows it from its run function, is its own affair).
CONFORMANCE_RULE("asio.executor.standard/exceptions-never-leave-execute", standard_style, [](auto subject_type) {
  using Subject = decltype(subject_type);
  const child_outcome outcome = run_in_child([] {
    typename Subject::instance subject;
    const auto ex = subject.executor();
    std::atomic<bool> inside_done{false};
    const auto thrower = [] { throw std::runtime_error("thrown by an executed function"); };
    try {
      detail::execute_on(ex, thrower);
    } catch (...) {
      std::_Exit(escaped_exit_code);
    }
    detail::execute_on(net::require(ex, net::execution::blocking.never), [&ex, &thrower, &inside_done] {
      try {
        detail::execute_on(ex, thrower);
      } catch (...) {
        std::_Exit(escaped_exit_code);
      }
      inside_done = true;
    });
    for (int attempt = 0; attempt < 3 && !inside_done.load(); ++attempt) {
      try {
        executors::run_until_bounded(subject, "execute of throwing functions", [&] { return inside_done.load(); });
      } catch (...) {  // rethrown by the run function: not by execute
      }
    }
    std::_Exit(returned_exit_code);
  });
  EXPECT_FALSE(outcome.exited && outcome.exit_code == escaped_exit_code)
      << "an exception thrown by the executed function left execute";
  EXPECT_FALSE(outcome.timed_out) << outcome.describe();
});

#endif  // CONFORMANCE_HAS_STANDARD_EXECUTORS

}  // namespace
}  // namespace conformance
