// [async.exec.work.guard] executor_work_guard, [async.make.work.guard] make_work_guard.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_executor.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

// Tells an executor's context that work is outstanding for as long as it owns work.
template <class Executor>
class executor_work_guard {
 public:
  using executor_type = Executor;

  explicit executor_work_guard(const executor_type& ex) noexcept : executor_(ex), owns_(true) {
    executor_.on_work_started();
  }

  executor_work_guard(const executor_work_guard& other) noexcept
      : executor_(other.executor_), owns_(other.owns_) {
    if (owns_) executor_.on_work_started();
  }

  executor_work_guard(executor_work_guard&& other) noexcept
      : executor_(std::move(other.executor_)), owns_(std::exchange(other.owns_, false)) {}

  executor_work_guard& operator=(const executor_work_guard&) = delete;

  ~executor_work_guard() {
    if (owns_) executor_.on_work_finished();
  }

  executor_type get_executor() const noexcept { return executor_; }
  bool owns_work() const noexcept { return owns_; }

  void reset() noexcept {
    if (owns_) {
      executor_.on_work_finished();
      owns_ = false;
    }
  }

 private:
  Executor executor_;
  bool owns_;
};

namespace detail {

template <class T>
concept context_reference = std::is_convertible_v<T&, execution_context&>;

}  // namespace detail

template <class Executor>
  requires is_executor_v<Executor>
executor_work_guard<Executor> make_work_guard(const Executor& ex) {
  return executor_work_guard<Executor>(ex);
}

template <class ExecutionContext>
  requires detail::context_reference<ExecutionContext>
executor_work_guard<typename ExecutionContext::executor_type> make_work_guard(ExecutionContext& ctx) {
  return executor_work_guard<typename ExecutionContext::executor_type>(ctx.get_executor());
}

template <class T>
  requires(!is_executor_v<T> && !detail::context_reference<T>)
executor_work_guard<associated_executor_t<T>> make_work_guard(const T& t) {
  return executor_work_guard<associated_executor_t<T>>(get_associated_executor(t));
}

template <class T, class Executor>
  requires(!is_executor_v<T> && !detail::context_reference<T> && is_executor_v<Executor>)
executor_work_guard<associated_executor_t<T, Executor>> make_work_guard(const T& t, const Executor& ex) {
  return executor_work_guard<associated_executor_t<T, Executor>>(get_associated_executor(t, ex));
}

template <class T, class ExecutionContext>
  requires(!is_executor_v<T> && !detail::context_reference<T> && detail::context_reference<ExecutionContext>)
executor_work_guard<associated_executor_t<T, typename ExecutionContext::executor_type>> make_work_guard(
    const T& t, ExecutionContext& ctx) {
  return executor_work_guard<associated_executor_t<T, typename ExecutionContext::executor_type>>(
      get_associated_executor(t, ctx.get_executor()));
}

}  // namespace refnet
