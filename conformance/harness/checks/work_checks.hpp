// The checks of [async.reqmts.async.work] p1 that hold while an operation is outstanding:
// (1) work on ex2 and (2) work on ex1, right after initiation, with the context not yet run;
// (3) work on ex1 between two steps of a composed operation. An operation that progresses on
// threads of its own can complete before a count is read; (1) and (2) judge only counts read
// while the handler had not yet been handed to ex2 (handed_to_ex2).
// Shared by the TS rules (async.reqmts.async.work) and by Asio 1.28's [asio.async.work.immediate],
// which keeps the requirement for every operation that does not complete immediately; these
// checks already leave out operations that completed inside their initiating function.
#pragma once

#include <memory>
#include <string>
#include <type_traits>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/io_executors.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance::checks {

template <class Op>
using completes_later = std::bool_constant<Op::completes == operations::completion::later>;

// Operations still outstanding after their initiating function has returned, until the
// context runs.
using outstanding_after_initiation = operations::concatenated_t<
    operations::pending, operations::selected_t<completes_later, operations::io_operations>,
    operation_list<operations::post_to_context, operations::post_to_executor, operations::dispatch_to_context,
                   operations::dispatch_to_executor, operations::defer_to_context, operations::defer_to_executor>>;

// The operations on I/O objects among them whose descriptors can build them on a chosen I/O
// executor: the ones (2) applies to.
using io_objects_outstanding_after_initiation = operations::runs_on_chosen_executor_t<
    operations::concatenated_t<operations::pending, operations::selected_t<completes_later, operations::io_operations>>>;

// The composed operations among them that can be built on a chosen I/O executor: the ones (3)
// applies to.
using composed_on_chosen_executor = operations::runs_on_chosen_executor_t<operations::composed>;

using work_observing_fixtures =
    concatenated_t<handler_executors::recording, operation_list<handler_executors::other_context>>;

// (1) with a recording ex2: its work count right after initiation.
template <class Operation, class Fixture>
void check_recorded_ex2_work(const Fixture& ex2) {
  const long held = ex2.log().outstanding_work();
  // Completed by the time the count was read (inside the initiating function, or since, on the
  // operation's own threads): nothing outstanding to hold work for. Read after the count.
  if (handed_to_ex2(ex2.log())) return;
  EXPECT_GE(held, 1) << "right after initiation, with the operation outstanding, the handler's associated executor ("
                     << Fixture::name << ") holds " << held
                     << " units of outstanding work; the operation must own a work guard on ex2 until it completes "
                        "(ex2 received: "
                     << describe(ex2.log().submissions()) << ")";
}

// (1) with ex2 on another io_context: poll() runs what is ready there and, finding no
// outstanding work, stops that context, exactly when run() would return. A context stopped
// while the handler has not run yet had no work to keep its run() going.
inline void check_other_context_kept_running(handler_executors::other_context& ex2, const probe_record& record) {
  ex2.context().poll();
  EXPECT_FALSE(ex2.context().stopped() && record.invocations() == 0)
      << "the io_context behind the handler's associated executor ran out of work (its run() would have returned) "
         "while the operation was outstanding; the operation must own a work guard on ex2 until it completes";
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
  initiate_guarded(instance, ex2.bind(probe_handler(record)));
  if constexpr (is_recording<fixture_type>()) {
    check_recorded_ex2_work<operation_type>(ex2);
  } else {
    check_other_context_kept_running(ex2, *record);
  }
  cancel_if_pending<operation_type>(instance);
  run_bounded(ex2, ctx, std::string(operation_type::name) + " run to completion", instance);
};

// (2) the operation's I/O object on a recording executor (ex1); the handler's own executor is a
// second recording executor of the same kind on ctx, so the first one's count is work1 alone,
// and the second tells whether the operation completed inside its initiating function (nothing
// outstanding then). Registered over io_objects_outstanding_after_initiation and
// io_executors::all.
inline constexpr auto io_executor_work_held = [](auto operation, auto io_executor) {
  using operation_type = decltype(operation);
  using fixture_type = typename decltype(io_executor)::type;
  using executor_type = typename fixture_type::executor_type;
  net::io_context ctx;
  fixture_type fixture(ctx);
  const executor_type ex1 = fixture.make();
  typename operation_type::template instance_on<executor_type> instance(ctx, ex1);
  const executor_type ex2 = fixture.make();
  initiate_guarded(instance, net::bind_executor(ex2, probe_handler(std::make_shared<probe_record>())));
  const long held = ex1.log().outstanding_work();
  if (!handed_to_ex2(ex2.log())) {  // still outstanding when the count was read (see (1))
    EXPECT_GE(held, 1) << "right after initiation, with the operation outstanding, the I/O object's executor (ex1) "
                          "holds "
                       << held << " units of outstanding work; the operation must own a work guard on ex1";
  }
  cancel_if_pending<operation_type>(instance);
  run_bounded(ctx, std::string(operation_type::name) + " run to completion", fixture, instance);
};

// (3) a composed operation's I/O object on a recording executor (ex1) over ctx (or a thread
// pool), its handler bound to a second one over ctx2, which is not run until the end. Polling
// ctx (or waiting for the pool) completes the first intermediate operation, whose handler then
// waits on ex2: no intermediate operation is pending, yet the composed operation is, so ex1
// must still count its work (without it, ctx's run() would return with the operation
// outstanding). Registered over operations::composed (on a chosen executor) and
// io_executors::all.
inline constexpr auto io_executor_work_held_between_steps = [](auto operation, auto io_executor) {
  using operation_type = decltype(operation);
  using fixture_type = typename decltype(io_executor)::type;
  using executor_type = typename fixture_type::executor_type;
  if constexpr (!requires(fixture_type& f) { f.settle(); } && executor_roles::is_role_fixture<fixture_type>) {
    UNSUPPORTED("ex1 is the executor under test, whose context runs the I/O object's completions on threads the "
                "suite cannot wait for, so ex1's count between the steps cannot be read settled; the library's "
                "operation is judged by this rule on the library's own target");
  }
  net::io_context ctx;
  net::io_context ctx2;
  fixture_type fixture(ctx);
  const executor_type ex1 = fixture.make();
  typename operation_type::template instance_on<executor_type> instance(ctx, ex1);
  const auto ex2 = fixture_type::make_on(ctx2);
  const auto record = std::make_shared<probe_record>();
  record->expect_invocation();
  initiate_guarded(instance, net::bind_executor(ex2, probe_handler(record)));

  const bool step_waits_on_ex2 = poll_until(ctx, [&ex2] { return !ex2.log().submissions().empty(); });
  // On a pool, the step that handed the intermediate handler to ex2 may still be returning
  // (and releasing its own work on ex1) on the pool's thread: read the count once it has.
  if constexpr (requires { fixture.settle(); }) {
    ASSERT_TRUE(fixture.settle()) << "the thread pool behind ex1 (" << fixture_type::name
                                  << ") did not finish its running function within " << run_time_limit.count()
                                  << " s; the count of ex1's work could not be read";
  }
  const long held = ex1.log().outstanding_work();
  {
    const watchdog guard(std::string(operation_type::name) + " run to completion", run_time_limit);
    // A pool behind ex1 is kept from running out of work until the contexts have run: a library
    // that drops ex1's work between steps (the fault judged above) would otherwise let the pool
    // stop with a step still to start on it, and the run would hang instead of reporting.
    auto pool_kept = handler_executors::hold_work(fixture);
    run_in_turns(ctx, ctx2);
    pool_kept.release();
    join_if_on_own_threads(fixture);
    join_if_on_own_threads(instance);
  }
  ASSERT_TRUE(step_waits_on_ex2)
      << "running the I/O object's context never gave the handler's associated executor (ex2, whose context was "
         "not running) a function: the first intermediate handler of "
      << operation_type::name
      << " did not go to ex2, so this rule could not observe the state between two steps (the rule "
         "async.reqmts.async.composed/intermediate-handlers-use-handler-executor judges where intermediate handlers "
         "go)";
  EXPECT_GE(held, 1) << "while an intermediate handler of " << operation_type::name
                     << " waited on ex2 (the composed operation outstanding, no intermediate operation pending), the "
                        "I/O object's executor (ex1) counted "
                     << held
                     << " units of outstanding work: nothing kept ex1's context running, and its run() would have "
                        "returned; the composed operation must own work on ex1 until it completes, not only while "
                        "an intermediate operation is pending";
  EXPECT_EQ(record->invocations(), 1) << "the final handler must run exactly once";
};

}  // namespace conformance::checks
