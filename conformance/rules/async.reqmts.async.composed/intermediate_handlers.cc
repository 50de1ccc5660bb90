// rule:   async.reqmts.async.composed/intermediate-handlers-use-handler-executor
// rule:   async.reqmts.async.composed/intermediate-handlers-use-handler-allocator
// clause: [async.reqmts.async.composed] p1 (intermediate handlers' associated executor and
//         allocator are ex2 and alloc2, or wrappers that delegate to them)
// A composed operation whose final handler has its own executor and allocator must give both
// to every intermediate handler. Intermediate handlers are invisible from outside, so the rules
// watch what they cause: each intermediate operation completes through its handler's associated
// executor (a recording executor logs one submission per step), starts the next step from
// inside that executor (the next step's storage is allocated while a strand is running it), and
// allocates through its handler's associated allocator (a counting allocator sees each step,
// and none of it is still allocated when the final handler runs). The composed operation's
// descriptor guarantees at least two intermediate steps.
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

// For every allocation through the handler's allocator before the final handler ran: whether
// it was made inside a function the handler's executor ran (a strand: running_in_this_thread;
// a recording executor: after at least one submission through it, since nothing else can start
// a later step once the first intermediate operation is outstanding).
class allocation_places {
 public:
  explicit allocation_places(std::function<bool()> inside_handler_executor)
      : running_on_handler_executor_(std::move(inside_handler_executor)) {}

  void note_allocation() {
    const bool on_it = running_on_handler_executor_();
    const std::lock_guard lock(mutex_);
    if (final_handler_ran_) return;
    ++before_final_;
    on_handler_executor_ += on_it ? 1 : 0;
  }
  void note_final_handler() {
    const std::lock_guard lock(mutex_);
    final_handler_ran_ = true;
  }

  std::size_t before_final_handler() const {
    const std::lock_guard lock(mutex_);
    return before_final_;
  }
  std::size_t on_handler_executor() const {
    const std::lock_guard lock(mutex_);
    return on_handler_executor_;
  }

 private:
  const std::function<bool()> running_on_handler_executor_;
  mutable std::mutex mutex_;
  bool final_handler_ran_ = false;
  std::size_t before_final_ = 0;
  std::size_t on_handler_executor_ = 0;
};

// A counting allocator that also notes where each allocation was made.
template <class T>
class place_noting_allocator {
 public:
  using value_type = T;

  place_noting_allocator(counting_allocator<T> inner, std::shared_ptr<allocation_places> places) noexcept
      : inner_(std::move(inner)), places_(std::move(places)) {}
  template <class U>
  place_noting_allocator(const place_noting_allocator<U>& other) noexcept
      : inner_(other.inner()), places_(other.places()) {}
  // A moved-from allocator stays usable (Allocator requirements): moves copy.
  place_noting_allocator(const place_noting_allocator&) noexcept = default;
  place_noting_allocator& operator=(const place_noting_allocator&) noexcept = default;
  ~place_noting_allocator() = default;

  T* allocate(std::size_t n) {
    places_->note_allocation();
    return inner_.allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept { inner_.deallocate(p, n); }

  const counting_allocator<T>& inner() const noexcept { return inner_; }
  const std::shared_ptr<allocation_places>& places() const noexcept { return places_; }

  template <class U>
  friend bool operator==(const place_noting_allocator& a, const place_noting_allocator<U>& b) noexcept {
    return a.inner() == b.inner();
  }
  template <class U>
  friend bool operator!=(const place_noting_allocator& a, const place_noting_allocator<U>& b) noexcept {
    return !(a == b);
  }

 private:
  counting_allocator<T> inner_;
  std::shared_ptr<allocation_places> places_;
};

// What one run of the composed operation showed.
struct composed_run {
  std::shared_ptr<probe_record> record = std::make_shared<probe_record>();
  std::shared_ptr<allocation_log> log = std::make_shared<allocation_log>();
  std::shared_ptr<allocation_places> places;
};

// Runs the composed operation with a probe handler carrying a place-noting counting allocator,
// bound to the fixture's executor.
template <class Operation, class Fixture>
composed_run run_composed(net::io_context& ctx, Fixture& fixture) {
  composed_run run;
  if constexpr (requires { fixture.log(); }) {
    run.places = std::make_shared<allocation_places>([&fixture] { return !fixture.log().submissions().empty(); });
  } else {
    run.places = std::make_shared<allocation_places>([&fixture] { return fixture.running_on_it(); });
  }
  run.record->expect_invocation();
  run.record->on_invocation([log = run.log, places = run.places] {
    places->note_final_handler();
    log->checkpoint("in final handler");
  });
  typename Operation::instance instance(ctx);
  const place_noting_allocator<void> alloc(counting_allocator<void>(run.log), run.places);
  instance.initiate(fixture.bind(probe_handler(run.record).with_allocator(alloc)));
  run_bounded(fixture, ctx, std::string(Operation::name) + " run to completion", instance);
  return run;
}

// ---- executor ---------------------------------------------------------------------------------

CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.composed/intermediate-handlers-use-handler-executor", operations::composed, handler_executors::distinct,
    [](auto operation, auto executor) {
      using Operation = decltype(operation);
      using Fixture = typename decltype(executor)::type;
      net::io_context ctx;
      Fixture fixture(ctx);
      const composed_run run = run_composed<Operation>(ctx, fixture);

      ASSERT_EQ(run.record->invocations(), 1) << "the final handler must run exactly once";
      const std::size_t inside = run.places->on_handler_executor();
      EXPECT_GE(inside, 1u)
          << "none of the " << run.places->before_final_handler()
          << " allocation(s) the composed read made through the handler's allocator before the final handler was "
          << (requires { fixture.log(); } ? "made after a submission through the handler's recording executor"
                                          : "made while the handler's strand was running")
          << ", so the later intermediate steps were not started from intermediate handlers run by ex2 ("
          << Fixture::name
          << "); [async.reqmts.async.composed] p1 makes ex2 the associated executor of every intermediate handler "
             "(this observation needs the library to allocate each later step through the handler's allocator)";
      if constexpr (requires { fixture.log(); }) {
        const std::size_t submissions = fixture.log().submissions().size();
        EXPECT_GE(submissions, 2u)
            << "the final handler's associated executor (" << Fixture::name << ") received " << submissions
            << " submission(s) for a composed read of at least two intermediate steps; [async.reqmts.async.composed] "
               "p1 makes ex2 the associated executor of every intermediate handler, so each intermediate operation "
               "completes through it";
      }
    });

// ---- allocator --------------------------------------------------------------------------------

CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.composed/intermediate-handlers-use-handler-allocator", operations::composed,
    handler_executors::all, [](auto operation, auto executor) {
      using Operation = decltype(operation);
      using Fixture = typename decltype(executor)::type;
      net::io_context ctx;
      Fixture fixture(ctx);
      const composed_run run = run_composed<Operation>(ctx, fixture);

      ASSERT_EQ(run.record->invocations(), 1) << "the final handler must run exactly once";
      const std::size_t steps_allocated = run.places->before_final_handler();
      EXPECT_GE(steps_allocated, 2u)
          << "the handler's associated allocator served " << steps_allocated
          << " allocation(s) for a composed read of at least two intermediate steps; [async.reqmts.async.composed] "
             "p1 makes alloc2 the associated allocator of every intermediate handler, so each intermediate "
             "operation allocates through it (this observation needs the library to allocate per step)";
      const std::optional<std::size_t> live = run.log->live_bytes_at("in final handler");
      ASSERT_TRUE(live.has_value());
      EXPECT_EQ(*live, 0u) << *live
                           << " bytes obtained for the composed operation from the handler's allocator were still "
                              "allocated while the final handler ran";
      EXPECT_TRUE(run.log->clean()) << "memory was returned to the handler's allocator that it did not hand out";
    });

}  // namespace
}  // namespace conformance
