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
// rule's own binding is what the operation sees. A probe handler is given the executor itself
// (with_executor), so that what the operation calls is the handler, not the library's
// executor_binder, which calls its target as an lvalue ([async.exec.binder.invocation]).
template <class Token>
decltype(auto) with_context_executor_by_default(net::io_context& ctx, Token&& token) {
  if constexpr (!std::is_same_v<net::associated_executor_t<std::decay_t<Token>>, net::system_executor>) {
    return std::forward<Token>(token);
  } else if constexpr (requires { std::forward<Token>(token).with_executor(ctx.get_executor()); }) {
    return std::forward<Token>(token).with_executor(ctx.get_executor());
  } else {
    return net::bind_executor(ctx.get_executor(), std::forward<Token>(token));
  }
}

// What the first argument of each form is, given the instance's context.
struct context_argument {
  template <class Submit>
  static constexpr std::string_view name = Submit::context_form;
  template <class Submit, class Token>
  static decltype(auto) submit(net::io_context& ctx, Token&& token) {
    return Submit{}(ctx, std::forward<Token>(token));
  }
};

// (token): ex1 is the handler's associated executor, ctx's executor for a plain handler.
struct no_argument {
  template <class Submit>
  static constexpr std::string_view name = Submit::associated_form;
  template <class Submit, class Token>
  static decltype(auto) submit(net::io_context& ctx, Token&& token) {
    return Submit{}(with_context_executor_by_default(ctx, std::forward<Token>(token)));
  }
};

template <class Submit>
struct descriptor_traits {
  static constexpr completion completes = Submit::completes;
  static constexpr bool may_invoke_handler_inline = Submit::may_invoke_handler_inline;
  static constexpr bool repeatable = true;
  using signature = void();
};

// The (ctx, token) and (token) forms.
template <class Submit, class Form>
struct submitted : descriptor_traits<Submit> {
  static constexpr std::string_view name = Form::template name<Submit>;

  class instance {
   public:
    explicit instance(net::io_context& ctx) : ctx_(ctx) {}
    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return Form::template submit<Submit>(ctx_, std::forward<Token>(token));
    }
    expectation expected() const { return {}; }

   private:
    net::io_context& ctx_;
  };
};

// The (executor, token) form, on ctx's executor or on a chosen one (instance_on).
template <class Submit>
struct submitted_to_executor : descriptor_traits<Submit> {
  static constexpr std::string_view name = Submit::executor_form;

  template <class Executor>
  class instance_on {
   public:
    template <class... On>
    explicit instance_on(net::io_context& ctx, const On&... ex1) : executor_(executor_of(io_object_on(ctx, ex1...))) {}
    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return Submit{}(executor_, std::forward<Token>(token));
    }
    expectation expected() const { return {}; }

   private:
    static Executor executor_of(net::io_context& ctx) { return ctx.get_executor(); }
    static const Executor& executor_of(const Executor& ex1) { return ex1; }
    Executor executor_;
  };
  using instance = instance_on<net::io_context::executor_type>;
};

template <class Submit>
using submitted_to_context = submitted<Submit, context_argument>;
template <class Submit>
using submitted_to_associated_executor = submitted<Submit, no_argument>;

}  // namespace conformance::operations::detail
