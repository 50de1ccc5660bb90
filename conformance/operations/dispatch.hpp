// Operation descriptors for the free function dispatch ([async.dispatch]), one per form.
// dispatch hands the handler to ex1.dispatch, which runs it inside the call when the caller
// already runs on that executor (e.g. from a handler on ctx's run thread) and otherwise later,
// on a run thread: hence may_be_immediate, and the one descriptor family whose handler may
// legitimately run inside the initiating function (may_invoke_handler_inline).
#pragma once

#include <string_view>
#include <utility>

#include "conformance/operations/detail/submission_forms.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

struct dispatch_function {
  static constexpr std::string_view context_form = "dispatch.context";
  static constexpr std::string_view executor_form = "dispatch.executor";
  static constexpr std::string_view associated_form = "dispatch.associated";
  static constexpr completion completes = completion::may_be_immediate;
  static constexpr bool may_invoke_handler_inline = true;

  template <class... Arguments>
  decltype(auto) operator()(Arguments&&... arguments) const {
    return net::dispatch(std::forward<Arguments>(arguments)...);
  }
};

}  // namespace detail

using dispatch_to_context = detail::submitted_to_context<detail::dispatch_function>;
using dispatch_to_executor = detail::submitted_to_executor<detail::dispatch_function>;
// dispatch(token): ex1 is the handler's associated executor, ctx's executor for a plain handler.
using dispatch_to_associated_executor = detail::submitted_to_associated_executor<detail::dispatch_function>;

using dispatch_forms = operation_list<dispatch_to_context, dispatch_to_executor, dispatch_to_associated_executor>;

}  // namespace conformance::operations
