// signal_set: waits complete when a registered signal is raised, signals raised while no wait is
// outstanding stay pending, cancel() and per-operation cancellation abort a wait.
#include <gtest/gtest.h>

#include <csignal>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using namespace std::chrono_literals;

TEST(SignalSet, WaitCompletesWithTheRaisedSignalOnARunThread) {
  net::io_context ctx;
  net::signal_set signals(ctx, SIGUSR1);
  auto state = std::make_shared<refnet_test::probe_state>();
  int received = 0;
  {
    refnet_test::initiation_guard guard;
    signals.async_wait([&, state](net::error_code ec, int signal_number) {
      refnet_test::probe_handler probe(state);
      std::move(probe)(ec);
      received = signal_number;
    });
  }
  ::raise(SIGUSR1);
  ctx.run_for(5s);
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->invoked_inside_initiation, 0);
  EXPECT_FALSE(state->last_error);
  EXPECT_EQ(received, SIGUSR1);
}

TEST(SignalSet, ASignalRaisedBeforeTheWaitIsKeptForIt) {
  net::io_context ctx;
  net::signal_set kept(ctx), witness(ctx);
  kept.add(SIGUSR2);
  witness.add(SIGUSR2);
  // The witness's wait completing is the event that the signal has been delivered to every set;
  // `kept` had no wait outstanding then, so it must hold the signal for its next one.
  int witnessed = 0, received = 0;
  witness.async_wait([&](net::error_code ec, int signal_number) {
    if (!ec) witnessed = signal_number;
  });
  ::raise(SIGUSR2);
  ctx.run_for(5s);
  ASSERT_EQ(witnessed, SIGUSR2);
  ctx.restart();
  kept.async_wait([&](net::error_code ec, int signal_number) {
    if (!ec) received = signal_number;
  });
  ctx.poll();  // a kept signal completes the wait at once: nothing to wait for
  EXPECT_EQ(received, SIGUSR2);
}

TEST(SignalSet, CancelAbortsTheWait) {
  net::io_context ctx;
  net::signal_set signals(ctx, SIGUSR1);
  net::error_code result;
  signals.async_wait([&](net::error_code ec, int) { result = ec; });
  signals.cancel();
  ctx.run();
  EXPECT_EQ(result, net::error::operation_aborted);
}

TEST(SignalSet, EmittingTheSlotAbortsOnlyThatWait) {
  net::io_context ctx;
  net::signal_set signals(ctx, SIGUSR1);
  net::cancellation_signal cancel_first;
  net::error_code first, second;
  signals.async_wait(net::bind_cancellation_slot(cancel_first.slot(), [&](net::error_code ec, int) { first = ec; }));
  signals.async_wait([&](net::error_code ec, int) { second = ec; });
  cancel_first.emit(net::cancellation_type::terminal);
  ctx.poll();
  EXPECT_EQ(first, net::error::operation_aborted);
  ::raise(SIGUSR1);
  ctx.run_for(5s);
  EXPECT_FALSE(second);
}

TEST(SignalSet, AnUnknownSignalIsRejected) {
  net::io_context ctx;
  net::signal_set signals(ctx);
  net::error_code ec;
  signals.add(100000, ec);
  EXPECT_EQ(ec, net::error::invalid_argument);
}

}  // namespace
