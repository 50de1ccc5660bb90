// [async.post] post: submit a completion handler for execution (never inline; satisfies every async-operation rule).
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_allocator.hpp"
#include "refnet/associated_executor.hpp"
#include "refnet/async_result.hpp"
#include "refnet/detail/work_dispatcher.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

namespace detail {

// Token-only form: the handler's own executor receives it, with its allocator.
struct initiate_post {
  template <class Handler>
  void operator()(Handler&& handler) const {
    auto ex = get_associated_executor(handler);
    auto alloc = get_associated_allocator(handler);
    ex.post(std::forward<Handler>(handler), alloc);
  }
};

// Executor form: `ex` receives a work_dispatcher, which then dispatches the
// handler to the handler's associated executor while holding work on it.
template <class Executor>
class initiate_post_with_executor {
 public:
  using executor_type = Executor;
  explicit initiate_post_with_executor(const Executor& ex) : executor_(ex) {}
  executor_type get_executor() const noexcept { return executor_; }

  template <class Handler>
  void operator()(Handler&& handler) const {
    auto alloc = get_associated_allocator(handler);
    executor_.post(make_work_dispatcher(std::forward<Handler>(handler)), alloc);
  }

 private:
  Executor executor_;
};

}  // namespace detail

template <class NullaryToken>
decltype(auto) post(NullaryToken&& token) {
  return async_initiate<NullaryToken, void()>(detail::initiate_post(), token);
}

template <class Executor, class NullaryToken = default_completion_token_t<Executor>>
  requires is_executor_v<Executor>
decltype(auto) post(const Executor& ex, NullaryToken&& token = default_completion_token_t<Executor>()) {
  return async_initiate<NullaryToken, void()>(detail::initiate_post_with_executor<Executor>(ex), token);
}

template <class ExecutionContext,
          class NullaryToken = default_completion_token_t<typename ExecutionContext::executor_type>>
  requires std::is_convertible_v<ExecutionContext&, execution_context&>
decltype(auto) post(ExecutionContext& ctx,
                     NullaryToken&& token = default_completion_token_t<typename ExecutionContext::executor_type>()) {
  return async_initiate<NullaryToken, void()>(
      detail::initiate_post_with_executor<typename ExecutionContext::executor_type>(ctx.get_executor()), token);
}

}  // namespace refnet
