// rule:   asio.async.completion.immediate/posted-to-handler-executor
// rule:   asio.async.completion.immediate/delivered-through-io-executor-holding-work
// rule:   asio.async.completion.immediate/direct-submission-is-post
// rule:   asio.async.completion.immediate/not-invoked-inside-initiating-function
// clause: [asio.async.completion.immediate] p1 (Asio 1.22: post(ex2, f, alloc2)), p2 (Asio 1.26:
//         post g to ex1; g holds work2 and dispatches f to ex2), p3 (Asio 1.26: or post f straight
//         to ex2) and p4 (Asio 1.28: as if by post(ex1, f))
// How each edition's text submits the handler of an operation that completed inside its
// initiating function, observed with a recording ex2 (and, for p4, with every ex2 fixture):
// p1 every submission to ex2 is a post; p2 each is a post or a dispatch made after initiation
// while work on ex2 is still held, and the handler does not run inside the initiating function;
// p3 a submission made straight to ex2 inside the initiating function is a post; p4 the handler
// never runs inside the initiating function (also when started from a handler on ex1) and runs
// on ex2.
#include "conformance/harness/checks/submission_checks.hpp"
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using namespace checks;

CONFORMANCE_RULE_MATRIX("asio.async.completion.immediate/posted-to-handler-executor", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          check_immediate_completion_posted_to_ex2<decltype(operation),
                                                                   typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("asio.async.completion.immediate/delivered-through-io-executor-holding-work",
                        operations::io_operations, handler_executors::recording, [](auto operation, auto executor) {
                          check_immediate_completion_through_io_executor<decltype(operation),
                                                                         typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("asio.async.completion.immediate/direct-submission-is-post", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          check_direct_submission_is_post<decltype(operation), typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("asio.async.completion.immediate/not-invoked-inside-initiating-function",
                        operations::io_operations, handler_executors::all, [](auto operation, auto executor) {
                          check_not_invoked_inside_initiation<decltype(operation), typename decltype(executor)::type>();
                        });

}  // namespace
}  // namespace conformance
