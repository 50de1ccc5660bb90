// rule:   async.post/handler-not-invoked-inside-post
// clause: [async.post] p6 (post(ex, token) submits through ex.post; p3 and p10 reduce the
//         other two forms to the same submission)
// A handler given to post never runs on the calling thread before post has returned,
// whether post is called from outside the context's run loop or from a handler inside it.
#include <memory>
#include <string>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/queue.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/post_dispatch_defer.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.post/handler-not-invoked-inside-post", operations::post_forms, [](auto operation) {
  using Op = decltype(operation);
  net::io_context ctx;
  typename Op::instance outside_run(ctx);
  typename Op::instance inside_run(ctx);
  auto from_outside = std::make_shared<probe_record>();
  auto from_handler = std::make_shared<probe_record>();

  initiate_guarded(outside_run, probe_handler(from_outside));
  // Inside a running handler the calling thread is the context's only run thread, the
  // situation in which an inline invocation would be most tempting.
  queue_on(ctx, [&] { initiate_guarded(inside_run, probe_handler(from_handler)); });
  run_bounded(ctx, std::string(Op::name) + " called from outside run() and from a handler", outside_run,
              inside_run);

  EXPECT_EQ(from_outside->invocations(), 1) << "called from outside run(): handler must run exactly once";
  EXPECT_FALSE(from_outside->invoked_inside_initiation())
      << "called from outside run(): the handler ran inside the call to post";
  EXPECT_EQ(from_handler->invocations(), 1) << "called from a handler: handler must run exactly once";
  EXPECT_FALSE(from_handler->invoked_inside_initiation())
      << "called from a handler on the run thread: the handler ran inside the call to post";
});

}  // namespace
}  // namespace conformance
