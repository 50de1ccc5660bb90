// rule:   async.reqmts.proto.allocator/any-proto-allocator-accepted
// clause: [async.reqmts.proto.allocator] p1
// What a proto-allocator is, seen from the executors that take one: dispatch, post and defer of
// every executor subject with the TS members accept a type that meets the proto-allocator
// requirements and nothing more (a value type of void, no rebind member, reached only through
// allocator_traits), and return every block they take from it.
#include <cstddef>
#include <memory>
#include <new>
#include <string>

#include "conformance/executors/all.hpp"
#include "conformance/executors/submission.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/submitted_function.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// A minimal proto-allocator: copyable, comparable, non-throwing copies; allocate and deallocate
// for the value types allocator_traits rebinds it to; memory counted in a shared log.
template <class T>
class minimal_proto_allocator {
 public:
  using value_type = T;

  explicit minimal_proto_allocator(std::shared_ptr<allocation_log> log) noexcept : log_(std::move(log)) {}
  template <class U>
  minimal_proto_allocator(const minimal_proto_allocator<U>& other) noexcept  // NOLINT: rebinding converts
      : log_(other.log()) {}

  T* allocate(std::size_t n) { return static_cast<T*>(log_->allocate(n * sizeof(T), alignof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { log_->deallocate(p, n * sizeof(T)); }

  const std::shared_ptr<allocation_log>& log() const noexcept { return log_; }

  template <class U>
  friend bool operator==(const minimal_proto_allocator& a, const minimal_proto_allocator<U>& b) noexcept {
    return a.log() == b.log();
  }
  template <class U>
  friend bool operator!=(const minimal_proto_allocator& a, const minimal_proto_allocator<U>& b) noexcept {
    return !(a == b);
  }

 private:
  std::shared_ptr<allocation_log> log_;
};

template <executors::submission How, class Subject>
void expect_runs_with_a_proto_allocator() {
  typename Subject::instance subject;
  const auto memory = std::make_shared<allocation_log>();
  const auto record = std::make_shared<submission_record>();
  executors::submit<How>(subject.executor(), submitted_function(record, nullptr),
                         minimal_proto_allocator<void>(memory));
  EXPECT_TRUE(executors::run_until_bounded(subject, std::string(executors::member_name(How)),
                                           [&record] { return record->called(); }))
      << executors::member_name(How) << " with a minimal proto-allocator never ran the function";
  EXPECT_EQ(record->calls.load(), 1);
  EXPECT_EQ(memory->live_bytes(), 0u) << executors::member_name(How) << " kept memory taken from the proto-allocator";
}

CONFORMANCE_RULE("async.reqmts.proto.allocator/any-proto-allocator-accepted", executors::ts_style,
                 [](auto subject_type) {
                   using Subject = decltype(subject_type);
                   expect_runs_with_a_proto_allocator<executors::submission::dispatch, Subject>();
                   expect_runs_with_a_proto_allocator<executors::submission::post, Subject>();
                   expect_runs_with_a_proto_allocator<executors::submission::defer, Subject>();
                 });

}  // namespace
}  // namespace conformance
