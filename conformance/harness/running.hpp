// Starting an operation and running its contexts, the way every rule does: the initiating
// call under an initiation_guard, and the run bounded by a watchdog, so that a library that
// hangs gives a TIMEOUT verdict for that case instead of a stuck run.
#pragma once

#include <chrono>
#include <string>
#include <thread>
#include <utility>

#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/target_description.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance {

// How long a rule lets the contexts it runs take to finish: generous for every descriptor,
// sanitizers and a loaded machine included.
inline constexpr std::chrono::seconds run_time_limit{10};

// Runs ctx until it is out of work, within run_time_limit.
inline void run_bounded(net::io_context& ctx, const std::string& what) {
  const watchdog guard(what, run_time_limit);
  ctx.run();
}

// Runs ctx and whatever else a handler executor fixture runs with it (handler_executors.hpp)
// until all of them are out of work, within run_time_limit.
template <class Fixture>
void run_bounded(Fixture& fixture, net::io_context& ctx, const std::string& what) {
  const watchdog guard(what, run_time_limit);
  fixture.run(ctx);
}

// Runs two contexts in turns, on this thread, until neither has work. Running one to the end
// before the other would never end for an operation that needs both: a composed operation whose
// intermediate handlers run on one and start the next step on the other. restart() each turn:
// a context whose work ran out is stopped, and a turn of the other may give it new work.
inline void run_in_turns(net::io_context& first, net::io_context& second) {
  for (;;) {
    first.restart();
    second.restart();
    const auto ran = first.poll() + second.poll();
    if (ran == 0 && first.stopped() && second.stopped()) return;
    if (ran == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

// Polls ctx until `reached()` (an event that running ctx brings about), for at most
// run_time_limit; returns whether it was reached.
template <class Predicate>
bool poll_until(net::io_context& ctx, Predicate reached) {
  const auto deadline = std::chrono::steady_clock::now() + run_time_limit;
  while (!reached() && std::chrono::steady_clock::now() < deadline) {
    ctx.restart();
    if (ctx.poll() == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return reached();
}

// Starts the operation with `token` inside an initiation guard; returns what the initiating
// function returned (for tokens whose async_result has a return value).
template <class Instance, class Token>
decltype(auto) initiate_guarded(Instance& operation, Token&& token) {
  const initiation_guard inside;
  return operation.initiate(std::forward<Token>(token));
}

// The outcome a probe handler received in its first invocation.
inline operations::outcome received_outcome(const probe_record& record) {
  return record.arguments().value_or(operations::outcome{});
}

}  // namespace conformance
