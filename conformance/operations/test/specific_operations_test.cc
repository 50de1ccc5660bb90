// What particular descriptors promise beyond the common contract: the timer waits, the composed
// read takes several intermediate steps, and the descriptors offering instance_on complete through
// the executor they are built on.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/operations/all.hpp"
#include "conformance/operations/test/test_support.hpp"

namespace conformance::operations::testing {
namespace {

TEST(steady_timer_async_wait, completes_no_sooner_than_its_expiry) {
  using operation_type = steady_timer_async_wait;
  net::io_context ctx;
  typename operation_type::instance operation(ctx);
  auto record = std::make_shared<run_record>();

  const auto started = std::chrono::steady_clock::now();
  initiate_guarded(operation, recording_handler(record));
  ctx.run_for(completion_deadline);

  EXPECT_TRUE(received_expected<operation_type>(*record, operation));
  EXPECT_GE(std::chrono::steady_clock::now() - started, operation_type::instance::expiry);
}

// Asio's reactor tries a write at once when the socket is writable, so the operation finishes
// inside initiate(); its handler must still wait for the context ([async.reqmts.async.completion]).
template <class operation_type>
void expect_report_of_where_the_write_happened() {
  static_assert(has_completion_report<operation_type>());
  net::io_context ctx;
  typename operation_type::instance operation(ctx);
  auto record = std::make_shared<run_record>();

  initiate_guarded(operation, recording_handler(record));
  const bool immediate = operation.completed_during_initiation();
  ::testing::Test::RecordProperty("completed_during_initiation", immediate ? "yes" : "no");
  EXPECT_EQ(record->invocations, 0);
  if (immediate) {
    ctx.poll();  // an immediate completion is already queued: nothing to wait for
    EXPECT_TRUE(received_expected<operation_type>(*record, operation));
  } else {
    ctx.run_for(completion_deadline);
    EXPECT_TRUE(received_expected<operation_type>(*record, operation));
  }
  EXPECT_FALSE(record->inside_initiation);
#if defined(BOOST_ASIO_VERSION) || defined(ASIO_VERSION)
  EXPECT_TRUE(immediate) << "Asio performs a write on a writable socket speculatively, inside initiate()";
#endif
}

TEST(tcp_async_write_some_connected, reports_whether_the_write_happened_inside_initiate) {
  expect_report_of_where_the_write_happened<tcp_async_write_some_connected>();
}

TEST(udp_async_send_to, reports_whether_the_send_happened_inside_initiate) {
  expect_report_of_where_the_write_happened<udp_async_send_to>();
}

TEST(local_async_write_some, reports_whether_the_write_happened_inside_initiate) {
  expect_report_of_where_the_write_happened<local_async_write_some>();
}

#if CONFORMANCE_HAS_TS_EXECUTORS
// instance_on<Executor> builds the operation's I/O object (or, for post(ex, token), its executor
// argument) on the executor given: with a plain handler the completion goes through it.
template <class Operation>
void expect_completion_through_chosen_executor() {
  net::io_context ctx;
  const recording_ts_executor ex1(ctx);
  typename Operation::template instance_on<recording_ts_executor> instance(ctx, ex1);
  auto record = std::make_shared<run_record>();
  instance.initiate(recording_handler(record));
  ctx.run_for(completion_deadline);
  EXPECT_EQ(record->invocations, 1) << Operation::name;
  EXPECT_FALSE(ex1.log().submissions().empty()) << Operation::name << ": nothing went through the chosen executor";
}

TEST(descriptors_on_a_chosen_executor, complete_through_it) {
  static_assert(!runs_on_chosen_executor<post_to_context>() && runs_on_chosen_executor<post_to_executor>());
  expect_completion_through_chosen_executor<post_to_executor>();
  expect_completion_through_chosen_executor<steady_timer_async_wait>();
  expect_completion_through_chosen_executor<tcp_async_connect_listener>();
  expect_completion_through_chosen_executor<async_read_composed>();
  expect_completion_through_chosen_executor<async_read_until_delimiter>();
  expect_completion_through_chosen_executor<tcp_async_wait_readable>();
  expect_completion_through_chosen_executor<udp_async_receive_from>();
  expect_completion_through_chosen_executor<local_async_read_some>();
  expect_completion_through_chosen_executor<posix_stream_descriptor_async_read_some>();
  expect_completion_through_chosen_executor<signal_set_async_wait_raised>();
  expect_completion_through_chosen_executor<tcp_resolver_async_resolve_numeric>();
}
#endif

#if CONFORMANCE_HAS_TS_EXECUTORS
// A TS-style executor ([async.reqmts.executor]) over ctx's executor that counts dispatch calls:
// each intermediate async_read_some of a composed operation hands its completion to the final
// handler's associated executor ([async.reqmts.async.composed]), so the count is at least the
// number of intermediate steps.
class dispatch_counting_executor {
 public:
  dispatch_counting_executor(net::io_context::executor_type inner, std::shared_ptr<std::atomic<int>> dispatches)
      : inner_(std::move(inner)), dispatches_(std::move(dispatches)) {}

  net::io_context& context() const noexcept { return inner_.context(); }
  void on_work_started() const noexcept { inner_.on_work_started(); }
  void on_work_finished() const noexcept { inner_.on_work_finished(); }

  template <class Function, class Allocator>
  void dispatch(Function&& f, const Allocator& a) const {
    dispatches_->fetch_add(1);
    inner_.dispatch(std::forward<Function>(f), a);
  }
  template <class Function, class Allocator>
  void post(Function&& f, const Allocator& a) const {
    inner_.post(std::forward<Function>(f), a);
  }
  template <class Function, class Allocator>
  void defer(Function&& f, const Allocator& a) const {
    inner_.defer(std::forward<Function>(f), a);
  }

  friend bool operator==(const dispatch_counting_executor& a, const dispatch_counting_executor& b) noexcept {
    return a.inner_ == b.inner_ && a.dispatches_ == b.dispatches_;
  }
  friend bool operator!=(const dispatch_counting_executor& a, const dispatch_counting_executor& b) noexcept {
    return !(a == b);
  }

 private:
  net::io_context::executor_type inner_;
  std::shared_ptr<std::atomic<int>> dispatches_;
};

template <class Operation>
class composed_operation : public ::testing::Test {};
TYPED_TEST_SUITE(composed_operation, as_types<composed>::type, descriptor_name);

TYPED_TEST(composed_operation, takes_at_least_two_intermediate_steps) {
  using operation_type = TypeParam;
  net::io_context ctx;
  typename operation_type::instance operation(ctx);
  auto record = std::make_shared<run_record>();
  auto dispatches = std::make_shared<std::atomic<int>>(0);

  initiate_guarded(operation, net::bind_executor(dispatch_counting_executor(ctx.get_executor(), dispatches),
                                                 recording_handler(record)));
  ctx.run_for(completion_deadline);

  EXPECT_TRUE(received_expected<operation_type>(*record, operation));
  EXPECT_GE(dispatches->load(), 2) << operation_type::name << " finished in fewer than two intermediate steps";
}
#endif

// Any completion signature: outcome_of keeps every argument, expect_values judges them.
TEST(expectations, judge_the_values_of_any_signature) {
  const net::ip::tcp::endpoint listening(net::ip::address_v4::loopback(), 4771);
  const expectation wanted = expect_values<target::error_code, net::ip::tcp::endpoint>(
      "success and port 4771",
      [&](const target::error_code& e, const net::ip::tcp::endpoint& p) { return !e && p == listening; });
  const outcome right = outcome_of(target::error_code(), listening);
  EXPECT_TRUE(wanted.accepts(right));
  EXPECT_EQ(right.count, 2u);
  EXPECT_NE(right.text.find("4771"), std::string::npos) << right.text;
  EXPECT_FALSE(wanted.accepts(outcome_of(target::error_code(), net::ip::tcp::endpoint())));
  EXPECT_FALSE(wanted.accepts(outcome_of(target::error_code())))
      << "values of another signature are not accepted";
  EXPECT_EQ(wanted.description(), "success and port 4771");
  EXPECT_EQ(describe(std::make_exception_ptr(std::runtime_error("boom"))), "an exception: boom");
  EXPECT_EQ(describe(std::exception_ptr()), "no exception");
}

}  // namespace
}  // namespace conformance::operations::testing
