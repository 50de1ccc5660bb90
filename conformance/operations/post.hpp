// Operation descriptors for the free function post ([async.post]), one per form: the handler
// never runs inside the call; it runs later through ex1.post and then ex2.dispatch.
#pragma once

#include <string_view>
#include <utility>

#include "conformance/operations/detail/submission_forms.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

struct post_function {
  static constexpr std::string_view context_form = "post.context";
  static constexpr std::string_view executor_form = "post.executor";
  static constexpr std::string_view associated_form = "post.associated";
  static constexpr completion completes = completion::later;
  static constexpr bool may_invoke_handler_inline = false;

  template <class... Arguments>
  decltype(auto) operator()(Arguments&&... arguments) const {
    return net::post(std::forward<Arguments>(arguments)...);
  }
};

}  // namespace detail

using post_to_context = detail::submitted_to_context<detail::post_function>;
using post_to_executor = detail::submitted_to_executor<detail::post_function>;
// post(token): ex1 is the handler's associated executor, ctx's executor for a plain handler.
using post_to_associated_executor = detail::submitted_to_associated_executor<detail::post_function>;

using post_forms = operation_list<post_to_context, post_to_executor, post_to_associated_executor>;

}  // namespace conformance::operations
