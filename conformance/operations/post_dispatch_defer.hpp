// Operation descriptors for the free functions post, dispatch and defer ([async.post],
// [async.dispatch], [async.defer]), each in its three forms (detail/submission_forms.hpp):
//   post      the handler never runs inside the call; it runs later through ex1.post and then
//             ex2.dispatch.
//   dispatch  hands the handler to ex1.dispatch, which runs it inside the call when the caller
//             already runs on that executor (from a handler on ctx's run thread, say) and
//             otherwise later, on a run thread: hence may_be_immediate, and the one descriptor
//             family whose handler may legitimately run inside the initiating function.
//   defer     like post (defer only adds the hint that the handler continues the caller).
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

// The (token) forms: ex1 is the handler's associated executor, ctx's executor for a plain handler.
using post_to_context = detail::submitted_to_context<detail::post_function>;
using post_to_executor = detail::submitted_to_executor<detail::post_function>;
using post_to_associated_executor = detail::submitted_to_associated_executor<detail::post_function>;
using post_forms = operation_list<post_to_context, post_to_executor, post_to_associated_executor>;

using dispatch_to_context = detail::submitted_to_context<detail::dispatch_function>;
using dispatch_to_executor = detail::submitted_to_executor<detail::dispatch_function>;
using dispatch_to_associated_executor = detail::submitted_to_associated_executor<detail::dispatch_function>;
using dispatch_forms = operation_list<dispatch_to_context, dispatch_to_executor, dispatch_to_associated_executor>;

using defer_to_context = detail::submitted_to_context<detail::defer_function>;
using defer_to_executor = detail::submitted_to_executor<detail::defer_function>;
using defer_to_associated_executor = detail::submitted_to_associated_executor<detail::defer_function>;
using defer_forms = operation_list<defer_to_context, defer_to_executor, defer_to_associated_executor>;

}  // namespace conformance::operations
