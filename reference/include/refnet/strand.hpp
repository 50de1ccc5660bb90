// [async.strand] strand: ordered, non-concurrent invocation on an inner executor.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "refnet/detail/executor_op.hpp"
#include "refnet/detail/strand_state.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

template <class Executor>
class strand {
 public:
  using inner_executor_type = Executor;

  strand()
    requires std::is_default_constructible_v<Executor>
      : executor_(), state_(detail::make_strand_state(executor_, std::allocator<detail::strand_state>())) {}

  explicit strand(Executor ex)
      : executor_(std::move(ex)), state_(detail::make_strand_state(executor_, std::allocator<detail::strand_state>())) {}

  template <class ProtoAllocator>
  strand(std::allocator_arg_t, const ProtoAllocator& a, Executor ex)
      : executor_(std::move(ex)),
        state_(detail::make_strand_state(
            executor_, typename std::allocator_traits<ProtoAllocator>::template rebind_alloc<detail::strand_state>(a))) {}

  strand(const strand&) noexcept = default;
  strand(strand&&) noexcept = default;

  template <class OtherExecutor>
    requires std::is_convertible_v<OtherExecutor, Executor>
  strand(const strand<OtherExecutor>& other) noexcept : executor_(other.executor_), state_(other.state_) {}

  template <class OtherExecutor>
    requires std::is_convertible_v<OtherExecutor, Executor>
  strand(strand<OtherExecutor>&& other) noexcept
      : executor_(std::move(other.executor_)), state_(std::move(other.state_)) {}

  strand& operator=(const strand&) noexcept = default;
  strand& operator=(strand&&) noexcept = default;

  template <class OtherExecutor>
    requires std::is_convertible_v<OtherExecutor, Executor>
  strand& operator=(const strand<OtherExecutor>& other) noexcept {
    executor_ = other.executor_;
    state_ = other.state_;
    return *this;
  }

  template <class OtherExecutor>
    requires std::is_convertible_v<OtherExecutor, Executor>
  strand& operator=(strand<OtherExecutor>&& other) noexcept {
    executor_ = std::move(other.executor_);
    state_ = std::move(other.state_);
    return *this;
  }

  // Queued functions keep the shared state alive, so they still run in order
  // after every strand object referring to it is gone.
  ~strand() = default;

  inner_executor_type get_inner_executor() const noexcept { return executor_; }

  bool running_in_this_thread() const noexcept { return state_->running_in_this_thread(); }

  execution_context& context() const noexcept { return executor_.context(); }

  void on_work_started() const noexcept { executor_.on_work_started(); }
  void on_work_finished() const noexcept { executor_.on_work_finished(); }

  template <class Func, class ProtoAllocator>
  void dispatch(Func&& f, const ProtoAllocator& a) const {
    if (running_in_this_thread()) {
      std::decay_t<Func> local(std::forward<Func>(f));
      std::move(local)();
      return;
    }
    if (state_->enqueue(detail::make_executor_op(std::forward<Func>(f), a)))
      executor_.dispatch(invoker(), a);
  }

  template <class Func, class ProtoAllocator>
  void post(Func&& f, const ProtoAllocator& a) const {
    if (state_->enqueue(detail::make_executor_op(std::forward<Func>(f), a))) executor_.post(invoker(), a);
  }

  template <class Func, class ProtoAllocator>
  void defer(Func&& f, const ProtoAllocator& a) const {
    if (state_->enqueue(detail::make_executor_op(std::forward<Func>(f), a))) executor_.defer(invoker(), a);
  }

  friend bool operator==(const strand& a, const strand& b) noexcept { return a.state_ == b.state_; }
  friend bool operator!=(const strand& a, const strand& b) noexcept { return a.state_ != b.state_; }

 private:
  template <class>
  friend class strand;

  detail::strand_invoker<Executor> invoker() const { return detail::strand_invoker<Executor>(state_, executor_); }

  Executor executor_;
  std::shared_ptr<detail::strand_state> state_;
};

template <class Executor>
strand(Executor) -> strand<Executor>;

template <class Executor>
  requires is_executor_v<Executor>
strand<Executor> make_strand(const Executor& ex) {
  return strand<Executor>(ex);
}

template <class ExecutionContext>
  requires std::is_convertible_v<ExecutionContext&, execution_context&>
strand<typename ExecutionContext::executor_type> make_strand(ExecutionContext& ctx) {
  return strand<typename ExecutionContext::executor_type>(ctx.get_executor());
}

}  // namespace refnet
