// Starting an operation and running its contexts, the way every rule does: the initiating
// call under an initiation_guard, and the run bounded by a watchdog, so that a library that
// hangs gives a TIMEOUT verdict for that case instead of a stuck run.
#pragma once

#include <chrono>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/harness/memory_attribution.hpp"
#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/target_description.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance {

// How long a rule lets the contexts it runs take to finish: generous for every descriptor,
// sanitizers and a loaded machine included.
inline constexpr std::chrono::seconds run_time_limit{10};

// A party to a run that runs on threads of its own and can be waited for: join() blocks until
// it has run out of work. The I/O-executor fixtures on a thread pool (io_executors.hpp) are
// such parties, and so is a descriptor's instance whose I/O objects live on a context of its
// own (operations/operation.hpp).
template <class Party>
concept runs_on_own_threads = requires(Party& party) { party.join(); };

template <class Party>
void join_if_on_own_threads(Party& party) {
  if constexpr (runs_on_own_threads<Party>) party.join();
}

// A harness thread: what starting it allocates is the harness's, not the operation's.
template <class Function>
std::thread start_thread(Function function) {
  const memory_of harness(memory_owner::probe);
  return std::thread(std::move(function));
}

// Calls run_here(), which runs ctx (and whatever else runs on the calling thread) until it is
// out of work. With parties that run on threads of their own, it then runs again on a helper
// thread, ctx kept from running out of work, while this thread waits for each of them: an
// operation holds work on its executors until it has handed its handler over, so a party does
// not run out of work before the handler has run, and a handler on ctx still finds it running.
// The first run comes before any party is waited for, so that what ctx has queued (an
// operation started from a handler) has started: a joined pool takes no new work.
// Other parties (an instance without join(), say) are left alone.
template <class RunHere, class... Parties>
void run_joining(net::io_context& ctx, RunHere run_here, Parties&... parties) {
  if constexpr ((runs_on_own_threads<Parties> || ...)) {
    run_here();
    ctx.restart();
    auto keep_running = net::make_work_guard(ctx);
    std::thread helper = start_thread(std::move(run_here));
    (join_if_on_own_threads(parties), ...);
    keep_running.reset();
    helper.join();
  } else {
    run_here();
  }
}

// Runs ctx until it is out of work, and waits for the parties that run on threads of their own
// (above), within run_time_limit.
template <class... Parties>
void run_bounded(net::io_context& ctx, const std::string& what, Parties&... parties) {
  const watchdog guard(what, run_time_limit);
  run_joining(ctx, [&ctx] { ctx.run(); }, parties...);
}

// Runs ctx and whatever else a handler executor fixture runs with it (handler_executors.hpp)
// until all of them are out of work, and waits for the parties as above, within
// run_time_limit.
template <class Fixture, class... Parties>
  requires(!std::is_same_v<Fixture, net::io_context>)
void run_bounded(Fixture& fixture, net::io_context& ctx, const std::string& what, Parties&... parties) {
  const watchdog guard(what, run_time_limit);
  run_joining(ctx, [&fixture, &ctx] { fixture.run(ctx); }, parties...);
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
