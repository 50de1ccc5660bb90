// Each pending descriptor stays outstanding while the context runs, completes once with
// operation_aborted after cancel(), and also when its instance is destroyed while outstanding.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>

#include "conformance/operations/all.hpp"
#include "conformance/operations/test/test_support.hpp"

namespace conformance::operations::testing {
namespace {

constexpr std::chrono::milliseconds still_pending_after{50};

template <class Op>
class pending_operation : public ::testing::Test {};

TYPED_TEST_SUITE(pending_operation, as_types<pending>::type, descriptor_name);

TYPED_TEST(pending_operation, stays_outstanding_until_cancelled) {
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();

  initiate_guarded(operation, recording_handler(record));
  ctx.run_for(still_pending_after);
  EXPECT_EQ(record->invocations, 0) << "a pending operation completed by itself with " << result_text(*record);
  EXPECT_FALSE(ctx.stopped()) << "run_for returned for lack of work: the operation is not outstanding";

  operation.cancel();
  ctx.run_for(completion_deadline);
  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
  EXPECT_FALSE(record->inside_initiation);
}

TYPED_TEST(pending_operation, is_aborted_when_its_instance_is_destroyed) {
  net::io_context ctx;
  auto record = std::make_shared<run_record>();
  std::optional<typename TypeParam::instance> operation(std::in_place, ctx);
  const expectation aborted = operation->expected();

  initiate_guarded(*operation, recording_handler(record));
  operation.reset();
  ctx.run_for(completion_deadline);

  ASSERT_EQ(record->invocations, 1);
  EXPECT_TRUE(aborted.accepts(*record->result))
      << "received " << result_text(*record) << ", expected " << aborted.description();
}

TYPED_TEST(pending_operation, accepts_a_handler_bound_to_another_context) {
  net::io_context ctx;
  net::io_context other;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();
  record->on_expected_executor = [&other] { return other.get_executor().running_in_this_thread(); };

  initiate_guarded(operation, net::bind_executor(other.get_executor(), recording_handler(record)));
  ctx.run_for(still_pending_after);
  EXPECT_EQ(record->invocations, 0);

  operation.cancel();
  EXPECT_TRUE(drive_until({&ctx, &other}, [&] { return record->invocations > 0; }));
  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
  EXPECT_TRUE(record->ran_on_expected_executor);
}

#if CONFORMANCE_HAS_CANCELLATION
// The cancellable list's claim: a pending operation honours per-operation cancellation through
// the handler's associated cancellation slot.
template <class Op>
class cancellable_operation : public ::testing::Test {};

TYPED_TEST_SUITE(cancellable_operation, as_types<cancellable>::type, descriptor_name);

TYPED_TEST(cancellable_operation, completes_with_operation_aborted_when_its_slot_is_emitted) {
  net::io_context ctx;
  typename TypeParam::instance operation(ctx);
  auto record = std::make_shared<run_record>();
  net::cancellation_signal signal;

  initiate_guarded(operation, net::bind_cancellation_slot(signal.slot(), recording_handler(record)));
  ctx.run_for(still_pending_after);
  EXPECT_EQ(record->invocations, 0);

  signal.emit(net::cancellation_type::total);
  ctx.run_for(completion_deadline);
  EXPECT_TRUE(received_expected<TypeParam>(*record, operation));
}
#endif

}  // namespace
}  // namespace conformance::operations::testing
