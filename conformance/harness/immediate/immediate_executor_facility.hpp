// The library's associated immediate executor (associated_immediate_executor,
// get_immediate_executor's trait, Asio 1.27 on) as the one case of the rules about it: registry
// "subjects": "library", case "<rule> @ associated_immediate_executor"; and a handler that has an
// immediate executor of its own.
//
// The handler names its immediate executor through the nested immediate_executor_type and
// get_immediate_executor() that the trait reads first, like its executor and allocator, so that
// no rule depends on the library's bind_immediate_executor or on its binders forwarding the
// association. A library that does not declare CONFORMANCE_HAS_IMMEDIATE_EXECUTOR has no case
// (registry "requires": ["immediate_executor"]).
#pragma once

#include <string_view>
#include <utility>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::immediate {

// `Handler` (its call operators, executor, allocator and cancellation slot) with `Executor` as
// its associated immediate executor.
template <class Handler, class Executor>
class with_immediate_executor : public Handler {
 public:
  using immediate_executor_type = Executor;

  with_immediate_executor(Handler handler, Executor immediate)
      : Handler(std::move(handler)), immediate_(std::move(immediate)) {}

  immediate_executor_type get_immediate_executor() const noexcept { return immediate_; }

 private:
  Executor immediate_;
};

}  // namespace conformance::immediate

namespace conformance::facilities {

#if CONFORMANCE_HAS_IMMEDIATE_EXECUTOR
struct immediate_executor_association {
  static constexpr std::string_view name = "associated_immediate_executor";

  template <class Handler, class IoExecutor>
  using type = net::associated_immediate_executor_t<Handler, IoExecutor>;

  template <class Handler, class IoExecutor>
  static auto get(const Handler& handler, const IoExecutor& io_executor) {
    return net::get_associated_immediate_executor(handler, io_executor);
  }
};

using immediate_executor = operation_list<immediate_executor_association>;
#else
using immediate_executor = operation_list<>;
#endif

}  // namespace conformance::facilities
