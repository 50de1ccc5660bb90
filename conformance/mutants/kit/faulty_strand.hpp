// strand<Executor> ([async.strand]) written for the kit, with at most one planted fault:
// sound_strand is the correct behaviour (every planted_ switch off), and each fault below turns
// one switch on. A mutant declared with kit_fault = "strand:<fault>" (mutants.bzl) puts it in
// place of the library's strand (strand_fault_binding.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_strand {
  static constexpr bool planted_copy_may_throw = false;
  static constexpr bool planted_defer_missing = false;
  static constexpr bool planted_dispatch_inline_anywhere = false;
  static constexpr bool planted_no_exclusion = false;
  static constexpr bool planted_last_in_first_out = false;
  static constexpr bool planted_unsynchronised_queue = false;
  static constexpr bool planted_throw_stalls_strand = false;
  static constexpr bool planted_one_state_for_all = false;
  static constexpr bool planted_default_constructor_unconstrained = false;
  static constexpr bool planted_allocator_ignored = false;
  static constexpr bool planted_copy_makes_new_state = false;
  static constexpr bool planted_move_copies_inner = false;
  static constexpr bool planted_converting_copy_makes_new_state = false;
  static constexpr bool planted_copy_rebuilds_inner = false;
  static constexpr bool planted_converting_copy_rebuilds_inner = false;
  static constexpr bool planted_converting_move_copies_inner = false;
  static constexpr bool planted_converting_constructor_may_throw = false;
  static constexpr bool planted_converting_assignment_rebuilds_inner = false;
  static constexpr bool planted_assignment_deleted = false;
  static constexpr bool planted_assignment_keeps_state = false;
  static constexpr bool planted_converting_assignment_may_throw = false;
  static constexpr bool planted_converting_assignment_keeps_state = false;
  static constexpr bool planted_assignment_returns_other = false;
  static constexpr bool planted_queue_dropped_with_last_strand = false;
  static constexpr bool planted_inner_may_throw = false;
  static constexpr bool planted_never_running_in_this_thread = false;
  static constexpr bool planted_context_of_other = false;
  static constexpr bool planted_work_not_forwarded = false;
  static constexpr bool planted_dispatch_never_inline = false;
  static constexpr bool planted_post_inline_inside = false;
  static constexpr bool planted_defer_inline_inside = false;
  static constexpr bool planted_copies_unequal = false;
  static constexpr bool planted_inequality_not_negation = false;
};

#define CONFORMANCE_KIT_FAULT(fault)              \
  struct fault : sound_strand {                   \
    static constexpr bool planted_##fault = true; \
  }
// [async.strand]
CONFORMANCE_KIT_FAULT(copy_may_throw);
CONFORMANCE_KIT_FAULT(defer_missing);
CONFORMANCE_KIT_FAULT(dispatch_inline_anywhere);
CONFORMANCE_KIT_FAULT(no_exclusion);
CONFORMANCE_KIT_FAULT(last_in_first_out);
CONFORMANCE_KIT_FAULT(unsynchronised_queue);
CONFORMANCE_KIT_FAULT(throw_stalls_strand);
// [async.strand.cons]
CONFORMANCE_KIT_FAULT(one_state_for_all);
CONFORMANCE_KIT_FAULT(default_constructor_unconstrained);
CONFORMANCE_KIT_FAULT(allocator_ignored);
CONFORMANCE_KIT_FAULT(copy_makes_new_state);
CONFORMANCE_KIT_FAULT(move_copies_inner);
CONFORMANCE_KIT_FAULT(converting_copy_makes_new_state);
CONFORMANCE_KIT_FAULT(copy_rebuilds_inner);
CONFORMANCE_KIT_FAULT(converting_copy_rebuilds_inner);
CONFORMANCE_KIT_FAULT(converting_move_copies_inner);
CONFORMANCE_KIT_FAULT(converting_constructor_may_throw);
CONFORMANCE_KIT_FAULT(converting_assignment_rebuilds_inner);
// [async.strand.assign], [async.strand.dtor]
CONFORMANCE_KIT_FAULT(assignment_deleted);
CONFORMANCE_KIT_FAULT(assignment_keeps_state);
CONFORMANCE_KIT_FAULT(converting_assignment_may_throw);
CONFORMANCE_KIT_FAULT(converting_assignment_keeps_state);
CONFORMANCE_KIT_FAULT(assignment_returns_other);
CONFORMANCE_KIT_FAULT(queue_dropped_with_last_strand);
// [async.strand.ops], [async.strand.comparisons]
CONFORMANCE_KIT_FAULT(inner_may_throw);
CONFORMANCE_KIT_FAULT(never_running_in_this_thread);
CONFORMANCE_KIT_FAULT(context_of_other);
CONFORMANCE_KIT_FAULT(work_not_forwarded);
CONFORMANCE_KIT_FAULT(dispatch_never_inline);
CONFORMANCE_KIT_FAULT(post_inline_inside);
CONFORMANCE_KIT_FAULT(defer_inline_inside);
CONFORMANCE_KIT_FAULT(copies_unequal);
CONFORMANCE_KIT_FAULT(inequality_not_negation);
#undef CONFORMANCE_KIT_FAULT

// The ordered, non-concurrent state: a queue of functions and whether one of its invokers is
// scheduled on the inner executor. `handles` counts the strand objects sharing it.
struct strand_queue_state {
  std::mutex mutex;
  std::deque<std::function<void()>> queue;
  bool scheduled = false;
  bool submitting = false;
  std::atomic<int> handles{0};

  // The states whose functions the calling thread is running, innermost last.
  static std::vector<const strand_queue_state*>& running_here() {
    thread_local std::vector<const strand_queue_state*> stack;
    return stack;
  }
  bool running_in_this_thread() const {
    for (const auto* s : running_here()) {
      if (s == this) return true;
    }
    return false;
  }
};

template <class Executor, class Fault>
class faulty_strand {
 public:
  using inner_executor_type = Executor;

  faulty_strand() requires(Fault::planted_default_constructor_unconstrained ||
                           std::is_default_constructible_v<Executor>)
      : inner_(), state_(new_state(std::allocator<void>())) {}
  explicit faulty_strand(Executor ex) : inner_(std::move(ex)), state_(new_state(std::allocator<void>())) {}
  template <class ProtoAllocator>
  faulty_strand(std::allocator_arg_t, const ProtoAllocator& a, Executor ex)
      : inner_(std::move(ex)), state_(new_state(a)) {}

  faulty_strand(const faulty_strand& other) noexcept(!Fault::planted_copy_may_throw)
      : inner_(Fault::planted_copy_rebuilds_inner ? rebuilt<Executor>(other.inner_) : other.inner_),
        state_(Fault::planted_copy_makes_new_state ? new_state(std::allocator<void>()) : other.state_) {
    hold();
  }
  faulty_strand(faulty_strand&& other) noexcept : inner_(moved_inner(other.inner_)), state_(other.state_) { hold(); }
  template <class OtherExecutor>
  faulty_strand(const faulty_strand<OtherExecutor, Fault>& other) noexcept(  // NOLINT: converting, as declared
      !Fault::planted_converting_constructor_may_throw)
      : inner_(Fault::planted_converting_copy_rebuilds_inner ? rebuilt<Executor>(other.inner_)
                                                             : Executor(other.inner_)),
        state_(Fault::planted_converting_copy_makes_new_state ? new_state(std::allocator<void>()) : other.state_) {
    hold();
  }
  template <class OtherExecutor>
  faulty_strand(faulty_strand<OtherExecutor, Fault>&& other) noexcept(  // NOLINT: converting, as declared
      !Fault::planted_converting_constructor_may_throw)
      : inner_(Fault::planted_converting_move_copies_inner ? Executor(static_cast<const OtherExecutor&>(other.inner_))
                                                           : Executor(std::move(other.inner_))),
        state_(other.state_) {
    hold();
  }

  faulty_strand& operator=(const faulty_strand& other) noexcept requires(!Fault::planted_assignment_deleted) {
    return assign_from(other.inner_, other.state_, Fault::planted_assignment_keeps_state);
  }
  faulty_strand& operator=(faulty_strand&& other) noexcept requires(!Fault::planted_assignment_deleted) {
    return assign_from(other.inner_, other.state_, Fault::planted_assignment_keeps_state);
  }
  template <class OtherExecutor>
  requires(!std::is_same_v<OtherExecutor, Executor>) faulty_strand& operator=(
      const faulty_strand<OtherExecutor, Fault>& other) noexcept(!Fault::planted_converting_assignment_may_throw) {
    return assign_from(other.inner_, other.state_, Fault::planted_converting_assignment_keeps_state);
  }
  template <class OtherExecutor>
  requires(!std::is_same_v<OtherExecutor, Executor>) faulty_strand& operator=(
      faulty_strand<OtherExecutor, Fault>&& other) noexcept(!Fault::planted_converting_assignment_may_throw) {
    return assign_from(other.inner_, other.state_, Fault::planted_converting_assignment_keeps_state);
  }

  ~faulty_strand() { release(); }

  inner_executor_type get_inner_executor() const noexcept(!Fault::planted_inner_may_throw) { return inner_; }
  bool running_in_this_thread() const noexcept {
    return !Fault::planted_never_running_in_this_thread && state_->running_in_this_thread();
  }
  lib::execution_context& context() const noexcept {
    if constexpr (Fault::planted_context_of_other) return other_context();
    return inner_.context();
  }
  void on_work_started() const noexcept {
    if constexpr (!Fault::planted_work_not_forwarded) inner_.on_work_started();
  }
  void on_work_finished() const noexcept {
    if constexpr (!Fault::planted_work_not_forwarded) inner_.on_work_finished();
  }

  template <class F, class A>
  void dispatch(F&& f, const A& a) const {
    const bool inline_allowed = Fault::planted_dispatch_inline_anywhere || running_in_this_thread();
    if (inline_allowed && !Fault::planted_dispatch_never_inline) {
      std::decay_t<F> local(std::forward<F>(f));
      local();
      return;
    }
    enqueue(std::forward<F>(f), a);
  }
  template <class F, class A>
  void post(F&& f, const A& a) const {
    if (Fault::planted_post_inline_inside && running_in_this_thread()) {
      std::decay_t<F> local(std::forward<F>(f));
      local();
      return;
    }
    enqueue(std::forward<F>(f), a);
  }
  template <class F, class A>
  requires(!Fault::planted_defer_missing) void defer(F&& f, const A& a) const {
    if (Fault::planted_defer_inline_inside && running_in_this_thread()) {
      std::decay_t<F> local(std::forward<F>(f));
      local();
      return;
    }
    enqueue(std::forward<F>(f), a);
  }

  friend bool operator==(const faulty_strand& a, const faulty_strand& b) noexcept {
    if constexpr (Fault::planted_copies_unequal) return &a == &b;
    return a.state_ == b.state_;
  }
  friend bool operator!=(const faulty_strand& a, const faulty_strand& b) noexcept {
    return Fault::planted_inequality_not_negation ? a == b : !(a == b);
  }

 private:
  template <class, class>
  friend class faulty_strand;

  // Runs the queued functions one by one until the queue is empty.
  struct invoker {
    std::shared_ptr<strand_queue_state> state;
    Executor inner;

    void operator()() {
      auto& running = strand_queue_state::running_here();
      running.push_back(state.get());
      struct leave {
        invoker& self;
        std::vector<const strand_queue_state*>& running;
        bool finished = false;
        ~leave() {
          running.pop_back();
          if (finished || Fault::planted_throw_stalls_strand) return;
          // A function threw: the rest of the queue runs in a new invoker.
          self.inner.post(invoker{self.state, self.inner}, std::allocator<void>());
        }
      } on_exit{*this, running};
      for (;;) {
        std::function<void()> next;
        {
          const std::lock_guard lock(state->mutex);
          if (state->queue.empty()) {
            state->scheduled = false;
            on_exit.finished = true;
            return;
          }
          next = std::move(state->queue.front());
          state->queue.pop_front();
        }
        next();
      }
    }
  };

  template <class A>
  std::shared_ptr<strand_queue_state> new_state(const A& a) const {
    if constexpr (Fault::planted_one_state_for_all) {
      static const auto shared = std::make_shared<strand_queue_state>();
      ++shared->handles;
      return shared;
    }
    std::shared_ptr<strand_queue_state> state;
    if constexpr (Fault::planted_allocator_ignored) {
      state = std::make_shared<strand_queue_state>();
    } else {
      state = std::allocate_shared<strand_queue_state>(
          typename std::allocator_traits<A>::template rebind_alloc<strand_queue_state>(a));
    }
    ++state->handles;
    return state;
  }

  static Executor moved_inner(Executor& inner) {
    if constexpr (Fault::planted_move_copies_inner) return static_cast<const Executor&>(inner);
    return std::move(inner);
  }

  // The faults that lose the inner executor: a new one on the same io_context.
  template <class To, class From>
  static To rebuilt(const From& inner) {
    auto& ctx = static_cast<lib::io_context&>(inner.context());
    if constexpr (std::is_constructible_v<To, lib::io_context&>) {
      return To(ctx);
    } else {
      return To(ctx.get_executor());
    }
  }

  static lib::io_context& other_context() {
    static lib::io_context context;
    return context;
  }

  void hold() noexcept { ++state_->handles; }
  void release() noexcept {
    if (state_ && --state_->handles == 0 && Fault::planted_queue_dropped_with_last_strand) {
      const std::lock_guard lock(state_->mutex);
      state_->queue.clear();
    }
  }

  template <class OtherExecutor>
  faulty_strand& assign_from(const OtherExecutor& inner, const std::shared_ptr<strand_queue_state>& state,
                             bool keep_state) noexcept {
    if constexpr (Fault::planted_converting_assignment_rebuilds_inner && !std::is_same_v<OtherExecutor, Executor>) {
      inner_ = rebuilt<Executor>(inner);
    } else {
      inner_ = inner;
    }
    if (!keep_state && state != state_) {
      release();
      state_ = state;
      hold();
    }
    if constexpr (Fault::planted_assignment_returns_other) {
      static std::optional<faulty_strand> other;
      other.emplace(*this);
      return *other;
    }
    return *this;
  }

  // Queues f; the first function of an idle state schedules an invoker on the inner executor.
  template <class F, class A>
  void enqueue(F&& f, const A& a) const {
    if constexpr (Fault::planted_no_exclusion) {
      inner_.post(std::forward<F>(f), a);
      return;
    }
    std::unique_lock lock(state_->mutex);
    if constexpr (Fault::planted_unsynchronised_queue) {
      if (state_->submitting) return;  // a submission that meets another one is lost
      state_->submitting = true;
      lock.unlock();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      lock.lock();
      state_->submitting = false;
    }
    auto function = std::function<void()>(std::forward<F>(f));
    if constexpr (Fault::planted_last_in_first_out) {
      state_->queue.push_front(std::move(function));
    } else {
      state_->queue.push_back(std::move(function));
    }
    if (state_->scheduled) return;
    state_->scheduled = true;
    lock.unlock();
    inner_.post(invoker{state_, inner_}, a);
  }

  Executor inner_;
  std::shared_ptr<strand_queue_state> state_;
};

}  // namespace conformance::kit
