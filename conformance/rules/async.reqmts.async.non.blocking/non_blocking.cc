// rule:   async.reqmts.async.non.blocking/initiation-returns-while-pending
// clause: [async.reqmts.async.non.blocking] p1
// An initiating function never blocks waiting for the operation it started: every operation
// that stays outstanding (a timer a day away, a read from a silent peer) is started on a context
// that is not running, and the initiating function must return within a generous bound (2 s;
// the watchdog turns a blocked call into TIMEOUT); the operation is then cancelled and run out.
// And an operation that completes by itself at a known time (a timer's expiry, due() of its
// descriptor) must see its initiating function return before that time, however short the
// operation: an initiation that waits for the completion is caught there too.
#include <chrono>
#include <memory>
#include <string>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

constexpr std::chrono::seconds initiation_limit{2};

CONFORMANCE_RULE("async.reqmts.async.non.blocking/initiation-returns-while-pending", operations::pending,
                 [](auto operation) {
                   using Op = decltype(operation);
                   const auto record = std::make_shared<probe_record>();
                   net::io_context ctx;
                   typename Op::instance instance(ctx);
                   const auto started = std::chrono::steady_clock::now();
                   {
                     const watchdog guard("the initiating function of " + std::string(Op::name) +
                                              " (an operation that cannot complete yet) on a context that is not running",
                                          initiation_limit);
                     initiate_guarded(instance, probe_handler(record));
                   }
                   const auto blocked = std::chrono::steady_clock::now() - started;
                   EXPECT_LT(blocked, initiation_limit) << "the initiating function blocked the caller";
                   EXPECT_EQ(record->invocations(), 0) << "the handler of an outstanding operation ran before it was "
                                                          "cancelled";
                   instance.cancel();
                   run_bounded(ctx, std::string(Op::name) + " after cancel()", instance);
                   EXPECT_EQ(record->invocations(), 1) << "after cancel() the handler must run once";
                 });

template <class Op>
using knows_when_it_completes = std::bool_constant<operations::has_due_time<Op>()>;
using completing_when_due = operations::selected_t<knows_when_it_completes, operations::completing_later>;

CONFORMANCE_RULE("async.reqmts.async.non.blocking/initiation-returns-while-pending", completing_when_due,
                 [](auto operation) {
                   using Op = decltype(operation);
                   const auto record = std::make_shared<probe_record>();
                   record->expect_invocation();
                   net::io_context ctx;
                   typename Op::instance instance(ctx);
                   initiate_guarded(instance, probe_handler(record));
                   const auto returned = std::chrono::steady_clock::now();
                   const auto due = instance.due();
                   EXPECT_LT(returned, due)
                       << "the initiating function returned "
                       << std::chrono::duration_cast<std::chrono::microseconds>(returned - due).count()
                       << " us after the operation was due to complete by itself: it waited for the operation";
                   run_bounded(ctx, std::string(Op::name) + " run to completion", instance);
                   EXPECT_EQ(record->invocations(), 1) << "the handler must run once";
                 });

}  // namespace
}  // namespace conformance
