// executor_binder/bind_executor, allocator_binder/bind_allocator,
// cancellation_slot_binder/bind_cancellation_slot and their async_result specialisations.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using refnet_test::probe_state;

TEST(BindExecutor, BindsAnExecutorOrAContextsExecutor) {
  net::io_context ctx;
  auto h = [] {};
  auto b1 = net::bind_executor(ctx.get_executor(), h);
  auto b2 = net::bind_executor(ctx, h);
  EXPECT_EQ(b1.get_executor(), b2.get_executor());
  EXPECT_EQ(net::get_associated_executor(b1, net::system_executor()), ctx.get_executor());
}

TEST(BindExecutor, ForwardsOtherAssociatorsToTheTarget) {
  net::io_context ctx;
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  refnet_test::counting_allocator<> ca(counters);
  net::cancellation_signal signal;
  auto inner = net::bind_cancellation_slot(signal.slot(), net::bind_allocator(ca, [] {}));
  auto bound = net::bind_executor(ctx, std::move(inner));
  EXPECT_TRUE(net::get_associated_allocator(bound) == ca);
  EXPECT_TRUE(net::get_associated_cancellation_slot(bound) == signal.slot());
  EXPECT_EQ(net::get_associated_executor(bound), ctx.get_executor());
}

TEST(BindExecutor, InvokesTheTargetAsAnLvalueWhateverTheBindersValueCategory) {
  struct which_call {
    int operator()() & { return 1; }
    int operator()() && { return 2; }
  };
  net::io_context ctx;
  auto bound = net::bind_executor(ctx, which_call{});
  EXPECT_EQ(bound(), 1);
  EXPECT_EQ(std::move(bound)(), 1);
}

TEST(BindExecutor, RunsAMoveOnlyHandlerPostedThroughTheBinder) {
  net::io_context ctx;
  auto state = std::make_shared<probe_state>();
  net::post(ctx, net::bind_executor(ctx, refnet_test::bindable_probe(state)));
  ctx.run();
  EXPECT_EQ(state->invocations, 1);
  EXPECT_EQ(state->alive, 0);
}

TEST(BindExecutor, ConstructsFromTargetAndExecutor) {
  net::io_context ctx;
  const auto three = [] { return 3; };
  net::executor_binder<decltype(three), net::io_context::executor_type> bound(three, ctx.get_executor());
  EXPECT_EQ(bound.get_executor(), ctx.get_executor());
  EXPECT_EQ(bound(), 3);
}

TEST(BindExecutor, RunsTheHandlerOnTheBoundStrand) {
  net::io_context ctx;
  net::strand<net::io_context::executor_type> s(ctx.get_executor());
  bool in_strand = false;
  net::post(ctx, net::bind_executor(s, [&] { in_strand = s.running_in_this_thread(); }));
  ctx.run();
  EXPECT_TRUE(in_strand);
}

TEST(BindExecutor, AsyncResultKeepsTheInnerTokensReturnType) {
  net::io_context ctx;
  net::strand<net::io_context::executor_type> s(ctx.get_executor());
  std::future<int> f = net::post(ctx, net::bind_executor(s, net::use_future([&] { return s.running_in_this_thread() ? 1 : 2; })));
  ctx.run();
  EXPECT_EQ(f.get(), 1);
}

TEST(BindAllocator, OperationMemoryComesFromTheBoundAllocatorAndIsFreedBeforeTheHandler) {
  net::io_context ctx;
  auto counters = std::make_shared<refnet_test::allocation_counters>();
  long live_inside = -1;
  net::post(ctx, net::bind_allocator(refnet_test::counting_allocator<>(counters), [&] { live_inside = counters->live_bytes; }));
  ctx.run();
  EXPECT_GT(counters->allocations, 0);
  EXPECT_EQ(live_inside, 0);
  EXPECT_EQ(counters->allocations, counters->deallocations);
}

TEST(BindCancellationSlot, CancelsATimerWait) {
  net::io_context ctx;
  net::steady_timer timer(ctx, std::chrono::hours(1));
  net::cancellation_signal signal;
  net::error_code result;
  timer.async_wait(net::bind_cancellation_slot(signal.slot(), [&](net::error_code ec) { result = ec; }));
  net::post(ctx, [&] { signal.emit(net::cancellation_type::terminal); });
  ctx.run_for(std::chrono::seconds(5));
  EXPECT_EQ(result, net::error::operation_aborted);
}

TEST(Binders, ConvertBetweenTargetTypes) {
  net::io_context ctx;
  net::executor_binder<std::function<void()>, net::io_context::executor_type> b(net::bind_executor(ctx, [] {}));
  EXPECT_EQ(b.get_executor(), ctx.get_executor());
  static_assert(net::uses_executor_v<decltype(b), net::io_context::executor_type>);
}

}  // namespace
