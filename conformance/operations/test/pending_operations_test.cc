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
  operation_run<TypeParam> run;
  run.start();
  run.ctx.run_for(still_pending_after);
  EXPECT_EQ(run.record->invocations, 0) << "a pending operation completed by itself with " << result_text(*run.record);
  EXPECT_FALSE(run.ctx.stopped()) << "run_for returned for lack of work: the operation is not outstanding";

  run.operation.cancel();
  run.ctx.run_for(completion_deadline);
  EXPECT_TRUE(run.received_expected());
  EXPECT_FALSE(run.record->inside_initiation);
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
  operation_run<TypeParam> run;
  net::io_context other;
  run.record->on_expected_executor = [&other] { return other.get_executor().running_in_this_thread(); };

  run.start([&other](auto handler) { return net::bind_executor(other.get_executor(), std::move(handler)); });
  run.ctx.run_for(still_pending_after);
  EXPECT_EQ(run.record->invocations, 0);

  run.operation.cancel();
  EXPECT_TRUE(drive_until({&run.ctx, &other}, [&run] { return run.record->invocations > 0; }));
  EXPECT_TRUE(run.received_expected());
  EXPECT_TRUE(run.record->ran_on_expected_executor);
}

#if CONFORMANCE_HAS_CANCELLATION
// The cancellable list's claim: a pending operation honours per-operation cancellation through
// the handler's associated cancellation slot.
template <class Op>
class cancellable_operation : public ::testing::Test {};

TYPED_TEST_SUITE(cancellable_operation, as_types<cancellable>::type, descriptor_name);

TYPED_TEST(cancellable_operation, completes_with_operation_aborted_when_its_slot_is_emitted) {
  operation_run<TypeParam> run;
  net::cancellation_signal signal;
  run.start([&signal](auto handler) { return net::bind_cancellation_slot(signal.slot(), std::move(handler)); });
  run.ctx.run_for(still_pending_after);
  EXPECT_EQ(run.record->invocations, 0);

  signal.emit(net::cancellation_type::total);
  run.ctx.run_for(completion_deadline);
  EXPECT_TRUE(run.received_expected());
}
#endif

}  // namespace
}  // namespace conformance::operations::testing
