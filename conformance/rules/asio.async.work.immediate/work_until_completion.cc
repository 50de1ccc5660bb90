// rule:   asio.async.work.immediate/handler-executor-work-held-unless-immediate
// rule:   asio.async.work.immediate/io-executor-work-held-unless-immediate
// rule:   asio.async.work.immediate/io-executor-work-held-between-intermediate-steps
// clause: [asio.async.work.immediate] p1 (Asio 1.28: the work guards on ex1 and ex2 are required
//         only of an operation that does not complete immediately, until it completes)
// The same observations as [async.reqmts.async.work] p1 (1) and (2), and ex1's work between
// two steps of a composed operation (which has not completed immediately); (1) and (2) leave out
// operations that completed inside their initiating function: right after initiation, with the
// context not yet run, a recording ex2 (or ex1) counts outstanding work, and an ex2 that is
// another io_context's executor keeps that context's run() from returning.
#include "conformance/harness/checks/work_checks.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE_MATRIX("asio.async.work.immediate/handler-executor-work-held-unless-immediate",
                        checks::outstanding_after_initiation, checks::work_observing_fixtures,
                        checks::handler_executor_work_held);

CONFORMANCE_RULE_MATRIX("asio.async.work.immediate/io-executor-work-held-unless-immediate",
                        checks::io_objects_outstanding_after_initiation, io_executors::all,
                        checks::io_executor_work_held);

CONFORMANCE_RULE_MATRIX("asio.async.work.immediate/io-executor-work-held-between-intermediate-steps",
                        checks::composed_on_chosen_executor, io_executors::all,
                        checks::io_executor_work_held_between_steps);

}  // namespace
}  // namespace conformance
