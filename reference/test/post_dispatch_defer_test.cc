// [async.post], [async.dispatch], [async.defer]: both forms, exactly as the TS specifies.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using refnet_test::executor_log;
using refnet_test::recording_executor;

template <class Submit>
void expect_outer_then_dispatch(Submit submit, const char* outer_kind) {
  net::io_context ctx;
  auto log1 = std::make_shared<executor_log>();
  auto log2 = std::make_shared<executor_log>();
  recording_executor ex1(ctx, log1), ex2(ctx, log2);
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  auto state = std::make_shared<refnet_test::probe_state>();
  {
    refnet_test::initiation_guard guard;
    submit(ex1, refnet_test::associated_probe<recording_executor, refnet_test::counting_allocator<>>(
                    state, ex2, refnet_test::counting_allocator<>(counters)));
  }
  EXPECT_EQ(log2->started, 1);  // work on ex2 is held from before ex1 runs f
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->invoked_inside_initiation, 0);
  EXPECT_EQ(log1->snapshot(), std::vector<std::string>{outer_kind});
  EXPECT_EQ(log2->snapshot(), std::vector<std::string>{"dispatch"});
  EXPECT_EQ(log2->finished, 1);
  EXPECT_GT(counters->allocations, 0);  // the outer submission used the handler's allocator
  EXPECT_EQ(counters->live_bytes, 0);
  EXPECT_EQ(state->alive, 0);
}

TEST(Post, ExecutorFormPostsOnExecutorThenDispatchesToTheHandlersExecutor) {
  expect_outer_then_dispatch([](auto& ex, auto&& h) { net::post(ex, std::move(h)); }, "post");
}

TEST(Defer, ExecutorFormDefersOnExecutorThenDispatchesToTheHandlersExecutor) {
  expect_outer_then_dispatch([](auto& ex, auto&& h) { net::defer(ex, std::move(h)); }, "defer");
}

TEST(Dispatch, ExecutorFormDispatchesOnExecutorThenToTheHandlersExecutor) {
  expect_outer_then_dispatch([](auto& ex, auto&& h) { net::dispatch(ex, std::move(h)); }, "dispatch");
}

TEST(Post, TokenOnlyFormUsesTheHandlersExecutorAndAllocator) {
  net::io_context ctx;
  auto log = std::make_shared<executor_log>();
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  auto state = std::make_shared<refnet_test::probe_state>();
  net::post(refnet_test::associated_probe<recording_executor, refnet_test::counting_allocator<>>(
      state, recording_executor(ctx, log), refnet_test::counting_allocator<>(counters)));
  net::defer(refnet_test::associated_probe<recording_executor, refnet_test::counting_allocator<>>(
      state, recording_executor(ctx, log), refnet_test::counting_allocator<>(counters)));
  net::dispatch(refnet_test::associated_probe<recording_executor, refnet_test::counting_allocator<>>(
      state, recording_executor(ctx, log), refnet_test::counting_allocator<>(counters)));
  ctx.run();
  EXPECT_EQ(log->snapshot(), (std::vector<std::string>{"post", "defer", "dispatch"}));
  EXPECT_EQ(state->invocations, 3);
  EXPECT_GT(counters->allocations, 0);
}

TEST(Post, ContextFormNeverRunsTheHandlerInsideTheCall) {
  net::io_context ctx;
  bool ran = false;
  net::post(ctx, [&] {
    net::post(ctx, [&] { ran = true; });
    EXPECT_FALSE(ran);
  });
  ctx.run();
  EXPECT_TRUE(ran);
}

TEST(Dispatch, ContextFormRunsInlineInsideTheContext) {
  net::io_context ctx;
  bool ran = false;
  net::post(ctx, [&] {
    net::dispatch(ctx, [&] { ran = true; });
    EXPECT_TRUE(ran);
  });
  ctx.run();
}

TEST(Post, ReturnsAFutureForUseFuture) {
  net::io_context ctx;
  std::future<void> f = net::post(ctx, net::use_future);
  ctx.run();
  EXPECT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready);
}

}  // namespace
