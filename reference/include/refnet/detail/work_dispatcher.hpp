// Mechanics: the function object `f` of [async.post]/[async.dispatch]/[async.defer]
// for the executor forms: it holds the handler and a work guard on the handler's
// associated executor, and on invocation dispatches the handler there.
#pragma once

#include <utility>

#include "refnet/associated_allocator.hpp"
#include "refnet/associated_executor.hpp"
#include "refnet/executor_work_guard.hpp"

namespace refnet::detail {

template <class Handler>
class work_dispatcher {
 public:
  template <class H>
  explicit work_dispatcher(H&& handler)
      : work_(make_work_guard(handler)), handler_(std::forward<H>(handler)) {}

  void operator()() {
    auto alloc = get_associated_allocator(handler_);
    work_.get_executor().dispatch(std::move(handler_), alloc);
    work_.reset();
  }

 private:
  executor_work_guard<associated_executor_t<Handler>> work_;
  Handler handler_;
};

}  // namespace refnet::detail
