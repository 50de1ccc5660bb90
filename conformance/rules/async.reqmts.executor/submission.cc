// rule:   async.reqmts.executor/dispatch-runs-inline-only-where-permitted
// rule:   async.reqmts.executor/dispatch-calls-decay-copy-once
// rule:   async.reqmts.executor/dispatch-memory-released-before-call
// rule:   async.reqmts.executor/post-never-runs-function-inside-call
// rule:   async.reqmts.executor/post-calls-decay-copy-once
// rule:   async.reqmts.executor/post-memory-released-before-call
// rule:   async.reqmts.executor/defer-never-runs-function-inside-call
// rule:   async.reqmts.executor/defer-calls-decay-copy-once
// rule:   async.reqmts.executor/defer-memory-released-before-call
// clause: [async.reqmts.executor] p6, rows dispatch, post and defer of the Executor
//         requirements table
// What each of the three submissions does with the function it is given, on every executor
// subject with the TS members (conformance/executors/): where it may run, that a decay-copy
// made in the call runs once and sees what the caller wrote before, and the storage taken from
// the proto-allocator.
#include "conformance/executors/submission.hpp"

#include <atomic>
#include <memory>
#include <string>

#include "conformance/executors/all.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/submitted_function.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

using executors::submission;

// Submits a probe function from the calling thread (outside every function the subject runs)
// and from inside a function the subject runs, and runs the subject until both were called.
struct both_places {
  std::shared_ptr<submission_record> from_outside = std::make_shared<submission_record>();
  std::shared_ptr<submission_record> from_inside = std::make_shared<submission_record>();
};

template <submission How, class Subject>
both_places submit_from_outside_and_inside() {
  typename Subject::instance subject;
  const auto ex = subject.executor();
  both_places seen;
  executors::submit<How>(ex, submitted_function(seen.from_outside, nullptr), std::allocator<void>());
  // The way inside: a function posted to the executor submits the probe, once however often
  // post calls it (that post calls once is another rule's business).
  ex.post(
      [ex, record = seen.from_inside, once = std::make_shared<std::atomic<bool>>(false)] {
        if (!once->exchange(true))
          executors::submit<How>(ex, submitted_function(record, nullptr), std::allocator<void>());
      },
      std::allocator<void>());
  const bool ran =
      executors::run_until_bounded(subject, std::string(executors::member_name(How)) + " from outside and inside",
                                   [&] { return seen.from_outside->called() && seen.from_inside->called(); });
  EXPECT_TRUE(ran) << "a function given to " << executors::member_name(How)
                   << " was never called (the subject ran out of work, or " << run_time_limit.count() << " s passed)";
  return seen;
}

template <submission How, class Subject>
void expect_not_run_inside_call() {
  const both_places seen = submit_from_outside_and_inside<How, Subject>();
  EXPECT_FALSE(seen.from_outside->ran_inside_submission)
      << executors::member_name(How)
      << " called from outside the executor's functions ran the function inside the call";
  EXPECT_FALSE(seen.from_inside->ran_inside_submission)
      << executors::member_name(How) << " called from a function the executor runs ran the function inside the call";
}

// The decay-copy: made before the call returns (the caller then changes its own object), called
// once, and the call sees what the caller wrote before submitting.
template <submission How, class Subject>
void expect_decay_copy_called_once() {
  typename Subject::instance subject;
  const auto ex = subject.executor();
  auto record = std::make_shared<submission_record>();
  int written_before = 0;
  submitted_function original(record, &written_before);
  written_before = 42;
  executors::submit<How>(ex, original, std::allocator<void>());
  original.id = 2;  // a library that kept a reference to `original` calls it with id 2
  const bool ran = executors::run_until_bounded(subject, std::string(executors::member_name(How)) + " of an lvalue",
                                                [&] { return record->called(); });
  ASSERT_TRUE(ran) << "the function given to " << executors::member_name(How) << " was never called";
  if constexpr (executors::counts_work<typename Subject::instance>) {
    // Out of work: every call the library will ever make has been made.
    executors::run_until_out_of_work(subject, "the context running out of work after the function ran");
  }
  EXPECT_EQ(record->calls.load(), 1) << "the function given to " << executors::member_name(How) << " was called "
                                     << record->calls.load() << " times; at most once is allowed";
  EXPECT_EQ(record->seen_id.load(), 1)
      << "the function called was not a copy made during the call: it saw the caller's later change";
  EXPECT_EQ(record->seen_written.load(), 42) << "the call did not see what the caller wrote before submitting";
}

// Storage for the function taken from the allocator is released before the function runs, and
// none is left afterwards. A submission that ran the function inline needs no storage.
template <submission How, class Subject>
void expect_memory_released_before_call() {
  typename Subject::instance subject;
  const auto ex = subject.executor();
  auto record = std::make_shared<submission_record>();
  auto memory = std::make_shared<allocation_log>();
  executors::submit<How>(ex, submitted_function(record, nullptr, memory), counting_allocator<void>(memory));
  const bool ran = executors::run_until_bounded(
      subject, std::string(executors::member_name(How)) + " with an allocator", [&] { return record->called(); });
  ASSERT_TRUE(ran) << "the function given to " << executors::member_name(How) << " was never called";
  if constexpr (executors::counts_work<typename Subject::instance>) {
    executors::run_until_out_of_work(subject, "the context running out of work after the function ran");
  }
  if (!record->ran_inside_submission) {
    EXPECT_GT(memory->allocations(), 0u) << executors::member_name(How)
                                         << " did not take the function's storage from the allocator it was given";
  }
  EXPECT_EQ(record->live_bytes_at_call.load(), 0)
      << record->live_bytes_at_call.load()
      << " bytes taken from the allocator were still allocated when the function ran";
  EXPECT_EQ(memory->live_bytes(), 0u) << "bytes taken from the allocator were never returned";
  EXPECT_TRUE(memory->clean()) << "memory was returned to the allocator with a wrong size or pointer";
}

CONFORMANCE_RULE("async.reqmts.executor/dispatch-runs-inline-only-where-permitted", executors::ts_style,
                 [](auto subject) {
                   using Subject = decltype(subject);
                   const both_places seen = submit_from_outside_and_inside<submission::dispatch, Subject>();
                   if constexpr (Subject::traits.dispatch != executors::inline_dispatch::anywhere) {
                     EXPECT_FALSE(seen.from_outside->ran_inside_submission)
                         << "dispatch from outside the executor's functions ran the function inside the call, "
                            "which the subject declares it never does there";
                   }
                   if constexpr (Subject::traits.dispatch == executors::inline_dispatch::never) {
                     EXPECT_FALSE(seen.from_inside->ran_inside_submission)
                         << "dispatch ran the function inside the call, which the subject declares it never does";
                   }
                   EXPECT_EQ(seen.from_outside->calls.load(), 1);
                   EXPECT_EQ(seen.from_inside->calls.load(), 1);
                 });

CONFORMANCE_RULE("async.reqmts.executor/dispatch-calls-decay-copy-once", executors::ts_style,
                 [](auto subject) { expect_decay_copy_called_once<submission::dispatch, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/dispatch-memory-released-before-call", executors::ts_style,
                 [](auto subject) { expect_memory_released_before_call<submission::dispatch, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/post-never-runs-function-inside-call", executors::ts_style,
                 [](auto subject) { expect_not_run_inside_call<submission::post, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/post-calls-decay-copy-once", executors::ts_style,
                 [](auto subject) { expect_decay_copy_called_once<submission::post, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/post-memory-released-before-call", executors::ts_style,
                 [](auto subject) { expect_memory_released_before_call<submission::post, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/defer-never-runs-function-inside-call", executors::ts_style,
                 [](auto subject) { expect_not_run_inside_call<submission::defer, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/defer-calls-decay-copy-once", executors::ts_style,
                 [](auto subject) { expect_decay_copy_called_once<submission::defer, decltype(subject)>(); });

CONFORMANCE_RULE("async.reqmts.executor/defer-memory-released-before-call", executors::ts_style,
                 [](auto subject) { expect_memory_released_before_call<submission::defer, decltype(subject)>(); });

}  // namespace
}  // namespace conformance
