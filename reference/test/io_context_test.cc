// [io_context.io_context]: run family, stop/restart, executor, threads, exceptions, destruction.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace {

namespace net = refnet;

TEST(IoContext, RunExecutesAllWorkThenStops) {
  net::io_context ctx;
  int n = 0;
  for (int i = 0; i < 10; ++i) net::post(ctx, [&] { ++n; });
  EXPECT_EQ(ctx.run(), 10u);
  EXPECT_EQ(n, 10);
  EXPECT_TRUE(ctx.stopped());
  net::post(ctx, [&] { ++n; });
  EXPECT_EQ(ctx.run(), 0u);  // stopped until restart
  ctx.restart();
  EXPECT_EQ(ctx.run(), 1u);
}

TEST(IoContext, RunOneAndPollOne) {
  net::io_context ctx;
  int n = 0;
  net::post(ctx, [&] { ++n; });
  net::post(ctx, [&] { ++n; });
  EXPECT_EQ(ctx.run_one(), 1u);
  EXPECT_EQ(ctx.poll_one(), 1u);
  EXPECT_EQ(ctx.poll(), 0u);
  EXPECT_EQ(n, 2);
}

TEST(IoContext, StopMakesRunReturnWithWorkPending) {
  net::io_context ctx;
  auto guard = net::make_work_guard(ctx);
  net::post(ctx, [&] { ctx.stop(); });
  EXPECT_EQ(ctx.run(), 1u);
  EXPECT_TRUE(ctx.stopped());
}

TEST(IoContext, RunForReturnsAfterTheDuration) {
  net::io_context ctx;
  auto guard = net::make_work_guard(ctx);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ctx.run_for(std::chrono::milliseconds(30)), 0u);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(30));
}

TEST(IoContext, PostedFromAHandlerRunsAfterItInFifoOrder) {
  net::io_context ctx;
  std::vector<int> order;
  net::post(ctx, [&] {
    net::post(ctx, [&] { order.push_back(2); });
    net::post(ctx, [&] { order.push_back(3); });
    order.push_back(1);
  });
  ctx.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(IoContext, AChainOfPostsLeavesTheReactorItsTurn) {
  net::io_context ctx;
  net::local::stream_protocol::socket reader(ctx), writer(ctx);
  net::local::connect_pair(reader, writer);
  char byte = 0;
  bool read_done = false;
  reader.async_read_some(net::buffer(&byte, 1), [&](net::error_code ec, std::size_t) {
    EXPECT_FALSE(ec);
    read_done = true;
  });
  // The read already waits in the reactor: only the reactor can see this byte arrive.
  ASSERT_EQ(::write(writer.native_handle(), "x", 1), 1);
  constexpr int bound = 100000;
  int chain_length = 0;
  std::function<void()> next = [&] {
    if (!read_done && ++chain_length < bound) net::post(ctx, next);
  };
  net::post(ctx, next);
  ctx.run();
  EXPECT_TRUE(read_done);
  EXPECT_LT(chain_length, 1000) << "the ready read waited behind a chain of posts";
}

TEST(IoContext, StopFromAnotherThreadEndsAChainOfPosts) {
  net::io_context ctx;
  std::promise<void> chain_started;
  constexpr long bound = 100'000'000;
  long chain_length = 0;
  std::function<void()> next = [&] {
    if (++chain_length == 1) chain_started.set_value();
    if (chain_length < bound) net::post(ctx, next);
  };
  net::post(ctx, next);
  std::thread runner([&] { ctx.run(); });
  chain_started.get_future().wait();
  ctx.stop();
  runner.join();
  EXPECT_LT(chain_length, bound);
}

TEST(IoContext, DispatchRunsInlineOnlyInsideTheContext) {
  net::io_context ctx;
  auto ex = ctx.get_executor();
  bool inline_ran = false, outside_ran = false;
  ex.dispatch([&] { outside_ran = true; }, std::allocator<void>());
  EXPECT_FALSE(outside_ran);
  net::post(ctx, [&] {
    EXPECT_TRUE(ex.running_in_this_thread());
    ex.dispatch([&] { inline_ran = true; }, std::allocator<void>());
    EXPECT_TRUE(inline_ran);
  });
  ctx.run();
  EXPECT_TRUE(outside_ran);
  EXPECT_FALSE(ex.running_in_this_thread());
}

TEST(IoContext, ExecutorsCompareByContext) {
  net::io_context a, b;
  EXPECT_EQ(a.get_executor(), a.get_executor());
  EXPECT_NE(a.get_executor(), b.get_executor());
  EXPECT_EQ(&a.get_executor().context(), &a);
  static_assert(noexcept(a.get_executor().on_work_finished()));
}

TEST(IoContext, ExceptionEscapesRunAndRunCanResume) {
  net::io_context ctx;
  int after = 0;
  net::post(ctx, [] { throw std::runtime_error("boom"); });
  net::post(ctx, [&] { ++after; });
  EXPECT_THROW(ctx.run(), std::runtime_error);
  EXPECT_EQ(ctx.run(), 1u);
  EXPECT_EQ(after, 1);
}

TEST(IoContext, DestructorDestroysNeverRunFunctionObjects) {
  auto state = std::make_shared<refnet_test::probe_state>();
  {
    net::io_context ctx;
    net::post(ctx, refnet_test::probe_handler(state));
    net::steady_timer timer(ctx, std::chrono::hours(1));
    timer.async_wait(refnet_test::probe_handler(state));
    EXPECT_EQ(state->alive, 2);
  }
  EXPECT_EQ(state->alive, 0);
  EXPECT_EQ(state->invocations, 0);
}

TEST(IoContext, SeveralThreadsRunOneContext) {
  net::io_context ctx;
  std::atomic<int> n{0};
  constexpr int count = 20000;
  for (int i = 0; i < count; ++i) net::post(ctx, [&] { ++n; });
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&] { ctx.run(); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(n, count);
}

TEST(IoContext, PostFromAnotherThreadWakesARunningContext) {
  net::io_context ctx;
  auto guard = net::make_work_guard(ctx);
  std::thread runner([&] { ctx.run(); });
  std::atomic<bool> ran{false};
  net::post(ctx, [&] {
    ran = true;
    guard.reset();
  });
  runner.join();
  EXPECT_TRUE(ran);
}

}  // namespace
