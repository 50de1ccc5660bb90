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

CONFORMANCE_RULE("asio.async.return.initiate/returns-what-initiate-returns", operations::all_completing, [](auto operation) {
  using Op = decltype(operation);
  const auto record = std::make_shared<probe_record>();
  const auto log = std::make_shared<tokens::token_log>();
  net::io_context ctx;
  typename Op::instance instance(ctx);
  auto token = tokens::make_token<initiate_token>(ctx, record, log);
  using returned = decltype(initiate_guarded(instance, std::move(token)));
  if constexpr (std::is_same_v<returned, int>) {
    const int value = initiate_guarded(instance, std::move(token));
    EXPECT_EQ(value, tokens::returned_value) << "the initiating function must return what async_result::initiate returns";
  } else {
    initiate_guarded(instance, std::move(token));
    ADD_FAILURE() << "the initiating function returns " << tokens::return_type_description<returned>()
                  << "; it must return what async_result::initiate returns (int for this token)";
  }
  run_bounded(ctx, std::string(Op::name) + " with a token defined by initiate");
});

}  // namespace
}  // namespace conformance
