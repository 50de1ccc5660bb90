// rule:   async.strand.ops/get-inner-executor-returns-inner
// rule:   async.strand.ops/running-in-this-thread
// rule:   async.strand.ops/context-is-inner-context
// rule:   async.strand.ops/on-work-started-forwards-to-inner
// rule:   async.strand.ops/on-work-finished-forwards-to-inner
// rule:   async.strand.ops/dispatch-inline-only-inside-the-strand
// rule:   async.strand.ops/post-always-queues
// rule:   async.strand.ops/defer-always-queues
// clause: [async.strand.ops] p1-p8
// The library's strand members, over an inner executor that logs what reaches it
// (probes/tracked_executor.hpp).
#include <memory>
#include <stdexcept>
#include <string>

#include "conformance/executors/facilities.hpp"
#include "conformance/executors/submission.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/submitted_function.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

template <class F>
using tracked_strand = typename F::template strand<tracked_executor>;

CONFORMANCE_RULE("async.strand.ops/get-inner-executor-returns-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  const tracked_strand<F> s(inner);
  EXPECT_TRUE(s.get_inner_executor() == inner) << "get_inner_executor() does not return the inner executor";
  EXPECT_TRUE(noexcept(s.get_inner_executor())) << "get_inner_executor() is not noexcept";
});

CONFORMANCE_RULE("async.strand.ops/running-in-this-thread", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const typename F::template strand<net::io_context::executor_type> s(ctx.get_executor());
  const auto equal = s;
  const typename F::template strand<net::io_context::executor_type> other(ctx.get_executor());
  EXPECT_FALSE(s.running_in_this_thread()) << "running_in_this_thread() is true outside every function of the strand";
  bool in_own = false, in_equal = false, in_other = false, nested = false, in_plain = true;
  s.post(
      [&] {
        in_own = s.running_in_this_thread();
        in_equal = equal.running_in_this_thread();
        in_other = other.running_in_this_thread();
        // A function that system_executor's dispatch calls from here: the call chain still holds s's.
        net::system_executor().dispatch([&] { nested = s.running_in_this_thread(); }, std::allocator<void>());
      },
      std::allocator<void>());
  net::post(ctx, [&] { in_plain = s.running_in_this_thread(); });
  run_bounded(ctx, "functions of strands");
  EXPECT_TRUE(in_own) << "running_in_this_thread() is false inside a function of the strand";
  EXPECT_TRUE(in_equal) << "running_in_this_thread() of an equal strand is false inside a function of the strand";
  EXPECT_FALSE(in_other) << "running_in_this_thread() of another strand is true inside a function of this one";
  EXPECT_TRUE(nested) << "running_in_this_thread() is false in a function called from one of the strand's";
  EXPECT_FALSE(in_plain) << "running_in_this_thread() is true in a function of the context outside the strand";
});

CONFORMANCE_RULE("async.strand.ops/context-is-inner-context", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_strand<F> s{tracked_executor(ctx)};
  EXPECT_EQ(&s.context(), &ctx) << "context() is not the inner executor's context()";
  EXPECT_TRUE(noexcept(s.context())) << "context() is not noexcept";
});

CONFORMANCE_RULE("async.strand.ops/on-work-started-forwards-to-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  const tracked_strand<F> s(inner);
  s.on_work_started();
  EXPECT_EQ(inner.log().work_started(), 1) << "on_work_started() was not forwarded to the inner executor once";
  inner.on_work_finished();
});

CONFORMANCE_RULE("async.strand.ops/on-work-finished-forwards-to-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  const tracked_strand<F> s(inner);
  inner.on_work_started();
  s.on_work_finished();
  EXPECT_EQ(inner.log().work_finished(), 1) << "on_work_finished() was not forwarded to the inner executor once";
});

CONFORMANCE_RULE("async.strand.ops/dispatch-inline-only-inside-the-strand", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  const tracked_strand<F> s(inner);
  const auto outside = std::make_shared<submission_record>();
  executors::submit<executors::submission::dispatch>(s, submitted_function(outside, nullptr), std::allocator<void>());
  EXPECT_FALSE(outside->called()) << "dispatch from outside the strand ran the function inside the call";
  EXPECT_GE(inner.log().submissions().size(), 1u) << "dispatch from outside the strand did not go through the inner "
                                                     "executor";
  const auto inside = std::make_shared<submission_record>();
  bool ran_before_return = false;
  bool exception_reached_caller = false;
  s.post(
      [&] {
        executors::submit<executors::submission::dispatch>(s, submitted_function(inside, nullptr),
                                                           std::allocator<void>());
        ran_before_return = inside->called();
        try {
          s.dispatch([] { throw std::runtime_error("thrown inside dispatch"); }, std::allocator<void>());
        } catch (const std::runtime_error&) {
          exception_reached_caller = true;
        }
      },
      std::allocator<void>());
  run_bounded(ctx, "functions of a strand");
  EXPECT_EQ(outside->calls.load(), 1) << "the function dispatched from outside did not run once";
  EXPECT_TRUE(ran_before_return) << "dispatch from inside the strand did not run the function before returning";
  EXPECT_TRUE(inside->ran_inside_submission.load()) << "dispatch from inside the strand did not run the function in "
                                                       "the call";
  EXPECT_TRUE(exception_reached_caller) << "an exception thrown by a function dispatched from inside the strand did "
                                           "not reach the caller";
});

template <class Strand, executors::submission How>
void expect_always_queued(net::io_context& ctx, const tracked_executor& inner, const Strand& s) {
  const std::string member(executors::member_name(How));
  const auto outside = std::make_shared<submission_record>();
  const auto inside = std::make_shared<submission_record>();
  executors::submit<How>(s, submitted_function(outside, nullptr), std::allocator<void>());
  EXPECT_FALSE(outside->called()) << member << " ran the function inside the call";
  EXPECT_GE(inner.log().submissions().size(), 1u) << member << " did not go through the inner executor";
  s.post([&] { executors::submit<How>(s, submitted_function(inside, nullptr), std::allocator<void>()); },
         std::allocator<void>());
  run_bounded(ctx, "functions of a strand");
  EXPECT_FALSE(inside->ran_inside_submission.load())
      << member << " from inside the strand ran the function inside the call";
  EXPECT_EQ(outside->calls.load(), 1) << "a function given to " << member << " did not run once";
  EXPECT_EQ(inside->calls.load(), 1) << "a function given to " << member << " from inside the strand did not run once";
}

CONFORMANCE_RULE("async.strand.ops/post-always-queues", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  expect_always_queued<tracked_strand<F>, executors::submission::post>(ctx, inner, tracked_strand<F>(inner));
});

CONFORMANCE_RULE("async.strand.ops/defer-always-queues", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  expect_always_queued<tracked_strand<F>, executors::submission::defer>(ctx, inner, tracked_strand<F>(inner));
});

}  // namespace
}  // namespace conformance
