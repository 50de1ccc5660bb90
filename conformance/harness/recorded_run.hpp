// One run of an operation whose handler is bound to a recording ex2, and how to read what ex2
// received: for the rules on where and how a completion handler is submitted
// ([async.reqmts.async.handler.exec], [async.reqmts.async.work], [async.reqmts.async.completion]
// and the Asio editions' [asio.async.completion.*]).
#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/executor_log.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance {

// Fixtures whose ex2 logs what it receives (recording-ts, recording-std).
template <class Fixture>
constexpr bool is_recording() {
  return requires(const Fixture& fixture) { fixture.log(); };
}

// Makes an outstanding `never` operation complete (with operation_aborted), so that running
// the context ends; a no-op for operations that complete by themselves.
template <class Operation, class Instance>
void cancel_if_pending(Instance& instance) {
  if constexpr (Operation::completes == operations::completion::never) instance.cancel();
}

// Reports whether a may_be_immediate operation completed inside its initiating function
// (false for operations that can tell nothing or complete later; true for immediately).
template <class Operation>
bool completed_during_initiation(typename Operation::instance& instance) {
  if constexpr (Operation::completes == operations::completion::immediately) {
    return true;
  } else if constexpr (Operation::completes == operations::completion::may_be_immediate &&
                       operations::has_completion_report<Operation>()) {
    return instance.completed_during_initiation();
  } else {
    return false;
  }
}

inline std::string describe(const submission& s) {
  std::string text;
  switch (s.member) {
    case submission_member::dispatch: text = "dispatch"; break;
    case submission_member::post: text = "post"; break;
    case submission_member::defer: text = "defer"; break;
    case submission_member::execute: text = "execute"; break;
  }
  switch (s.blocking) {
    case blocking_value::possibly: text += " [blocking.possibly"; break;
    case blocking_value::always: text += " [blocking.always"; break;
    case blocking_value::never: text += " [blocking.never"; break;
  }
  text += s.relationship == relationship_value::continuation ? ", continuation]" : ", fork]";
  text += s.inside_initiation ? " inside the initiating function" : " after the initiating function returned";
  text += s.allocator ? ", with the handler's allocator" : ", with another allocator";
  text += ", outstanding work " + std::to_string(s.outstanding_work);
  return text;
}

inline std::string describe(const std::vector<submission>& log) {
  if (log.empty()) return "no submission";
  std::string text;
  for (const submission& s : log) text += (text.empty() ? "" : "; ") + describe(s);
  return text;
}

// True when ex2 received a submission inside the initiating function: the operation has
// completed there, whatever its descriptor expects (handing the handler over is completing).
inline bool submitted_inside_initiation(const executor_log& log) {
  for (const submission& s : log.submissions()) {
    if (s.inside_initiation) return true;
  }
  return false;
}

// True when ex2 has received a submission: the handler (or, for a composed operation whose
// steps progress without the context, an intermediate handler) has been handed over. Before the
// context runs, that happens only inside the initiating function, or on threads the operation
// uses of its own (a library's thread pool). Work counts read before it are still meaningful.
inline bool handed_to_ex2(const executor_log& log) { return !log.submissions().empty(); }

// One run of an io operation with a probe handler bound to a recording ex2 and carrying a
// counting allocator as alloc2; initiated under an initiation_guard.
template <class Operation, class Fixture>
struct recorded_run {
  net::io_context ctx;
  Fixture ex2{ctx};
  typename Operation::instance instance{ctx};
  std::shared_ptr<probe_record> record = std::make_shared<probe_record>();
  std::shared_ptr<allocation_log> alloc2 = std::make_shared<allocation_log>();
  bool reported_inside = false;  // the descriptor says it completed inside its initiating function

  void start() {
    record->expect_invocation();
    {
      const initiation_guard inside;
      instance.initiate(ex2.bind(probe_handler(record).with_allocator(counting_allocator<void>(alloc2))));
    }
    reported_inside = completed_during_initiation<Operation>(instance);
    run_bounded(ex2, ctx, std::string(Operation::name) + " until its handler has run", instance);
  }
  // What ex2 received for the operation's completion. A composed operation (of at least two
  // intermediate steps) hands ex2 every intermediate handler too, each submitted as its own
  // intermediate operation completed; the final handler is called from the last of them, so
  // the completion's submission is the last one.
  std::vector<submission> completion_submissions() const {
    std::vector<submission> all = ex2.log().submissions();
    if (operations::is_composed_operation<Operation>() && all.size() > 1) all.erase(all.begin(), all.end() - 1);
    return all;
  }

  // Completed inside the initiating function: the descriptor says so, or ex2 already received
  // the handler there (handing it over is completing, whatever the descriptor expects). A
  // composed operation never completes there: what ex2 receives there is its first
  // intermediate handler.
  bool completed_inside() const {
    return reported_inside ||
           (!operations::is_composed_operation<Operation>() && submitted_inside_initiation(ex2.log()));
  }
  // Completed inside it in the way p3 asks for: the descriptor says so, or ex2 received a post there.
  bool posted_inside() const {
    if (reported_inside) return true;
    if (operations::is_composed_operation<Operation>()) return false;
    for (const submission& s : ex2.log().submissions()) {
      if (s.inside_initiation && s.style() == submission_style::post) return true;
    }
    return false;
  }
};

}  // namespace conformance
