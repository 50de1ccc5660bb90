// rule:   async.reqmts.async.io.exec/plain-token-runs-on-system-executor
// rule:   async.reqmts.async.io.exec/io-object-executor-receives-completion
// clause: [async.reqmts.async.io.exec] p1 (default I/O executor: system_executor) and p2 (the
//         I/O object's get_executor(), or the first argument's executor for free functions)
// p1: post, dispatch and defer called with only a plain handler have no I/O object and no
// executor argument, so their I/O executor (and, for a plain handler, ex2) is system_executor:
// the handler runs although no io_context exists or runs, and post/defer run it on a thread of
// the system context, not the caller's.
// p2: an I/O object constructed on a recording executor (or a free function given one as its
// first argument) uses that executor as ex1; with a plain handler ex2 == ex1, so the
// completion is submitted through the recording executor and runs on its context (the rule's
// io_context, a thread pool, or a strand over the pool: io_executors.hpp).
#include <atomic>
#include <memory>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/harness/io_executors.hpp"
#include "conformance/harness/probes/event.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

// ---- p1 ----

// The token-only forms, given a plain handler (no association of its own).
struct plain_post {
  static constexpr std::string_view name = "post.token";
  static constexpr bool runs_on_caller = false;  // system_executor::post runs it on a pool thread
  template <class Handler>
  void operator()(Handler&& handler) const {
    net::post(std::forward<Handler>(handler));
  }
};
struct plain_defer {
  static constexpr std::string_view name = "defer.token";
  static constexpr bool runs_on_caller = false;
  template <class Handler>
  void operator()(Handler&& handler) const {
    net::defer(std::forward<Handler>(handler));
  }
};
struct plain_dispatch {
  static constexpr std::string_view name = "dispatch.token";
  static constexpr bool runs_on_caller = true;  // system_executor::dispatch runs it in the caller
  template <class Handler>
  void operator()(Handler&& handler) const {
    net::dispatch(std::forward<Handler>(handler));
  }
};

using plain_token_forms = operation_list<plain_post, plain_defer, plain_dispatch>;

CONFORMANCE_RULE("async.reqmts.async.io.exec/plain-token-runs-on-system-executor", plain_token_forms,
                 [](auto form) {
                   EXPECT_TRUE((std::is_same_v<net::associated_executor_t<probe_handler>, net::system_executor>))
                       << "a plain handler's associated executor must default to system_executor";
                   const auto record = std::make_shared<probe_record>();
                   record->expect_invocation();
                   const auto invoked = std::make_shared<event>();  // the system context may outlive the case
                   record->on_invocation([invoked] { invoked->notify(); });
                   form(probe_handler(record));

                   ASSERT_TRUE(invoked->wait_for(run_time_limit))
                       << "with no io_context in existence the handler did not run within "
                       << run_time_limit.count()
                       << " s; the operation must use system_executor as its I/O executor and run the handler on "
                          "the system context";
                   EXPECT_EQ(record->invocations(), 1) << "the handler must run exactly once";
                   if constexpr (!decltype(form)::runs_on_caller) {
                     const auto threads = record->invocation_threads();
                     ASSERT_FALSE(threads.empty());
                     EXPECT_NE(threads.front(), std::this_thread::get_id())
                         << "the handler ran on the calling thread; system_executor's post/defer must run it on "
                            "a thread of the system context";
                   }
                 });

// ---- p2 ----

// The operations whose descriptors can build them on a chosen I/O executor: the I/O operations
// and post, dispatch and defer with an executor as their first argument.
using operations_on_chosen_executor = operations::runs_on_chosen_executor_t<operations::all_completing>;

CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.io.exec/io-object-executor-receives-completion", operations_on_chosen_executor,
    io_executors::all, [](auto operation, auto io_executor) {
      using Op = decltype(operation);
      using fixture_type = typename decltype(io_executor)::type;
      using executor_type = typename fixture_type::executor_type;

      net::io_context ctx;
      fixture_type fixture(ctx);
      const executor_type ex1 = fixture.make();
      typename Op::template instance_on<executor_type> instance(ctx, ex1);
      const auto record = std::make_shared<probe_record>();
      record->expect_invocation();
      std::atomic<bool> ran_on_context{false};
      record->on_invocation([&] { ran_on_context = ex1.inner().running_in_this_thread(); });

      instance.initiate(probe_handler(record));
      run_bounded(ctx, std::string(Op::name) + " until its handler has run", fixture, instance);

      ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
      EXPECT_GE(ex1.log().submissions().size(), 1u)
          << "the I/O object's executor (ex1 = get_executor() of the object, or of the first argument of a free "
             "function) received no submission; with a plain handler ex2 is ex1, so the completion must go "
             "through it";
      EXPECT_TRUE(ran_on_context) << "the handler did not run on the context behind the I/O object's executor ("
                                  << fixture_type::name << ")";
    });

}  // namespace
}  // namespace conformance
