// [async.exec.binder] executor_binder, [async.bind.executor] bind_executor.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_executor.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/bound_target.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

// Attaches an executor to a target object (typically a completion handler).
template <class T, class Executor>
class executor_binder : public detail::bound_target<T> {
  using target_base = detail::bound_target<T>;

 public:
  using typename target_base::target_type;
  using executor_type = Executor;

  executor_binder(T t, const executor_type& e)
      : target_base(std::in_place, make_target(e, std::move(t))), executor_(e) {}

  template <class U>
  executor_binder(executor_arg_t, const executor_type& e, U&& u)
      : target_base(std::in_place, make_target(e, std::forward<U>(u))), executor_(e) {}

  executor_binder(const executor_binder&) = default;
  executor_binder(executor_binder&&) = default;

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, const U&> && std::is_constructible_v<Executor, const OtherExecutor&>
  executor_binder(const executor_binder<U, OtherExecutor>& other)
      : target_base(std::in_place, make_target(Executor(other.get_executor()), other.get())), executor_(other.get_executor()) {}

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, U&&> && std::is_constructible_v<Executor, OtherExecutor&&>
  executor_binder(executor_binder<U, OtherExecutor>&& other)
      : target_base(std::in_place, make_target(Executor(other.executor_), std::move(other.get()))),
        executor_(std::move(other.executor_)) {}

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, const U&>
  executor_binder(executor_arg_t, const executor_type& e, const executor_binder<U, OtherExecutor>& other)
      : target_base(std::in_place, make_target(e, other.get())), executor_(e) {}

  template <class U, class OtherExecutor>
    requires std::is_constructible_v<T, U&&>
  executor_binder(executor_arg_t, const executor_type& e, executor_binder<U, OtherExecutor>&& other)
      : target_base(std::in_place, make_target(e, std::move(other.get()))), executor_(e) {}

  ~executor_binder() = default;

  executor_type get_executor() const noexcept { return executor_; }

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
