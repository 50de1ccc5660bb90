// rule:   async.reqmts.async.return.type/return-type-is-async-result-return-type
// clause: [async.reqmts.async.return.type] p1
// Every operation started with a TS-style user-defined token whose async_result specialisation
// names int as its return_type must have int as the initiating function's return type: the
// library may not substitute a type of its own (e.g. void) for async_result's.
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/custom_tokens.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using tokens::legacy_token;

CONFORMANCE_RULE("async.reqmts.async.return.type/return-type-is-async-result-return-type", operations::all_completing,
                 [](auto operation) {
                   tokens::token_run<decltype(operation)> run;
                   using returned = decltype(initiate_guarded(run.instance, std::declval<legacy_token>()));
                   EXPECT_TRUE((std::is_same_v<returned, int>))
                       << "the initiating function returns " << tokens::return_type_description<returned>()
                       << "; it must return async_result<decay_t<CompletionToken>, Signature>::return_type, which "
                          "the token's specialisation names as int";
                   initiate_guarded(run.instance, run.template token<legacy_token>());
                   run.run("a token whose return_type is int");
                 });

}  // namespace
}  // namespace conformance
