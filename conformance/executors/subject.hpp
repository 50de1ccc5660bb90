// Executor subjects: the executors the executor rules ([async.reqmts.executor] and the clauses
// of the executor facilities) are applied to, one case per rule and subject, as operation
// descriptors are for the rules of asynchronous operations. A subject is a type with:
//
//   static constexpr std::string_view name;       stable, part of the case name
//   static constexpr executor_traits traits;      what it declares (below)
//   class instance {                              one per case: owns the execution context
//     instance();
//     executor_type executor();                   an executor of the subject, on its context
//     bool run_until(done);                       runs the context (or waits for the threads
//                                                 that run it) until done() holds; false if
//                                                 it cannot get there: out of work first, or
//                                                 run_time_limit passed (helpers below)
//   };
//
// Optional members of instance, used by the rules that need them (a subject without one gets
// UNSUPPORTED for those rules, with the member named):
//   void run();                                  for an executor that counts work: runs the
//                                                context (or waits for its threads) until it
//                                                has no outstanding work; work-counting rules
//                                                call it under a watchdog, so a subject that
//                                                never runs out of work gives a TIMEOUT
//   execution_context_type& context();          the context its executors must refer to
//   executor_type other_executor();              an executor of the same type that is not
//                                                interchangeable with executor() (of another
//                                                context, or another strand): must compare unequal
//   void shutdown_context();                     calls the context's shutdown() (p5 of
//                                                [async.reqmts.executor])
//
// A third party plugs in its own subjects with conformance_executor() (docs/adapters.md).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>

#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/running.hpp"

namespace conformance::executors {

// Where dispatch(f, a) may run f inside the call ([async.reqmts.executor] dispatch row: "if
// the executor permits it"): as the executor's own documentation says.
enum class inline_dispatch {
  never,                 // dispatch never runs f before it returns
  inside_its_functions,  // only when called from a function the executor is running
  anywhere,              // wherever it is called (system_executor)
};

struct executor_traits {
  // context(), on_work_started(), on_work_finished(), dispatch/post/defer(f, a): the Executor
  // requirements of the TS ([async.reqmts.executor]).
  bool ts_members = true;
  // execute() and query/require/prefer of Asio's standard executor properties
  // ([asio.executor.standard]).
  bool standard_properties = false;
  inline_dispatch dispatch = inline_dispatch::inside_its_functions;
  // Destroying the instance destroys the context of its executors (false for a context that
  // outlives it, such as the system context): the ExecutionContext rule about destruction
  // ([async.reqmts.executioncontext], its destructor row) needs it.
  bool instance_owns_context = true;
};

template <class Subject>
constexpr bool has_ts_members() {
  return Subject::traits.ts_members;
}

// run_until() for a context run from the calling thread (io_context, or any context with
// run_one() and restart()): one function at a time until done() holds; false once the context
// has run out of work without getting there.
template <class Context, class Done>
bool run_context_until(Context& context, Done done) {
  context.restart();
  while (!done()) {
    if (context.run_one() == 0) return done();
  }
  return true;
}

// run_until() for a context whose own threads run its functions (a thread pool, the system
// context): waits until done() holds, for at most run_time_limit. It polls, because done() is
// the rule's condition, which no thread of the context signals.
template <class Done>
bool wait_until(Done done) {
  const auto deadline = std::chrono::steady_clock::now() + run_time_limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  return true;
}

// The subject's run_until(done) under a watchdog, so that a context that blocks with work
// outstanding but nothing to run gives a TIMEOUT naming `what`.
template <class Instance, class Done>
bool run_until_bounded(Instance& subject, const std::string& what, Done done) {
  const watchdog guard(what, run_time_limit + std::chrono::seconds(2));
  return subject.run_until(done);
}

// A subject whose executors count work (on_work_started keeps its context from running out).
template <class Instance>
concept counts_work = requires(Instance& subject) {
  subject.run();
};

// Runs a work-counting subject until it is out of work, within run_time_limit.
template <class Instance>
void run_until_out_of_work(Instance& subject, const std::string& what) {
  const watchdog guard(what, run_time_limit);
  subject.run();
}

template <class Instance>
concept has_own_context = requires(Instance& subject) {
  subject.context();
};

template <class Instance>
concept has_other_executor = requires(Instance& subject) {
  subject.other_executor();
};

template <class Instance>
concept can_shut_down = requires(Instance& subject) {
  subject.shutdown_context();
};

}  // namespace conformance::executors
