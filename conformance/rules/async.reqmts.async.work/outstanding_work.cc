// rule:   async.reqmts.async.work/handler-executor-work-held-while-outstanding
// rule:   async.reqmts.async.work/io-executor-work-held-while-outstanding
// rule:   async.reqmts.async.work/no-work-left-after-handler-returned
// clause: [async.reqmts.async.work] p1
// Until an operation completes it owns work guards on ex1 and on ex2, and it gives them up when
// it completes. Checked three ways: (1) right after initiation, with the context not yet run,
// a recording ex2 counts outstanding work, and an ex2 that is another io_context's executor
// keeps that context's run() (on a second thread) from returning; (2) an I/O object built on a
// recording executor (ex1) counts outstanding work at that point, with the handler bound
// elsewhere so that the count is work1 alone; (3) once the handler has returned, no work is
// left on a recording ex2 and none was finished that was not started.
// Operations that complete inside their initiating function, and the token-only forms of
// post/dispatch/defer (whose submission is their completion), are not outstanding after
// initiation and are left out of (1) and (2). Asio 1.28's [asio.async.work.immediate] keeps this
// requirement for operations that do not complete immediately, so edition asio-1.28 could share
// the bodies; it is registered for the editions of the TS paragraph only.
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <type_traits>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/all.hpp"
#include "conformance/rules/async.reqmts.async.completion/support.hpp"
#include "conformance/rules/async.reqmts.async.io.exec/io_objects_on_executor.hpp"

namespace conformance {
namespace {

using namespace completion_support;

template <class Op>
using completes_later = std::bool_constant<Op::completes == operations::completion::later>;

// Operations still outstanding after their initiating function has returned, until the
// context runs.
using outstanding_after_initiation = operations::concatenated_t<
    operations::pending, operations::selected_t<completes_later, operations::io_operations>,
    operation_list<operations::post_to_context, operations::post_to_executor, operations::dispatch_to_context,
                   operations::dispatch_to_executor, operations::defer_to_context, operations::defer_to_executor>>;

#if CONFORMANCE_HAS_STANDARD_EXECUTORS
using work_observing_fixtures = operation_list<handler_executors::recording_ts, handler_executors::recording_std,
                                               handler_executors::other_context>;
#else
using work_observing_fixtures = operation_list<handler_executors::recording_ts, handler_executors::other_context>;
#endif

// (1) with a recording ex2: its work count right after initiation.
template <class Operation, class Fixture>
void check_recorded_ex2_work(net::io_context& ctx, Fixture& ex2, typename Operation::instance& instance) {
  const long held = ex2.log().outstanding_work();
  if (!submitted_inside_initiation(ex2.log())) {
    EXPECT_GE(held, 1) << "right after initiation, with the operation outstanding, the handler's associated "
                          "executor ("
                       << Fixture::name << ") holds " << held
                       << " units of outstanding work; the operation must own a work guard on ex2 until it "
                          "completes (ex2 received: "
                       << describe(ex2.log().submissions()) << ")";
  }
  cancel_if_pending<Operation>(instance);
  run_bounded(ex2, ctx);
}

// (1) with ex2 on another io_context: that context's run() must not return while the
// operation is outstanding.
template <class Operation>
void check_other_context_kept_running(net::io_context& ctx, handler_executors::other_context& ex2,
                                      typename Operation::instance& instance, const probe_record& record) {
  std::atomic<bool> returned{false};
  std::thread ex2_runner([&] {
    ex2.context().run();
    returned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // A handler that already ran means the operation completed inside its initiating function
  // (and was posted to ex2): then it was never outstanding and run() may well return.
  const bool returned_while_outstanding = returned && record.invocations() == 0;
  cancel_if_pending<Operation>(instance);
  {
    // ctx runs on its own thread, kept busy until the handler has run: a composed operation's
    // next step may be started on ctx by an intermediate handler running on ex2.
    const watchdog guard("completing the operation and the second context's run()", std::chrono::seconds(10));
    if (ctx.stopped()) ctx.restart();
    auto ex1_work = net::make_work_guard(ctx);
    std::thread ex1_runner([&ctx] { ctx.run(); });
    while (!returned_while_outstanding && record.invocations() == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ex1_work.reset();
    ex1_runner.join();
    ex2_runner.join();
  }
  EXPECT_FALSE(returned_while_outstanding)
      << "run() of the io_context behind the handler's associated executor returned while the operation was "
         "outstanding; the operation must own a work guard on ex2 until it completes";
}

CONFORMANCE_RULE_MATRIX("async.reqmts.async.work/handler-executor-work-held-while-outstanding",
                        outstanding_after_initiation, work_observing_fixtures, [](auto operation, auto executor) {
                          using operation_type = decltype(operation);
                          using fixture_type = typename decltype(executor)::type;
                          net::io_context ctx;
                          fixture_type ex2(ctx);
                          typename operation_type::instance instance(ctx);
                          const auto record = std::make_shared<probe_record>();
                          {
                            const initiation_guard inside;
                            instance.initiate(ex2.bind(probe_handler(record)));
                          }
                          if constexpr (is_recording<fixture_type>()) {
                            check_recorded_ex2_work<operation_type>(ctx, ex2, instance);
                          } else {
                            check_other_context_kept_running<operation_type>(ctx, ex2, instance, *record);
                          }
                        });

// (2) an I/O object on a recording executor; the handler's own executor is ctx's, so the
// recording executor's count is work1 only.
CONFORMANCE_RULE_MATRIX("async.reqmts.async.work/io-executor-work-held-while-outstanding",
                        io_exec::outstanding_after_initiation, io_exec::io_executors,
                        [](auto scenario, auto io_executor) {
                          using scenario_type = decltype(scenario);
                          using fixture = typename decltype(io_executor)::type;
                          using executor_type = typename fixture::executor_type;
                          net::io_context ctx;
                          const executor_type ex1 = fixture::make(ctx);
                          typename scenario_type::template instance<executor_type> instance(ctx, ex1);
                          // ex2 is a second recording executor on ctx: it tells whether the operation
                          // completed inside its initiating function (nothing outstanding then).
                          const recording_ts_executor ex2(ctx);
                          {
                            const initiation_guard inside;
                            instance.initiate(
                                net::bind_executor(ex2, probe_handler(std::make_shared<probe_record>())));
                          }
                          const long held = ex1.log().outstanding_work();
                          if (!submitted_inside_initiation(ex2.log())) {
                            EXPECT_GE(held, 1) << "right after initiation, with the operation outstanding, the I/O "
                                                  "object's executor (ex1) holds "
                                               << held
                                               << " units of outstanding work; the operation must own a work guard "
                                                  "on ex1";
                          }
                          if constexpr (scenario_type::completes == operations::completion::never) instance.cancel();
                          const watchdog guard("completing the operation", std::chrono::seconds(10));
                          ctx.run();
                        });

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
                          run_bounded(ex2, ctx);

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
