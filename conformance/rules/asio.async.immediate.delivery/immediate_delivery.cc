// rule:   asio.async.immediate.delivery/dispatched-to-immediate-executor
// rule:   asio.async.immediate.delivery/inline-immediate-executor-runs-handler-inside
// clause: [asio.async.immediate.delivery] p1 (an operation that supports it and completes inside
//         its initiating function delivers the handler as if by dispatch on the handler's
//         associated immediate executor) and p2 (so the handler runs inside the initiating
//         function when an immediate executor such as system_executor is bound to it)
// Applied to the bundled socket operations that complete inside their initiating function
// (p3: operations on reactor-based sockets support it). p1: a recording ex3 receives the
// completion inside the initiating function, as a dispatch (blocking.possibly). p2: with
// system_executor as ex3, started from a handler running on ex1 (so that the dispatch on to the
// handler's associated executor, ex1, may run inline too), the handler runs inside the
// initiating function.
#include "conformance/harness/immediate/immediate_delivery_run.hpp"
#include "conformance/harness/probes/recording_std_executor.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

using immediate::delivery_run;
using immediate::started_from;

CONFORMANCE_RULE("asio.async.immediate.delivery/dispatched-to-immediate-executor", immediate::immediately_delivering,
                 [](auto operation) {
                   delivery_run<decltype(operation)> run;
                   const recording_std_executor<> ex3(run.ctx);
                   run.start(ex3, started_from::outside_run);
                   ASSERT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
                   const auto& log = ex3.log().submissions();
                   ASSERT_FALSE(log.empty())
                       << "the operation completed inside its initiating function, but the handler's immediate "
                          "executor received nothing: the completion must be delivered as if by dispatch on it";
                   EXPECT_TRUE(log.front().inside_initiation)
                       << "ex3 received: " << describe(log) << "; the completion must reach it inside the initiating "
                       << "function";
                   EXPECT_EQ(log.front().style(), submission_style::dispatch)
                       << "ex3 received: " << describe(log) << "; the completion must be delivered as if by dispatch";
                 });

CONFORMANCE_RULE("asio.async.immediate.delivery/inline-immediate-executor-runs-handler-inside",
                 immediate::immediately_delivering, [](auto operation) {
                   delivery_run<decltype(operation)> run;
                   run.start(net::system_executor(), started_from::handler_on_ex1);
                   ASSERT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
                   EXPECT_TRUE(run.record->invoked_inside_initiation())
                       << "with system_executor as its immediate executor, started from a handler on ex1, the "
                          "handler of an operation that completed inside its initiating function did not run "
                          "inside it";
                 });

}  // namespace
}  // namespace conformance
