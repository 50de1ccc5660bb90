// Mechanics: an operation waiting in the reactor (a socket readiness wait or a timer).
#pragma once

#include <cstddef>

#include "refnet/detail/operation.hpp"
#include "refnet/error.hpp"

namespace refnet::detail {

class reactor_op : public operation {
 public:
  // Attempts the non-blocking system call; true when the operation is finished
  // (successfully or not), false when it must wait for readiness again.
  bool perform() { return perform_(this); }

  error_code ec_;
  std::size_t bytes_transferred_ = 0;
  const void* cancellation_key_ = nullptr;  // identifies the op to its cancellation handler

 protected:
  using perform_func = bool (*)(reactor_op*);
  reactor_op(perform_func perform, func_type complete) noexcept : operation(complete), perform_(perform) {}
  ~reactor_op() = default;

 private:
  perform_func perform_;
};

}  // namespace refnet::detail
