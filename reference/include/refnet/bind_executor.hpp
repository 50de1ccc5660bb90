// [async.exec.binder] executor_binder, [async.bind.executor] bind_executor.
#pragma once

#include <functional>
#include <type_traits>
#include <utility>

#include "refnet/associated_executor.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

// Attaches an executor to a target object (typically a completion handler).
template <class T, class Executor>
class executor_binder {
 public:
  using target_type = T;
  using executor_type = Executor;

  template <class U>
  executor_binder(executor_arg_t, const executor_type& e, U&& u)
      : executor_(e), target_(make_target(e, std::forward<U>(u))) {}

  executor_binder(const executor_binder&) = default;
  executor_binder(executor_binder&&) = default;

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, const U&> && std::is_constructible_v<Executor, const OtherExecutor&>
  executor_binder(const executor_binder<U, OtherExecutor>& other)
      : executor_(other.get_executor()), target_(make_target(executor_, other.get())) {}

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, U&&> && std::is_constructible_v<Executor, OtherExecutor&&>
  executor_binder(executor_binder<U, OtherExecutor>&& other)
      : executor_(std::move(other.executor_)), target_(make_target(executor_, std::move(other.target_))) {}

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, const U&>
  executor_binder(executor_arg_t, const executor_type& e, const executor_binder<U, OtherExecutor>& other)
      : executor_(e), target_(make_target(e, other.get())) {}

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, U&&>
  executor_binder(executor_arg_t, const executor_type& e, executor_binder<U, OtherExecutor>&& other)
      : executor_(e), target_(make_target(e, std::move(other.target_))) {}

  ~executor_binder() = default;

  target_type& get() noexcept { return target_; }
  const target_type& get() const noexcept { return target_; }
  executor_type get_executor() const noexcept { return executor_; }

  template <class... Args>
  decltype(auto) operator()(Args&&... args) & {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  decltype(auto) operator()(Args&&... args) const& {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
  template <class... Args>
  decltype(auto) operator()(Args&&... args) && {
    return std::invoke(std::move(target_), std::forward<Args>(args)...);
  }

 private:
  template <class, class>
  friend class executor_binder;

  // Uses-executor construction ([async.uses.executor.cons]).
  template <class U>
  static T make_target(const executor_type& e, U&& u) {
    if constexpr (uses_executor_v<T, Executor> && std::is_constructible_v<T, executor_arg_t, const Executor&, U&&>)
      return T(executor_arg, e, std::forward<U>(u));
    else
      return T(std::forward<U>(u));
  }

  Executor executor_;
  T target_;
};

template <class Executor, class T>
  requires is_executor_v<Executor>
executor_binder<std::decay_t<T>, Executor> bind_executor(const Executor& ex, T&& t) {
  return executor_binder<std::decay_t<T>, Executor>(executor_arg, ex, std::forward<T>(t));
}

template <class ExecutionContext, class T>
  requires std::is_convertible_v<ExecutionContext&, execution_context&>
executor_binder<std::decay_t<T>, typename ExecutionContext::executor_type> bind_executor(ExecutionContext& ctx,
                                                                                         T&& t) {
  return executor_binder<std::decay_t<T>, typename ExecutionContext::executor_type>(executor_arg, ctx.get_executor(),
                                                                                    std::forward<T>(t));
}

template <class T, class Executor>
struct uses_executor<executor_binder<T, Executor>, Executor> : std::true_type {};

// The binder's associated executor is the bound one; every other associator
// is forwarded to the target.
template <class T, class Executor, class Executor1>
struct associated_executor<executor_binder<T, Executor>, Executor1> {
  using type = Executor;
  static type get(const executor_binder<T, Executor>& b, const Executor1& = Executor1()) noexcept {
    return b.get_executor();
  }
};

template <template <class, class> class Associator, class T, class Executor, class DefaultCandidate>
struct associator<Associator, executor_binder<T, Executor>, DefaultCandidate>
    : detail::forwarding_associator<Associator, executor_binder<T, Executor>, T, DefaultCandidate> {};

// The inner token decides the handler and the return type; the handler it
// produces is wrapped again so that it keeps the bound executor.
template <class T, class Executor, class... Signatures>
class async_result<executor_binder<T, Executor>, Signatures...> {
 public:
  using completion_handler_type =
      executor_binder<typename async_result<T, Signatures...>::completion_handler_type, Executor>;
  using return_type = typename async_result<T, Signatures...>::return_type;

  explicit async_result(completion_handler_type& b) : target_(b.get()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return target_.get(); }

  template <class Initiation, class RawCompletionToken, class... Args>
  static decltype(auto) initiate(Initiation&& initiation, RawCompletionToken&& token, Args&&... args) {
    auto wrapper = detail::rewrapping_initiation(
        std::forward<Initiation>(initiation),
        [ex = token.get_executor()]<class Handler>(Handler&& h) {
          return executor_binder<std::decay_t<Handler>, Executor>(executor_arg, ex, std::forward<Handler>(h));
        });
    return async_initiate<detail::forward_like_t<RawCompletionToken, T>, Signatures...>(
        std::move(wrapper), detail::target_of(token), std::forward<Args>(args)...);
  }

 private:
  async_result<T, Signatures...> target_;
};

}  // namespace refnet
