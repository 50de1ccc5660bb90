// Helpers shared by the rules of group A ([async.reqmts.async.concepts], .token, .return.*,
// .lifetime, .non.blocking and Asio's token/return replacements): starting one operation with
// a given token under an initiation guard, running its context with a bound, and turning what a
// probe handler received into an operation outcome.
#pragma once

#include <chrono>
#include <string>
#include <utility>

#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::group_a {

// Generous for every descriptor, sanitizers included; a hang becomes TIMEOUT, not a stuck case.
inline constexpr std::chrono::seconds run_limit{10};

// Starts the operation with `token` inside an initiation guard; returns what the initiating
// function returned (for tokens whose async_result has a return value).
template <class Instance, class Token>
decltype(auto) initiate_guarded(Instance& operation, Token&& token) {
  const initiation_guard inside;
  return operation.initiate(std::forward<Token>(token));
}

inline void run_bounded(net::io_context& ctx, const std::string& what) {
  const watchdog guard(what, run_limit);
  ctx.run();
}

// The outcome a probe handler received in its first invocation.
inline operations::outcome received_outcome(const probe_record& record) {
  const auto arguments = record.arguments();
  if (!arguments) return {};
  return {arguments->error.value_or(target::error_code()), arguments->size};
}

// Faults of a probe record, as one line for a failure message.
inline std::string joined_faults(const probe_record& record) {
  std::string text;
  for (const std::string& fault : record.faults()) text += (text.empty() ? "" : "; ") + fault;
  return text;
}

}  // namespace conformance::group_a
