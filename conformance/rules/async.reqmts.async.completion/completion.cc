// rule:   async.reqmts.async.completion/results-forwarded-exactly
// rule:   async.reqmts.async.completion/handler-not-invoked-inside-initiating-function
// rule:   async.reqmts.async.completion/immediate-completion-submitted-by-post
// rule:   async.reqmts.async.completion/later-completion-submitted-by-dispatch
// clause: [async.reqmts.async.completion] p2 (f calls the handler with the results perfectly
//         forwarded) and p3 (immediate completion: as if by ex2.post(f, alloc2); any other:
//         as if by ex2.dispatch(f, alloc2))
// p2: the handler receives exactly the operation's results (argument count of the signature,
// error code, byte count). p3: the handler never runs inside the initiating function (also
// when started from a handler on ex1); an operation that completed inside its initiating
// function reaches a recording ex2 as a post; one that completed later reaches it as a
// dispatch made after the initiating function returned, carrying the handler's allocator.
#include <cstddef>
#include <memory>

#include "conformance/harness/checks/submission_checks.hpp"
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using namespace checks;

template <class Signature>
struct arity;
template <class R, class... Args>
struct arity<R(Args...)> : std::integral_constant<std::size_t, sizeof...(Args)> {};

CONFORMANCE_RULE("async.reqmts.async.completion/results-forwarded-exactly", operations::all_completing,
                 [](auto operation) {
                   using operation_type = decltype(operation);
                   net::io_context ctx;
                   typename operation_type::instance instance(ctx);
                   const auto record = std::make_shared<probe_record>();
                   record->expect_invocation();
                   instance.initiate(probe_handler(record));
                   run_bounded(ctx, std::string(operation_type::name) + " until its handler has run", instance);

                   ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
                   const auto received = record->arguments();
                   ASSERT_TRUE(received.has_value());
                   EXPECT_EQ(received->count, arity<typename operation_type::signature>::value)
                       << "the handler received a different number of arguments than the completion signature has";
                   EXPECT_TRUE(instance.expected().accepts(*received))
                       << "the handler received " << operations::describe(*received) << "; the operation's result is "
                       << instance.expected().description() << ", which f must forward unchanged";
                 });

CONFORMANCE_RULE_MATRIX("async.reqmts.async.completion/handler-not-invoked-inside-initiating-function",
                        operations::never_invoked_inline, handler_executors::all, [](auto operation, auto executor) {
                          check_not_invoked_inside_initiation<decltype(operation),
                                                              typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("async.reqmts.async.completion/immediate-completion-submitted-by-post",
                        operations::io_operations, handler_executors::recording, [](auto operation, auto executor) {
                          check_immediate_completion_posted_to_ex2<decltype(operation),
                                                                   typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("async.reqmts.async.completion/later-completion-submitted-by-dispatch",
                        operations::io_operations, handler_executors::recording, [](auto operation, auto executor) {
                          check_later_completion_dispatched_to_ex2<decltype(operation),
                                                                   typename decltype(executor)::type>();
                        });

}  // namespace
}  // namespace conformance
