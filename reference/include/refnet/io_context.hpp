// [io_context.io_context] io_context and io_context::executor_type.
#pragma once

#include <chrono>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "refnet/detail/executor_op.hpp"
#include "refnet/detail/scheduler.hpp"
#include "refnet/execution_context.hpp"

namespace refnet {

// An execution context whose handlers run in the threads that call run(),
// run_one(), poll() or poll_one(), and which drives the epoll reactor.
class io_context : public execution_context {
 public:
  class executor_type;
  using count_type = std::size_t;

  io_context();
  explicit io_context(int concurrency_hint);
  ~io_context() override;

  executor_type get_executor() noexcept;

  count_type run() { return impl_->run(); }
  count_type run_one() { return impl_->run_one(); }
  count_type poll() { return impl_->poll(); }
  count_type poll_one() { return impl_->poll_one(); }

  template <class Rep, class Period>
  count_type run_for(const std::chrono::duration<Rep, Period>& rel_time) {
    return run_until(std::chrono::steady_clock::now() + rel_time);
  }

  template <class Clock, class Duration>
  count_type run_until(const std::chrono::time_point<Clock, Duration>& abs_time) {
    count_type n = 0;
    while (run_one_until(abs_time) != 0)
      if (n != static_cast<count_type>(-1)) ++n;
    return n;
  }

  template <class Rep, class Period>
  count_type run_one_for(const std::chrono::duration<Rep, Period>& rel_time) {
    return run_one_until(std::chrono::steady_clock::now() + rel_time);
  }

  template <class Clock, class Duration>
  count_type run_one_until(const std::chrono::time_point<Clock, Duration>& abs_time) {
    // Wait in slices of at most one second so that a clock other than
    // steady_clock is re-read regularly.
    for (auto now = Clock::now(); now < abs_time; now = Clock::now()) {
      auto slice = std::chrono::duration_cast<std::chrono::steady_clock::duration>(abs_time - now);
      if (slice > std::chrono::seconds(1)) slice = std::chrono::seconds(1);
      if (impl_->run_one_until(std::chrono::steady_clock::now() + slice) != 0) return 1;
      if (impl_->stopped()) return 0;
    }
    return 0;
  }

  void stop() { impl_->stop(); }
  bool stopped() const { return impl_->stopped(); }
  void restart() { impl_->restart(); }

 private:
  friend class executor_type;
  detail::scheduler* impl_;
};

class io_context::executor_type {
 public:
  executor_type(const executor_type&) noexcept = default;
  executor_type(executor_type&&) noexcept = default;
  executor_type& operator=(const executor_type&) noexcept = default;
  executor_type& operator=(executor_type&&) noexcept = default;

  bool running_in_this_thread() const noexcept { return context_->impl_->running_in_this_thread(); }

  io_context& context() const noexcept { return *context_; }

  void on_work_started() const noexcept { context_->impl_->work_started(); }
  void on_work_finished() const noexcept { context_->impl_->work_finished(); }

  // Runs f inline when called from a thread running this io_context, else posts it.
  template <class Func, class ProtoAllocator>
  void dispatch(Func&& f, const ProtoAllocator& a) const {
    if (running_in_this_thread()) {
      std::decay_t<Func> local(std::forward<Func>(f));
      std::move(local)();
      return;
    }
    post(std::forward<Func>(f), a);
  }

  template <class Func, class ProtoAllocator>
  void post(Func&& f, const ProtoAllocator& a) const {
    context_->impl_->post_immediate_completion(detail::make_executor_op(std::forward<Func>(f), a));
  }

  // A continuation of the caller; queued exactly like post.
  template <class Func, class ProtoAllocator>
  void defer(Func&& f, const ProtoAllocator& a) const {
    post(std::forward<Func>(f), a);
  }

  friend bool operator==(const executor_type& a, const executor_type& b) noexcept {
    return a.context_ == b.context_;
  }
  friend bool operator!=(const executor_type& a, const executor_type& b) noexcept { return !(a == b); }

 private:
  friend class io_context;
  explicit executor_type(io_context& ctx) noexcept : context_(&ctx) {}
  io_context* context_;
};

inline io_context::io_context() : impl_(&make_service<detail::scheduler>(*this)) {}

inline io_context::io_context(int /*concurrency_hint*/) : io_context() {}

inline io_context::~io_context() {
  // Destroys all never-run handlers while the io_context is still complete.
  shutdown();
  destroy();
}

inline io_context::executor_type io_context::get_executor() noexcept { return executor_type(*this); }

}  // namespace refnet
