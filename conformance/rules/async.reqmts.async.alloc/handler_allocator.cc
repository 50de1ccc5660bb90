// rule:   async.reqmts.async.alloc/operation-uses-handler-allocator
// rule:   async.reqmts.async.alloc/memory-returned-before-handler-runs
// rule:   async.reqmts.async.alloc/no-per-operation-memory-outside-handler-allocator
// clause: [async.reqmts.async.alloc] p3 (alloc2 is the handler's associated allocator) and p4
//         (per-operation memory only from alloc2, all of it returned before the handler runs)
// A handler exposing a counting allocator (bound, for every handler executor fixture but `io`,
// inside an executor_binder that must forward it) sees the operation obtain memory through it
// (p3); none of that memory is still allocated when the handler runs (p4); and, once a warm-up
// run of the same operation has created the context's lazily built state (on the very objects
// measured when the descriptor is repeatable), the operation makes no allocation through
// global operator new between its initiation and its handler (p4).
// This translation unit replaces the global operator new to count those allocations; it links
// into its own rule binary.
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/handler_executors.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/event.hpp"
#include "conformance/harness/memory_attribution.hpp"
#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/probes/watchdog.hpp"
#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/all.hpp"

namespace conformance {
namespace {

// ---- Counting global operator new on the threads that run the operation ---------------------

// Sizes of the global allocations made while a heap_window is open, on any thread, outside the
// harness's own scopes (memory_attribution.hpp's probe scope: its bookkeeping, the start of its
// helper threads), and how many were made for the operation's arguments. The operation runs on
// the test thread, on a helper thread that keeps ctx running (running.hpp's run_joining) and,
// for an instance with a context of its own (operation.hpp's join()), on that context's threads. Only atomics and a fixed array: the replacement
// operator new must not allocate.
// The first kept_sizes of them are also followed to their release, so that the record can tell
// which were still held when the window closed (when the handler was entered).
struct heap_window_record {
  static constexpr std::size_t kept_sizes = 32;
  std::array<std::size_t, kept_sizes> sizes{};
  std::array<const void*, kept_sizes> addresses{};
  std::size_t count = 0;
  std::size_t for_arguments = 0;
  std::size_t released = 0;  // kept ones released while the window was open

  // Counted allocations not known to be held at the close: released ones, and any beyond the
  // kept ones (whose fate is not followed).
  std::size_t not_held() const noexcept { return released + (count > kept_sizes ? count - kept_sizes : 0); }
};

// The open window's record, and a spin lock over it: allocations on several threads update it,
// and closing waits for an update in progress.
std::atomic<heap_window_record*> open_heap_window{nullptr};
std::atomic_flag heap_window_lock = ATOMIC_FLAG_INIT;

class heap_window_locked {
 public:
  heap_window_locked() noexcept {
    while (heap_window_lock.test_and_set(std::memory_order_acquire)) {
    }
  }
  ~heap_window_locked() { heap_window_lock.clear(std::memory_order_release); }
  heap_window_locked(const heap_window_locked&) = delete;
  heap_window_locked& operator=(const heap_window_locked&) = delete;
};

void note_global_allocation(std::size_t bytes, const void* address) noexcept {
  if (open_heap_window.load(std::memory_order_acquire) == nullptr || memory_of::active(memory_owner::probe)) return;
  const heap_window_locked locked;
  heap_window_record* const window = open_heap_window.load(std::memory_order_relaxed);
  if (window == nullptr) return;
  if (memory_of::active(memory_owner::argument)) {
    ++window->for_arguments;
    return;
  }
  if (window->count < window->sizes.size()) {
    window->sizes[window->count] = bytes;
    window->addresses[window->count] = address;
  }
  ++window->count;
}

void note_global_release(const void* address) noexcept {
  if (open_heap_window.load(std::memory_order_acquire) == nullptr || address == nullptr) return;
  const heap_window_locked locked;
  heap_window_record* const window = open_heap_window.load(std::memory_order_relaxed);
  if (window == nullptr) return;
  const std::size_t kept = window->count < window->kept_sizes ? window->count : window->kept_sizes;
  for (std::size_t i = 0; i < kept; ++i) {
    if (window->addresses[i] != address) continue;
    window->addresses[i] = nullptr;
    ++window->released;
    return;
  }
}

// Counts the global allocations between open() and close() (or destruction).
class heap_window {
 public:
  heap_window() noexcept = default;
  ~heap_window() { close(); }
  heap_window(const heap_window&) = delete;
  heap_window& operator=(const heap_window&) = delete;

  void open() noexcept {
    const heap_window_locked locked;
    open_heap_window.store(&record_, std::memory_order_release);
  }

  static void close_current() noexcept {
    const heap_window_locked locked;
    open_heap_window.store(nullptr, std::memory_order_release);
  }
  void close() noexcept {
    const heap_window_locked locked;
    if (open_heap_window.load(std::memory_order_relaxed) == &record_) {
      open_heap_window.store(nullptr, std::memory_order_release);
    }
  }
  // Read once the window is closed.
  const heap_window_record& record() const noexcept { return record_; }

 private:
  heap_window_record record_;
};

std::string describe_sizes(const heap_window_record& record) {
  std::string text;
  const std::size_t shown = record.count < record.sizes.size() ? record.count : record.sizes.size();
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + std::to_string(record.sizes[i]);
  if (shown < record.count) text += ", ...";
  return text + " bytes";
}

void* allocate_or_null(std::size_t bytes, std::size_t alignment) noexcept {
  const std::size_t size = bytes == 0 ? 1 : bytes;
  void* const p = alignment <= alignof(std::max_align_t)
                      ? std::malloc(size)
                      : std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
  note_global_allocation(bytes, p);
  return p;
}

// Out of line, so that the compiler does not pair the replaced operator delete's free() with
// an inlined operator new and warn about a mismatch (-Wmismatched-new-delete at -O1 and above).
[[gnu::noinline]] void release(void* p) noexcept {
  note_global_release(p);
  std::free(p);
}

void* allocate_or_throw(std::size_t bytes, std::size_t alignment) {
  void* const p = allocate_or_null(bytes, alignment);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

// ---- Probes ---------------------------------------------------------------------------------

// A counting allocator whose own bookkeeping (the allocation_log's containers and its call of
// operator new) is not counted as the library's use of the global heap.
template <class T>
class uncounted_allocator {
 public:
  using value_type = T;

  explicit uncounted_allocator(counting_allocator<T> inner) noexcept : inner_(std::move(inner)) {}
  template <class U>
  uncounted_allocator(const uncounted_allocator<U>& other) noexcept : inner_(other.inner()) {}
  // A moved-from allocator stays usable (Allocator requirements): moves copy.
  uncounted_allocator(const uncounted_allocator&) noexcept = default;
  uncounted_allocator& operator=(const uncounted_allocator&) noexcept = default;
  ~uncounted_allocator() = default;

  T* allocate(std::size_t n) {
    const memory_of probe_bookkeeping(memory_owner::probe);
    return inner_.allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const memory_of probe_bookkeeping(memory_owner::probe);
    inner_.deallocate(p, n);
  }

  const counting_allocator<T>& inner() const noexcept { return inner_; }

  template <class U>
  friend bool operator==(const uncounted_allocator& a, const uncounted_allocator<U>& b) noexcept {
    return a.inner() == b.inner();
  }
  template <class U>
  friend bool operator!=(const uncounted_allocator& a, const uncounted_allocator<U>& b) noexcept {
    return !(a == b);
  }

 private:
  counting_allocator<T> inner_;
};

// What the measurement's handler received, and when (it may run on a thread of the operation's
// own context).
struct handler_arrival {
  std::optional<operations::outcome> received;  // read once `arrived` has happened
  event arrived;
};

// The handler of the heap-window measurement: closes the window as its first action (what
// the handler body does is not the operation's allocation) and keeps what it received.
class window_closing_handler {
 public:
  using allocator_type = uncounted_allocator<void>;

  window_closing_handler(std::shared_ptr<handler_arrival> arrival, allocator_type a) noexcept
      : arrival_(std::move(arrival)), allocator_(std::move(a)) {}
  window_closing_handler(window_closing_handler&&) noexcept = default;
  window_closing_handler& operator=(window_closing_handler&&) noexcept = default;
  window_closing_handler(const window_closing_handler&) = delete;
  window_closing_handler& operator=(const window_closing_handler&) = delete;
  ~window_closing_handler() = default;

  allocator_type get_allocator() const noexcept { return allocator_; }

  template <class... Results>
  void operator()(const Results&... results) {
    heap_window::close_current();
    arrival_->received = operations::outcome_of(results...);
    arrival_->arrived.notify();
  }

 private:
  std::shared_ptr<handler_arrival> arrival_;
  allocator_type allocator_;
};

template <class List, class Op>
struct listed;
template <class... Ops, class Op>
struct listed<operation_list<Ops...>, Op> : std::bool_constant<(std::is_same_v<Ops, Op> || ...)> {};
template <class Op>
using not_composed = std::bool_constant<!listed<operations::composed, Op>::value>;

// The other-context fixture runs ex1's context to completion before ex2's, which a composed
// operation cannot finish under (each intermediate step needs both), so composed operations
// get every fixture but that one.
using single_step_operations = operations::selected_t<not_composed, operations::all_completing>;
using composed_executors =
    concatenated_t<operation_list<handler_executors::io, handler_executors::strand>, handler_executors::recording>;

// Makes the contexts the fixture runs ready to run again.
template <class Fixture>
void restart_all(net::io_context& ctx, Fixture& fixture) {
  ctx.restart();
  if constexpr (requires { fixture.context(); }) fixture.context().restart();
}

std::string fixture_clause(std::string_view fixture_name) {
  return fixture_name == handler_executors::io::name
             ? std::string("a handler exposing a counting allocator")
             : "a handler exposing a counting allocator, bound to the " + std::string(fixture_name) +
                   " executor by an executor_binder";
}

// ---- p3: the operation's memory comes through the handler's associated allocator -------------

template <class Operation, class Fixture>
void expect_handler_allocator_used() {
  net::io_context ctx;
  Fixture fixture(ctx);
  const auto log = std::make_shared<allocation_log>();
  const auto record = std::make_shared<probe_record>();
  record->expect_invocation();
  {
    typename Operation::instance instance(ctx);
    instance.initiate(fixture.bind(probe_handler(record).with_allocator(counting_allocator<void>(log))));
    run_bounded(fixture, ctx, std::string(Operation::name) + " run to completion", instance);
  }

  ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
  EXPECT_GT(log->allocations(), 0u)
      << "with " << fixture_clause(Fixture::name)
      << ", the operation obtained no memory through that allocator; [async.reqmts.async.alloc] p3 makes "
         "the handler's associated allocator (get_associated_allocator(handler, alloc1)) the one the "
         "operation allocates with (an operation that allocates nothing at all would also comply)";
  EXPECT_TRUE(log->clean()) << "memory was returned to the handler's allocator that it did not hand out, or with "
                               "a different size";
}

CONFORMANCE_RULE_MATRIX("async.reqmts.async.alloc/operation-uses-handler-allocator", single_step_operations,
                        handler_executors::all, [](auto operation, auto executor) {
                          expect_handler_allocator_used<decltype(operation), typename decltype(executor)::type>();
                        });
CONFORMANCE_RULE_MATRIX("async.reqmts.async.alloc/operation-uses-handler-allocator", operations::composed,
                        composed_executors, [](auto operation, auto executor) {
                          expect_handler_allocator_used<decltype(operation), typename decltype(executor)::type>();
                        });

// ---- p4: all of alloc2's memory is returned before the handler runs ---------------------------

template <class Operation, class Fixture>
void expect_memory_returned_before_handler() {
  net::io_context ctx;
  Fixture fixture(ctx);
  const auto log = std::make_shared<allocation_log>();
  const auto record = std::make_shared<probe_record>();
  record->expect_invocation();
  record->on_invocation([log] { log->checkpoint("in handler"); });
  {
    typename Operation::instance instance(ctx);
    instance.initiate(fixture.bind(probe_handler(record).with_allocator(counting_allocator<void>(log))));
    run_bounded(fixture, ctx, std::string(Operation::name) + " run to completion", instance);
  }

  ASSERT_EQ(record->invocations(), 1) << "the handler must run exactly once";
  const std::optional<std::size_t> live = log->live_bytes_at("in handler");
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(*live, 0u) << "with " << fixture_clause(Fixture::name) << ", " << *live
                       << " bytes obtained from the handler's associated allocator were still allocated "
                          "while the handler ran; [async.reqmts.async.alloc] p4 requires all of it to be "
                          "deallocated before the handler is invoked";
  EXPECT_TRUE(log->clean()) << "memory was returned to the handler's allocator that it did not hand out, or with "
                               "a different size";
}

CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.alloc/memory-returned-before-handler-runs", single_step_operations, handler_executors::all,
    [](auto operation, auto executor) {
      expect_memory_returned_before_handler<decltype(operation), typename decltype(executor)::type>();
    });
CONFORMANCE_RULE_MATRIX(
    "async.reqmts.async.alloc/memory-returned-before-handler-runs", operations::composed, composed_executors,
    [](auto operation, auto executor) {
      expect_memory_returned_before_handler<decltype(operation), typename decltype(executor)::type>();
    });

// ---- p4: no per-operation memory from anywhere else -------------------------------------------

// The handler executors the library itself provides. The recording fixtures are left out: they
// are user executors whose own bookkeeping allocates, and what a user executor allocates in its
// dispatch is not the operation's per-operation memory.
using library_executors =
    operation_list<handler_executors::io, handler_executors::strand, handler_executors::other_context>;
using composed_library_executors = operation_list<handler_executors::io, handler_executors::strand>;

// One complete run of the operation on `instance`, whose handler carries `alloc`.
template <class Operation, class Fixture>
void run_once(typename Operation::instance& instance, net::io_context& ctx, Fixture& fixture,
              const uncounted_allocator<void>& alloc) {
  const auto arrival = std::make_shared<handler_arrival>();
  instance.initiate(fixture.bind(window_closing_handler(arrival, alloc)));
  if constexpr (operations::drives_own_context<Operation>()) {
    // Its own context must stay up for the measured run on the same objects: wait for the
    // handler, not for that context to run out of work (join() ends a thread pool for good).
    run_bounded(fixture, ctx, std::string(Operation::name) + " warm-up run");
    const bool arrived = arrival->arrived.wait_for(run_time_limit);
    ASSERT_TRUE(arrived) << "the handler of the warm-up run did not run within " << run_time_limit.count() << " s";
  } else {
    run_bounded(fixture, ctx, std::string(Operation::name) + " warm-up run", instance);
  }
  restart_all(ctx, fixture);
}

// Which part of the operation the heap window covers.
enum class measured_phases {
  initiation_and_run,
  // Only after initiate() has returned: the composed operation's descriptor starts a peer
  // thread inside initiate() (std::jthread allocates), which cannot be told apart from the
  // initiating function's own allocations; its intermediate steps are all in the run.
  run_only,
};

template <class Operation, class Fixture>
void expect_no_heap_allocation(measured_phases phases) {
  net::io_context ctx;
  Fixture fixture(ctx);
  const auto log = std::make_shared<allocation_log>();
  const uncounted_allocator<void> alloc{counting_allocator<void>(log)};
  // Services, reactor registrations and queues a context creates on first use are the
  // context's, and what an I/O object sets up on its first operation is the object's, not this
  // operation's: let one run of the same operation create them, on the very instance measured
  // when the descriptor is repeatable, else on a second one (warming the context only).
  std::optional<typename Operation::instance> warmed;
  if constexpr (operations::is_repeatable<Operation>()) {
    warmed.emplace(ctx);
    run_once<Operation>(*warmed, ctx, fixture, alloc);
  } else {
    typename Operation::instance warm_up(ctx);
    run_once<Operation>(warm_up, ctx, fixture, alloc);
    warmed.emplace(ctx);  // descriptor set-up: before the window
  }
  typename Operation::instance& instance = *warmed;

  const auto arrival = std::make_shared<handler_arrival>();
  auto handler = fixture.bind(window_closing_handler(arrival, alloc));
  const watchdog guard(std::string(Operation::name) + " measured run", run_time_limit);
  heap_window window;
  if (phases == measured_phases::initiation_and_run) window.open();
  instance.initiate(std::move(handler));
  if (!arrival->arrived.happened()) window.open();
  run_joining(ctx, [&fixture, &ctx] { fixture.run(ctx); }, instance);
  window.close();

  ASSERT_TRUE(arrival->arrived.happened()) << "the handler did not run";
  // Completion values that own memory (a resolver's results) hold it when the handler runs; only
  // what was allocated and released before then is certainly the operation's.
  const std::size_t counted =
      operations::completion_values_own_memory<Operation>() ? window.record().not_held() : window.record().count;
  EXPECT_EQ(counted, 0u)
      << (operations::completion_values_own_memory<Operation>()
              ? "of the allocations below, " + std::to_string(counted) +
                    " were released before the handler ran, so they were the operation's own, not its "
                    "completion values' (the descriptor declares values_own_memory; the " +
                    std::to_string(window.record().count - counted) + " held when the handler ran are counted as theirs); "
              : std::string())
      << "with " << fixture_clause(Fixture::name) << ", between the "
      << (phases == measured_phases::initiation_and_run ? "initiation" : "end of the initiating call")
      << " and the handler the threads running it (the test thread"
      << (operations::drives_own_context<Operation>() ? " and those of the operation's own context" : "")
      << "; not the harness's) made " << window.record().count
      << " allocation(s) through global operator new (" << describe_sizes(window.record())
      << ") after a warm-up run of the same operation "
      << (operations::is_repeatable<Operation>() ? "on the same objects"
                                                 : "on other objects of the same kind (a descriptor declaring "
                                                   "`repeatable` lets it warm up the objects it measures)")
      << "; [async.reqmts.async.alloc] p4 requires per-operation "
         "memory to be obtained only from the handler's associated allocator (not counted: "
      << window.record().for_arguments
      << " allocation(s) made by the operation's arguments, with their own allocators, nor the harness's own)";
}

CONFORMANCE_RULE_MATRIX("async.reqmts.async.alloc/no-per-operation-memory-outside-handler-allocator",
                        single_step_operations, library_executors, [](auto operation, auto executor) {
                          expect_no_heap_allocation<decltype(operation), typename decltype(executor)::type>(
                              measured_phases::initiation_and_run);
                        });
CONFORMANCE_RULE_MATRIX("async.reqmts.async.alloc/no-per-operation-memory-outside-handler-allocator",
                        operations::composed, composed_library_executors, [](auto operation, auto executor) {
                          expect_no_heap_allocation<decltype(operation), typename decltype(executor)::type>(
                              measured_phases::run_only);
                        });

}  // namespace
}  // namespace conformance

// Replacement global allocation functions ([new.delete]): they count through
// note_global_allocation and otherwise behave like the default ones.
void* operator new(std::size_t bytes) { return conformance::allocate_or_throw(bytes, alignof(std::max_align_t)); }
void* operator new(std::size_t bytes, const std::nothrow_t&) noexcept {
  return conformance::allocate_or_null(bytes, alignof(std::max_align_t));
}
void* operator new(std::size_t bytes, std::align_val_t alignment) {
  return conformance::allocate_or_throw(bytes, static_cast<std::size_t>(alignment));
}
void* operator new(std::size_t bytes, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return conformance::allocate_or_null(bytes, static_cast<std::size_t>(alignment));
}
void operator delete(void* p) noexcept { conformance::release(p); }
void operator delete(void* p, std::size_t) noexcept { conformance::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { conformance::release(p); }
void operator delete(void* p, std::align_val_t) noexcept { conformance::release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { conformance::release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { conformance::release(p); }
