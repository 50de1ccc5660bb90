// rule:   async.async.completion/class-interface
// rule:   async.async.completion/accepts-any-call-signature
// rule:   async.async.completion/constructor-binds-or-builds-handler
// rule:   async.async.completion/completion-handler-member-type
// clause: [async.async.completion] p1-p4
// async_completion<CompletionToken, Signature> names async_result's handler type, cannot be
// copied, and holds completion_handler and result: completion_handler is a reference bound to
// the token when CompletionToken is the handler type, and otherwise a handler built from
// std::forward<CompletionToken>(t); result is constructed from completion_handler.
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"
#include "conformance/harness/scoped/recording_legacy_tokens.hpp"

namespace conformance {
namespace {

using legacy_tokens::distinct_handler;
using legacy_tokens::distinct_handler_token;
using legacy_tokens::self_handler_token;

CONFORMANCE_RULE("async.async.completion/class-interface", facilities::async_completion, [](auto facility) {
  using F = decltype(facility);
  using C = typename F::template completion<distinct_handler_token, void(int)>;
  EXPECT_TRUE((std::is_same_v<typename C::completion_handler_type, distinct_handler>))
      << "completion_handler_type is not async_result<decay_t<CompletionToken>, Signature>::completion_handler_type";
  EXPECT_TRUE((std::is_same_v<decltype(std::declval<C&>().result),
                              typename F::template result<distinct_handler_token, void(int)>>))
      << "the member result is not an async_result<decay_t<CompletionToken>, Signature>";
  EXPECT_FALSE(std::is_copy_constructible_v<C>) << "async_completion can be copy-constructed";
  EXPECT_FALSE(std::is_copy_assignable_v<C>) << "async_completion can be copy-assigned";
  EXPECT_TRUE((std::is_constructible_v<C, distinct_handler_token&>))
      << "async_completion cannot be constructed from an lvalue of the token";
});

// Signatures whose result is not void, or with move-only or reference parameters.
CONFORMANCE_RULE("async.async.completion/accepts-any-call-signature", facilities::async_completion,
                 [](auto facility) {
                   using F = decltype(facility);
                   const auto usable = [](auto completion) {
                     using C = typename decltype(completion)::type;
                     return requires { typename C::completion_handler_type; } &&
                            std::is_constructible_v<C, self_handler_token&>;
                   };
                   EXPECT_TRUE(usable(std::type_identity<typename F::template completion<self_handler_token, void()>>{}))
                       << "async_completion<Token, void()> cannot be used";
                   EXPECT_TRUE(usable(
                       std::type_identity<typename F::template completion<self_handler_token, int(std::string)>>{}))
                       << "async_completion<Token, int(std::string)> (a result other than void) cannot be used";
                   EXPECT_TRUE(usable(
                       std::type_identity<typename F::template completion<self_handler_token, void(const int&, int&&)>>{}))
                       << "async_completion<Token, void(const int&, int&&)> cannot be used";
                 });

CONFORMANCE_RULE("async.async.completion/constructor-binds-or-builds-handler", facilities::async_completion,
                 [](auto facility) {
                   using F = decltype(facility);
                   {  // CompletionToken is the handler type: bound to the token itself.
                     self_handler_token token;
                     const auto log = token.log;  // kept, should the library move from the token
                     typename F::template completion<self_handler_token, void(int)> completion(token);
                     EXPECT_EQ(static_cast<const void*>(&completion.completion_handler), static_cast<const void*>(&token))
                         << "with CompletionToken the handler type, completion_handler is not the token itself";
                     EXPECT_EQ(log->constructed_from, static_cast<const void*>(&completion.completion_handler))
                         << "result was not constructed from completion_handler";
                   }
                   {  // CompletionToken is an lvalue reference type: a handler copied from the token.
                     self_handler_token token;
                     const auto log = token.log;
                     typename F::template completion<self_handler_token&, void(int)> completion(token);
                     EXPECT_NE(static_cast<const void*>(&completion.completion_handler), static_cast<const void*>(&token))
                         << "with CompletionToken = T& (not the handler type T), completion_handler is bound to the "
                            "token instead of being a handler built from it";
                     EXPECT_TRUE(token.log) << "with CompletionToken = T&, the token was moved from, not copied";
                     EXPECT_EQ(log->constructed_from, static_cast<const void*>(&completion.completion_handler))
                         << "result was not constructed from completion_handler";
                   }
                   {  // A handler type of its own: built from std::forward<CompletionToken>(t).
                     distinct_handler_token token;
                     const auto log = token.log;
                     typename F::template completion<distinct_handler_token, void(int)> completion(token);
                     EXPECT_TRUE(completion.completion_handler.built_from_rvalue)
                         << "with CompletionToken a non-reference type, completion_handler was not built from "
                            "std::forward<CompletionToken>(t), an rvalue";
                     EXPECT_EQ(log->constructed_from, static_cast<const void*>(&completion.completion_handler))
                         << "result was not constructed from completion_handler";
                   }
                   {
                     distinct_handler_token token;
                     typename F::template completion<distinct_handler_token&, void(int)> completion(token);
                     EXPECT_FALSE(completion.completion_handler.built_from_rvalue)
                         << "with CompletionToken = T&, completion_handler was built from an rvalue: the token was "
                            "moved from, not forwarded";
                   }
                 });

CONFORMANCE_RULE("async.async.completion/completion-handler-member-type", facilities::async_completion,
                 [](auto facility) {
                   using F = decltype(facility);
                   using same = typename F::template completion<self_handler_token, void(int)>;
                   using lvalue = typename F::template completion<self_handler_token&, void(int)>;
                   using distinct = typename F::template completion<distinct_handler_token, void(int)>;
                   EXPECT_TRUE((std::is_same_v<decltype(same::completion_handler), self_handler_token&>))
                       << "completion_handler is not completion_handler_type& when CompletionToken is the handler type";
                   EXPECT_TRUE((std::is_same_v<decltype(lvalue::completion_handler), self_handler_token>))
                       << "completion_handler is not completion_handler_type when CompletionToken (T&) is not the "
                          "handler type";
                   EXPECT_TRUE((std::is_same_v<decltype(distinct::completion_handler), distinct_handler>))
                       << "completion_handler is not completion_handler_type when the handler type differs from "
                          "the token's";
                 });

}  // namespace
}  // namespace conformance
