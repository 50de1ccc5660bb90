// rule:   asio.cancellation.signal/reusable-for-later-operations
// rule:   asio.cancellation.signal/operation-attaches-handler-emit-calls
// rule:   asio.cancellation.signal/one-handler-per-slot
// clause: [asio.cancellation.signal] p1-p3
// A signal and its slot serve one operation at a time and can then serve the
// next: an operation started with the slot attaches its cancellation handler to
// it (has_handler() while it is outstanding) and emit() cancels it; after it
// completed, a second operation started with the same slot is cancelled by the
// next emission, and the first handler is not called again. A slot holds one
// handler: a second one attached replaces the first.
#include <memory>

#include "conformance/harness/cancellation/cancellable_operations.hpp"
#include "conformance/harness/cancellation/cancellation_facility.hpp"
#include "conformance/harness/cancellation/cancellation_run.hpp"
#include "conformance/harness/cancellation/counting_cancellation_handler.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.cancellation.signal/one-handler-per-slot", facilities::cancellation, [](auto facility) {
  using F = decltype(facility);
  typename F::signal signal;
  cancellation_handler_log first;
  cancellation_handler_log second;
  signal.slot().template emplace<counting_cancellation_handler>(first, 1);
  signal.slot().template emplace<counting_cancellation_handler>(second, 2);
  signal.emit(F::type::terminal);
  EXPECT_EQ(first.calls, 0) << "emit() called a handler that a second one attached to the slot replaced";
  EXPECT_EQ(second.calls, 1) << "emit() did not call the handler attached last, once";
  EXPECT_EQ(first.live(), 0) << "the replaced handler is still alive: the slot holds two handlers";
});

#if CONFORMANCE_HAS_CANCELLATION
CONFORMANCE_RULE("asio.cancellation.signal/operation-attaches-handler-emit-calls", operations::cancellable,
                 [](auto operation) {
                   using Op = decltype(operation);
                   cancellation_run<Op> run;
                   EXPECT_FALSE(run.signal().slot().has_handler()) << "the slot has a handler before any operation";
                   run.start();
                   EXPECT_TRUE(run.signal().slot().has_handler())
                       << Op::name << ", started with the slot, attached no cancellation handler to it";
                   ASSERT_TRUE(run.stays_pending()) << Op::name << " completed by itself: " << run.received();
                   run.emit(net::cancellation_type::terminal);
                   ASSERT_TRUE(run.completes()) << "emit() did not cancel " << Op::name
                                                << ", whose cancellation handler is attached to the slot";
                   EXPECT_TRUE(run.received_cancellation()) << run.received();
                 });

CONFORMANCE_RULE("asio.cancellation.signal/reusable-for-later-operations", operations::cancellable,
                 [](auto operation) {
                   using Op = decltype(operation);
                   cancellation_run<Op> run;
                   run.start();
                   run.emit(net::cancellation_type::terminal);
                   ASSERT_TRUE(run.completes()) << "the first emission did not cancel " << Op::name;

                   // The same signal and slot, for the next operation on the
                   // same I/O object.
                   const auto second = std::make_shared<probe_record>();
                   initiate_guarded(run.instance(), probe_handler(second).with_cancellation_slot(run.signal().slot()));
                   ASSERT_TRUE(run.stays_pending(*second))
                       << "the second " << Op::name << ", started with the slot after the first completed, "
                       << "completed before a second emission";
                   run.emit(net::cancellation_type::terminal);
                   EXPECT_TRUE(run.completes(*second))
                       << "a second emission did not cancel the second operation started with the same slot";
                   EXPECT_EQ(run.invocations(), 1) << "the first operation's handler was invoked again";
                 });
#endif

}  // namespace
}  // namespace conformance
