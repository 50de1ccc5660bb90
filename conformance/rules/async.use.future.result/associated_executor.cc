// rule:   async.use.future.result/associated-executor-stores-exceptions
// rule:   async.use.future.result/associated-executor-for-any-candidate-stores-exceptions
// clause: [async.use.future.result] p3-p4
// The executor associated with use_future's handler, with the default candidate or any other,
// catches what a function run through it throws and stores it in the handler's shared state,
// where the future gives it back.
#include <chrono>
#include <future>
#include <string>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"
#include "conformance/harness/scoped/use_future_checks.hpp"

namespace conformance {
namespace {

using use_future_checks::result_of;

// What the submitted function throws.
struct thrown_marker {};

// The handler t1 and the future sharing its state, for void(int).
struct handler_and_future {
  using R = result_of<void(int)>;
  typename R::completion_handler_type t1{std::decay_t<decltype(net::use_future)>(net::use_future)};
  std::future<int> future = R(t1).get();
};

// Whether the future holds the marker thrown by the submitted function, waiting (bounded) for
// it: the executor may run the function on another thread (Asio's runs posted functions on the
// system context whatever the candidate).
bool holds_marker(std::future<int>& future) {
  if (future.wait_for(run_time_limit) != std::future_status::ready) return false;
  try {
    future.get();
  } catch (const thrown_marker&) {
    return true;
  } catch (...) {
  }
  return false;
}

// The default candidate (system_executor) runs a dispatched function at once, on this thread;
// post and defer would run it on the system context's threads, where an escaping exception ends
// the program, so they are checked with an io_context's executor as the candidate (below).
CONFORMANCE_RULE("async.use.future.result/associated-executor-stores-exceptions", facilities::use_future, [](auto) {
  handler_and_future state;
  const auto ex = net::get_associated_executor(state.t1);
  try {
    net::dispatch(ex, [] { throw thrown_marker(); });
  } catch (const thrown_marker&) {
    ADD_FAILURE() << "the exception thrown by a function dispatched through the handler's associated executor left "
                     "dispatch instead of being stored in the shared state";
    return;
  }
  EXPECT_TRUE(holds_marker(state.future)) << "the future does not hold the exception the dispatched function threw";
});

template <class Submit>
void expect_stored_through_candidate(const char* how, Submit submit) {
  handler_and_future state;
  net::io_context ctx;
  const auto ex = net::get_associated_executor(state.t1, ctx.get_executor());
  submit(ex, [] { throw thrown_marker(); });
  try {
    run_bounded(ctx, std::string("a function submitted by ") + how);
  } catch (const thrown_marker&) {
    ADD_FAILURE() << "the exception thrown by a function submitted by " << how
                  << " through the handler's associated executor (candidate: an io_context's executor) left run() "
                     "instead of being stored in the shared state";
    return;
  }
  EXPECT_TRUE(holds_marker(state.future)) << "the future does not hold the exception the function submitted by " << how
                                          << " threw";
}

CONFORMANCE_RULE("async.use.future.result/associated-executor-for-any-candidate-stores-exceptions",
                 facilities::use_future, [](auto) {
                   expect_stored_through_candidate("dispatch", [](const auto& ex, auto f) { net::dispatch(ex, f); });
                   expect_stored_through_candidate("post", [](const auto& ex, auto f) { net::post(ex, f); });
                   expect_stored_through_candidate("defer", [](const auto& ex, auto f) { net::defer(ex, f); });
                 });

}  // namespace
}  // namespace conformance
