// [timer.waitable] basic_waitable_timer and the async-operation rules applied to async_wait.
#include <gtest/gtest.h>

#include <vector>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using namespace std::chrono_literals;

TEST(SteadyTimer, ExpiresNoEarlierThanItsExpiry) {
  net::io_context ctx;
  net::steady_timer timer(ctx);
  const auto start = std::chrono::steady_clock::now();
  timer.expires_after(20ms);
  EXPECT_GE(timer.expiry(), start + 20ms);
  net::error_code result = net::error::would_block;
  timer.async_wait([&](net::error_code ec) { result = ec; });
  ctx.run();
  EXPECT_FALSE(result);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 20ms);
}

TEST(SteadyTimer, CompletesInExpiryOrder) {
  net::io_context ctx;
  std::vector<int> order;
  net::steady_timer t1(ctx, 30ms), t2(ctx, 10ms), t3(ctx, 20ms);
  t1.async_wait([&](net::error_code) { order.push_back(1); });
  t2.async_wait([&](net::error_code) { order.push_back(2); });
  t3.async_wait([&](net::error_code) { order.push_back(3); });
  ctx.run();
  EXPECT_EQ(order, (std::vector<int>{2, 3, 1}));
}

TEST(SteadyTimer, CancelAbortsPendingWaitsAndCountsThem) {
  net::io_context ctx;
  net::steady_timer timer(ctx, 1h);
  int aborted = 0;
  for (int i = 0; i < 3; ++i) timer.async_wait([&](net::error_code ec) { aborted += ec == net::error::operation_aborted; });
  EXPECT_EQ(timer.cancel(), 3u);
  EXPECT_EQ(timer.cancel(), 0u);
  ctx.run();
  EXPECT_EQ(aborted, 3);
}

TEST(SteadyTimer, ChangingTheExpiryCancelsPendingWaits) {
  net::io_context ctx;
  net::steady_timer timer(ctx, 1h);
  net::error_code first, second = net::error::would_block;
  timer.async_wait([&](net::error_code ec) { first = ec; });
  EXPECT_EQ(timer.expires_after(1ms), 1u);
  timer.async_wait([&](net::error_code ec) { second = ec; });
  ctx.run();
  EXPECT_EQ(first, net::error::operation_aborted);
  EXPECT_FALSE(second);
}

TEST(SteadyTimer, DestroyingTheTimerAbortsItsWaits) {
  net::io_context ctx;
  net::error_code result;
  {
    net::steady_timer timer(ctx, 1h);
    timer.async_wait([&](net::error_code ec) { result = ec; });
  }
  ctx.run();
  EXPECT_EQ(result, net::error::operation_aborted);
}

TEST(SteadyTimer, MovedTimerKeepsItsPendingWait) {
  net::io_context ctx;
  net::steady_timer timer(ctx, 1ms);
  int calls = 0;
  timer.async_wait([&](net::error_code ec) { calls += !ec; });
  net::steady_timer moved(std::move(timer));
  ctx.run();
  EXPECT_EQ(calls, 1);
}

TEST(SteadyTimer, AsyncWaitFollowsTheAsyncOperationRules) {
  net::io_context ctx;
  auto io_log = std::make_shared<refnet_test::executor_log>();
  auto handler_log = std::make_shared<refnet_test::executor_log>();
  refnet_test::recording_executor io_ex(ctx, io_log), handler_ex(ctx, handler_log);
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  auto state = std::make_shared<refnet_test::probe_state>();
  long live_inside = -1;
  net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>,
                            refnet_test::recording_executor>
      timer(io_ex, 1ms);
  {
    refnet_test::initiation_guard guard;
    timer.async_wait(net::bind_executor(
        handler_ex, net::bind_allocator(refnet_test::counting_allocator<>(counters), [&](net::error_code) {
          live_inside = counters->live_bytes;
          ++state->invocations;
          state->invoked_inside_initiation += refnet_test::inside_initiation;
        })));
  }
  EXPECT_EQ(io_log->started - io_log->finished, 1);       // work1 held while outstanding
  EXPECT_EQ(handler_log->started - handler_log->finished, 1);  // work2 held while outstanding
  EXPECT_EQ(counters->allocations, 1);                    // op memory from the handler's allocator
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->invoked_inside_initiation, 0);
  EXPECT_EQ(live_inside, 0);  // freed before the handler ran
  EXPECT_EQ(handler_log->snapshot(), std::vector<std::string>{"dispatch"});
  EXPECT_EQ(io_log->started, io_log->finished);
  EXPECT_EQ(handler_log->started, handler_log->finished);
}

TEST(SteadyTimer, HandlerExceptionEscapesRun) {
  net::io_context ctx;
  net::steady_timer timer(ctx, 1ms);
  timer.async_wait([](net::error_code) { throw std::runtime_error("boom"); });
  EXPECT_THROW(ctx.run(), std::runtime_error);
}

TEST(SteadyTimer, SynchronousWaitBlocksUntilExpiry) {
  net::io_context ctx;
  net::steady_timer timer(ctx, 10ms);
  const auto start = std::chrono::steady_clock::now();
  timer.wait();
  EXPECT_GE(std::chrono::steady_clock::now() - start, 10ms);
}

}  // namespace
