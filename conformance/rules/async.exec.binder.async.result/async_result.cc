// rule:   async.exec.binder.async.result/handler-and-return-types
// rule:   async.exec.binder.async.result/constructs-inner-result-from-target
// rule:   async.exec.binder.async.result/get-returns-inner-get
// clause: [async.exec.binder.async.result] p0-p2
// async_result<executor_binder<T, Executor>, Signature> wraps the inner token's handler type in
// a binder with the same executor, passes its return_type through, cannot be copied, is
// constructed from a handler by constructing the inner async_result from h.get(), and its get()
// is the inner get().
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/recording_legacy_tokens.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using legacy_tokens::distinct_handler;
using legacy_tokens::distinct_handler_token;
using legacy_tokens::returned;
using legacy_tokens::self_handler_token;

template <class F, class Token>
using binder_result = net::async_result<typename F::template binder<Token, typename F::executor>, void(int)>;

CONFORMANCE_RULE("async.exec.binder.async.result/handler-and-return-types", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   using R = binder_result<F, distinct_handler_token>;
                   using expected_handler = typename F::template binder<distinct_handler, typename F::executor>;
                   if constexpr (requires { typename R::completion_handler_type; }) {
                     EXPECT_TRUE((std::is_same_v<typename R::completion_handler_type, expected_handler>))
                         << "completion_handler_type is not executor_binder<async_result<T, Signature>::"
                            "completion_handler_type, Executor>";
                   } else {
                     ADD_FAILURE() << "the specialisation has no completion_handler_type";
                   }
                   if constexpr (requires { typename R::return_type; }) {
                     EXPECT_TRUE((std::is_same_v<typename R::return_type, returned>))
                         << "return_type is not async_result<T, Signature>::return_type";
                   } else {
                     ADD_FAILURE() << "the specialisation has no return_type";
                   }
                   EXPECT_FALSE(std::is_copy_constructible_v<R>) << "the specialisation can be copy-constructed";
                   EXPECT_FALSE(std::is_copy_assignable_v<R>) << "the specialisation can be copy-assigned";
                 });

// Constructs the specialisation for Token from a binder h around Handler, and checks that the
// inner async_result was constructed from h.get() itself.
template <class F, class Token, class Handler>
void expect_inner_result_constructed_from_target(Handler handler, const char* which) {
  typename F::context ctx;
  using R = binder_result<F, Token>;
  auto h = F::bind(ctx.get_executor(), std::move(handler));
  if constexpr (std::is_constructible_v<R, decltype(h)&>) {
    R r(h);
    EXPECT_EQ(h.get().log->constructed_from, &h.get())
        << which << ": the inner async_result was not constructed from h.get() (the binder's own target)";
  } else {
    ADD_FAILURE() << which << ": async_result<executor_binder<T, Executor>, Signature> cannot be constructed "
                  << "from an lvalue of its completion_handler_type";
  }
}

// The TS allows a handler type other than the token's; Asio's editions document the constructor
// as taking executor_binder<T, Executor>&, a binder around the token type itself.
CONFORMANCE_RULE("async.exec.binder.async.result/constructs-inner-result-from-target", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   expect_inner_result_constructed_from_target<F, self_handler_token>(
                       self_handler_token{}, "token that is its own handler type");
                   if (judged_edition() == "ts-n4771") {
                     expect_inner_result_constructed_from_target<F, distinct_handler_token>(
                         distinct_handler(distinct_handler_token{}), "token with a handler type of its own");
                   }
                 });

CONFORMANCE_RULE("async.exec.binder.async.result/get-returns-inner-get", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   using R = binder_result<F, self_handler_token>;
                   auto h = F::bind(ctx.get_executor(), self_handler_token{});
                   if constexpr (std::is_constructible_v<R, decltype(h)&>) {
                     R r(h);
                     const auto& log = *h.get().log;
                     const returned value = r.get();
                     EXPECT_EQ(log.gets, 1) << "get() did not call the inner async_result's get() once";
                     EXPECT_EQ(value.value, legacy_tokens::returned_value)
                         << "get() did not return what the inner get() returned";
                   } else {
                     ADD_FAILURE() << "async_result<executor_binder<T, Executor>, Signature> cannot be constructed "
                                      "from an lvalue of its completion_handler_type";
                   }
                 });

}  // namespace
}  // namespace conformance
