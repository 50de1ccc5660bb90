// Tests of the probe handlers: each fault they claim to report is provoked on purpose
// (invoked twice, invoked through a moved-from handler, destroyed uninvoked while due),
// correct use reports none, and the associations they expose are the ones the library sees.
#include "conformance/harness/probes/probe_handler.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

static_assert(std::is_nothrow_move_constructible_v<probe_handler>);
static_assert(!std::is_copy_constructible_v<probe_handler>);
static_assert(!std::is_copy_assignable_v<probe_handler>);
static_assert(std::is_copy_constructible_v<copyable_probe_handler>);
static_assert(!std::is_copy_constructible_v<rvalue_probe_handler>);
static_assert(std::is_invocable_v<probe_handler&, target::error_code, std::size_t>);
static_assert(std::is_invocable_v<probe_handler&&>);
static_assert(!std::is_invocable_v<rvalue_probe_handler&>, "rvalue_probe_handler must not be lvalue-callable");
static_assert(std::is_invocable_v<rvalue_probe_handler&&, target::error_code>);

std::shared_ptr<probe_record> new_record() { return std::make_shared<probe_record>(); }

TEST(ProbeHandler, RecordsOneInvocationWithItsArgumentsAndThread) {
  const auto record = new_record();
  probe_handler handler(record);
  const auto error = make_error_code(net::error::operation_aborted);

  handler(error, std::size_t{42});

  EXPECT_EQ(record->invocations(), 1);
  ASSERT_TRUE(record->arguments().has_value());
  EXPECT_EQ(record->arguments()->count, 2u);
  EXPECT_EQ(record->arguments()->error, target::error_code(error));
  EXPECT_EQ(record->arguments()->bytes, std::size_t{42});
  ASSERT_EQ(record->invocation_threads().size(), 1u);
  EXPECT_EQ(record->invocation_threads()[0], std::this_thread::get_id());
  EXPECT_TRUE(record->faults().empty());
}

TEST(ProbeHandler, RecordsNoErrorOrSizeWhenNoneWasPassed) {
  const auto record = new_record();
  probe_handler{record}(3, "text");
  ASSERT_TRUE(record->arguments().has_value());
  EXPECT_EQ(record->arguments()->count, 2u);
  EXPECT_FALSE(record->arguments()->error);
  EXPECT_FALSE(record->arguments()->bytes.has_value());
  EXPECT_EQ(record->arguments()->text, "3, text");
}

TEST(ProbeHandler, DetectsBeingInvokedTwice) {
  const auto record = new_record();
  probe_handler handler(record);
  handler();
  handler();
  EXPECT_TRUE(record->invoked_more_than_once());
  EXPECT_EQ(record->faults().size(), 1u);
}

TEST(ProbeHandler, DetectsAnInvocationThroughAMovedFromHandler) {
  const auto record = new_record();
  probe_handler handler(record);
  probe_handler taken(std::move(handler));
  handler();  // NOLINT(bugprone-use-after-move): the misuse under test
  EXPECT_TRUE(record->invoked_after_move());
  EXPECT_FALSE(record->faults().empty());
}

TEST(ProbeHandler, DetectsDestructionWithoutInvocationWhileInvocationWasDue) {
  const auto record = new_record();
  record->expect_invocation();
  { probe_handler handler(record); }
  EXPECT_TRUE(record->destroyed_uninvoked());
  EXPECT_FALSE(record->faults().empty());
}

TEST(ProbeHandler, AcceptsDestructionWithoutInvocationWhenNotDue) {
  const auto record = new_record();
  { probe_handler handler(record); }
  EXPECT_FALSE(record->destroyed_uninvoked());
  EXPECT_TRUE(record->faults().empty());
}

TEST(ProbeHandler, AcceptsDestructionAfterInvocation) {
  const auto record = new_record();
  record->expect_invocation();
  {
    probe_handler handler(record);
    handler();
  }
  EXPECT_FALSE(record->destroyed_uninvoked());
  EXPECT_TRUE(record->faults().empty());
}

TEST(ProbeHandler, CountsMovesAndDestructionsOfTheValueOnly) {
  const auto record = new_record();
  {
    probe_handler first(record);
    probe_handler second(std::move(first));
    probe_handler third(new_record());
    third = std::move(second);  // third's own value is destroyed by the assignment
  }
  EXPECT_EQ(record->moves(), 2);
  EXPECT_EQ(record->destructions(), 1) << "moved-from shells are not values";
  EXPECT_EQ(record->live_values(), 0);
}

TEST(ProbeHandler, MovingAValueAwayDoesNotCountAsDestroyingIt) {
  const auto record = new_record();
  record->expect_invocation();
  std::optional<probe_handler> kept;
  {
    probe_handler handler(record);
    kept.emplace(std::move(handler));
  }
  EXPECT_FALSE(record->destroyed_uninvoked()) << "the value lives on in the moved-to handler";
  (*kept)();
  EXPECT_TRUE(record->faults().empty());
}

TEST(ProbeHandler, KeepsTheRecordOfTheExistingRuleApi) {
  const auto record = new_record();
  record->note_invocation();
  EXPECT_EQ(record->invocations(), 1);
  EXPECT_FALSE(record->invoked_inside_initiation());
}

TEST(ProbeHandler, RecordsWhetherItRanInsideAnInitiatingFunction) {
  const auto inside = new_record();
  const auto outside = new_record();
  {
    initiation_guard guard;
    probe_handler{inside}();
  }
  probe_handler{outside}();
  EXPECT_TRUE(inside->invoked_inside_initiation());
  EXPECT_FALSE(outside->invoked_inside_initiation());
}

TEST(ProbeHandler, RunsTheInvocationCallbackAfterRecording) {
  const auto record = new_record();
  int seen_invocations = -1;
  record->on_invocation([&] { seen_invocations = record->invocations(); });
  probe_handler{record}();
  EXPECT_EQ(seen_invocations, 1);
}

TEST(CopyableProbeHandler, CountsCopiesAndReportsDestroyedUninvokedOnlyWhenTheLastCopyGoes) {
  const auto record = new_record();
  record->expect_invocation();
  std::optional<copyable_probe_handler> original(std::in_place, record);
  {
    copyable_probe_handler copy(*original);
    EXPECT_EQ(record->copies(), 1);
    EXPECT_EQ(record->live_values(), 2);
  }
  EXPECT_FALSE(record->destroyed_uninvoked()) << "one copy is still alive";
  original.reset();
  EXPECT_TRUE(record->destroyed_uninvoked());
}

TEST(RvalueProbeHandler, RecordsAnInvocationAsAnRvalue) {
  const auto record = new_record();
  rvalue_probe_handler handler(record);
  std::move(handler)(target::error_code());
  EXPECT_EQ(record->invocations(), 1);
}

TEST(ProbeHandlerAssociations, ExposeTheExecutorAndAllocatorTheLibrarySees) {
  net::io_context ctx;
  const recording_ts_executor rx(ctx);
  const auto log = std::make_shared<allocation_log>();
  const auto record = new_record();
  auto handler = probe_handler(record).with_executor(rx).with_allocator(counting_allocator<void>(log));

  using handler_type = decltype(handler);
  static_assert(std::is_same_v<net::associated_executor_t<handler_type, net::io_context::executor_type>,
                               recording_ts_executor>);
  static_assert(std::is_same_v<net::associated_allocator_t<handler_type>, counting_allocator<void>>);
  static_assert(!std::is_copy_constructible_v<handler_type>);
  EXPECT_TRUE(net::get_associated_executor(handler, ctx.get_executor()) == rx);
  EXPECT_TRUE(net::get_associated_allocator(handler) == counting_allocator<void>(log));
  EXPECT_EQ(record->moves(), 0) << "building associations is not a move of the value";
  EXPECT_EQ(record->live_values(), 1);
}

TEST(ProbeHandlerAssociations, PlainHandlerTakesTheCandidates) {
  net::io_context ctx;
  const probe_handler handler(new_record());
  static_assert(std::is_same_v<net::associated_executor_t<probe_handler, net::io_context::executor_type>,
                               net::io_context::executor_type>);
  EXPECT_TRUE(net::get_associated_executor(handler, ctx.get_executor()) == ctx.get_executor());
}

#if CONFORMANCE_HAS_CANCELLATION
TEST(ProbeHandlerAssociations, ExposeTheCancellationSlotTheLibrarySees) {
  net::cancellation_signal signal;
  const auto handler = probe_handler(new_record()).with_cancellation_slot(signal.slot());
  static_assert(
      std::is_same_v<net::associated_cancellation_slot_t<std::decay_t<decltype(handler)>>, net::cancellation_slot>);
  EXPECT_TRUE(net::get_associated_cancellation_slot(handler) == signal.slot());
}
#endif

TEST(ProbeHandlerWithLibrary, IsInvokedOnceByPostAndByATimerWithTheirArguments) {
  net::io_context ctx;
  const auto posted = new_record();
  const auto waited = new_record();
  posted->expect_invocation();
  waited->expect_invocation();
  net::steady_timer timer(ctx, std::chrono::milliseconds(1));

  net::post(ctx, probe_handler(posted));
  timer.async_wait(probe_handler(waited));
  ctx.run();

  EXPECT_EQ(posted->invocations(), 1);
  EXPECT_EQ(waited->invocations(), 1);
  ASSERT_TRUE(waited->arguments().has_value());
  EXPECT_EQ(waited->arguments()->error, target::error_code());
  EXPECT_TRUE(posted->faults().empty());
  EXPECT_TRUE(waited->faults().empty());
  EXPECT_EQ(posted->live_values(), 0);
  EXPECT_EQ(waited->live_values(), 0);
}

TEST(ProbeHandlerWithLibrary, ReportsAHandlerTheLibraryDestroyedUninvoked) {
  const auto record = new_record();
  {
    net::io_context ctx;
    record->expect_invocation();  // deliberately wrong: the context will never run it
    net::post(ctx, probe_handler(record));
  }
  EXPECT_TRUE(record->destroyed_uninvoked());
}

template <class Handler>
concept postable_to_context = requires(net::io_context& ctx, Handler handler) { net::post(ctx, std::move(handler)); };

// Asio 1.18's completion_token_for concept requires lvalue-callable handlers, so there the
// rvalue-only variant is rejected at compile time; later versions invoke handlers as rvalues.
template <class Handler>
void post_and_run_once() {
  if constexpr (postable_to_context<Handler>) {
    net::io_context ctx;
    const auto record = new_record();
    net::post(ctx, Handler(record));
    ctx.run();
    EXPECT_EQ(record->invocations(), 1);
  } else {
    GTEST_SKIP() << "this library does not accept an rvalue-only handler as a completion token";
  }
}

TEST(ProbeHandlerWithLibrary, RvalueOnlyHandlerIsInvokedAsAnRvalueWhereTheLibraryAcceptsIt) {
  post_and_run_once<rvalue_probe_handler>();
}

}  // namespace
}  // namespace conformance
