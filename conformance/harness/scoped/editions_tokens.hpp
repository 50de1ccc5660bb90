// Completion tokens in the form the judged edition defines, for the rules on the free functions
// dispatch, post and defer: custom_tokens.hpp's two tokens, and a pair like them whose
// async_result notes the completion signature it was instantiated with.
#pragma once

#include <memory>
#include <utility>

#include "conformance/harness/custom_tokens.hpp"

namespace conformance::tokens {

// The TS defines a token through async_result's completion_handler_type; Asio 1.22.1 and later
// through a static async_result::initiate. Read while the case runs.
inline bool judged_edition_defines_tokens_by_initiate() { return judged_edition() != "ts-n4771"; }

// Calls use(token) with a new token of the form the judged edition defines: LegacyToken under
// the TS, InitiateToken under Asio's editions.
template <class LegacyToken, class InitiateToken, class Op, class Use>
void with_editions_token(token_run<Op>& run, Use use) {
  if (judged_edition_defines_tokens_by_initiate()) {
    use(run.template token<InitiateToken>());
  } else {
    use(run.template token<LegacyToken>());
  }
}

// Tokens whose async_result records, in the shared count, how many arguments the completion
// signature void(Args...) it was instantiated with has (-1 until it is).
class signature_log {
 public:
  void note(int arguments) noexcept { *arguments_ = arguments; }
  int arguments() const noexcept { return *arguments_; }

 private:
  std::shared_ptr<int> arguments_ = std::make_shared<int>(-1);
};

class legacy_signature_token : public token_base {
 public:
  using token_base::token_base;
  signature_log signature;
};

class initiate_signature_token : public token_base {
 public:
  using token_base::token_base;
  signature_log signature;
};

// legacy_signature_token's completion_handler_type: a probe handler that keeps the token's log.
class legacy_signature_token_handler : public token_handler {
 public:
  explicit legacy_signature_token_handler(const legacy_signature_token& token)
      : token_handler(token.make_handler()), signature(token.signature) {}
  signature_log signature;
};

}  // namespace conformance::tokens

template <class... Args>
class conformance::net::async_result<conformance::tokens::legacy_signature_token, void(Args...)> {
 public:
  using completion_handler_type = conformance::tokens::legacy_signature_token_handler;
  using return_type = int;

  explicit async_result(completion_handler_type& handler) { handler.signature.note(sizeof...(Args)); }
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() { return conformance::tokens::returned_value; }
};

template <class... Args>
class conformance::net::async_result<conformance::tokens::initiate_signature_token, void(Args...)> {
 public:
  template <class Initiation, class RawToken, class... InitArgs>
  static int initiate(Initiation&& initiation, RawToken&& token, InitArgs&&... args) {
    token.signature.note(sizeof...(Args));
    std::forward<Initiation>(initiation)(token.make_handler(), std::forward<InitArgs>(args)...);
    return conformance::tokens::returned_value;
  }
};
