// [async.strand]: ordering, non-concurrency, exceptions, lifetime, running_in_this_thread.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using strand_type = net::strand<net::io_context::executor_type>;

TEST(Strand, RunsFunctionsInFifoOrderWithoutConcurrency) {
  net::io_context ctx;
  strand_type s(ctx.get_executor());
  std::vector<int> order;
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  constexpr int count = 20000;
  for (int i = 0; i < count; ++i) {
    net::post(s, [&, i] {
      const int now = ++in_flight;
      if (now > max_in_flight) max_in_flight = now;
      order.push_back(i);
      --in_flight;
    });
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) threads.emplace_back([&] { ctx.run(); });
  for (auto& t : threads) t.join();
  ASSERT_EQ(order.size(), static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) ASSERT_EQ(order[i], i);
  EXPECT_EQ(max_in_flight, 1);
}

TEST(Strand, RunningInThisThreadIsTrueOnlyInsideAnEqualStrand) {
  net::io_context ctx;
  strand_type s1(ctx.get_executor()), s2(ctx.get_executor());
  strand_type s1_copy = s1;
  EXPECT_TRUE(s1 == s1_copy);
  EXPECT_TRUE(s1 != s2);
  EXPECT_FALSE(s1.running_in_this_thread());
  int checks = 0;
  net::post(s1, [&] {
    checks += s1_copy.running_in_this_thread();
    checks += !s2.running_in_this_thread();
  });
  ctx.run();
  EXPECT_EQ(checks, 2);
}

TEST(Strand, DispatchRunsInlineInsideThePostNeverDoes) {
  net::io_context ctx;
  strand_type s(ctx.get_executor());
  bool posted = false;
  net::post(s, [&] {
    bool dispatched = false;
    s.dispatch([&] { dispatched = true; }, std::allocator<void>());
    s.post([&] { posted = true; }, std::allocator<void>());
    EXPECT_TRUE(dispatched);
    EXPECT_FALSE(posted);
  });
  ctx.run();
  EXPECT_TRUE(posted);
}

TEST(Strand, AThrowingFunctionLeavesTheStrandUsable) {
  net::io_context ctx;
  strand_type s(ctx.get_executor());
  std::vector<int> order;
  net::post(s, [&] { order.push_back(1); });
  net::post(s, [] { throw std::runtime_error("boom"); });
  net::post(s, [&] { order.push_back(2); });
  net::post(s, [&] { order.push_back(3); });
  EXPECT_THROW(ctx.run(), std::runtime_error);
  ctx.restart();
  ctx.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(Strand, QueuedWorkSurvivesTheDestructionOfTheStrandObject) {
  net::io_context ctx;
  std::vector<int> order;
  {
    strand_type s(ctx.get_executor());
    for (int i = 0; i < 5; ++i) net::post(s, [&, i] { order.push_back(i); });
  }
  ctx.run();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(Strand, ForwardsContextAndWorkToTheInnerExecutor) {
  net::io_context ctx;
  auto log = std::make_shared<refnet_test::executor_log>();
  net::strand<refnet_test::recording_executor> s(refnet_test::recording_executor(ctx, log));
  EXPECT_EQ(&s.context(), &ctx);
  s.on_work_started();
  s.on_work_finished();
  EXPECT_EQ(log->started, 1);
  EXPECT_EQ(log->finished, 1);
  net::strand<refnet_test::recording_executor> copy(s);
  EXPECT_TRUE(copy == s);
  EXPECT_TRUE(copy.get_inner_executor() == s.get_inner_executor());
}

}  // namespace
