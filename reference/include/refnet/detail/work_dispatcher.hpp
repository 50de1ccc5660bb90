// Mechanics: the function object `f` of [async.post]/[async.dispatch]/[async.defer]
// for the executor forms: it holds the handler and a work guard on the handler's
// associated executor, and on invocation dispatches the handler there.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/associated_allocator.hpp"
#include "refnet/associated_executor.hpp"
#include "refnet/executor_work_guard.hpp"
#include "refnet/system_executor.hpp"

namespace refnet::detail {

template <class Handler>
class work_dispatcher {
 public:
  template <class H>
  explicit work_dispatcher(H&& handler) : work_(make_work_guard(handler)), handler_(std::forward<H>(handler)) {}

  void operator()() {
    auto alloc = get_associated_allocator(handler_);
    work_.get_executor().dispatch(std::move(handler_), alloc);
    work_.reset();
  }

 private:
  executor_work_guard<associated_executor_t<Handler>> work_;
  Handler handler_;
};

// The function object to submit for `handler`. When the handler's executor is
// the system executor, whose dispatch calls it at once and whose work counts
// nothing, the work_dispatcher would add only a wrapper: the handler itself is
// submitted.
template <class Handler>
auto make_work_dispatcher(Handler&& handler) {
  using handler_type = std::decay_t<Handler>;
  if constexpr (std::is_same_v<associated_executor_t<handler_type>, system_executor>)
    return handler_type(std::forward<Handler>(handler));
  else
    return work_dispatcher<handler_type>(std::forward<Handler>(handler));
}

}  // namespace refnet::detail
