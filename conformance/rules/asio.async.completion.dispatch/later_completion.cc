// rule:   asio.async.completion.dispatch/dispatched-with-handler-allocator
// rule:   asio.async.completion.dispatch/dispatched-with-bound-allocator
// rule:   asio.async.completion.dispatch/dispatched-to-handler-executor
// clause: [asio.async.completion.dispatch] p1 (Asio 1.22: dispatch(ex2, f, alloc2)), p2 (Asio
//         1.26: dispatch(ex2, bind_allocator(alloc2, f))) and p3 (Asio 1.28: dispatch(ex2, f),
//         f's associated allocator being alloc2)
// Each edition's wording of the submission of an operation that completes after its initiating
// function returned: a recording ex2 receives only dispatch-style submissions, made after the
// initiating function returned, each carrying the handler's associated allocator.
// GCC 12 at -O1 (the tsan configuration) reports a false -Wmaybe-uninitialized in the
// std::optional that recording_std_executor keeps, once Asio 1.22/1.26's work_dispatcher has been
// inlined into this unit; the member is constructed before every use.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "conformance/harness/checks/submission_checks.hpp"
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

using namespace checks;

CONFORMANCE_RULE_MATRIX("asio.async.completion.dispatch/dispatched-with-handler-allocator", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          check_later_completion_dispatched_to_ex2<decltype(operation),
                                                                   typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("asio.async.completion.dispatch/dispatched-with-bound-allocator", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          check_later_completion_dispatched_to_ex2<decltype(operation),
                                                                   typename decltype(executor)::type>();
                        });

CONFORMANCE_RULE_MATRIX("asio.async.completion.dispatch/dispatched-to-handler-executor", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          check_later_completion_dispatched_to_ex2<decltype(operation),
                                                                   typename decltype(executor)::type>();
                        });

}  // namespace
}  // namespace conformance
