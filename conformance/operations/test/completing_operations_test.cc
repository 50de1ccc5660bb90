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
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();

  initiate_guarded(operation, recording_handler(record));
  EXPECT_EQ(record->invocations, 0) << "handler ran inside initiate() called outside run()";

  ctx.run_for(completion_deadline);
  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
  EXPECT_FALSE(record->inside_initiation);
}

TYPED_TEST(completing_operation, runs_handler_inside_initiation_only_if_dispatch_from_a_handler) {
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();

  net::post(ctx, [&] { initiate_guarded(operation, recording_handler(record)); });
  ctx.run_for(completion_deadline);

  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
  if constexpr (handler_may_run_inline<TypeParam>()) {
    // ctx's executor runs a dispatched function inline on its own run thread.
    EXPECT_TRUE(record->inside_initiation) << "dispatch from a handler on ctx did not run the handler inline";
  } else {
    EXPECT_FALSE(record->inside_initiation) << "handler ran inside initiate() called from a handler on ctx";
  }
}

TYPED_TEST(completing_operation, works_with_the_harness_probe_handler) {
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<probe_record>();
  record->expect_invocation();

  initiate_guarded(operation, probe_handler(record));
  ctx.run_for(completion_deadline);

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_FALSE(record->invoked_inside_initiation() && !handler_may_run_inline<TypeParam>());
  EXPECT_TRUE(record->faults().empty());
}

TYPED_TEST(completing_operation, runs_a_handler_bound_to_another_context_on_that_context) {
  net::io_context ctx;
  net::io_context other;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();
  record->on_expected_executor = [&other] { return other.get_executor().running_in_this_thread(); };

  initiate_guarded(operation, net::bind_executor(other.get_executor(), recording_handler(record)));
  EXPECT_TRUE(drive_until({&ctx, &other}, [&] { return record->invocations > 0; }))
      << "handler not invoked within the deadline";

  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
  EXPECT_TRUE(record->ran_on_expected_executor) << "handler did not run on the other context";
  EXPECT_FALSE(record->inside_initiation);
}

// Operations that finish inside initiate() have their completion queued by the time it returns.
template <class Op>
class immediately_completing_operation : public ::testing::Test {};

TYPED_TEST_SUITE(immediately_completing_operation, as_types<completing_immediately>::type, descriptor_name);

TYPED_TEST(immediately_completing_operation, is_queued_when_initiate_returns) {
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();

  initiate_guarded(operation, recording_handler(record));
  EXPECT_EQ(record->invocations, 0) << "handler ran inside initiate()";
  // poll() waits for nothing: only a completion already queued can run.
  ctx.poll();
  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
}

}  // namespace
}  // namespace conformance::operations::testing
