// rule:   async.reqmts.async.concepts/handler-invoked-exactly-once
// rule:   async.reqmts.async.concepts/pending-handler-destroyed-uninvoked
// rule:   async.reqmts.async.concepts/side-effects-established-before-handler
// clause: [async.reqmts.async.concepts] p1 (the completion handler is invoked at most once),
//         p2 (an operation is complete only once its side effects are established; then the
//         handler is invoked)
// p1: every operation that completes invokes its handler exactly once, through a live handler,
// whatever the handler's associated executor; an operation still pending when its context is
// destroyed never invokes its handler, and every copy of the handler is destroyed with the
// context. p2: inside the handler the operation's side effects are visible (the bytes read are
// in the buffer, the bytes written can be read by the peer, the socket is connected, the
// timer's expiry has passed), for every handler executor.
#include <memory>
#include <string>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

template <class Op>
using offers_side_effect_check = std::bool_constant<operations::has_side_effect_check<Op>()>;

// The completing operations whose side effects a descriptor can check.
using operations_with_side_effects = operations::selected_t<offers_side_effect_check, operations::all_completing>;

CONFORMANCE_RULE_MATRIX("async.reqmts.async.concepts/handler-invoked-exactly-once", operations::all_completing,
                        handler_executors::all, [](auto operation, auto executor) {
                          using Op = decltype(operation);
                          using fixture_type = typename decltype(executor)::type;
                          const auto record = std::make_shared<probe_record>();
                          record->expect_invocation();
                          {
                            net::io_context ctx;
                            fixture_type fixture(ctx);
                            typename Op::instance instance(ctx);
                            initiate_guarded(instance, fixture.bind(probe_handler(record)));
                            run_bounded(fixture, ctx, std::string(Op::name) + " until its handler has run", instance);
                          }
                          EXPECT_EQ(record->invocations(), 1)
                              << "the handler was invoked " << record->invocations()
                              << " times; a completing operation invokes its handler exactly once";
                          EXPECT_FALSE(record->invoked_after_move())
                              << "the handler was invoked through a moved-from handler object, not the live one";
                          EXPECT_FALSE(record->destroyed_uninvoked())
                              << "the handler was destroyed without being invoked although the operation completed";
                        });

CONFORMANCE_RULE("async.reqmts.async.concepts/pending-handler-destroyed-uninvoked", operations::pending, [](auto operation) {
  using Op = decltype(operation);
  const auto record = std::make_shared<probe_record>();
  {
    net::io_context ctx;
    typename Op::instance instance(ctx);
    // Copyable, so that every copy the library makes must be destroyed as well.
    initiate_guarded(instance, copyable_probe_handler(record));
    // The instance goes first (its operation is cancelled, the handler queued for a run that
    // never comes), then the context, which never runs, with whatever it still holds.
  }
  EXPECT_EQ(record->invocations(), 0) << "the handler of an operation whose context was destroyed without running was "
                                      << "invoked " << record->invocations() << " times; it must not be invoked";
  EXPECT_EQ(record->live_values(), 0) << record->live_values() << " copies of the handler outlived the context: "
                                      << "a handler that is never invoked must still be destroyed";
  EXPECT_GE(record->destructions(), 1) << "the handler was never destroyed";
});

CONFORMANCE_RULE_MATRIX("async.reqmts.async.concepts/side-effects-established-before-handler",
                        operations_with_side_effects, handler_executors::all, [](auto operation, auto executor) {
                          using Op = decltype(operation);
                          using fixture_type = typename decltype(executor)::type;
                          const auto record = std::make_shared<probe_record>();
                          record->expect_invocation();
                          std::string missing = "the handler did not run";  // written by the handler
                          net::io_context ctx;
                          fixture_type fixture(ctx);
                          typename Op::instance instance(ctx);
                          record->on_invocation([&] { missing = instance.missing_side_effects(received_outcome(*record)); });
                          initiate_guarded(instance, fixture.bind(probe_handler(record)));
                          run_bounded(fixture, ctx, std::string(Op::name) + " until its handler has run", instance);
                          EXPECT_EQ(record->invocations(), 1) << "the handler must run once";
                          EXPECT_TRUE(missing.empty())
                              << "inside the handler: " << missing << " (received "
                              << operations::describe(received_outcome(*record))
                              << "); an operation's side effects must be established before its handler is invoked";
                        });

}  // namespace
}  // namespace conformance
