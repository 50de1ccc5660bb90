// rule:   async.reqmts.async.token/user-defined-token-accepted
// rule:   async.reqmts.async.token/handler-built-from-forwarded-token
// rule:   async.reqmts.async.token/move-only-handler-accepted
// clause: [async.reqmts.async.token] p1 (any completion token, as the last argument), p2 (the
//         handler is async_result<decay_t<Token>, Signature>::completion_handler_type built from
//         std::forward<Token>(token)), p3 (the handler need only be move-constructible)
// Every operation is started with tokens of types the library has never seen: a user-defined
// token whose own async_result specialisation makes the handler (p1: in the form the claimed
// edition defines, TS members or Asio's initiate); a TS-style token whose handler records
// whether it was built from an rvalue or an lvalue token (p2); and a handler that can only be
// moved (p3). Each must complete through the handler the library was meant to build.
#include <memory>
#include <string>
#include <type_traits>

#include "conformance/harness/custom_tokens.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using tokens::initiate_token;
using tokens::legacy_token;
using tokens::token_run;

// The TS defines a token through async_result's completion_handler_type; Asio 1.22.1 and later
// through a static async_result::initiate. Read while the case runs, so that every way of
// choosing the edition a target is judged by reaches it.
bool edition_defines_tokens_by_initiate() { return judged_edition() != "ts-n4771"; }

// Runs the operation started with `token` and checks that the handler made from it ran once
// with the operation's result.
template <class Op, class Token>
void expect_completion_through(Token&& token, token_run<Op>& run, const std::string& which) {
  run.record->expect_invocation();
  initiate_guarded(run.instance, std::forward<Token>(token));
  run.run(which);
  const probe_record& record = *run.record;
  EXPECT_EQ(record.invocations(), 1) << "the handler built from " << which << " was invoked " << record.invocations()
                                     << " times; an operation that completes invokes its handler exactly once";
  if (record.invocations() > 0) {
    EXPECT_TRUE(run.instance.expected().accepts(received_outcome(record)))
        << "the handler received " << operations::describe(received_outcome(record)) << ", expected "
        << run.instance.expected().description();
  }
  EXPECT_EQ(run.log->token_invoked, 0) << "the token object itself was invoked as the handler "
                                       << run.log->token_invoked << " times: the library bypassed the token's "
                                       << "async_result specialisation instead of building the handler through it";
}

CONFORMANCE_RULE("async.reqmts.async.token/user-defined-token-accepted", operations::all_completing,
                 [](auto operation) {
                   token_run<decltype(operation)> run;
                   const std::string which = "a user-defined token (its own async_result specialisation)";
                   if (edition_defines_tokens_by_initiate()) {
                     expect_completion_through(run.template token<initiate_token>(), run, which);
                   } else {
                     expect_completion_through(run.template token<legacy_token>(), run, which);
                   }
                 });

// How many times the handler was built from an rvalue and from an lvalue token, for messages.
template <class Op>
std::string constructions(const token_run<Op>& run) {
  return "observed " + std::to_string(run.log->handlers_from_rvalue) + " constructions from an rvalue and " +
         std::to_string(run.log->handlers_from_lvalue) + " from an lvalue";
}

CONFORMANCE_RULE("async.reqmts.async.token/handler-built-from-forwarded-token", operations::all_completing,
                 [](auto operation) {
                   {
                     token_run<decltype(operation)> run;
                     expect_completion_through(run.template token<legacy_token>(), run, "an rvalue TS-style token");
                     EXPECT_TRUE(run.log->handlers_from_rvalue == 1 && run.log->handlers_from_lvalue == 0)
                         << "given an rvalue token, completion_handler_type must be constructed once from "
                            "std::forward<Token>(token), an rvalue; "
                         << constructions(run);
                   }
                   {
                     token_run<decltype(operation)> run;
                     legacy_token token = run.template token<legacy_token>();
                     expect_completion_through(token, run, "an lvalue TS-style token");
                     EXPECT_TRUE(run.log->handlers_from_lvalue == 1 && run.log->handlers_from_rvalue == 0)
                         << "given an lvalue token, completion_handler_type must be constructed once from "
                            "std::forward<Token>(token), an lvalue (a construction from an rvalue moved the "
                            "caller's token from); "
                         << constructions(run);
                   }
                 });

CONFORMANCE_RULE("async.reqmts.async.token/move-only-handler-accepted", operations::all_completing,
                 [](auto operation) {
                   static_assert(!std::is_copy_constructible_v<probe_handler> &&
                                 std::is_move_constructible_v<probe_handler>);
                   std::shared_ptr<probe_record> record;
                   {
                     token_run<decltype(operation)> run;
                     record = run.record;
                     expect_completion_through(probe_handler(record), run, "a move-only handler");
                   }
                   EXPECT_FALSE(record->invoked_after_move())
                       << "the move-only handler was invoked through a moved-from object";
                   EXPECT_FALSE(record->destroyed_uninvoked())
                       << "the move-only handler was destroyed without being invoked";
                   EXPECT_EQ(record->live_values(), 0) << "the move-only handler was not destroyed after the operation";
                 });

}  // namespace
}  // namespace conformance
