// rule:   async.reqmts.async.handler.exec/handler-runs-on-associated-executor
// clause: [async.reqmts.async.handler.exec] p1
// The completion handler is handed to ex2 = get_associated_executor(handler, ex1): with a handler
// bound to a strand, to another io_context's executor or to a recording executor, the handler
// runs on that executor (and a recording executor logs the submission); with a plain handler
// (fixture `io`) ex2 is ex1, the io_context's executor, and the handler runs there.
#include <atomic>
#include <memory>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.handler.exec/handler-runs-on-associated-executor", operations::all_completing,
    handler_executors::all, [](auto operation, auto executor) {
      using fixture_type = typename decltype(executor)::type;
      net::io_context ctx;
      fixture_type ex2(ctx);
      typename decltype(operation)::instance instance(ctx);
      const auto record = std::make_shared<probe_record>();
      record->expect_invocation();
      std::atomic<bool> ran_on_ex2{false};
      record->on_invocation([&] { ran_on_ex2 = handler_executors::running_on_ex2(ex2, instance); });

      instance.initiate(ex2.bind(probe_handler(record)));
      run_bounded(ex2, ctx, std::string(decltype(operation)::name) + " until its handler has run", instance);

      ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
      EXPECT_TRUE(ran_on_ex2) << "the handler did not run on its associated executor (" << fixture_type::name
                              << "); the completion must be handed to get_associated_executor(handler, ex1)";
      if constexpr (is_recording<fixture_type>()) {
        EXPECT_GE(ex2.log().submissions().size(), 1u)
            << "the handler's associated executor (" << fixture_type::name << ") received no submission";
      }
    });

}  // namespace
}  // namespace conformance
