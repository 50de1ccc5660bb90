// rule:   asio.async.token.initiate/initiate-called-once-with-forwarded-token
// clause: [asio.async.token.initiate] p1
// Asio's text (1.22.1 on) defines what a token does through a static async_result::initiate.
// Every operation started with a user-defined token whose specialisation provides initiate must
// call it exactly once, giving it the token as it was passed (here an rvalue), and the handler
// that initiate hands to the initiation must then complete the operation.
#include <memory>
#include <string>

#include "conformance/harness/custom_tokens.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using tokens::initiate_token;

CONFORMANCE_RULE("asio.async.token.initiate/initiate-called-once-with-forwarded-token", operations::all_completing,
                 [](auto operation) {
                   tokens::token_run<decltype(operation)> run;
                   run.record->expect_invocation();
                   initiate_guarded(run.instance, run.template token<initiate_token>());
                   EXPECT_EQ(run.log->initiates, 1) << "async_result<Token, Signatures...>::initiate was called "
                                                    << run.log->initiates
                                                    << " times by the initiating function; expected once";
                   EXPECT_EQ(run.log->initiates_with_rvalue, run.log->initiates)
                       << "initiate received the token as an lvalue although it was passed as an rvalue: the token "
                          "must be forwarded";
                   run.run("a token defined by initiate");
                   EXPECT_EQ(run.record->invocations(), 1)
                       << "the handler initiate made was invoked " << run.record->invocations()
                       << " times; expected once";
                   EXPECT_EQ(run.log->token_invoked, 0)
                       << "the token itself was invoked as the handler: the library bypassed async_result::initiate";
                 });

}  // namespace
}  // namespace conformance
