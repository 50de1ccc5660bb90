// rule:   asio.cancellation.emit/emitted-once-initiation-returned-takes-effect
// rule:   asio.cancellation.emit/before-start-or-after-completion-has-no-effect
// rule:   asio.cancellation.emit/from-another-thread
// clause: [asio.cancellation.emit] p1-p3
// A program may emit cancellation as soon as the initiating function has
// returned (not while it runs): an emission then, before the context has run
// anything, cancels the operation. An emission before the operation started, or
// after it completed, has no effect: the operation started afterwards stays
// outstanding, and a completed one is not completed again. Emitting follows the
// rules of calling a member function of the I/O object: from another thread,
// while nothing else uses the object, it cancels the operation too.
#include <memory>
#include <thread>

#include "conformance/harness/cancellation/cancellable_operations.hpp"
#include "conformance/harness/cancellation/cancellation_run.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

#if CONFORMANCE_HAS_CANCELLATION
CONFORMANCE_RULE("asio.cancellation.emit/emitted-once-initiation-returned-takes-effect", operations::cancellable,
                 [](auto operation) {
                   using Op = decltype(operation);
                   cancellation_run<Op> run;
                   run.start();
                   run.emit(net::cancellation_type::terminal);
                   ASSERT_TRUE(run.completes())
                       << Op::name << " was not cancelled by an emission right after its initiating function returned";
                   EXPECT_TRUE(run.received_cancellation()) << run.received();
                 });

CONFORMANCE_RULE("asio.cancellation.emit/before-start-or-after-completion-has-no-effect", operations::cancellable,
                 [](auto operation) {
                   using Op = decltype(operation);
                   cancellation_run<Op> run;
                   run.emit(net::cancellation_type::terminal | net::cancellation_type::partial |
                            net::cancellation_type::total);
                   run.start();
                   EXPECT_TRUE(run.stays_pending())
                       << Op::name << " completed after a cancellation emitted before it started: " << run.received();

                   run.instance().cancel();
                   ASSERT_TRUE(run.completes()) << Op::name << " did not complete after cancel() on its I/O object";
                   run.emit(net::cancellation_type::terminal);
                   run.stays_pending();  // runs whatever the emission may have queued
                   EXPECT_EQ(run.invocations(), 1)
                       << "an emission after " << Op::name << " completed invoked its handler again";
                   const auto next = run.start_another();
                   EXPECT_TRUE(run.stays_pending(*next))
                       << "after an emission that followed the completion of " << Op::name
                       << ", the same operation started again completed at once";
                 });

CONFORMANCE_RULE("asio.cancellation.emit/from-another-thread", operations::cancellable, [](auto operation) {
  using Op = decltype(operation);
  cancellation_run<Op> run;
  run.start();
  ASSERT_TRUE(run.stays_pending()) << Op::name << " completed by itself: " << run.received();
  std::thread emitter([&run] { run.emit(net::cancellation_type::terminal); });
  emitter.join();
  ASSERT_TRUE(run.completes()) << Op::name << " was not cancelled by an emission from another thread";
  EXPECT_TRUE(run.received_cancellation()) << run.received();
});
#endif

}  // namespace
}  // namespace conformance
