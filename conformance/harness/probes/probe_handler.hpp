// Probe (PH): completion handlers that report what happens to them through a shared
// probe_record: invocations (and the faults "invoked twice", "invoked through a moved-from
// handler", "last copy destroyed uninvoked while invocation was due"), moves, copies,
// destructions, the invoking thread, whether an initiating function was running
// (initiation_guard), and the completion arguments (error_code, size_t).
// Observes [async.reqmts.async.concepts] p1 (at most once), [async.reqmts.async.token] p3
// (move-only handlers), [async.reqmts.async.completion] (never inside the initiating
// function; exact arguments), [async.reqmts.async.lifetime] and, through the associations
// it can expose, [async.reqmts.async.handler.exec] / [async.reqmts.async.alloc] p3.
//
//   auto record = std::make_shared<probe_record>();
//   record->expect_invocation();
//   record->on_invocation([&] { log->checkpoint("in handler"); });
//   net::post(ctx, probe_handler(record).with_executor(rx).with_allocator(alloc));
//
// Variants: probe_handler (move-only), copyable_probe_handler, rvalue_probe_handler
// (callable only as an rvalue: operator()(...) &&).
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/harness/probes/initiation_guard.hpp"
#include "conformance/harness/target_description.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance {

class probe_record {
 public:
  // Kept for callers that count an invocation by hand.
  void note_invocation() noexcept { note_invocation(operations::outcome_of(), true); }

  void note_invocation(const operations::outcome& arguments, bool through_live_handler) noexcept {
    const int previous = invocations_.fetch_add(1);
    if (initiation_guard::active()) inside_initiation_.store(true);
    if (!through_live_handler) invoked_after_move_.store(true);
    const std::lock_guard lock(mutex_);
    threads_.push_back(std::this_thread::get_id());
    if (previous == 0) arguments_ = arguments;
  }

  // Declares that the handler is due to be invoked, so that destroying its last copy
  // uninvoked is a fault. Call it once the operation is known to complete.
  void expect_invocation(bool due = true) noexcept { invocation_due_.store(due); }

  // Runs inside every invocation, after it has been recorded (e.g. to read a counting
  // allocator's live bytes while the handler runs).
  void on_invocation(std::function<void()> callback) {
    const std::lock_guard lock(mutex_);
    callback_ = std::move(callback);
  }
  void run_invocation_callback() const {
    std::function<void()> callback;
    {
      const std::lock_guard lock(mutex_);
      callback = callback_;
    }
    if (callback) callback();
  }

  void note_value_created() noexcept { live_values_.fetch_add(1); }
  void note_copy() noexcept {
    copies_.fetch_add(1);
    live_values_.fetch_add(1);
  }
  void note_move() noexcept { moves_.fetch_add(1); }
  void note_throw() noexcept { throws_.fetch_add(1); }
  void note_value_destroyed() noexcept {
    destructions_.fetch_add(1);
    const bool last = live_values_.fetch_sub(1) == 1;
    if (last && invocations_.load() == 0 && invocation_due_.load()) destroyed_uninvoked_.store(true);
  }

  int invocations() const noexcept { return invocations_.load(); }
  bool invoked_inside_initiation() const noexcept { return inside_initiation_.load(); }
  bool invoked_more_than_once() const noexcept { return invocations_.load() > 1; }
  bool invoked_after_move() const noexcept { return invoked_after_move_.load(); }
  bool destroyed_uninvoked() const noexcept { return destroyed_uninvoked_.load(); }
  int moves() const noexcept { return moves_.load(); }
  int throws() const noexcept { return throws_.load(); }
  int copies() const noexcept { return copies_.load(); }
  // Destructions of handlers that held the value (moved-from shells are not counted).
  int destructions() const noexcept { return destructions_.load(); }
  int live_values() const noexcept { return live_values_.load(); }

  std::vector<std::thread::id> invocation_threads() const {
    const std::lock_guard lock(mutex_);
    return threads_;
  }
  // What the first invocation received (operations/operation.hpp: count, error, bytes, text,
  // values).
  std::optional<operations::outcome> arguments() const {
    const std::lock_guard lock(mutex_);
    return arguments_;
  }

  // Human-readable faults, empty when the handler was used correctly.
  std::vector<std::string> faults() const {
    std::vector<std::string> found;
    if (invoked_more_than_once()) found.push_back("invoked " + std::to_string(invocations()) + " times");
    if (invoked_after_move()) found.push_back("invoked through a moved-from handler");
    if (destroyed_uninvoked()) found.push_back("destroyed without being invoked while invocation was due");
    return found;
  }

 private:
  std::atomic<int> invocations_{0};
  std::atomic<bool> inside_initiation_{false};
  std::atomic<bool> invoked_after_move_{false};
  std::atomic<bool> invocation_due_{false};
  std::atomic<bool> destroyed_uninvoked_{false};
  std::atomic<int> moves_{0};
  std::atomic<int> throws_{0};
  std::atomic<int> copies_{0};
  std::atomic<int> destructions_{0};
  std::atomic<int> live_values_{0};
  mutable std::mutex mutex_;
  std::vector<std::thread::id> threads_;
  std::optional<operations::outcome> arguments_;
  std::function<void()> callback_;
};

// Marks an association a probe handler does not expose.
struct unassociated {};

enum class handler_style {
  move_only,    // move-only, callable as lvalue or rvalue
  copyable,     // copies are counted
  rvalue_only,  // move-only, operator()(...) && only
};

namespace detail {

// Each association base declares the nested type Asio's associators look for only when the
// handler has that association.
template <class Executor>
class executor_association {
 public:
  using executor_type = Executor;
  explicit executor_association(Executor ex) noexcept : executor_(std::move(ex)) {}
  executor_type get_executor() const noexcept { return executor_; }

 protected:
  const Executor& executor_value() const noexcept { return executor_; }

 private:
  Executor executor_;
};
template <>
class executor_association<unassociated> {
 public:
  explicit executor_association(unassociated) noexcept {}

 protected:
  unassociated executor_value() const noexcept { return {}; }
};

template <class Allocator>
class allocator_association {
 public:
  using allocator_type = Allocator;
  explicit allocator_association(Allocator a) noexcept : allocator_(std::move(a)) {}
  allocator_type get_allocator() const noexcept { return allocator_; }

 protected:
  const Allocator& allocator_value() const noexcept { return allocator_; }

 private:
  Allocator allocator_;
};
template <>
class allocator_association<unassociated> {
 public:
  explicit allocator_association(unassociated) noexcept {}

 protected:
  unassociated allocator_value() const noexcept { return {}; }
};

template <class Slot>
class cancellation_slot_association {
 public:
  using cancellation_slot_type = Slot;
  explicit cancellation_slot_association(Slot s) noexcept : slot_(std::move(s)) {}
  cancellation_slot_type get_cancellation_slot() const noexcept { return slot_; }

 protected:
  const Slot& slot_value() const noexcept { return slot_; }

 private:
  Slot slot_;
};
template <>
class cancellation_slot_association<unassociated> {
 public:
  explicit cancellation_slot_association(unassociated) noexcept {}

 protected:
  unassociated slot_value() const noexcept { return {}; }
};

// Tag of the private constructor that takes over an existing handler value.
struct adopt_handler_value_t {};
inline constexpr adopt_handler_value_t adopt_handler_value{};

}  // namespace detail

template <class Executor = unassociated, class Allocator = unassociated, class Slot = unassociated,
          handler_style Style = handler_style::move_only>
class basic_probe_handler : public detail::executor_association<Executor>,
                            public detail::allocator_association<Allocator>,
                            public detail::cancellation_slot_association<Slot> {
  using executor_base = detail::executor_association<Executor>;
  using allocator_base = detail::allocator_association<Allocator>;
  using slot_base = detail::cancellation_slot_association<Slot>;

 public:
  explicit basic_probe_handler(std::shared_ptr<probe_record> record, Executor ex = Executor(),
                               Allocator a = Allocator(), Slot s = Slot()) noexcept
      : basic_probe_handler(detail::adopt_handler_value, std::move(record), std::move(ex), std::move(a), std::move(s)) {
    record_->note_value_created();
  }

  basic_probe_handler(basic_probe_handler&& other) noexcept
      : executor_base(std::move(other)),
        allocator_base(std::move(other)),
        slot_base(std::move(other)),
        record_(other.record_),  // a moved-from handler keeps the record to report misuse
        holds_value_(std::exchange(other.holds_value_, false)) {
    if (holds_value_) record_->note_move();
  }

  basic_probe_handler(const basic_probe_handler& other) noexcept
    requires(Style == handler_style::copyable)
      : executor_base(other), allocator_base(other), slot_base(other), record_(other.record_),
        holds_value_(other.holds_value_) {
    if (holds_value_) record_->note_copy();
  }

  basic_probe_handler& operator=(basic_probe_handler&& other) noexcept {
    if (this != &other) {
      release();
      executor_base::operator=(std::move(other));
      allocator_base::operator=(std::move(other));
      slot_base::operator=(std::move(other));
      record_ = other.record_;
      holds_value_ = std::exchange(other.holds_value_, false);
      if (holds_value_) record_->note_move();
    }
    return *this;
  }

  basic_probe_handler& operator=(const basic_probe_handler& other) noexcept
    requires(Style == handler_style::copyable)
  {
    if (this != &other) {
      release();
      executor_base::operator=(other);
      allocator_base::operator=(other);
      slot_base::operator=(other);
      record_ = other.record_;
      holds_value_ = other.holds_value_;
      if (holds_value_) record_->note_copy();
    }
    return *this;
  }

  ~basic_probe_handler() { release(); }

  template <class... Results>
  void operator()(Results&&... results) &
    requires(Style != handler_style::rvalue_only)
  {
    invoke(results...);
  }

  template <class... Results>
  void operator()(Results&&... results) && {
    invoke(results...);
  }

  // The same handler (same record, same value) exposing an associated executor, allocator
  // or cancellation slot. Not counted as a move.
  template <class NewExecutor>
  basic_probe_handler<NewExecutor, Allocator, Slot, Style> with_executor(NewExecutor ex) && {
    return {detail::adopt_handler_value, take_record(), std::move(ex), this->allocator_value(), this->slot_value()};
  }
  template <class NewAllocator>
  basic_probe_handler<Executor, NewAllocator, Slot, Style> with_allocator(NewAllocator a) && {
    return {detail::adopt_handler_value, take_record(), this->executor_value(), std::move(a), this->slot_value()};
  }
#if CONFORMANCE_HAS_CANCELLATION
  template <class NewSlot>
  basic_probe_handler<Executor, Allocator, NewSlot, Style> with_cancellation_slot(NewSlot s) && {
    return {detail::adopt_handler_value, take_record(), this->executor_value(), this->allocator_value(), std::move(s)};
  }
#endif

  probe_record& record() const noexcept { return *record_; }

 private:
  template <class, class, class, handler_style>
  friend class basic_probe_handler;

  // Takes over a value that already exists (no creation is counted).
  basic_probe_handler(detail::adopt_handler_value_t, std::shared_ptr<probe_record> record, Executor ex, Allocator a, Slot s) noexcept
      : executor_base(std::move(ex)), allocator_base(std::move(a)), slot_base(std::move(s)),
        record_(std::move(record)), holds_value_(true) {}

  std::shared_ptr<probe_record> take_record() noexcept {
    holds_value_ = false;
    return record_;
  }

  void release() noexcept {
    if (holds_value_) record_->note_value_destroyed();
    holds_value_ = false;
  }

  template <class... Results>
  void invoke(const Results&... results) {
    record_->note_invocation(operations::outcome_of(results...), holds_value_);
    record_->run_invocation_callback();
  }

  std::shared_ptr<probe_record> record_;
  bool holds_value_;  // false once moved from (or adopted by a with_* result)
};

using probe_handler = basic_probe_handler<>;
using copyable_probe_handler = basic_probe_handler<unassociated, unassociated, unassociated, handler_style::copyable>;
using rvalue_probe_handler = basic_probe_handler<unassociated, unassociated, unassociated, handler_style::rvalue_only>;

}  // namespace conformance
