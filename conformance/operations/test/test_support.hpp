// Helpers for the descriptor tests: a move-only handler that records what it received, ways
// to drive io_contexts (and an operation's own context) with a deadline, and operation lists as GoogleTest type lists.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations::testing {

// Long enough for any descriptor under a sanitizer; short enough that a hang fails the test.
inline constexpr std::chrono::seconds completion_deadline{10};

struct run_record {
  int invocations = 0;
  bool inside_initiation = false;
  std::optional<outcome> result;
  std::function<bool()> on_expected_executor = [] { return true; };
  bool ran_on_expected_executor = false;
};

class recording_handler {
 public:
  explicit recording_handler(std::shared_ptr<run_record> record) : record_(std::move(record)) {}
  recording_handler(recording_handler&&) noexcept = default;
  recording_handler& operator=(recording_handler&&) noexcept = default;
  recording_handler(const recording_handler&) = delete;
  recording_handler& operator=(const recording_handler&) = delete;

  template <class... Results>
  void operator()(const Results&... results) {
    ++record_->invocations;
    record_->inside_initiation = record_->inside_initiation || initiation_guard::active();
    record_->ran_on_expected_executor = record_->on_expected_executor();
    record_->result = outcome_of(results...);
  }

 private:
  std::shared_ptr<run_record> record_;
};

// Polls every context in turn until `done()` or the deadline: for handlers bound to another
// context, where each context may have to run before the other can make progress.
template <class Done>
bool drive_until(std::initializer_list<net::io_context*> contexts, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + completion_deadline;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    for (net::io_context* context : contexts) {
      context->restart();
      context->poll();
    }
    if (!done()) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return done();
}

// Runs ctx until it is out of work or the deadline, waiting for the operation's own context
// too when it has one (harness/running.hpp's run_joining).
template <class Instance>
void run_until_done(net::io_context& ctx, Instance& operation) {
  run_joining(ctx, [&ctx] { ctx.run_for(completion_deadline); }, operation);
}

inline std::string result_text(const run_record& record) {
  return record.result ? describe(*record.result) : std::string("no result");
}

template <class Op>
::testing::AssertionResult received_expected(const run_record& record, const typename Op::instance& operation) {
  if (record.invocations != 1) {
    return ::testing::AssertionFailure() << "handler invoked " << record.invocations << " times, expected once";
  }
  if (!operation.expected().accepts(*record.result)) {
    return ::testing::AssertionFailure() << "handler received " << result_text(record) << ", expected "
                                         << operation.expected().description();
  }
  return ::testing::AssertionSuccess();
}

// One run of Op's operation with a recording_handler: its context, its instance, what the
// handler recorded.
template <class Op>
struct operation_run {
  net::io_context ctx;
  typename Op::instance operation{ctx};
  std::shared_ptr<run_record> record = std::make_shared<run_record>();

  // Starts the operation under the initiation guard with the recording handler, passed through
  // `wrap` (a binder, say) first.
  template <class Wrap = std::identity>
  void start(Wrap wrap = {}) {
    initiate_guarded(operation, wrap(recording_handler(record)));  // running.hpp's, as rules do
  }

  // Runs ctx until it is out of work (or the deadline), and the operation's own context too
  // when it has one (operation.hpp's join()).
  void run() { run_until_done(ctx, operation); }

  ::testing::AssertionResult received_expected() const { return testing::received_expected<Op>(*record, operation); }
};

template <class List>
struct as_types;

template <class... Ops>
struct as_types<operation_list<Ops...>> {
  using type = ::testing::Types<Ops...>;
};

struct descriptor_name {
  template <class Op>
  static std::string GetName(int) {
    std::string name(Op::name);
    for (char& c : name) {
      if (c == '.') c = '_';
    }
    return name;
  }
};

}  // namespace conformance::operations::testing
