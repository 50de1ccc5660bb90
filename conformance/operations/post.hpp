// Operation descriptors for the free function post ([async.post]), one per form.
// A descriptor names the operation and starts it on an io_context with a completion token.
#pragma once

#include <string_view>
#include <utility>

#include "conformance/harness/rule.hpp"

namespace conformance::operations {

struct post_to_context {
  static constexpr std::string_view name = "post.context";
  template <class Token>
  decltype(auto) initiate(net::io_context& ctx, Token&& token) const {
    return net::post(ctx, std::forward<Token>(token));
  }
};

struct post_to_executor {
  static constexpr std::string_view name = "post.executor";
  template <class Token>
  decltype(auto) initiate(net::io_context& ctx, Token&& token) const {
    return net::post(ctx.get_executor(), std::forward<Token>(token));
  }
};

// post(token): the handler's associated executor is both ex1 and ex2.
struct post_to_associated_executor {
  static constexpr std::string_view name = "post.associated";
  template <class Token>
  decltype(auto) initiate(net::io_context& ctx, Token&& token) const {
    return net::post(net::bind_executor(ctx.get_executor(), std::forward<Token>(token)));
  }
};

using post_forms = operation_list<post_to_context, post_to_executor, post_to_associated_executor>;

}  // namespace conformance::operations
