// rule:   asio.async.immediate.exec/default-never-blocks-on-io-executor
// rule:   asio.async.immediate.exec/handler-own-immediate-executor
// clause: [asio.async.immediate.exec] p1
// get_associated_immediate_executor(handler, ex1) gives the handler's ex3, of the type
// associated_immediate_executor_t<Handler, Executor1>, which meets the Executor requirements.
// With no immediate executor of its own, a handler's ex3 is ex1 that never blocks (Asio's
// default: require(ex1, blocking.never)): a function executed through it runs on ex1's context,
// never inside the call. A handler that names one (a nested immediate_executor_type and
// get_immediate_executor(), the first thing the trait reads) gets that one.
#include <memory>
#include <type_traits>

#include "conformance/harness/immediate/immediate_executor_facility.hpp"
#include "conformance/harness/probes/recording_std_executor.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"

namespace conformance {
namespace {

struct plain_handler {
  void operator()() const {}
};

CONFORMANCE_RULE("asio.async.immediate.exec/default-never-blocks-on-io-executor", facilities::immediate_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using io_executor = net::io_context::executor_type;
                   net::io_context ctx;
                   const io_executor ex1 = ctx.get_executor();
                   const auto ex3 = F::get(plain_handler{}, ex1);
                   using ex3_type = std::remove_const_t<decltype(ex3)>;
                   EXPECT_TRUE((std::is_same_v<ex3_type, typename F::template type<plain_handler, io_executor>>))
                       << "get_associated_immediate_executor's result is not of the type "
                          "associated_immediate_executor_t names";
                   EXPECT_TRUE(net::execution::executor<ex3_type>)
                       << "ex3's type does not meet the Executor requirements";
                   EXPECT_TRUE(net::query(ex3, net::execution::blocking) == net::execution::blocking.never)
                       << "a handler without an immediate executor of its own must get ex1 that never blocks";
                   bool ran = false;
                   bool ran_on_ex1 = false;
                   detail::execute_on(ex3, [&ran, &ran_on_ex1, ex1] {
                     ran = true;
                     ran_on_ex1 = ex1.running_in_this_thread();
                   });
                   EXPECT_FALSE(ran) << "a function executed through the default ex3 ran inside the call";
                   run_bounded(ctx, "the function executed through the default ex3");
                   EXPECT_TRUE(ran) << "a function executed through the default ex3 never ran on ex1's context";
                   EXPECT_TRUE(ran_on_ex1) << "a function executed through the default ex3 did not run on ex1";
                 });

CONFORMANCE_RULE("asio.async.immediate.exec/handler-own-immediate-executor", facilities::immediate_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   net::io_context ctx;
                   const recording_std_executor<> own(ctx);
                   const immediate::with_immediate_executor handler(plain_handler{}, own);
                   const auto ex3 = F::get(handler, ctx.get_executor());
                   EXPECT_TRUE((std::is_same_v<std::remove_const_t<decltype(ex3)>, recording_std_executor<>>))
                       << "a handler with an immediate_executor_type of its own did not get an ex3 of that type";
                   if constexpr (std::is_same_v<std::remove_const_t<decltype(ex3)>, recording_std_executor<>>) {
                     EXPECT_EQ(&ex3.log(), &own.log())
                         << "a handler with an immediate executor of its own got another one as ex3";
                   }
                 });

}  // namespace
}  // namespace conformance
