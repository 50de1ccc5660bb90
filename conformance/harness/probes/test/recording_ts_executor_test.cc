// Tests of recording_ts_executor: the library treats it as a TS executor, its log tells
// dispatch, post and defer apart (both when called directly and when the library's post,
// dispatch, defer and a timer wait route a handler through it), it counts work correctly,
// and it notices an unbalanced on_work_finished.
#include "conformance/harness/probes/recording_ts_executor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

using rx_type = recording_ts_executor;

static_assert(net::is_executor<rx_type>::value, "the library must see a TS executor");
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
static_assert(!net::execution::is_executor<rx_type>::value,
              "it must not also look like a standard executor, or Asio would take the property path");
#endif
static_assert(std::is_nothrow_copy_constructible_v<rx_type>);
static_assert(std::is_nothrow_move_constructible_v<rx_type>);
static_assert(noexcept(std::declval<const rx_type&>() == std::declval<const rx_type&>()));
static_assert(noexcept(std::declval<const rx_type&>() != std::declval<const rx_type&>()));
static_assert(noexcept(std::declval<const rx_type&>().context()));
static_assert(noexcept(std::declval<const rx_type&>().on_work_started()));
static_assert(noexcept(std::declval<const rx_type&>().on_work_finished()));

std::vector<submission_member> members_of(const executor_log& log) {
  std::vector<submission_member> members;
  for (const submission& s : log.submissions()) members.push_back(s.member);
  return members;
}

TEST(RecordingTsExecutor, CopiesShareTheLogAndCompareEqual) {
  net::io_context ctx;
  const rx_type rx(ctx);
  const rx_type copy(rx);  // NOLINT(performance-unnecessary-copy-initialization): copying is under test
  const rx_type other(ctx);

  EXPECT_TRUE(copy == rx);
  EXPECT_FALSE(copy != rx);
  EXPECT_TRUE(other != rx) << "a separate log is a separate executor";
  EXPECT_EQ(&copy.log(), &rx.log());
  EXPECT_EQ(&rx.context(), &ctx);
}

TEST(RecordingTsExecutor, LogsEachMemberAndRunsTheFunctionOnTheContext) {
  net::io_context ctx;
  const rx_type rx(ctx);
  int ran = 0;
  const auto count = [&ran] { ++ran; };

  rx.dispatch(count, std::allocator<void>());
  rx.post(count, std::allocator<void>());
  rx.defer(count, std::allocator<void>());
  EXPECT_EQ(ran, 0) << "not on a thread running the context, so even dispatch must queue";
  ctx.run();

  EXPECT_EQ(ran, 3);
  EXPECT_EQ(members_of(rx.log()),
            (std::vector{submission_member::dispatch, submission_member::post, submission_member::defer}));
  EXPECT_EQ(rx.log().count(submission_style::dispatch), 1u);
  EXPECT_EQ(rx.log().count(submission_style::post), 1u);
  EXPECT_EQ(rx.log().count(submission_style::defer), 1u);
}

TEST(RecordingTsExecutor, DispatchRunsInlineOnARunThreadAndPostDoesNot) {
  net::io_context ctx;
  const rx_type rx(ctx);
  bool dispatched = false;
  bool posted = false;
  bool dispatched_inline = false;
  bool posted_inline = true;
  net::post(ctx, [&] {
    rx.dispatch([&dispatched] { dispatched = true; }, std::allocator<void>());
    dispatched_inline = dispatched;
    rx.post([&posted] { posted = true; }, std::allocator<void>());
    posted_inline = posted;
  });
  ctx.run();
  EXPECT_TRUE(dispatched_inline);
  EXPECT_FALSE(posted_inline);
  EXPECT_TRUE(posted);
}

TEST(RecordingTsExecutor, RecordsWhichAllocatorCameWithASubmission) {
  net::io_context ctx;
  const rx_type rx(ctx);
  const auto log = std::make_shared<allocation_log>();

  rx.post([] {}, counting_allocator<void>(log));
  rx.post([] {}, std::allocator<void>());
  ctx.run();

  const auto submissions = rx.log().submissions();
  ASSERT_EQ(submissions.size(), 2u);
  EXPECT_EQ(submissions[0].allocator, log.get());
  EXPECT_EQ(submissions[1].allocator, nullptr);
  EXPECT_GT(log->allocations(), 0u) << "the allocator is forwarded to the io_context";
  EXPECT_EQ(log->live_bytes(), 0u);
}

TEST(RecordingTsExecutor, RecordsTheCallingThreadAndAnActiveInitiationGuard) {
  net::io_context ctx;
  const rx_type rx(ctx);
  {
    initiation_guard inside;
    rx.post([] {}, std::allocator<void>());
  }
  std::thread([&rx] { rx.post([] {}, std::allocator<void>()); }).join();
  ctx.run();

  const auto submissions = rx.log().submissions();
  ASSERT_EQ(submissions.size(), 2u);
  EXPECT_TRUE(submissions[0].inside_initiation);
  EXPECT_EQ(submissions[0].thread, std::this_thread::get_id());
  EXPECT_FALSE(submissions[1].inside_initiation);
  EXPECT_NE(submissions[1].thread, std::this_thread::get_id());
}

TEST(RecordingTsExecutor, CountsWorkAndKeepsTheContextRunningWhileWorkIsOutstanding) {
  net::io_context ctx;
  const rx_type rx(ctx);
  rx.on_work_started();
  EXPECT_EQ(rx.log().outstanding_work(), 1);

  // poll() stops a context that is out of work, exactly when run() would return.
  ctx.poll();
  EXPECT_FALSE(ctx.stopped()) << "forwarded work must keep run() going";
  rx.on_work_finished();
  ctx.run();

  EXPECT_EQ(rx.log().work_started(), 1);
  EXPECT_EQ(rx.log().work_finished(), 1);
  EXPECT_EQ(rx.log().outstanding_work(), 0);
  EXPECT_FALSE(rx.log().work_finished_exceeded_started());
}

TEST(RecordingTsExecutor, NoticesWorkFinishedThatWasNeverStarted) {
  net::io_context ctx;
  const rx_type rx(ctx);
  rx.on_work_finished();  // deliberately wrong: no matching on_work_started
  EXPECT_TRUE(rx.log().work_finished_exceeded_started());

  // The unmatched finish was not forwarded, so the context's own accounting is intact.
  int ran = 0;
  net::post(ctx, [&ran] { ++ran; });
  ctx.run();
  EXPECT_EQ(ran, 1);
}

TEST(RecordingTsExecutor, NoticesWorkThatIsStartedAndNeverFinished) {
  net::io_context ctx;
  const rx_type rx(ctx);
  std::optional<net::executor_work_guard<rx_type>> leaked;
  net::post(ctx, [&] { leaked.emplace(rx); });  // deliberately kept, as a leaking library would
  ctx.poll();  // runs the function; stops the context only if no work is left
  EXPECT_EQ(rx.log().outstanding_work(), 1);
  EXPECT_FALSE(ctx.stopped()) << "the unfinished work keeps the context's run() going";
  leaked.reset();
  ctx.run();
  EXPECT_EQ(rx.log().outstanding_work(), 0);
}

TEST(RecordingTsExecutor, ExecutorWorkGuardStartsAndFinishesWorkThroughIt) {
  net::io_context ctx;
  const rx_type rx(ctx);
  {
    auto guard = net::make_work_guard(rx);
    EXPECT_EQ(rx.log().work_started(), 1);
    guard.reset();
    guard.reset();
  }
  EXPECT_EQ(rx.log().work_finished(), 1);
}

TEST(RecordingTsExecutorWithLibrary, FreePostDispatchAndDeferGoThroughTheMatchingMember) {
  net::io_context ctx;
  const rx_type rx(ctx);
  auto posted = std::make_shared<probe_record>();
  auto dispatched = std::make_shared<probe_record>();
  auto deferred = std::make_shared<probe_record>();

  net::post(rx, probe_handler(posted));
  net::dispatch(rx, probe_handler(dispatched));
  net::defer(rx, probe_handler(deferred));
  ctx.run();

  EXPECT_EQ(members_of(rx.log()),
            (std::vector{submission_member::post, submission_member::dispatch, submission_member::defer}));
  EXPECT_EQ(posted->invocations() + dispatched->invocations() + deferred->invocations(), 3);
}

TEST(RecordingTsExecutorWithLibrary, BoundHandlerOfPostIsHandedToItsExecutor) {
  net::io_context ctx;
  const rx_type rx(ctx);
  auto record = std::make_shared<probe_record>();

  net::post(net::bind_executor(rx, probe_handler(record)));
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(members_of(rx.log()), std::vector{submission_member::post});
}

TEST(RecordingTsExecutorWithLibrary, TimerWaitHoldsWorkOnTheHandlersExecutorUntilCompletion) {
  net::io_context ctx;
  const rx_type rx(ctx);
  auto record = std::make_shared<probe_record>();
  long work_inside_handler = -1;
  record->on_invocation([&] { work_inside_handler = rx.log().outstanding_work(); });
  net::steady_timer timer(ctx, std::chrono::milliseconds(1));

  timer.async_wait(net::bind_executor(rx, probe_handler(record)));
  const long work_while_pending = rx.log().outstanding_work();
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(work_while_pending, 1) << "an outstanding operation holds work on ex2";
  EXPECT_EQ(rx.log().outstanding_work(), 0) << "and releases it once the handler has run";
  EXPECT_GE(work_inside_handler, 0);
  EXPECT_FALSE(rx.log().work_finished_exceeded_started());
  ASSERT_EQ(rx.log().submissions().size(), 1u);
  EXPECT_EQ(rx.log().submissions()[0].style(), submission_style::dispatch)
      << "a completion outside the initiating function is dispatched to ex2";
  EXPECT_FALSE(rx.log().submissions()[0].inside_initiation);
}

TEST(RecordingTsExecutorWithLibrary, PostToAContextHoldsWorkOnABoundHandlersExecutor) {
  net::io_context ctx;
  const rx_type rx(ctx);
  auto record = std::make_shared<probe_record>();

  net::post(ctx, net::bind_executor(rx, probe_handler(record)));
  const long work_while_queued = rx.log().outstanding_work();
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_EQ(work_while_queued, 1);
  EXPECT_EQ(rx.log().outstanding_work(), 0);
  EXPECT_EQ(members_of(rx.log()), std::vector{submission_member::dispatch});
}

TEST(RecordingTsExecutorWithLibrary, CanBeATimersIoExecutor) {
  net::io_context ctx;
  const rx_type rx(ctx);
  auto record = std::make_shared<probe_record>();
  net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>, rx_type> timer(
      rx, std::chrono::milliseconds(1));

  timer.async_wait(probe_handler(record));
  const long work_while_pending = rx.log().outstanding_work();
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_GE(work_while_pending, 1) << "the I/O executor ex1 is kept busy while the wait is outstanding";
  EXPECT_EQ(rx.log().outstanding_work(), 0);
}

#if CONFORMANCE_HAS_THREAD_POOL
// Over a thread pool's executor (io_executors.hpp's pool fixtures): a timer on it runs on the
// pool's threads, holds work on it while pending, and completes through it.
TEST(RecordingTsExecutorWithLibrary, CanBeATimersIoExecutorOverAThreadPool) {
  net::thread_pool pool(2);
  const basic_recording_ts_executor<net::thread_pool::executor_type> rx(pool.get_executor());
  auto record = std::make_shared<probe_record>();
  std::atomic<bool> on_pool{false};
  record->on_invocation([&] { on_pool = rx.inner().running_in_this_thread(); });
  net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>,
                            basic_recording_ts_executor<net::thread_pool::executor_type>>
      timer(rx, std::chrono::milliseconds(1));

  timer.async_wait(probe_handler(record));
  const long work_while_pending = rx.log().outstanding_work();
  pool.join();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_TRUE(on_pool) << "the handler ran on a thread that is not the pool's";
  EXPECT_GE(work_while_pending, 1) << "the I/O executor ex1 is kept busy while the wait is outstanding";
  EXPECT_EQ(rx.log().outstanding_work(), 0);
  EXPECT_GE(rx.log().submissions().size(), 1u) << "the completion goes through ex1";
  EXPECT_EQ(&rx.context(), &pool);
}
#endif

}  // namespace
}  // namespace conformance
