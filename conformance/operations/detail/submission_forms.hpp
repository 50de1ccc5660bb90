// The three forms in which post, dispatch and defer ([async.post], [async.dispatch],
// [async.defer]) are applied to an io_context: (ctx, token), (executor, token) and (token).
// `Submit` is a function object that calls one of the three free functions and names its forms.
#pragma once

#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/operations/operation.hpp"

namespace conformance::operations::detail {

// For the (token) form: a token without an associated executor of its own (its associated
// executor is the default, system_executor) is bound to ctx's executor, so that a plain handler
// runs on ctx; a token that already has one (a strand, another context) keeps it, so that a
// rule's own binding is what the operation sees.
template <class Token>
decltype(auto) with_context_executor_by_default(net::io_context& ctx, Token&& token) {
  if constexpr (std::is_same_v<net::associated_executor_t<std::decay_t<Token>>, net::system_executor>) {
    return net::bind_executor(ctx.get_executor(), std::forward<Token>(token));
  } else {
    return std::forward<Token>(token);
  }
}

template <class Submit>
struct descriptor_traits {
  static constexpr completion completes = Submit::completes;
  static constexpr bool may_invoke_handler_inline = Submit::may_invoke_handler_inline;
  using signature = void();
};

template <class Submit>
struct submitted_to_context : descriptor_traits<Submit> {
  static constexpr std::string_view name = Submit::context_form;

  class instance {
   public:
    explicit instance(net::io_context& ctx) : ctx_(ctx) {}
    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return Submit{}(ctx_, std::forward<Token>(token));
    }
    expectation expected() const { return {}; }

   private:
    net::io_context& ctx_;
  };

  // The first form of the contract, kept for rules that start the operation without an instance.
  template <class Token>
  decltype(auto) initiate(net::io_context& ctx, Token&& token) const {
    return instance(ctx).initiate(std::forward<Token>(token));
  }
};

template <class Submit>
struct submitted_to_executor : descriptor_traits<Submit> {
  static constexpr std::string_view name = Submit::executor_form;

  class instance {
   public:
    explicit instance(net::io_context& ctx) : ctx_(ctx) {}
    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return Submit{}(ctx_.get_executor(), std::forward<Token>(token));
    }
    expectation expected() const { return {}; }

   private:
    net::io_context& ctx_;
  };

  template <class Token>
  decltype(auto) initiate(net::io_context& ctx, Token&& token) const {
    return instance(ctx).initiate(std::forward<Token>(token));
  }
};

// The (token) form: ex1 is the handler's associated executor (see above).
template <class Submit>
struct submitted_to_associated_executor : descriptor_traits<Submit> {
  static constexpr std::string_view name = Submit::associated_form;

  class instance {
   public:
    explicit instance(net::io_context& ctx) : ctx_(ctx) {}
    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return Submit{}(with_context_executor_by_default(ctx_, std::forward<Token>(token)));
    }
    expectation expected() const { return {}; }

   private:
    net::io_context& ctx_;
  };

  template <class Token>
  decltype(auto) initiate(net::io_context& ctx, Token&& token) const {
    return instance(ctx).initiate(std::forward<Token>(token));
  }
};

}  // namespace conformance::operations::detail
