// Starting an operation and running its contexts, the way every rule does: the initiating
// call under an initiation_guard, and the run bounded by a watchdog, so that a library that
// hangs gives a TIMEOUT verdict for that case instead of a stuck run.
#pragma once

#include <chrono>
#include <string>
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
