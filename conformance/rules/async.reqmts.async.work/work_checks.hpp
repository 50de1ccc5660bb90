// The checks of [async.reqmts.async.work] p1 that hold while an operation is outstanding:
// (1) work on ex2 and (2) work on ex1, right after initiation, with the context not yet run.
// Shared by the TS rules (outstanding_work.cc) and by Asio 1.28's [asio.async.work.immediate],
// which keeps the requirement for every operation that does not complete immediately; these
// checks already leave out operations that completed inside their initiating function.
#pragma once

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

namespace conformance::work_checks {

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

// (1), registered with CONFORMANCE_RULE_MATRIX over outstanding_after_initiation and
// work_observing_fixtures.
inline constexpr auto handler_executor_work_held = [](auto operation, auto executor) {
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
};

// (2) an I/O object on a recording executor; the handler's own executor is ctx's, so the
// recording executor's count is work1 only. Registered over io_exec::outstanding_after_initiation
// and io_exec::io_executors.
inline constexpr auto io_executor_work_held = [](auto scenario, auto io_executor) {
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
};

}  // namespace conformance::work_checks
