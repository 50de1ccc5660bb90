// rule:   async.strand/class-interface
// rule:   async.strand/meets-requirements
// rule:   async.strand/guarantees-cover-every-submission
// rule:   async.strand/never-two-at-once
// rule:   async.strand/order-of-submission
// rule:   async.strand/concurrent-member-calls
// rule:   async.strand/throwing-function-leaves-strand-usable
// clause: [async.strand] p1-p7
// The library's strand over an io_context's executor: its interface, and its guarantees seen
// through functions that note when they start and end (probes/overlap_log.hpp), run on several
// threads at once.
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/overlap_log.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

// Runs ctx on `threads` threads until it is out of work, within run_time_limit.
void run_on_threads(net::io_context& ctx, int threads, const std::string& what) {
  const watchdog guard(what, run_time_limit);
  std::vector<std::jthread> runners;
  for (int i = 0; i < threads; ++i) runners.emplace_back([&ctx] { ctx.run(); });
}

CONFORMANCE_RULE("async.strand/class-interface", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  using inner = typename F::context::executor_type;
  using strand = typename F::template strand<inner>;
  EXPECT_TRUE((std::is_same_v<typename strand::inner_executor_type, inner>)) << "inner_executor_type is not Executor";
  EXPECT_TRUE((std::is_same_v<decltype(std::declval<const strand&>().get_inner_executor()), inner>))
      << "get_inner_executor() does not return inner_executor_type";
  EXPECT_TRUE((std::is_same_v<decltype(std::declval<const strand&>().running_in_this_thread()), bool>))
      << "running_in_this_thread() does not return bool";
  EXPECT_TRUE(std::is_nothrow_copy_constructible_v<strand>) << "the copy constructor is not noexcept";
  EXPECT_TRUE(std::is_nothrow_move_constructible_v<strand>) << "the move constructor is not noexcept";
  EXPECT_TRUE(std::is_nothrow_copy_assignable_v<strand>) << "copy assignment is not noexcept";
  EXPECT_TRUE(std::is_nothrow_move_assignable_v<strand>) << "move assignment is not noexcept";
  using polymorphic = typename F::template strand<net::executor>;
  EXPECT_TRUE((std::is_nothrow_constructible_v<polymorphic, const strand&>))
      << "strand<E1> is not nothrow-constructible from strand<E2> when E2 converts to E1";
  EXPECT_TRUE((std::is_nothrow_assignable_v<polymorphic&, const strand&>))
      << "strand<E1> is not nothrow-assignable from strand<E2> when E2 converts to E1";
  EXPECT_FALSE((std::is_convertible_v<const inner&, strand>))
      << "strand's constructor from the executor is not explicit";
});

CONFORMANCE_RULE("async.strand/meets-requirements", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  EXPECT_TRUE((net::is_executor<typename F::template strand<typename F::context::executor_type>>::value))
      << "is_executor<strand<io_context::executor_type>> is false";
  EXPECT_TRUE((net::is_executor<typename F::template strand<tracked_executor>>::value))
      << "is_executor<strand<E>> is false for a TS-style executor E of the program's";
});

// Functions added by post, by defer, and by dispatch from outside the strand, through two equal
// strand objects: never two at once, in the order added. (One thread runs the context, so that
// the order is the strand's alone; never-two-at-once runs it on four.)
CONFORMANCE_RULE("async.strand/guarantees-cover-every-submission", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  const auto first = typename F::template strand<typename F::context::executor_type>(ctx.get_executor());
  const auto second = first;
  overlap_log log;
  std::vector<int> expected;
  for (int i = 0; i < 60; ++i) {
    const auto& s = i % 2 ? first : second;
    if (i % 3 == 0) s.post(log.function(i), std::allocator<void>());
    if (i % 3 == 1) s.defer(log.function(i), std::allocator<void>());
    if (i % 3 == 2) s.dispatch(log.function(i), std::allocator<void>());
    expected.push_back(i);
  }
  run_on_threads(ctx, 1, "a strand's functions");
  EXPECT_EQ(log.max_overlap(), 1) << "functions added with post, defer and dispatch ran at the same time";
  EXPECT_EQ(log.order(), expected) << "functions added with post, defer and dispatch ran out of order";
});

CONFORMANCE_RULE("async.strand/never-two-at-once", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  const auto s = typename F::template strand<typename F::context::executor_type>(ctx.get_executor());
  overlap_log log;
  constexpr int per_thread = 100;
  {
    // Two threads add functions while four others run them.
    auto work = net::make_work_guard(ctx);
    std::vector<std::jthread> runners;
    for (int i = 0; i < 4; ++i) runners.emplace_back([&ctx] { ctx.run(); });
    {
      std::jthread a([&] {
        for (int i = 0; i < per_thread; ++i) s.post(log.function(i), std::allocator<void>());
      });
      std::jthread b([&] {
        for (int i = 0; i < per_thread; ++i) s.post(log.function(per_thread + i), std::allocator<void>());
      });
    }
    const watchdog guard("a strand's functions on four threads", run_time_limit);
    while (log.calls() < 2 * per_thread) std::this_thread::yield();
    work.reset();
  }
  EXPECT_EQ(log.max_overlap(), 1) << "two functions of one strand ran at the same time";
  EXPECT_EQ(log.plain_total(), 2 * per_thread)
      << "a plain int incremented by every function lost updates: the functions did not synchronize";
});

CONFORMANCE_RULE("async.strand/order-of-submission", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  const auto s = typename F::template strand<typename F::context::executor_type>(ctx.get_executor());
  overlap_log log;
  std::vector<int> expected;
  for (int i = 0; i < 100; ++i) {
    s.post(log.function(i), std::allocator<void>());
    expected.push_back(i);
  }
  run_on_threads(ctx, 1, "a strand's functions");
  EXPECT_EQ(log.order(), expected) << "functions added one after another ran in another order";
});

// Four threads at once call the members of one strand (copies, submissions, queries); every
// function runs once. (Overlap is never-two-at-once's to see.)
CONFORMANCE_RULE("async.strand/concurrent-member-calls", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  const auto s = typename F::template strand<typename F::context::executor_type>(ctx.get_executor());
  overlap_log log;
  {
    std::vector<std::jthread> callers;
    for (int t = 0; t < 4; ++t) {
      callers.emplace_back([&s, &log, &ctx, t] {
        for (int i = 0; i < 50; ++i) {
          const auto copy = s;
          (void)copy.running_in_this_thread();
          (void)(copy == s);
          EXPECT_EQ(&copy.context(), &ctx);
          EXPECT_TRUE(copy.get_inner_executor() == ctx.get_executor());
          copy.post(log.function(t * 100 + i), std::allocator<void>());
        }
      });
    }
  }
  run_on_threads(ctx, 2, "a strand's functions on two threads");
  EXPECT_EQ(log.calls(), 200) << "of 200 functions added from four threads at once, " << log.calls() << " ran";
});

CONFORMANCE_RULE("async.strand/throwing-function-leaves-strand-usable", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  typename F::context ctx;
  const auto s = typename F::template strand<typename F::context::executor_type>(ctx.get_executor());
  overlap_log log;
  s.post([] { throw std::runtime_error("thrown by a strand's function"); }, std::allocator<void>());
  s.post(log.function(1), std::allocator<void>());
  bool thrown = false;
  {
    const watchdog guard("running a strand whose function throws", run_time_limit);
    try {
      ctx.run();
    } catch (const std::runtime_error&) {
      thrown = true;
    }
    ctx.restart();
    ctx.run();
  }
  EXPECT_TRUE(thrown) << "the exception did not leave io_context::run()";
  s.post(log.function(2), std::allocator<void>());
  ctx.restart();
  run_on_threads(ctx, 2, "a strand after a function threw");
  EXPECT_EQ(log.order(), (std::vector<int>{1, 2}))
      << "after a function threw, the strand did not run the functions queued behind it and after it, in order";
});

}  // namespace
}  // namespace conformance
