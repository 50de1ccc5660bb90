// rule:   asio.async.token.initiate/initiation-deferred-after-return
// clause: [asio.async.token.initiate] p4
// A token's async_result::initiate may call the initiation at once or later (a lazy token),
// having decay-copied the initiation object and its arguments. So every operation must work when
// its initiation is called only after the initiating function has returned and every temporary
// of that call is gone: the initiation and the arguments it is given must carry all the
// operation needs. Observed with a token that keeps the copies and starts nothing; the rule then
// launches the kept initiation with a handler and expects the operation's own result.
#include <memory>
#include <string>

#include "conformance/harness/immediate/deferring_token.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.async.token.initiate/initiation-deferred-after-return", operations::completing_on_rules_context,
                 [](auto operation) {
                   using operation_type = decltype(operation);
                   net::io_context ctx;
                   typename operation_type::instance instance(ctx);
                   const auto deferred = std::make_shared<immediate::deferred_initiation>();
                   const auto record = std::make_shared<probe_record>();
                   initiate_guarded(instance, immediate::deferring_token(deferred));
                   ASSERT_EQ(deferred->times_kept(), 1)
                       << "async_result<Token, Signatures...>::initiate was called " << deferred->times_kept()
                       << " times by the initiating function; expected once";
                   record->expect_invocation();
                   deferred->launch(probe_handler(record));
                   run_bounded(ctx,
                               std::string(operation_type::name) +
                                   " launched after its initiating function "
                                   "returned",
                               instance);
                   ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
                   const auto received = received_outcome(*record);
                   EXPECT_TRUE(instance.expected().accepts(received))
                       << "launched after the initiating function returned, the operation completed with "
                       << operations::describe(received) << "; its result is " << instance.expected().description()
                       << ": the initiation and its decay-copied arguments must carry everything it needs";
                 });

}  // namespace
}  // namespace conformance
