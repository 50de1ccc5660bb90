// [async.packaged.task.spec] async_result for std::packaged_task.
#pragma once

#include <future>
#include <utility>

#include "refnet/async_result.hpp"

namespace refnet {

// The task itself is the handler; the initiating function returns its future.
template <class Result, class... Args, class Signature>
class async_result<std::packaged_task<Result(Args...)>, Signature> {
 public:
  using completion_handler_type = std::packaged_task<Result(Args...)>;
  using return_type = std::future<Result>;

  explicit async_result(completion_handler_type& h) : future_(h.get_future()) {}
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return std::move(future_); }

  template <class Initiation, class RawCompletionToken, class... InitArgs>
  static return_type initiate(Initiation&& initiation, RawCompletionToken&& token, InitArgs&&... args) {
    return_type future = token.get_future();
    std::forward<Initiation>(initiation)(std::forward<RawCompletionToken>(token), std::forward<InitArgs>(args)...);
    return future;
  }

 private:
  return_type future_;
};

}  // namespace refnet
