// rule:   async.reqmts.async.return.value/returns-result-of-get
// clause: [async.reqmts.async.return.value] p1
// Every operation started with a TS-style user-defined token must construct exactly one
// async_result<decay_t<CompletionToken>, Signature> from its completion handler and return what
// that object's get() returns, calling get() exactly once; the handler then completes the
// operation as usual.
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

using tokens::legacy_token;

CONFORMANCE_RULE("async.reqmts.async.return.value/returns-result-of-get", operations::all_completing,
                 [](auto operation) {
                   tokens::token_run<decltype(operation)> run;
                   run.record->expect_invocation();
                   auto token = run.template token<legacy_token>();
                   using returned = decltype(initiate_guarded(run.instance, std::move(token)));
                   if constexpr (std::is_void_v<returned>) {
                     initiate_guarded(run.instance, std::move(token));
                     ADD_FAILURE() << "the initiating function returned void; it must return the value of "
                                      "result.get(), "
                                   << tokens::returned_value << " for this token";
                   } else {
                     EXPECT_EQ(initiate_guarded(run.instance, std::move(token)), tokens::returned_value)
                         << "the initiating function must return what async_result::get() returns";
                   }
                   EXPECT_EQ(run.log->results_constructed, 1)
                       << "async_result<decay_t<Token>, Signature> was constructed from the handler "
                       << run.log->results_constructed << " times; expected once";
                   EXPECT_EQ(run.log->gets, 1) << "async_result::get() was called " << run.log->gets
                                               << " times; expected once, for the return value";
                   run.run("a TS-style token");
                   EXPECT_EQ(run.record->invocations(), 1) << "the handler the token's async_result made was invoked "
                                                           << run.record->invocations() << " times; expected once";
                 });

}  // namespace
}  // namespace conformance
