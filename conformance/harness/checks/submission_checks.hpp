// Checks of how a completion is submitted, shared by the TS rule ([async.reqmts.async.completion]
// p3) and the Asio editions' rewordings of it ([asio.async.completion.immediate],
// [asio.async.completion.dispatch]): the same observation, cited from each edition's text.
// Each is a complete case body for one (operation, handler executor fixture) pair.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include <string>

#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/queue.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance::checks {

// The handler never runs inside the initiating function, whether that is called from outside
// the context or from a handler running on ex1 (where an inline invocation is most tempting),
// and it runs on ex2.
template <class Operation, class Fixture>
void check_not_invoked_inside_initiation() {
  net::io_context ctx;
  Fixture ex2(ctx);
  typename Operation::instance from_outside(ctx);
  typename Operation::instance from_handler(ctx);
  const auto outside_record = std::make_shared<probe_record>();
  const auto handler_record = std::make_shared<probe_record>();
  outside_record->expect_invocation();
  handler_record->expect_invocation();
  std::atomic<bool> ran_on_ex2{true};
  const auto note_executor_of = [&](const auto& instance) {
    return [&] {
      if (!handler_executors::running_on_ex2(ex2, instance)) ran_on_ex2 = false;
    };
  };
  outside_record->on_invocation(note_executor_of(from_outside));
  handler_record->on_invocation(note_executor_of(from_handler));

  {
    const initiation_guard inside;
    from_outside.initiate(ex2.bind(probe_handler(outside_record)));
  }
  // That initiation gives ex2 work only once ctx gets to it; ex2 must not run out meanwhile.
  queue_on(ctx, [&, held = handler_executors::hold_work(ex2)]() mutable {
    {
      const initiation_guard inside;
      from_handler.initiate(ex2.bind(probe_handler(handler_record)));
    }
    held.release();
  });
  run_bounded(ex2, ctx, std::string(Operation::name) + " started from outside run() and from a handler", from_outside,
              from_handler);

  ASSERT_EQ(outside_record->invocations(), 1) << "started from outside run(): the handler must run exactly once";
  ASSERT_EQ(handler_record->invocations(), 1) << "started from a handler: the handler must run exactly once";
  EXPECT_FALSE(outside_record->invoked_inside_initiation())
      << "started from outside run(): the handler ran inside the initiating function";
  EXPECT_FALSE(handler_record->invoked_inside_initiation())
      << "started from a handler running on ex1: the handler ran inside the initiating function";
  EXPECT_TRUE(ran_on_ex2) << "the handler did not run on its associated executor (" << Fixture::name << ")";
}

// Starts the run and, when the case applies to it (the operation completed inside its
// initiating function, or after it, as `inside` says), the handler ran once and ex2 received
// something, returns what ex2 received; otherwise records why not and returns nothing.
template <class Operation, class Fixture>
std::optional<std::vector<submission>> submissions_when_completed(recorded_run<Operation, Fixture>& run, bool inside,
                                                                  const char* none_received) {
  run.start();
  if ((inside ? run.completed_inside() : run.posted_inside()) != inside) {
    SUCCEED() << "the operation " << (inside ? "did not complete" : "completed")
              << " inside its initiating function; this case does not apply";
    return std::nullopt;
  }
  EXPECT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
  auto log = run.completion_submissions();
  EXPECT_FALSE(log.empty()) << none_received;
  if (run.record->invocations() != 1 || log.empty()) return std::nullopt;
  return log;
}

// An operation that completed inside its initiating function submits the handler to ex2 as if
// by post: every submission ex2 receives is post-style (TS member post, or an execute with
// blocking.never outside a continuation).
template <class Operation, class Fixture>
void check_immediate_completion_posted_to_ex2() {
  recorded_run<Operation, Fixture> run;
  const auto log = submissions_when_completed(run, true,
                                              "the operation completed inside its initiating function, but the "
                                              "handler's associated executor received no submission; it must "
                                              "receive one as if by post");
  if (!log) return;
  for (const submission& s : *log) {
    EXPECT_EQ(s.style(), submission_style::post)
        << "the operation completed inside its initiating function and ex2 received: " << describe(*log)
        << "; the handler must be submitted as if by ex2.post(f, alloc2)";
  }
}

// An operation that completed after its initiating function returned submits the handler to
// ex2 as if by dispatch, with the handler's associated allocator: every submission ex2
// receives is dispatch-style, made after the initiating function returned, and carries alloc2.
template <class Operation, class Fixture>
void check_later_completion_dispatched_to_ex2() {
  recorded_run<Operation, Fixture> run;
  const auto log = submissions_when_completed(run, false,
                                              "the handler's associated executor received no submission; the "
                                              "completion must be submitted to it as if by dispatch");
  if (!log) return;
  for (const submission& s : *log) {
    EXPECT_EQ(s.style(), submission_style::dispatch)
        << "ex2 received: " << describe(*log) << "; a completion after initiation must be submitted as if by "
        << "dispatch on ex2";
    EXPECT_FALSE(s.inside_initiation) << "ex2 received: " << describe(*log)
                                      << "; the operation completed later, yet submitted inside its initiation";
    EXPECT_EQ(s.allocator, run.alloc2.get()) << "ex2 received: " << describe(*log)
                                             << "; the submission must carry the handler's associated allocator";
  }
}

// Asio 1.26: an immediate completion is posted to ex1 as g, which holds work2 and dispatches f to
// ex2 when it runs, or (permitted optimisation) posted straight to ex2. Either way each
// submission to ex2 is a post, or a dispatch made after initiation while work on ex2 is still
// held; and the handler does not run inside the initiating function.
template <class Operation, class Fixture>
void check_immediate_completion_through_io_executor() {
  recorded_run<Operation, Fixture> run;
  const auto log = submissions_when_completed(run, true, "the handler's associated executor received no submission");
  if (!log) return;
  EXPECT_FALSE(run.record->invoked_inside_initiation()) << "the handler ran inside the initiating function";
  for (const submission& s : *log) {
    const bool posted = s.style() == submission_style::post;
    const bool dispatched_by_g =
        s.style() == submission_style::dispatch && !s.inside_initiation && s.outstanding_work >= 1;
    EXPECT_TRUE(posted || dispatched_by_g)
        << "ex2 received: " << describe(*log) << "; an immediate completion must reach ex2 either by a post or by a "
        << "dispatch from a function object posted to ex1 that still holds work on ex2";
  }
}

// Asio 1.26's optimisation: a submission made straight to ex2 inside the initiating function
// must be a post.
template <class Operation, class Fixture>
void check_direct_submission_is_post() {
  recorded_run<Operation, Fixture> run;
  run.start();
  ASSERT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
  const auto log = run.completion_submissions();
  for (const submission& s : log) {
    if (!s.inside_initiation) continue;
    EXPECT_EQ(s.style(), submission_style::post)
        << "ex2 received: " << describe(log) << "; a submission straight to ex2 from inside the initiating function "
        << "is only allowed as post(ex2, f)";
  }
}

}  // namespace conformance::checks
