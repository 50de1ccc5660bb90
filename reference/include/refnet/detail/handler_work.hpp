// Mechanics: the outstanding work an asynchronous operation keeps ([async.reqmts.async.work]):
// work1 on the I/O executor and work2 on the handler's associated executor, held until
// the handler has been submitted ([async.reqmts.async.completion]).
#pragma once

#include <utility>

#include "refnet/associated_executor.hpp"
#include "refnet/executor_work_guard.hpp"

namespace refnet::detail {

template <class Handler, class IoExecutor>
class handler_work {
 public:
  using handler_executor_type = associated_executor_t<Handler, IoExecutor>;

  handler_work(const Handler& handler, const IoExecutor& io_ex)
      : io_work_(io_ex), handler_work_(get_associated_executor(handler, io_ex)) {}

  handler_work(handler_work&&) noexcept = default;

  // Normal completion: as if by ex2.dispatch(f, alloc2).
  template <class Function, class ProtoAlloc>
  void dispatch(Function&& f, const ProtoAlloc& alloc2) {
    handler_work_.get_executor().dispatch(std::forward<Function>(f), alloc2);
    reset();
  }

  // Completion inside the initiating function: as if by ex2.post(f, alloc2).
  template <class Function, class ProtoAlloc>
  void post(Function&& f, const ProtoAlloc& alloc2) {
    handler_work_.get_executor().post(std::forward<Function>(f), alloc2);
    reset();
  }

 private:
  void reset() noexcept {
    handler_work_.reset();
    io_work_.reset();
  }

  executor_work_guard<IoExecutor> io_work_;
  executor_work_guard<handler_executor_type> handler_work_;
};

}  // namespace refnet::detail
