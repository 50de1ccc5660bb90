// rule:   asio.async.completion.f/f-associated-with-handler-executor
// rule:   asio.async.completion.f/f-associated-with-handler-allocator
// clause: [asio.async.completion.f] p2 (get_associated_executor(f, ex1) is ex2) and p3
//         (get_associated_allocator(f, alloc1) is alloc2)
// Asio 1.28 submits f through the free functions (post(ex1, f) for an immediate completion,
// dispatch(ex2, f) otherwise), which read f's associations: only an f that carries the
// handler's executor and allocator gets the completion to ex2 with alloc2. Observed with a
// handler bound to a recording ex2 and carrying a counting alloc2: p2, an operation that
// completed inside its initiating function still hands its completion to ex2; p3, every
// submission of the completion that ex2 receives carries alloc2.
#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/recorded_run.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE_MATRIX("asio.async.completion.f/f-associated-with-handler-executor", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          recorded_run<decltype(operation), typename decltype(executor)::type> run;
                          run.start();
                          ASSERT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
                          if (!run.completed_inside()) {
                            SUCCEED() << "the operation did not complete inside its initiating function";
                            return;
                          }
                          EXPECT_FALSE(run.completion_submissions().empty())
                              << "the operation completed inside its initiating function and its handler ran, but "
                                 "ex2 received nothing: f, submitted as if by post(ex1, f), must have ex2 as its "
                                 "associated executor";
                        });

CONFORMANCE_RULE_MATRIX("asio.async.completion.f/f-associated-with-handler-allocator", operations::io_operations,
                        handler_executors::recording, [](auto operation, auto executor) {
                          recorded_run<decltype(operation), typename decltype(executor)::type> run;
                          run.start();
                          ASSERT_EQ(run.record->invocations(), 1) << "the handler must run exactly once";
                          const auto log = run.completion_submissions();
                          for (const submission& s : log) {
                            EXPECT_EQ(s.allocator, run.alloc2.get())
                                << "ex2 received: " << describe(log) << "; f must have alloc2 as its associated "
                                << "allocator, which the submission carries";
                          }
                        });

}  // namespace
}  // namespace conformance
