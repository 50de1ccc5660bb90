// rule:   async.reqmts.executor/meets-executor-requirements
// rule:   async.reqmts.executor/listed-operations-do-not-throw
// rule:   async.reqmts.executor/concurrent-calls-race-free
// rule:   async.reqmts.executor/copy-compare-context-after-shutdown
// clause: [async.reqmts.executor] p2, p3, p4 and p5
// The Executor type as a whole: every expression of the requirements table is valid with the
// types it requires (p2); the operations p3 lists never throw; calls from several threads at
// once do not race (p4); and once its context is shut down, an executor can still be copied,
// compared and asked for its context (p5).
#include <atomic>
#include <concepts>
#include <exception>
#include <memory>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/executors/all.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

struct nullary {
  void operator()() {}
};

template <class X>
void expect_executor_expressions() {
  using A = std::allocator<int>;
  EXPECT_TRUE(std::is_copy_constructible_v<X>) << "the executor type is not copy-constructible";
  EXPECT_TRUE(std::is_destructible_v<X>) << "the executor type is not destructible";
  EXPECT_TRUE((requires(const X& x1, const X& x2) {
    { x1 == x2 } -> std::convertible_to<bool>;
  })) << "x1 == x2 is not a valid expression convertible to bool";
  EXPECT_TRUE((requires(const X& x1, const X& x2) {
    { x1 != x2 } -> std::convertible_to<bool>;
  })) << "x1 != x2 is not a valid expression convertible to bool";
  if constexpr (requires(const X& x1) { x1.context(); }) {
    using context_result = decltype(std::declval<const X&>().context());
    EXPECT_TRUE(std::is_lvalue_reference_v<context_result>) << "x1.context() does not return a reference";
    EXPECT_TRUE((std::is_base_of_v<net::execution_context, std::remove_cvref_t<context_result>>))
        << "x1.context() does not return a reference to execution_context or a type derived from it";
  } else {
    ADD_FAILURE() << "x1.context() is not a valid expression";
  }
  EXPECT_TRUE((requires(const X& x1) { x1.on_work_started(); })) << "x1.on_work_started() is not a valid expression";
  EXPECT_TRUE((requires(const X& x1) { x1.on_work_finished(); })) << "x1.on_work_finished() is not a valid expression";
  EXPECT_TRUE((requires(const X& x1, nullary f, const A& a) { x1.dispatch(std::move(f), a); }))
      << "x1.dispatch(std::move(f), a) is not a valid expression";
  EXPECT_TRUE((requires(const X& x1, nullary f, const A& a) { x1.post(std::move(f), a); }))
      << "x1.post(std::move(f), a) is not a valid expression";
  EXPECT_TRUE((requires(const X& x1, nullary f, const A& a) { x1.defer(std::move(f), a); }))
      << "x1.defer(std::move(f), a) is not a valid expression";
}

template <class Operation>
void expect_no_exception(std::string_view what, Operation operation) {
  try {
    operation();
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << " threw (" << e.what() << "), which it never may";
  } catch (...) {
    ADD_FAILURE() << what << " threw, which it never may";
  }
}

CONFORMANCE_RULE("async.reqmts.executor/meets-executor-requirements", executors::ts_style, [](auto subject_type) {
  using Instance = typename decltype(subject_type)::instance;
  expect_executor_expressions<std::remove_cvref_t<decltype(std::declval<Instance&>().executor())>>();
});

CONFORMANCE_RULE("async.reqmts.executor/listed-operations-do-not-throw", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  auto a = subject.executor();
  auto b = subject.executor();
  expect_no_exception("copy construction", [&] { const auto copy(a); });
  expect_no_exception("move construction", [&] {
    auto copy(a);
    const auto moved(std::move(copy));
  });
  expect_no_exception("copy assignment", [&] {
    auto copy(a);
    copy = b;
  });
  expect_no_exception("move assignment", [&] {
    auto copy(a);
    copy = std::move(b);
    b = a;
  });
  expect_no_exception("swap", [&] {
    using std::swap;
    auto copy(a);
    swap(copy, b);
  });
  expect_no_exception("==", [&] { (void)(a == b); });
  expect_no_exception("!=", [&] { (void)(a != b); });
  expect_no_exception("context()", [&] { (void)&a.context(); });
  expect_no_exception("on_work_started()", [&] { a.on_work_started(); });
  expect_no_exception("on_work_finished()", [&] { a.on_work_finished(); });
});

// Two threads at once copy, compare, ask for the context, count work and post through their own
// copies of one executor; every posted function must then run (once: the count is read when
// it reaches the total, so a function run twice shows only if others are lost). Under
// ThreadSanitizer (--config=tsan) a data race inside the library is reported and the case fails.
CONFORMANCE_RULE("async.reqmts.executor/concurrent-calls-race-free", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = subject.executor();
  constexpr int per_thread = 300;
  auto calls = std::make_shared<std::atomic<int>>(0);
  const auto hammer = [ex, calls] {
    try {
      for (int i = 0; i < per_thread; ++i) {
        // Made for the race they could cause; what they return is other rules' business.
        const auto copy(ex);
        static_cast<void>(copy == ex);
        static_cast<void>(&copy.context());
        copy.on_work_started();
        copy.post([calls] { calls->fetch_add(1); }, std::allocator<void>());
        copy.on_work_finished();
      }
    } catch (...) {
      ADD_FAILURE() << "a member of the executor threw on a posting thread (see listed-operations-do-not-throw)";
    }
  };
  std::thread first = start_thread(hammer);
  std::thread second = start_thread(hammer);
  first.join();
  second.join();
  const bool all_ran = executors::run_until_bounded(subject, "functions posted from two threads at once",
                                                    [&] { return calls->load() >= 2 * per_thread; });
  EXPECT_TRUE(all_ran) << "of " << 2 * per_thread << " functions posted from two threads at once, " << calls->load()
                       << " ran";
  EXPECT_EQ(calls->load(), 2 * per_thread) << "functions posted from two threads at once were lost or run twice";
});

CONFORMANCE_RULE("async.reqmts.executor/copy-compare-context-after-shutdown", executors::ts_shutting_down,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = subject.executor();
                   const void* const context_before = &ex.context();
                   subject.shutdown_context();
                   const auto copy(ex);
                   EXPECT_TRUE(copy == ex) << "after shutdown, a copy of the executor does not compare equal to it";
                   EXPECT_FALSE(copy != ex) << "after shutdown, != of an executor and its copy is true";
                   EXPECT_EQ(static_cast<const void*>(&copy.context()), context_before)
                       << "after shutdown, context() names another object";
                 });

}  // namespace
}  // namespace conformance
