// cancellation_type, cancellation_signal, cancellation_slot (Asio's CancellationSlot requirements).
#include <gtest/gtest.h>

#include <vector>

#include "test_support.hpp"

namespace {

namespace net = refnet;

struct counted_handler {
  explicit counted_handler(int* alive, int* calls) : alive(alive), calls(calls) { ++*alive; }
  counted_handler(const counted_handler& o) : alive(o.alive), calls(o.calls) { ++*alive; }
  ~counted_handler() { --*alive; }
  void operator()(net::cancellation_type) { ++*calls; }
  int* alive;
  int* calls;
};

TEST(CancellationType, IsABitmask) {
  using ct = net::cancellation_type;
  EXPECT_EQ(static_cast<unsigned>(ct::terminal | ct::partial | ct::total), 7u);
  EXPECT_TRUE(!(ct::terminal & ct::partial));
  EXPECT_EQ(ct::all & ct::total, ct::total);
}

TEST(CancellationSlot, DefaultConstructedIsDisconnected) {
  net::cancellation_slot slot;
  EXPECT_FALSE(slot.is_connected());
  EXPECT_FALSE(slot.has_handler());
  slot.clear();
}

TEST(CancellationSlot, AssignReplacesAndDestroysThePreviousHandler) {
  net::cancellation_signal signal;
  auto slot = signal.slot();
  EXPECT_TRUE(slot.is_connected());
  EXPECT_TRUE(slot == signal.slot());
  int alive = 0, calls = 0;
  slot.assign(counted_handler(&alive, &calls));
  EXPECT_TRUE(slot.has_handler());
  EXPECT_EQ(alive, 1);
  slot.emplace<counted_handler>(&alive, &calls);
  EXPECT_EQ(alive, 1);
  signal.emit(net::cancellation_type::total);
  EXPECT_EQ(calls, 1);
  slot.clear();
  EXPECT_FALSE(slot.has_handler());
  EXPECT_EQ(alive, 0);
  signal.emit(net::cancellation_type::total);
  EXPECT_EQ(calls, 1);
}

TEST(CancellationSignal, DestroysItsHandlerWhenDestroyed) {
  int alive = 0, calls = 0;
  {
    net::cancellation_signal signal;
    signal.slot().assign(counted_handler(&alive, &calls));
    EXPECT_EQ(alive, 1);
  }
  EXPECT_EQ(alive, 0);
}

class TimerCancellation : public ::testing::TestWithParam<net::cancellation_type> {};

TEST_P(TimerCancellation, AbortsAPendingWait) {
  net::io_context ctx;
  net::steady_timer timer(ctx, std::chrono::hours(1));
  net::cancellation_signal signal;
  net::error_code result;
  int calls = 0;
  timer.async_wait(net::bind_cancellation_slot(signal.slot(), [&](net::error_code ec) {
    result = ec;
    ++calls;
  }));
  EXPECT_TRUE(signal.slot().has_handler());
  net::post(ctx, [&] { signal.emit(GetParam()); });
  ctx.run_for(std::chrono::seconds(5));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(result, net::error::operation_aborted);
  signal.emit(GetParam());  // after completion: no effect
  ctx.restart();
  ctx.poll();
  EXPECT_EQ(calls, 1);
}

INSTANTIATE_TEST_SUITE_P(AllTypes, TimerCancellation,
                         ::testing::Values(net::cancellation_type::terminal, net::cancellation_type::partial,
                                           net::cancellation_type::total));

TEST(TimerCancellationSlot, IsReusableForSequentialOperations) {
  net::io_context ctx;
  net::steady_timer timer(ctx);
  net::cancellation_signal signal;
  int completed = 0;
  for (int i = 0; i < 3; ++i) {
    timer.expires_after(std::chrono::milliseconds(1));
    timer.async_wait(net::bind_cancellation_slot(signal.slot(), [&](net::error_code ec) { completed += !ec; }));
    ctx.restart();
    ctx.run_for(std::chrono::seconds(5));
  }
  EXPECT_EQ(completed, 3);
}

TEST(SocketCancellation, AbortsOneReadOnly) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  net::cancellation_signal signal;
  char data[8];
  net::error_code read_result;
  pair.server.async_read_some(
      net::buffer(data),
      net::bind_cancellation_slot(signal.slot(), [&](net::error_code ec, std::size_t) { read_result = ec; }));
  net::post(ctx, [&] { signal.emit(net::cancellation_type::partial); });
  ctx.run_for(std::chrono::seconds(5));
  EXPECT_EQ(read_result, net::error::operation_aborted);
  EXPECT_TRUE(pair.server.is_open());
}

TEST(ComposedReadCancellation, HonoursTerminalButFiltersTotal) {
  net::io_context ctx;
  refnet_test::socket_pair pair(ctx);
  net::cancellation_signal signal;
  char data[4];
  net::error_code result;
  std::size_t bytes = 99;
  int calls = 0;
  net::async_read(pair.server, net::buffer(data),
                  net::bind_cancellation_slot(signal.slot(), [&](net::error_code ec, std::size_t n) {
                    result = ec;
                    bytes = n;
                    ++calls;
                  }));
  net::post(ctx, [&] { signal.emit(net::cancellation_type::total); });
  ctx.run_for(std::chrono::milliseconds(50));
  EXPECT_EQ(calls, 0);  // total is not supported by a composed read: no effect
  ctx.restart();
  net::post(ctx, [&] { signal.emit(net::cancellation_type::terminal); });
  ctx.run_for(std::chrono::seconds(5));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(result, net::error::operation_aborted);
  EXPECT_EQ(bytes, 0u);
}

// Total cancellation promises no apparent side effects: after it, the socket is
// as it was, so a new connect on it is in progress again instead of failing at
// once because the kernel's first connect is still underway.
TEST(ConnectCancellation, TotalLeavesNoConnectInProgress) {
  net::io_context ctx;
  // A listener whose backlog (0) one connection fills: the kernel holds further
  // connects in progress.
  net::ip::tcp::acceptor acceptor(ctx);
  acceptor.open(net::ip::tcp::v4());
  acceptor.bind(net::ip::tcp::endpoint(net::ip::address_v4::loopback(), 0));
  acceptor.listen(0);
  net::ip::tcp::socket filler(ctx);
  filler.connect(acceptor.local_endpoint());

  net::ip::tcp::socket socket(ctx);
  net::cancellation_signal signal;
  std::vector<net::error_code> results;
  socket.async_connect(acceptor.local_endpoint(),
                       net::bind_cancellation_slot(signal.slot(), [&](net::error_code ec) { results.push_back(ec); }));
  ctx.poll();
  if (!results.empty()) GTEST_SKIP() << "this kernel completed a connect to a full backlog: " << results[0].message();
  signal.emit(net::cancellation_type::total);
  ctx.run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0], net::error::operation_aborted);

  ctx.restart();
  socket.async_connect(acceptor.local_endpoint(), [&](net::error_code ec) { results.push_back(ec); });
  ctx.poll();
  EXPECT_EQ(results.size(), 1u) << "the second connect completed with " << results.back().message();
}

}  // namespace
