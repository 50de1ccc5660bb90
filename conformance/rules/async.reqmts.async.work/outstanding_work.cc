// rule:   async.reqmts.async.work/handler-executor-work-held-while-outstanding
// rule:   async.reqmts.async.work/io-executor-work-held-while-outstanding
// rule:   async.reqmts.async.work/io-executor-work-held-between-intermediate-steps
// rule:   async.reqmts.async.work/no-work-left-after-handler-returned
// clause: [async.reqmts.async.work] p1
// Until an operation completes it owns work guards on ex1 and on ex2, and it gives them up when
// it completes. Checked three ways: (1) right after initiation, with the context not yet run,
// a recording ex2 counts outstanding work, and an ex2 that is another io_context's executor
// keeps that context's run() (on a second thread) from returning; (2) an I/O object built on a
// recording executor (ex1) counts outstanding work at that point, with the handler bound
// elsewhere so that the count is work1 alone, and still counts it while an intermediate
// handler of a composed operation waits on ex2 between two steps; (3) once the handler has
// returned, no work is left on a recording ex2 and none was finished that was not started.
// Operations that complete inside their initiating function (or, on threads of their own,
// before the count is read), and the token-only forms of
// post/dispatch/defer (whose submission is their completion), are not outstanding after
// initiation and are left out of (1) and (2), whose checks (work_checks.hpp) Asio 1.28's
// [asio.async.work.immediate] rules share.
#include <memory>

#include "conformance/harness/checks/work_checks.hpp"
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using namespace checks;

CONFORMANCE_RULE_MATRIX("async.reqmts.async.work/handler-executor-work-held-while-outstanding",
                        checks::outstanding_after_initiation, checks::work_observing_fixtures,
                        checks::handler_executor_work_held);

CONFORMANCE_RULE_MATRIX("async.reqmts.async.work/io-executor-work-held-while-outstanding",
                        checks::io_objects_outstanding_after_initiation, io_executors::all,
                        checks::io_executor_work_held);

CONFORMANCE_RULE_MATRIX("async.reqmts.async.work/io-executor-work-held-between-intermediate-steps",
                        checks::composed_on_chosen_executor, io_executors::all,
                        checks::io_executor_work_held_between_steps);

// (3) nothing left once the handler has returned.
CONFORMANCE_RULE_MATRIX("async.reqmts.async.work/no-work-left-after-handler-returned", operations::all_completing,
                        handler_executors::recording, [](auto operation, auto executor) {
                          using fixture_type = typename decltype(executor)::type;
                          net::io_context ctx;
                          fixture_type ex2(ctx);
                          typename decltype(operation)::instance instance(ctx);
                          const auto record = std::make_shared<probe_record>();
                          record->expect_invocation();
                          instance.initiate(ex2.bind(probe_handler(record)));
                          run_bounded(ex2, ctx, std::string(decltype(operation)::name) + " until its handler has run",
                                      instance);

                          ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
                          const executor_log& log = ex2.log();
                          EXPECT_EQ(log.outstanding_work(), 0)
                              << "after the handler has returned the handler's associated executor ("
                              << fixture_type::name << ") still counts " << log.outstanding_work()
                              << " units of outstanding work; the operation's work guards must be released when "
                                 "it completes";
                          EXPECT_FALSE(log.work_finished_exceeded_started())
                              << "on_work_finished was called on ex2 more often than on_work_started ("
                              << log.work_finished() << " vs " << log.work_started() << ")";
                        });

}  // namespace
}  // namespace conformance
