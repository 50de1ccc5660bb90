// [async.use.future], [async.use.future.result] table rows, [async.packaged.task.spec].
#include <gtest/gtest.h>

#include <tuple>

#include "test_support.hpp"

namespace {

namespace net = refnet;

// An archetype operation completing, from the io_context, with the given arguments.
template <class... Args>
struct complete_with {
  net::io_context& ctx;
  std::tuple<Args...> args;

  template <class Token>
  decltype(auto) operator()(Token&& token) {
    return net::async_initiate<Token, void(Args...)>(
        [this](auto handler) {
          net::post(ctx, [h = std::move(handler), a = args]() mutable { std::apply(std::move(h), std::move(a)); });
        },
        token);
  }
};

template <class... Args>
complete_with<Args...> op(net::io_context& ctx, Args... args) {
  return {ctx, std::tuple<Args...>(args...)};
}

const net::error_code failure = net::error::connection_refused;

TEST(UseFuture, NoArgumentsGiveFutureVoid) {
  net::io_context ctx;
  std::future<void> f = op(ctx)(net::use_future);
  ctx.run();
  EXPECT_NO_THROW(f.get());
}

TEST(UseFuture, ErrorCodeBecomesSystemError) {
  net::io_context ctx;
  std::future<void> ok = op(ctx, net::error_code())(net::use_future);
  std::future<void> bad = op(ctx, failure)(net::use_future);
  ctx.run();
  EXPECT_NO_THROW(ok.get());
  try {
    bad.get();
    FAIL();
  } catch (const net::system_error& e) {
    EXPECT_EQ(e.code(), failure);
  }
}

TEST(UseFuture, ExceptionPtrIsRethrown) {
  net::io_context ctx;
  std::future<void> bad = op(ctx, std::make_exception_ptr(std::runtime_error("x")))(net::use_future);
  std::future<void> ok = op(ctx, std::exception_ptr())(net::use_future);
  ctx.run();
  EXPECT_THROW(bad.get(), std::runtime_error);
  EXPECT_NO_THROW(ok.get());
}

TEST(UseFuture, SingleValueAndErrorPlusValue) {
  net::io_context ctx;
  std::future<int> a = op(ctx, 7)(net::use_future);
  std::future<int> b = op(ctx, net::error_code(), 8)(net::use_future);
  std::future<int> c = op(ctx, failure, 9)(net::use_future);
  std::future<int> d = op(ctx, std::exception_ptr(), 10)(net::use_future);
  ctx.run();
  EXPECT_EQ(a.get(), 7);
  EXPECT_EQ(b.get(), 8);
  EXPECT_THROW(c.get(), net::system_error);
  EXPECT_EQ(d.get(), 10);
}

TEST(UseFuture, SeveralValuesBecomeATuple) {
  net::io_context ctx;
  std::future<std::tuple<int, char>> a = op(ctx, 1, 'x')(net::use_future);
  std::future<std::tuple<int, char>> b = op(ctx, net::error_code(), 2, 'y')(net::use_future);
  std::future<std::tuple<int, char, double>> c = op(ctx, 3, 'z', 1.5)(net::use_future);
  std::future<std::tuple<int, char>> d = op(ctx, failure, 4, 'w')(net::use_future);
  ctx.run();
  EXPECT_EQ(a.get(), std::make_tuple(1, 'x'));
  EXPECT_EQ(b.get(), std::make_tuple(2, 'y'));
  EXPECT_EQ(c.get(), std::make_tuple(3, 'z', 1.5));
  EXPECT_THROW(d.get(), net::system_error);
}

TEST(UseFuture, PackagedFormStoresTheFunctionsResultOrException) {
  net::io_context ctx;
  std::future<int> a = op(ctx, 20)(net::use_future([](int v) { return v + 1; }));
  std::future<int> b = op(ctx, 20)(net::use_future([](int) -> int { throw std::logic_error("no"); }));
  ctx.run();
  EXPECT_EQ(a.get(), 21);
  EXPECT_THROW(b.get(), std::logic_error);
}

TEST(UseFuture, RebindAndAllocator) {
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  refnet_test::counting_allocator<> ca(counters);
  auto token = net::use_future.rebind(ca);
  EXPECT_TRUE(token.get_allocator() == ca);
  net::io_context ctx;
  std::future<int> f = op(ctx, 5)(token);
  ctx.run();
  EXPECT_EQ(f.get(), 5);
  EXPECT_GT(counters->allocations, 0);
}

TEST(UseFuture, WorksWithRealOperations) {
  net::io_context ctx;
  net::steady_timer timer(ctx, std::chrono::milliseconds(1));
  std::future<void> f = timer.async_wait(net::use_future);
  ctx.run();
  EXPECT_NO_THROW(f.get());
}

TEST(PackagedTask, IsTheHandlerAndItsFutureIsReturned) {
  net::io_context ctx;
  std::packaged_task<int(int)> task([](int v) { return v * 2; });
  std::future<int> f = op(ctx, 21)(std::move(task));
  ctx.run();
  EXPECT_EQ(f.get(), 42);
}

}  // namespace
