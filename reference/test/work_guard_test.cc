// [async.exec.work.guard] executor_work_guard, [async.make.work.guard] make_work_guard.
#include <gtest/gtest.h>

#include <thread>

#include "test_support.hpp"

namespace {

namespace net = refnet;

TEST(WorkGuard, CountsWorkAndResetsOnce) {
  net::io_context ctx;
  auto log = std::make_shared<refnet_test::executor_log>();
  refnet_test::recording_executor rx(ctx, log);
  {
    auto guard = net::make_work_guard(rx);
    EXPECT_TRUE(guard.owns_work());
    EXPECT_TRUE(guard.get_executor() == rx);
    auto copy = guard;
    EXPECT_EQ(log->started, 2);
    auto moved = std::move(copy);
    EXPECT_FALSE(copy.owns_work());
    EXPECT_TRUE(moved.owns_work());
    EXPECT_EQ(log->started, 2);
    guard.reset();
    guard.reset();
    EXPECT_EQ(log->finished, 1);
  }
  EXPECT_EQ(log->finished, 2);
  static_assert(!std::is_copy_assignable_v<net::executor_work_guard<net::io_context::executor_type>>);
}

TEST(WorkGuard, EveryMakeWorkGuardOverload) {
  net::io_context ctx;
  auto log = std::make_shared<refnet_test::executor_log>();
  refnet_test::recording_executor rx(ctx, log);
  auto handler = [] {};
  auto bound = net::bind_executor(rx, handler);

  auto g1 = net::make_work_guard(ctx.get_executor());
  auto g2 = net::make_work_guard(ctx);
  auto g3 = net::make_work_guard(bound);
  auto g4 = net::make_work_guard(handler, rx);
  auto g5 = net::make_work_guard(handler, ctx);
  auto g6 = net::make_work_guard(handler);
  static_assert(std::is_same_v<decltype(g2), net::executor_work_guard<net::io_context::executor_type>>);
  static_assert(std::is_same_v<decltype(g3), net::executor_work_guard<refnet_test::recording_executor>>);
  static_assert(std::is_same_v<decltype(g4), net::executor_work_guard<refnet_test::recording_executor>>);
  static_assert(std::is_same_v<decltype(g5), net::executor_work_guard<net::io_context::executor_type>>);
  static_assert(std::is_same_v<decltype(g6), net::executor_work_guard<net::system_executor>>);
  EXPECT_EQ(log->started, 2);
}

TEST(WorkGuard, KeepsRunFromReturningUntilReset) {
  net::io_context ctx;
  auto guard = net::make_work_guard(ctx);
  // poll() stops a context that is out of work, exactly when run() would return.
  ctx.poll();
  EXPECT_FALSE(ctx.stopped()) << "the guard's work must keep the context from running out of work";
  std::thread runner([&ctx] { ctx.run(); });
  guard.reset();
  runner.join();  // returns once the guard's work is gone (a hang here is the failure)
  EXPECT_TRUE(ctx.stopped());
}

}  // namespace
