// Operation descriptors for the free function defer ([async.defer]), one per form: like post,
// the handler never runs inside the call (defer only adds the hint that it continues the caller).
#pragma once

#include <string_view>
#include <utility>

#include "conformance/operations/detail/submission_forms.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

struct defer_function {
  static constexpr std::string_view context_form = "defer.context";
  static constexpr std::string_view executor_form = "defer.executor";
  static constexpr std::string_view associated_form = "defer.associated";
  static constexpr completion completes = completion::later;
  static constexpr bool may_invoke_handler_inline = false;

  template <class... Arguments>
  decltype(auto) operator()(Arguments&&... arguments) const {
    return net::defer(std::forward<Arguments>(arguments)...);
  }
};

}  // namespace detail

using defer_to_context = detail::submitted_to_context<detail::defer_function>;
using defer_to_executor = detail::submitted_to_executor<detail::defer_function>;
// defer(token): ex1 is the handler's associated executor, ctx's executor for a plain handler.
using defer_to_associated_executor = detail::submitted_to_associated_executor<detail::defer_function>;

using defer_forms = operation_list<defer_to_context, defer_to_executor, defer_to_associated_executor>;

}  // namespace conformance::operations
