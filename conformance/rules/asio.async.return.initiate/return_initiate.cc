// rule:   asio.async.return.initiate/returns-what-initiate-returns
// clause: [asio.async.return.initiate] p1
// Asio's text (1.22.1 on) says an initiating function returns async_initiate(...), which is
// what the token's async_result::initiate returns. Every operation started with a user-defined
// token whose initiate returns the int 4771 must have the return type int and return 4771.
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

CONFORMANCE_RULE("asio.async.return.initiate/returns-what-initiate-returns", operations::all_completing,
                 [](auto operation) {
                   tokens::token_run<decltype(operation)> run;
                   auto token = run.template token<initiate_token>();
                   using returned = decltype(initiate_guarded(run.instance, std::move(token)));
                   if constexpr (std::is_same_v<returned, int>) {
                     EXPECT_EQ(initiate_guarded(run.instance, std::move(token)), tokens::returned_value)
                         << "the initiating function must return what async_result::initiate returns";
                   } else {
                     initiate_guarded(run.instance, std::move(token));
                     ADD_FAILURE() << "the initiating function returns " << tokens::return_type_description<returned>()
                                   << "; it must return what async_result::initiate returns (int for this token)";
                   }
                   run.run("a token defined by initiate");
                 });

}  // namespace
}  // namespace conformance
