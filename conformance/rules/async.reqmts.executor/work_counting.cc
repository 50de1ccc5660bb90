// rule:   async.reqmts.executor/work-started-keeps-context-running
// rule:   async.reqmts.executor/work-finished-releases-context
// clause: [async.reqmts.executor] p6, rows on_work_started and on_work_finished of the
//         Executor requirements table
// Work counted through on_work_started keeps the executor's context from running out of work
// until a matching on_work_finished, on an equal executor, releases it. Applies to the subjects
// whose executors count work (executors::ts_counting_work; system_executor's do nothing,
// [async.system.exec.ops]).
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "conformance/executors/all.hpp"
#include "conformance/harness/probes/event.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

// How long a helper waits to see run() return while work is still counted before it releases
// the work. A correct library never returns in that time, however loaded the machine; one that
// does not count the work returns at once, so the wait only bounds how long that takes to show.
constexpr std::chrono::milliseconds hold_time{300};

CONFORMANCE_RULE("async.reqmts.executor/work-started-keeps-context-running", executors::ts_counting_work,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = subject.executor();
                   ex.on_work_started();
                   const auto run_returned = std::make_shared<event>();
                   std::atomic<bool> released{false};
                   std::thread releaser = start_thread([&, ex, run_returned] {
                     run_returned->wait_for(hold_time);
                     released = true;
                     ex.on_work_finished();
                   });
                   executors::run_until_out_of_work(subject, "the subject holding work counted by on_work_started()");
                   const bool released_before_return = released;
                   run_returned->notify();
                   releaser.join();
                   EXPECT_TRUE(released_before_return)
                       << "the context ran out of work while work counted by on_work_started() was still outstanding";
                 });

CONFORMANCE_RULE("async.reqmts.executor/work-finished-releases-context", executors::ts_counting_work,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = subject.executor();
                   const auto copy = ex;
                   ex.on_work_started();
                   copy.on_work_started();
                   // Finished on an equal executor each: the count is the context's, not the object's.
                   copy.on_work_finished();
                   ex.on_work_finished();
                   // A TIMEOUT here names the fault: run() never sees the work released.
                   executors::run_until_out_of_work(
                       subject,
                       "run() after every on_work_started() was matched by on_work_finished() (work never released)");
                   SUCCEED();
                 });

}  // namespace
}  // namespace conformance
