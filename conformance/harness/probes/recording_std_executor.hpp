// Probe (RX, standard-executor twin): an executor in Asio's property model (Asio >= 1.17:
// execute, query/require/prefer of blocking, relationship, outstanding_work, allocator and
// context) wrapping an inner executor (an io_context's by default, or a thread_pool's or a
// strand's over one for the I/O executors of io_executors.hpp). Each copy remembers the properties required or
// preferred on it; every execute() is logged with them in a shared executor_log, so a rule
// can tell post-like (blocking.never) from dispatch-like submissions
// ([async.reqmts.async.completion] p3 in the property mapping Asio uses), and outstanding
// work is the number of live copies carrying outstanding_work.tracked
// ([async.reqmts.async.work]). Execution is forwarded to the inner executor with the same
// blocking, relationship and allocator, so functions run on its context for real.
//
// blocking.always waits for the function: inline on a thread running the context,
// otherwise the caller blocks until another thread running it has run the function.
#pragma once

#include "conformance/harness/target_description.hpp"

#if CONFORMANCE_HAS_STANDARD_EXECUTORS

#include <concepts>
#include <future>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/executor_log.hpp"

namespace conformance {

namespace detail {

// Fulfils a promise when destroyed, so a blocking.always caller wakes up whether the
// function ran, threw, or was destroyed unrun with its context.
class completion_signal {
 public:
  explicit completion_signal(std::promise<void> done) noexcept : done_(std::move(done)) {}
  completion_signal(completion_signal&& other) noexcept : done_(std::exchange(other.done_, std::nullopt)) {}
  completion_signal& operator=(completion_signal&&) = delete;
  ~completion_signal() {
    if (done_) done_->set_value();
  }

 private:
  std::optional<std::promise<void>> done_;
};

// The library's execution::execute customisation point, named without qualification so that
// a library without it (Asio 1.29 on) still compiles: the call is looked up only when used.
namespace execute_point {
using namespace net::execution;
template <class Executor, class Function>
void call(const Executor& ex, Function&& f) {
  execute(ex, std::forward<Function>(f));
}
}  // namespace execute_point

// Asio 1.18-1.24 make io_context's member execute private and go through the
// execution::execute customisation point; 1.25+ make the member public and deprecate the CPO,
// which 1.29 removes.
template <class Executor, class Function>
void execute_on(const Executor& ex, Function&& f) {
  if constexpr (requires { ex.execute(std::forward<Function>(f)); }) {
    ex.execute(std::forward<Function>(f));
  } else {
    execute_point::call(ex, std::forward<Function>(f));
  }
}

}  // namespace detail

template <class ProtoAllocator = std::allocator<void>, class Inner = net::io_context::executor_type>
class recording_std_executor {
 public:
  using inner_executor = Inner;

  recording_std_executor(const inner_executor& inner, std::shared_ptr<executor_log> log,
                         const ProtoAllocator& allocator = ProtoAllocator()) noexcept
      : recording_std_executor(inner, std::move(log), allocator, blocking_value::possibly, relationship_value::fork,
                               work_value::untracked) {}

  // A fresh log, on `inner`.
  explicit recording_std_executor(const inner_executor& inner)
      : recording_std_executor(inner, std::make_shared<executor_log>()) {}

  // A fresh log, on ctx's executor.
  template <class Context>
    requires requires(Context& ctx) {
      { ctx.get_executor() } -> std::same_as<inner_executor>;
    }
  explicit recording_std_executor(Context& ctx) : recording_std_executor(ctx.get_executor()) {}

  // A copy holds work of its own exactly when the original does (a moved-from tracked copy
  // holds none), and keeps the original's property values.
  recording_std_executor(const recording_std_executor& other) noexcept
      : recording_std_executor(other.inner_, other.log_, other.allocator_, other.blocking_, other.relationship_,
                               other.holds_work_ ? work_value::tracked : work_value::untracked) {
    work_ = other.work_;
  }

  // Moving transfers the work, like Asio's tracked io_context executor.
  recording_std_executor(recording_std_executor&& other) noexcept
      : inner_(other.inner_),
        log_(other.log_),
        allocator_(other.allocator_),
        blocking_(other.blocking_),
        relationship_(other.relationship_),
        work_(other.work_),
        holds_work_(std::exchange(other.holds_work_, false)),
        tracked_inner_(std::move(other.tracked_inner_)) {
    other.tracked_inner_.reset();
  }

  recording_std_executor& operator=(recording_std_executor other) noexcept {
    swap(other);
    return *this;
  }

  ~recording_std_executor() {
    if (holds_work_) log_->note_tracked_copy_destroyed();
  }

  template <class Function>
  void execute(Function&& f) const {
    log_->record(submission_member::execute, blocking_, relationship_, work_, counting_log_of(allocator_));
    const auto target = related(net::require(inner_, net::execution::allocator(allocator_)));
    switch (blocking_) {
      case blocking_value::never:
        detail::execute_on(net::require(target, net::execution::blocking.never), std::forward<Function>(f));
        break;
      case blocking_value::possibly:
        detail::execute_on(net::require(target, net::execution::blocking.possibly), std::forward<Function>(f));
        break;
      case blocking_value::always:
        execute_and_wait(target, std::forward<Function>(f));
        break;
    }
  }

  decltype(auto) query(net::execution::context_t) const noexcept {
    return net::query(inner_, net::execution::context);
  }
  net::execution::blocking_t query(net::execution::blocking_t) const noexcept {
    switch (blocking_) {
      case blocking_value::never:
        return net::execution::blocking.never;
      case blocking_value::always:
        return net::execution::blocking.always;
      case blocking_value::possibly:
        break;
    }
    return net::execution::blocking.possibly;
  }
  net::execution::relationship_t query(net::execution::relationship_t) const noexcept {
    if (relationship_ == relationship_value::continuation) return net::execution::relationship.continuation;
    return net::execution::relationship.fork;
  }
  net::execution::outstanding_work_t query(net::execution::outstanding_work_t) const noexcept {
    if (work_ == work_value::tracked) return net::execution::outstanding_work.tracked;
    return net::execution::outstanding_work.untracked;
  }
  template <class Any>
  ProtoAllocator query(net::execution::allocator_t<Any>) const noexcept {
    return allocator_;
  }

  recording_std_executor require(net::execution::blocking_t::possibly_t) const { return with(blocking_value::possibly); }
  recording_std_executor require(net::execution::blocking_t::always_t) const { return with(blocking_value::always); }
  recording_std_executor require(net::execution::blocking_t::never_t) const { return with(blocking_value::never); }
  recording_std_executor require(net::execution::relationship_t::fork_t) const { return with(relationship_value::fork); }
  recording_std_executor require(net::execution::relationship_t::continuation_t) const {
    return with(relationship_value::continuation);
  }
  recording_std_executor require(net::execution::outstanding_work_t::tracked_t) const { return with(work_value::tracked); }
  recording_std_executor require(net::execution::outstanding_work_t::untracked_t) const {
    return with(work_value::untracked);
  }
  template <class OtherAllocator>
  recording_std_executor<OtherAllocator, Inner> require(net::execution::allocator_t<OtherAllocator> a) const {
    return {inner_, log_, a.value(), blocking_, relationship_, work_};
  }
  recording_std_executor<std::allocator<void>, Inner> require(net::execution::allocator_t<void>) const {
    return {inner_, log_, std::allocator<void>(), blocking_, relationship_, work_};
  }

  executor_log& log() const noexcept { return *log_; }
  const std::shared_ptr<executor_log>& shared_log() const noexcept { return log_; }
  const inner_executor& inner() const noexcept { return inner_; }
  bool holds_work() const noexcept { return holds_work_; }

  // Interchangeable: same log, same context, same properties.
  friend bool operator==(const recording_std_executor& a, const recording_std_executor& b) noexcept {
    return a.log_ == b.log_ && a.inner_ == b.inner_ && a.allocator_ == b.allocator_ && a.blocking_ == b.blocking_ &&
           a.relationship_ == b.relationship_ && a.work_ == b.work_;
  }
  friend bool operator!=(const recording_std_executor& a, const recording_std_executor& b) noexcept {
    return !(a == b);
  }

 private:
  template <class, class>
  friend class recording_std_executor;

  using tracked_inner_executor = std::decay_t<decltype(net::require(
      std::declval<const inner_executor&>(), net::execution::outstanding_work.tracked))>;

  recording_std_executor(const inner_executor& inner, std::shared_ptr<executor_log> log,
                         const ProtoAllocator& allocator, blocking_value blocking, relationship_value relationship,
                         work_value work) noexcept
      : inner_(inner),
        log_(std::move(log)),
        allocator_(allocator),
        blocking_(blocking),
        relationship_(relationship),
        work_(work),
        holds_work_(work == work_value::tracked) {
    if (holds_work_) {
      // Keeps the context's run() from returning, as a tracked io_context executor would.
      tracked_inner_.emplace(net::require(inner_, net::execution::outstanding_work.tracked));
      log_->note_tracked_copy_created();
    }
  }

  recording_std_executor with(blocking_value blocking) const {
    return {inner_, log_, allocator_, blocking, relationship_, work_};
  }
  recording_std_executor with(relationship_value relationship) const {
    return {inner_, log_, allocator_, blocking_, relationship, work_};
  }
  recording_std_executor with(work_value work) const {
    return {inner_, log_, allocator_, blocking_, relationship_, work};
  }

  template <class Executor>
  auto related(const Executor& ex) const {
    if (relationship_ == relationship_value::continuation) return net::require(ex, net::execution::relationship.continuation);
    return net::require(ex, net::execution::relationship.fork);
  }

  template <class Executor, class Function>
  static void execute_and_wait(const Executor& target, Function&& f) {
    if (target.running_in_this_thread()) {
      detail::execute_on(net::require(target, net::execution::blocking.possibly), std::forward<Function>(f));
      return;
    }
    std::promise<void> done;
    std::future<void> finished = done.get_future();
    detail::execute_on(net::require(target, net::execution::blocking.never),
                       [f = std::decay_t<Function>(std::forward<Function>(f)),
                        signal = detail::completion_signal(std::move(done))]() mutable { std::move(f)(); });
    finished.wait();
  }

  void swap(recording_std_executor& other) noexcept {
    using std::swap;
    swap(inner_, other.inner_);
    swap(log_, other.log_);
    swap(allocator_, other.allocator_);
    swap(blocking_, other.blocking_);
    swap(relationship_, other.relationship_);
    swap(work_, other.work_);
    swap(holds_work_, other.holds_work_);
    swap(tracked_inner_, other.tracked_inner_);
  }

  inner_executor inner_;
  std::shared_ptr<executor_log> log_;
  ProtoAllocator allocator_;
  blocking_value blocking_;
  relationship_value relationship_;
  work_value work_;
  bool holds_work_;  // false once moved from
  std::optional<tracked_inner_executor> tracked_inner_;
};

}  // namespace conformance

#endif  // CONFORMANCE_HAS_STANDARD_EXECUTORS
