// Tests of recording_std_executor: the library accepts it as a standard executor, each copy
// keeps the properties required on it, execution honours blocking.never / possibly / always,
// the log tells post-like from dispatch-like submissions made by the library's post,
// dispatch, defer and timer wait, and live tracked copies count outstanding work (so a copy
// kept too long is seen).
#include "conformance/harness/probes/recording_std_executor.hpp"

#include <gtest/gtest.h>

#include "conformance/harness/target_description.hpp"

#if CONFORMANCE_HAS_STANDARD_EXECUTORS

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/probe_handler.hpp"

namespace conformance {
namespace {

using sx_type = recording_std_executor<>;
namespace execution = net::execution;

static_assert(execution::is_executor<sx_type>::value, "the library must see a standard executor");
static_assert(!net::is_executor<sx_type>::value, "it has no TS members");
static_assert(net::can_require<sx_type, execution::blocking_t::never_t>::value);
static_assert(net::can_require<sx_type, execution::blocking_t::always_t>::value);
static_assert(net::can_prefer<sx_type, execution::blocking_t::possibly_t>::value);
static_assert(net::can_prefer<sx_type, execution::relationship_t::continuation_t>::value);
static_assert(net::can_prefer<sx_type, execution::outstanding_work_t::tracked_t>::value);
static_assert(net::can_prefer<sx_type, execution::allocator_t<counting_allocator<void>>>::value);
static_assert(net::can_query<sx_type, execution::context_t>::value);
static_assert(net::can_query<sx_type, execution::blocking_t>::value);
static_assert(std::is_same_v<decltype(net::require(std::declval<sx_type>(), execution::allocator(
                                 std::declval<counting_allocator<void>>()))),
                             recording_std_executor<counting_allocator<void>>>);

TEST(RecordingStdExecutor, EachCopyRemembersThePropertiesRequiredOnIt) {
  net::io_context ctx;
  const sx_type sx(ctx);
  const auto log = std::make_shared<allocation_log>();

  const auto never = net::require(sx, execution::blocking.never);
  const auto continuation = net::prefer(never, execution::relationship.continuation);
  const auto tracked = net::prefer(continuation, execution::outstanding_work.tracked);
  const auto allocating = net::prefer(tracked, execution::allocator(counting_allocator<void>(log)));

  EXPECT_TRUE(net::query(sx, execution::blocking) == execution::blocking.possibly);
  EXPECT_TRUE(net::query(never, execution::blocking) == execution::blocking.never);
  EXPECT_TRUE(net::query(net::require(sx, execution::blocking.always), execution::blocking) ==
              execution::blocking.always);
  EXPECT_TRUE(net::query(continuation, execution::relationship) == execution::relationship.continuation);
  EXPECT_TRUE(net::query(continuation, execution::outstanding_work) == execution::outstanding_work.untracked);
  EXPECT_TRUE(net::query(tracked, execution::outstanding_work) == execution::outstanding_work.tracked);
  EXPECT_TRUE(net::query(allocating, execution::allocator) == counting_allocator<void>(log));
  EXPECT_TRUE(net::query(allocating, execution::blocking) == execution::blocking.never);
  EXPECT_EQ(&net::query(sx, execution::context), &ctx);
  EXPECT_TRUE(sx != never) << "different properties, not interchangeable";
  EXPECT_TRUE(never == net::require(sx, execution::blocking.never));
}

TEST(RecordingStdExecutor, BlockingNeverNeverRunsInlineAndPossiblyDoesOnARunThread) {
  net::io_context ctx;
  const sx_type sx(ctx);
  bool never_ran = false;
  bool possibly_ran = false;
  bool never_inline = true;
  bool possibly_inline = false;
  net::post(ctx, [&] {
    net::require(sx, execution::blocking.never).execute([&never_ran] { never_ran = true; });
    never_inline = never_ran;
    sx.execute([&possibly_ran] { possibly_ran = true; });
    possibly_inline = possibly_ran;
  });
  ctx.run();

  EXPECT_FALSE(never_inline);
  EXPECT_TRUE(possibly_inline);
  EXPECT_TRUE(never_ran);
  const auto submissions = sx.log().submissions();
  ASSERT_EQ(submissions.size(), 2u);
  EXPECT_EQ(submissions[0].style(), submission_style::post);
  EXPECT_EQ(submissions[1].style(), submission_style::dispatch);
  EXPECT_EQ(submissions[1].member, submission_member::execute);
}

TEST(RecordingStdExecutor, BlockingAlwaysReturnsOnlyAfterTheFunctionRan) {
  net::io_context ctx;
  auto keep_running = net::make_work_guard(ctx);
  std::thread runner([&ctx] { ctx.run(); });
  const auto always = net::require(sx_type(ctx), execution::blocking.always);

  std::thread::id ran_on;
  always.execute([&ran_on] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ran_on = std::this_thread::get_id();
  });

  EXPECT_EQ(ran_on, runner.get_id()) << "ran on the context, and had finished when execute returned";
  keep_running.reset();
  runner.join();
}

TEST(RecordingStdExecutor, LogsTheAllocatorAndForwardsItToTheContext) {
  net::io_context ctx;
  const auto log = std::make_shared<allocation_log>();
  const auto sx = net::require(sx_type(ctx), execution::blocking.never, execution::allocator(counting_allocator<void>(log)));

  sx.execute([] {});
  ctx.run();

  ASSERT_EQ(sx.log().submissions().size(), 1u);
  EXPECT_EQ(sx.log().submissions()[0].allocator, log.get());
  EXPECT_GT(log->allocations(), 0u);
  EXPECT_EQ(log->live_bytes(), 0u);
}

TEST(RecordingStdExecutor, LiveTrackedCopiesAreTheOutstandingWork) {
  net::io_context ctx;
  const sx_type sx(ctx);
  {
    auto tracked = net::prefer(sx, execution::outstanding_work.tracked);
    const auto copy = tracked;  // NOLINT(performance-unnecessary-copy-initialization): copying is under test
    EXPECT_EQ(sx.log().tracked_copies_live(), 2);
    auto moved = std::move(tracked);
    EXPECT_EQ(sx.log().tracked_copies_live(), 2) << "a move transfers the work";
    EXPECT_EQ(sx.log().outstanding_work(), 2);
  }
  EXPECT_EQ(sx.log().tracked_copies_live(), 0);
  EXPECT_EQ(sx.log().tracked_copies_created(), 2);
}

TEST(RecordingStdExecutor, NoticesATrackedCopyKeptAfterTheWorkIsDone) {
  net::io_context ctx;
  const sx_type sx(ctx);
  std::optional<sx_type> leaked;
  net::post(ctx, [&] { leaked = net::prefer(sx, execution::outstanding_work.tracked); });  // deliberately kept
  ctx.poll();  // runs the function; stops the context only if no work is left, as run() would return
  EXPECT_EQ(sx.log().tracked_copies_live(), 1);
  EXPECT_FALSE(ctx.stopped()) << "the kept copy holds the context's work too";
  leaked.reset();
  ctx.run();
  EXPECT_EQ(sx.log().tracked_copies_live(), 0);
}

TEST(RecordingStdExecutorWithLibrary, FreePostIsPostLikeAndCarriesTheHandlersAllocator) {
  net::io_context ctx;
  const sx_type sx(ctx);
  const auto log = std::make_shared<allocation_log>();
  auto record = std::make_shared<probe_record>();

  net::post(net::bind_executor(sx, probe_handler(record).with_allocator(counting_allocator<void>(log))));
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  ASSERT_EQ(sx.log().submissions().size(), 1u);
  const submission s = sx.log().submissions()[0];
  EXPECT_EQ(s.style(), submission_style::post);
  EXPECT_EQ(s.blocking, blocking_value::never);
  EXPECT_EQ(s.relationship, relationship_value::fork);
  EXPECT_EQ(s.allocator, log.get());
}

TEST(RecordingStdExecutorWithLibrary, FreeDeferIsDeferLikeAndFreeDispatchIsDispatchLike) {
  net::io_context ctx;
  const sx_type sx(ctx);
  auto deferred = std::make_shared<probe_record>();
  auto dispatched = std::make_shared<probe_record>();

  net::defer(net::bind_executor(sx, probe_handler(deferred)));
  net::dispatch(net::bind_executor(sx, probe_handler(dispatched)));
  ctx.run();

  EXPECT_EQ(deferred->invocations(), 1);
  EXPECT_EQ(dispatched->invocations(), 1);
  const auto submissions = sx.log().submissions();
  ASSERT_EQ(submissions.size(), 2u);
  EXPECT_EQ(submissions[0].style(), submission_style::defer);
  EXPECT_EQ(submissions[1].style(), submission_style::dispatch);
}

TEST(RecordingStdExecutorWithLibrary, PostWithTheExecutorAsFirstArgumentIsPostLike) {
  net::io_context ctx;
  const sx_type sx(ctx);
  auto record = std::make_shared<probe_record>();

  net::post(sx, probe_handler(record));
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(sx.log().count(submission_style::post), 1u);
}

TEST(RecordingStdExecutorWithLibrary, TimerWaitHoldsATrackedCopyUntilCompletionAndDispatches) {
  net::io_context ctx;
  const sx_type sx(ctx);
  auto record = std::make_shared<probe_record>();
  net::steady_timer timer(ctx, std::chrono::milliseconds(1));

  timer.async_wait(net::bind_executor(sx, probe_handler(record)));
  const long work_while_pending = sx.log().tracked_copies_live();
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(work_while_pending, 1) << "an outstanding operation holds work on ex2";
  EXPECT_EQ(sx.log().tracked_copies_live(), 0) << "and releases it once the handler has run";
  ASSERT_EQ(sx.log().submissions().size(), 1u);
  EXPECT_EQ(sx.log().submissions()[0].style(), submission_style::dispatch);
  EXPECT_EQ(sx.log().submissions()[0].work, work_value::tracked) << "completion goes through the tracked copy";
}

#if CONFORMANCE_HAS_THREAD_POOL
// Over a strand of a thread pool's executor (io_executors.hpp's pool-strand fixture): a timer on
// it holds a tracked copy while pending and completes on the pool through it.
TEST(RecordingStdExecutorWithLibrary, CanBeATimersIoExecutorOverAStrandOfAThreadPool) {
  using strand_type = net::strand<net::thread_pool::executor_type>;
  using pool_sx_type = recording_std_executor<std::allocator<void>, strand_type>;
  net::thread_pool pool(2);
  const pool_sx_type sx{strand_type(pool.get_executor())};
  auto record = std::make_shared<probe_record>();
  std::atomic<bool> in_strand{false};
  record->on_invocation([&] { in_strand = sx.inner().running_in_this_thread(); });
  net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>, pool_sx_type> timer(
      sx, std::chrono::milliseconds(1));

  timer.async_wait(probe_handler(record));
  const long work_while_pending = sx.log().tracked_copies_live();
  pool.join();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_TRUE(in_strand) << "the handler did not run inside the strand";
  EXPECT_GE(work_while_pending, 1) << "an outstanding operation holds work on its I/O executor";
  EXPECT_EQ(sx.log().tracked_copies_live(), 0);
  EXPECT_EQ(&net::query(sx, net::execution::context), &pool);
}
#endif

TEST(RecordingStdExecutorWithLibrary, ConvertsToAnyIoExecutor) {
  net::io_context ctx;
  const sx_type sx(ctx);
  auto record = std::make_shared<probe_record>();
  const net::any_io_executor any(sx);

  net::post(any, probe_handler(record));
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(sx.log().count(submission_style::post), 1u);
}

}  // namespace
}  // namespace conformance

#else

TEST(RecordingStdExecutor, NeedsStandardExecutors) { GTEST_SKIP() << "UNSUPPORTED: no standard executors"; }

#endif  // CONFORMANCE_HAS_STANDARD_EXECUTORS
