// Mechanics: a queued function object together with the allocator that holds it.
#pragma once

#include <utility>

#include "refnet/detail/operation.hpp"
#include "refnet/detail/recycling_allocator.hpp"

namespace refnet::detail {

template <class Function, class ProtoAlloc>
class executor_op final : public operation {
 public:
  template <class F>
  executor_op(F&& f, const ProtoAlloc& a) : operation(&do_complete), function_(std::forward<F>(f)), alloc_(a) {}

 private:
  static void do_complete(operation* base, completion_mode mode) {
    auto* self = static_cast<executor_op*>(base);
    ProtoAlloc alloc(self->alloc_);
    Function function(std::move(self->function_));
    free_op(self, alloc);  // memory goes back before the function runs
    if (mode != completion_mode::destroy) std::move(function)();
  }

  Function function_;
  [[no_unique_address]] ProtoAlloc alloc_;
};

// Allocates an executor_op for `f` through `a`; the caller queues the result.
template <class Function, class ProtoAlloc>
operation* make_executor_op(Function&& f, const ProtoAlloc& a) {
  using op = executor_op<std::decay_t<Function>, ProtoAlloc>;
  op_ptr<op, ProtoAlloc> p(a, std::forward<Function>(f), a);
  return p.release();
}

}  // namespace refnet::detail
