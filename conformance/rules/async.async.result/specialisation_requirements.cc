// rule:   async.async.result/specialisations-are-destructible
// rule:   async.async.result/completion-handler-type-requirements
// rule:   async.async.result/return-type-requirements
// rule:   async.async.result/constructible-from-handler
// rule:   async.async.result/get-returns-return-type
// clause: [async.async.result] p3 and its table (the TS edition)
// Every specialisation of async_result the library provides (the primary template for a token
// it does not know, and those for executor_binder, use_future_t and packaged_task) meets the
// table: a move-constructible handler type callable with the signature and constructible from
// an rvalue token, a return_type that is void or move-constructible, construction from an
// lvalue handler, and get() of type return_type.
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/async_result_specialisations.hpp"

namespace conformance {
namespace {

template <class S>
using specialisation_of = net::async_result<typename S::token, typename S::signature>;

// Whether Handler can be called with the arguments of Signature.
template <class Handler, class Signature>
struct callable_with;
template <class Handler, class Result, class... Args>
struct callable_with<Handler, Result(Args...)> : std::is_invocable<Handler&, Args...> {};

CONFORMANCE_RULE("async.async.result/specialisations-are-destructible", specialisations::all, [](auto subject) {
  using R = specialisation_of<decltype(subject)>;
  EXPECT_TRUE(std::is_destructible_v<R>) << "the specialisation is not Destructible";
});

CONFORMANCE_RULE("async.async.result/completion-handler-type-requirements", specialisations::all, [](auto subject) {
  using S = decltype(subject);
  using R = specialisation_of<S>;
  if constexpr (requires { typename R::completion_handler_type; }) {
    using H = typename R::completion_handler_type;
    EXPECT_TRUE(std::is_move_constructible_v<H>) << "completion_handler_type is not MoveConstructible";
    EXPECT_TRUE((callable_with<H, typename S::signature>::value))
        << "completion_handler_type cannot be called with the arguments of the completion signature";
    EXPECT_TRUE((std::is_constructible_v<H, typename S::token&&>))
        << "completion_handler_type cannot be constructed from an rvalue of the token type";
  } else {
    ADD_FAILURE() << "the specialisation has no completion_handler_type";
  }
});

CONFORMANCE_RULE("async.async.result/return-type-requirements", specialisations::all, [](auto subject) {
  using R = specialisation_of<decltype(subject)>;
  if constexpr (requires { typename R::return_type; }) {
    using T = typename R::return_type;
    EXPECT_TRUE(std::is_void_v<T> || std::is_move_constructible_v<T>)
        << "return_type is neither void nor MoveConstructible";
  } else {
    ADD_FAILURE() << "the specialisation has no return_type";
  }
});

// Makes the handler from a token, as an initiating function does, and calls use(r) with the
// specialisation constructed from it.
template <class S, class Use>
void with_result(Use use) {
  using R = specialisation_of<S>;
  if constexpr (requires { typename R::completion_handler_type; }) {
    using H = typename R::completion_handler_type;
    if constexpr (!std::is_destructible_v<R>) {
      ADD_FAILURE() << "the specialisation is not Destructible, so R r(h) cannot be used as a local object";
    } else if constexpr (std::is_constructible_v<H, typename S::token&&> && std::is_constructible_v<R, H&>) {
      net::io_context ctx;
      H h(S::make_token(ctx));
      R r(h);
      use(r);
    } else {
      ADD_FAILURE() << "the specialisation cannot be constructed from an lvalue of its completion_handler_type "
                       "made from the token";
    }
  } else {
    ADD_FAILURE() << "the specialisation has no completion_handler_type";
  }
}

CONFORMANCE_RULE("async.async.result/constructible-from-handler", specialisations::all, [](auto subject) {
  bool constructed = false;
  with_result<decltype(subject)>([&](auto&) { constructed = true; });
  EXPECT_TRUE(constructed) << "R r(h) did not construct the specialisation";
});

CONFORMANCE_RULE("async.async.result/get-returns-return-type", specialisations::all, [](auto subject) {
  with_result<decltype(subject)>([](auto& r) {
    using R = std::remove_reference_t<decltype(r)>;
    if constexpr (requires { typename R::return_type; }) {
      EXPECT_TRUE((std::is_same_v<decltype(r.get()), typename R::return_type>)) << "r.get() is not of type return_type";
    } else {
      ADD_FAILURE() << "the specialisation has no return_type";
    }
  });
});

}  // namespace
}  // namespace conformance
