// rule:   asio.async.completion.immediate.optimisation/immediate-executor-receives-dispatch
// rule:   asio.async.completion.immediate.optimisation/direct-submission-to-handler-executor-is-post
// clause: [asio.async.completion.immediate.optimisation] p1 (an operation that completes
//         immediately may instead submit f as if by dispatch(ex3, std::move(f))) and p2 (or as
//         if by post(ex2, std::move(f)))
// The two ways Asio 1.28 lets an immediate completion bypass post(ex1, f), each held to its
// form: p1, whatever a handler's own immediate executor (a recording ex3) receives is a
// dispatch; p2, whatever ex2 receives straight from inside the initiating function is a post.
// An operation that takes neither way passes both.
#include "conformance/harness/checks/submission_checks.hpp"
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/immediate/immediate_delivery_run.hpp"
#include "conformance/harness/probes/recording_std_executor.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.async.completion.immediate.optimisation/immediate-executor-receives-dispatch",
                 operations::io_operations, [](auto operation) {
                   immediate::delivery_run<decltype(operation)> run;
                   const recording_std_executor<> ex3(run.ctx);
                   run.start(ex3, immediate::started_from::outside_run);
                   ASSERT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
                   for (const submission& s : ex3.log().submissions()) {
                     EXPECT_EQ(s.style(), submission_style::dispatch)
                         << "the handler's immediate executor received: " << describe(ex3.log().submissions())
                         << "; an immediate completion may go to ex3 only as if by dispatch(ex3, f)";
                   }
                 });

CONFORMANCE_RULE_MATRIX(
    "asio.async.completion.immediate.optimisation/direct-submission-to-handler-executor-is-post",
    operations::io_operations, handler_executors::recording, [](auto operation, auto executor) {
      checks::check_direct_submission_is_post<decltype(operation), typename decltype(executor)::type>();
    });

}  // namespace
}  // namespace conformance
