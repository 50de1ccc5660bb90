// Each completing descriptor, run with a plain handler, completes exactly once with the result
// it promises, never inside initiate() unless it is dispatch on its own executor, and accepts
// move-only handlers and handlers bound to another io_context's executor.
#include <gtest/gtest.h>

#include <memory>
#include <type_traits>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/operations/all.hpp"
#include "conformance/operations/test/test_support.hpp"

namespace conformance::operations::testing {
namespace {

// Every test here hands the operation a move-only handler ([async.reqmts.async.token] p3).
static_assert(!std::is_copy_constructible_v<recording_handler>);
static_assert(std::is_move_constructible_v<recording_handler>);

template <class Op>
class completing_operation : public ::testing::Test {};

TYPED_TEST_SUITE(completing_operation, as_types<all_completing>::type, descriptor_name);

TYPED_TEST(completing_operation, completes_once_with_expected_result_when_started_outside_run) {
  operation_run<TypeParam> run;
  run.start();
  if constexpr (!drives_own_context<TypeParam>()) {  // else its own threads may have run it already
    EXPECT_EQ(run.record->invocations, 0) << "handler ran inside initiate() called outside run()";
  }

  run.run();
  EXPECT_TRUE(run.received_expected());
  EXPECT_FALSE(run.record->inside_initiation);
}

TYPED_TEST(completing_operation, runs_handler_inside_initiation_only_if_dispatch_from_a_handler) {
  operation_run<TypeParam> run;
  net::post(run.ctx, [&run] { run.start(); });
  run.run();

  EXPECT_TRUE(run.received_expected());
  if constexpr (handler_may_run_inline<TypeParam>()) {
    // ctx's executor runs a dispatched function inline on its own run thread.
    EXPECT_TRUE(run.record->inside_initiation) << "dispatch from a handler on ctx did not run the handler inline";
  } else {
    EXPECT_FALSE(run.record->inside_initiation) << "handler ran inside initiate() called from a handler on ctx";
  }
}

TYPED_TEST(completing_operation, works_with_the_harness_probe_handler) {
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<probe_record>();
  record->expect_invocation();

  initiate_guarded(operation, probe_handler(record));
  run_until_done(ctx, operation);

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_FALSE(record->invoked_inside_initiation() && !handler_may_run_inline<TypeParam>());
  EXPECT_TRUE(record->faults().empty());
}

TYPED_TEST(completing_operation, runs_a_handler_bound_to_another_context_on_that_context) {
  operation_run<TypeParam> run;
  net::io_context other;
  run.record->on_expected_executor = [&other] { return other.get_executor().running_in_this_thread(); };

  run.start([&other](auto handler) { return net::bind_executor(other.get_executor(), std::move(handler)); });
  EXPECT_TRUE(drive_until({&run.ctx, &other}, [&run] { return run.record->invocations > 0; }))
      << "handler not invoked within the deadline";

  EXPECT_TRUE(run.received_expected());
  EXPECT_TRUE(run.record->ran_on_expected_executor) << "handler did not run on the other context";
  EXPECT_FALSE(run.record->inside_initiation);
}

// Operations that finish inside initiate() have their completion queued by the time it returns.
template <class Op>
class immediately_completing_operation : public ::testing::Test {};

TYPED_TEST_SUITE(immediately_completing_operation, as_types<completing_immediately>::type, descriptor_name);

TYPED_TEST(immediately_completing_operation, is_queued_when_initiate_returns) {
  operation_run<TypeParam> run;
  run.start();
  EXPECT_EQ(run.record->invocations, 0) << "handler ran inside initiate()";
  // poll() waits for nothing: only a completion already queued can run.
  run.ctx.poll();
  EXPECT_TRUE(run.received_expected());
}

}  // namespace
}  // namespace conformance::operations::testing
