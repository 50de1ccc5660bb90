// rule:   asio.async.io.exec.initiation/exposed-executor-is-io-executor
// clause: [asio.async.io.exec.initiation] p1
// The initiation object an initiating function hands to async_result::initiate may expose the
// operation's I/O executor through a nested executor_type and get_executor(); when it does, that
// is the operation's ex1 (here the io_context's executor the I/O object was built on, or the
// executor given to post, dispatch or defer), since a token relies on it (to bind the handler
// to it, say). Observed with a token whose async_result::initiate inspects the initiation
// object before starting the operation; an initiation that exposes nothing passes.
#include <memory>
#include <string>

#include "conformance/harness/immediate/initiation_probe_token.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.async.io.exec.initiation/exposed-executor-is-io-executor",
                 operations::completing_on_rules_context, [](auto operation) {
                   using operation_type = decltype(operation);
                   net::io_context ctx;
                   typename operation_type::instance instance(ctx);
                   const auto record = std::make_shared<probe_record>();
                   const auto report = std::make_shared<immediate::initiation_report>();
                   record->expect_invocation();
                   initiate_guarded(instance, immediate::initiation_probe_token(record, report, ctx.get_executor()));
                   run_bounded(ctx, std::string(operation_type::name) + " started through an inspecting token",
                               instance);
                   ASSERT_EQ(report->initiations, 1) << "async_result<Token, Signatures...>::initiate was called "
                                                     << report->initiations << " times; expected once";
                   EXPECT_EQ(record->invocations(), 1) << "the handler must run exactly once";
                   if (!report->exposes_executor) {
                     SUCCEED() << "the initiation object exposes no I/O executor, as it may";
                     return;
                   }
                   EXPECT_TRUE(report->exposed_executor_is_ex1)
                       << "the initiation object exposes an executor (executor_type, get_executor()) that is not "
                          "the operation's I/O executor ex1";
                 });

}  // namespace
}  // namespace conformance
