// rule:   asio.executor.ts/constructors-never-throw
// rule:   asio.executor.ts/submission-takes-an-allocator
// clause: [asio.executor.ts] p1-p2
// What Asio's own Executor requirements add to the TS's for TS-style executors, over every
// executor subject with the TS members (conformance/executors/).
#include <memory>
#include <type_traits>

#include "conformance/executors/all.hpp"
#include "conformance/executors/submission.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/submitted_function.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("asio.executor.ts/constructors-never-throw", executors::ts_style, [](auto subject_type) {
  using executor = typename decltype(subject_type)::instance::executor_type;
  EXPECT_TRUE(std::is_nothrow_copy_constructible_v<executor>) << "the executor's copy constructor may throw";
  EXPECT_TRUE(std::is_nothrow_move_constructible_v<executor>) << "the executor's move constructor may throw";
});

// dispatch, post and defer given an allocator of a non-void value type (Asio documents an
// Allocator there, not only a proto-allocator): the function runs once, and every block taken
// from the allocator is returned.
template <executors::submission How, class Subject>
void expect_runs_with_an_allocator() {
  typename Subject::instance subject;
  const auto memory = std::make_shared<allocation_log>();
  const auto record = std::make_shared<submission_record>();
  executors::submit<How>(subject.executor(), submitted_function(record, nullptr), counting_allocator<int>(memory));
  EXPECT_TRUE(executors::run_until_bounded(subject, std::string(executors::member_name(How)),
                                           [&record] { return record->called(); }))
      << executors::member_name(How) << " with an Allocator of int never ran the function";
  EXPECT_EQ(record->calls.load(), 1);
  EXPECT_EQ(memory->live_bytes(), 0u) << executors::member_name(How) << " kept memory taken from the allocator";
}

CONFORMANCE_RULE("asio.executor.ts/submission-takes-an-allocator", executors::ts_style, [](auto subject_type) {
  using Subject = decltype(subject_type);
  expect_runs_with_an_allocator<executors::submission::dispatch, Subject>();
  expect_runs_with_an_allocator<executors::submission::post, Subject>();
  expect_runs_with_an_allocator<executors::submission::defer, Subject>();
});

}  // namespace
}  // namespace conformance
