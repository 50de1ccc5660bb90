// [async.system.exec], [async.system.context].
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "test_support.hpp"

namespace {

namespace net = refnet;

TEST(SystemExecutor, DispatchRunsInTheCaller) {
  net::system_executor ex;
  std::thread::id ran_on;
  ex.dispatch([&] { ran_on = std::this_thread::get_id(); }, std::allocator<void>());
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(SystemExecutor, PostRunsOnASystemThread) {
  net::system_executor ex;
  std::promise<std::thread::id> ran_on;
  ex.post([&] { ran_on.set_value(std::this_thread::get_id()); }, std::allocator<void>());
  auto f = ran_on.get_future();
  ASSERT_EQ(f.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_NE(f.get(), std::this_thread::get_id());
}

TEST(SystemExecutor, AllCompareEqualAndShareOneContext) {
  net::system_executor a, b;
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a != b);
  EXPECT_EQ(&a.context(), &b.context());
  EXPECT_TRUE(a.context().get_executor() == a);
  static_assert(!std::is_default_constructible_v<net::system_context>);
  EXPECT_FALSE(a.context().stopped());
}

TEST(SystemContextDeathTest, StopAndJoinEndTheSystemThreads) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        net::system_executor ex;
        auto& ctx = ex.context();
        std::atomic<bool> ran{false};
        ex.post([&] { ran = true; ctx.stop(); }, std::allocator<void>());
        ctx.join();
        bool late = false;
        ex.post([&] { late = true; }, std::allocator<void>());
        std::_Exit(ran && ctx.stopped() && !late ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(SystemExecutorDeathTest, AnExceptionFromAPostedFunctionTerminates) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        net::system_executor().post([] { throw 1; }, std::allocator<void>());
        std::this_thread::sleep_for(std::chrono::seconds(5));
      },
      "");
}

}  // namespace
