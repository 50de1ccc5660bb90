// rule:   async.reqmts.async.exceptions/handler-exception-leaves-run-and-run-resumes
// clause: [async.reqmts.async.exceptions] p1 (what an exception from a completion handler does
//         is decided by the executor running the handler)
// The operation must hand a throwing handler's exception to the executor untouched: with the
// io_context's executor (directly, or through a strand of it) the exception leaves run() as the
// handler's own type, run() called again without restart() goes on running the work queued
// behind the handler, and a strand the handler ran on behaves as if the handler had returned
// (its queued functions run, new ones can be added, all of them inside the strand). Operations
// whose I/O objects run on a context of their own (operation.hpp's join()) are left out: with
// the io_context's executor as ex1 only, the handler runs where run() can let its exception out.
#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/throwing_handler.hpp"
#include "conformance/harness/queue.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using io_and_strand = operation_list<handler_executors::io, handler_executors::strand>;

// How one call of run() ended.
struct run_ending {
  bool returned = false;
  bool handler_exception_left = false;
  std::string other_exception;  // what() of any other exception, empty if none
};

run_ending run_once(net::io_context& ctx, const std::string& what) {
  const watchdog guard(what, run_time_limit);
  run_ending ending;
  try {
    ctx.run();
    ending.returned = true;
  } catch (const handler_exception&) {
    ending.handler_exception_left = true;
  } catch (const std::exception& e) {
    ending.other_exception = e.what();
  } catch (...) {
    ending.other_exception = "an exception not derived from std::exception";
  }
  return ending;
}

// Functions queued behind the throwing handler, and whether each ran where it had to.
class remaining_work {
 public:
  // Queues one function on the context and, for a strand fixture, one on the strand.
  template <class Fixture>
  void queue_from_handler(net::io_context& ctx, const Fixture& fixture) {
    queue_on(ctx, [this] { ran_.push_back("queued on the context by the handler"); });
    if constexpr (requires { fixture.executor().running_in_this_thread(); }) {
      queue_on(fixture.executor(), [this, &fixture] {
        ran_.push_back(fixture.running_on_it() ? "queued on the strand by the handler"
                                               : "queued on the strand by the handler (ran outside the strand)");
      });
    }
  }

  // After run() has let the exception out: the strand must accept new work.
  template <class Fixture>
  void queue_after_exception(const Fixture& fixture) {
    if constexpr (requires { fixture.executor().running_in_this_thread(); }) {
      queue_on(fixture.executor(), [this, &fixture] {
        ran_.push_back(fixture.running_on_it() ? "queued on the strand after the exception"
                                               : "queued on the strand after the exception (ran outside the strand)");
      });
    }
  }

  template <class Fixture>
  static std::vector<std::string> expected(const Fixture& fixture) {
    std::vector<std::string> names{"queued on the context by the handler"};
    if constexpr (requires { fixture.executor().running_in_this_thread(); }) {
      names.push_back("queued on the strand by the handler");
      names.push_back("queued on the strand after the exception");
    }
    return names;
  }

  const std::vector<std::string>& ran() const noexcept { return ran_; }

 private:
  std::vector<std::string> ran_;
};

std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : "; ") + name;
  return text.empty() ? "nothing" : text;
}

CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.exceptions/handler-exception-leaves-run-and-run-resumes", operations::completing_on_rules_context,
    io_and_strand, [](auto operation, auto executor) {
      using Operation = decltype(operation);
      using Fixture = typename decltype(executor)::type;
      net::io_context ctx;
      const Fixture fixture(ctx);
      remaining_work work;
      const auto record = std::make_shared<probe_record>();
      record->expect_invocation();
      record->on_invocation([&] { work.queue_from_handler(ctx, fixture); });

      typename Operation::instance instance(ctx);
      instance.initiate(fixture.bind(throwing_handler(record)));
      const run_ending first = run_once(ctx, std::string(Operation::name) + ": first run()");

      ASSERT_EQ(record->invocations(), 1) << "the throwing handler must run exactly once";
      EXPECT_TRUE(first.handler_exception_left)
          << "the handler threw conformance::handler_exception on the " << Fixture::name << " executor, but run() "
          << (first.returned ? "returned normally (the exception was swallowed)"
                             : "threw something else: " + first.other_exception)
          << "; [async.reqmts.async.exceptions] p1 leaves the exception to the executor running the handler, "
             "and an io_context lets it out of run()";

      work.queue_after_exception(fixture);
      const run_ending second = run_once(ctx, std::string(Operation::name) + ": run() after the exception");
      EXPECT_TRUE(second.returned) << "run() called again after the handler's exception did not return normally"
                                   << (second.handler_exception_left ? " (the handler's exception came out again)"
                                                                     : ": " + second.other_exception);
      EXPECT_EQ(sorted(work.ran()), sorted(remaining_work::expected(fixture)))
          << "after the handler's exception, run() called again (without restart()) ran: " << listed(work.ran())
          << "; expected: " << listed(remaining_work::expected(fixture))
          << " (the exception must leave the context and any strand as if the handler had returned)";
      EXPECT_EQ(record->invocations(), 1) << "the throwing handler ran again";
    });

}  // namespace
}  // namespace conformance
