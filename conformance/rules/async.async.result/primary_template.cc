// rule:   async.async.result/primary-template-uses-token-as-handler
// rule:   async.async.result/accepts-object-tokens-and-call-signatures
// clause: [async.async.result] p1-p2
// For a token no specialisation names, async_result's primary template makes the token its own
// handler type, gives void, is constructed from the handler, cannot be copied and has a get()
// returning void; it takes any object type as the token and any call signature.
#include <memory>
#include <string>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/async_result_specialisations.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using specialisations::plain_token;

CONFORMANCE_RULE("async.async.result/primary-template-uses-token-as-handler", facilities::async_result,
                 [](auto facility) {
                   using F = decltype(facility);
                   using R = typename F::template result<plain_token, void(int)>;
                   if constexpr (requires { typename R::completion_handler_type; }) {
                     EXPECT_TRUE((std::is_same_v<typename R::completion_handler_type, plain_token>))
                         << "the primary template's completion_handler_type is not the token type";
                   } else {
                     ADD_FAILURE() << "the primary template has no completion_handler_type";
                   }
                   if constexpr (requires { typename R::return_type; }) {
                     EXPECT_TRUE((std::is_void_v<typename R::return_type>))
                         << "the primary template's return_type is not void";
                   } else {
                     ADD_FAILURE() << "the primary template has no return_type";
                   }
                   EXPECT_FALSE(std::is_copy_constructible_v<R>) << "the primary template can be copy-constructed";
                   EXPECT_FALSE(std::is_copy_assignable_v<R>) << "the primary template can be copy-assigned";
                   if constexpr (!std::is_destructible_v<R>) {
                     ADD_FAILURE() << "the primary template is not destructible, so R r(h) cannot be used";
                   } else if constexpr (std::is_constructible_v<R, plain_token&>) {
                     plain_token h;
                     R r(h);
                     EXPECT_TRUE((std::is_void_v<decltype(r.get())>)) << "the primary template's get() does not return void";
                     r.get();
                   } else {
                     ADD_FAILURE() << "the primary template cannot be constructed from an lvalue of the handler type";
                   }
                 });

// Object types that are not classes, and signatures whose result is not void or whose
// parameters are move-only.
CONFORMANCE_RULE("async.async.result/accepts-object-tokens-and-call-signatures", facilities::async_result,
                 [](auto facility) {
                   using F = decltype(facility);
                   using function_pointer = void (*)(int);
                   const auto names_a_handler = [](auto token_and_signature) {
                     using R = typename decltype(token_and_signature)::type;
                     return requires { typename R::completion_handler_type; };
                   };
                   EXPECT_TRUE(names_a_handler(std::type_identity<typename F::template result<function_pointer, void(int)>>{}))
                       << "async_result<void (*)(int), void(int)> does not name a completion_handler_type";
                   EXPECT_TRUE(
                       names_a_handler(std::type_identity<typename F::template result<plain_token, int(std::string)>>{}))
                       << "async_result<Token, int(std::string)> (a signature whose result is not void) does not name "
                          "a completion_handler_type";
                   EXPECT_TRUE(names_a_handler(
                       std::type_identity<typename F::template result<plain_token, void(std::unique_ptr<int>)>>{}))
                       << "async_result<Token, void(std::unique_ptr<int>)> does not name a completion_handler_type";
                 });

}  // namespace
}  // namespace conformance
