// User-defined completion tokens, each with its own async_result specialisation, for the rules
// on tokens and on what an initiating function returns:
//   legacy_token    the TS form ([async.reqmts.async.token] p2, [async.reqmts.async.return.type]
//                   p1, [async.reqmts.async.return.value] p1, [async.async.result] table):
//                   completion_handler_type built from the forwarded token, return_type int,
//                   result constructed from the handler, get() gives the return value.
//   initiate_token  the Asio form ([asio.async.token.initiate], [asio.async.return.initiate]):
//                   a static initiate(initiation, token, args...) returning int.
// Both record in a token_log what the library did with them. Their handlers are probe handlers
// (move-only) whose associated executor is the token's, the io_context's own executor, so that
// no form of an operation has to wrap the token (post(token) binds plain tokens to the
// context's executor, which would hide how the library treats the token itself).
// Both tokens are also callable: a library that ignored async_result and used the token as its
// handler would still compile, and the call is recorded as that fault.
#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::tokens {

// The value every custom token's async_result makes the initiating function return.
inline constexpr int returned_value = 4771;

struct token_log {
  // legacy_token: how completion_handler_type was constructed.
  int handlers_from_rvalue = 0;
  int handlers_from_lvalue = 0;
  // legacy_token: async_result constructions (from the handler) and get() calls.
  int results_constructed = 0;
  int gets = 0;
  // initiate_token: initiate() calls, and those that received the token as a non-const rvalue.
  int initiates = 0;
  int initiates_with_rvalue = 0;
  // Either token: invoked as if it were the handler itself.
  int token_invoked = 0;
};

using io_executor = net::io_context::executor_type;
using token_handler = basic_probe_handler<io_executor>;

// What both tokens carry: the record of the handler they become, the log, and the executor.
class token_base {
 public:
  using executor_type = io_executor;

  token_base(std::shared_ptr<probe_record> record, std::shared_ptr<token_log> log, io_executor executor)
      : record_(std::move(record)), log_(std::move(log)), executor_(std::move(executor)) {}

  executor_type get_executor() const noexcept { return executor_; }

  // Never called by a library that honours async_result.
  template <class... Results>
  void operator()(Results&&...) const {
    ++log_->token_invoked;
  }

  token_handler make_handler() const { return token_handler(record_, executor_); }
  const std::shared_ptr<token_log>& log() const noexcept { return log_; }
  const std::shared_ptr<probe_record>& record() const noexcept { return record_; }

 private:
  std::shared_ptr<probe_record> record_;
  std::shared_ptr<token_log> log_;
  io_executor executor_;
};

class legacy_token : public token_base {
 public:
  using token_base::token_base;
};

class initiate_token : public token_base {
 public:
  using token_base::token_base;
};

// legacy_token's completion_handler_type: a probe handler that notes whether the token it was
// built from was an rvalue.
class legacy_token_handler : public token_handler {
 public:
  explicit legacy_token_handler(legacy_token&& token) : token_handler(token.make_handler()), log_(token.log()) {
    ++log_->handlers_from_rvalue;
  }
  explicit legacy_token_handler(const legacy_token& token) : token_handler(token.make_handler()), log_(token.log()) {
    ++log_->handlers_from_lvalue;
  }

  const std::shared_ptr<token_log>& log() const noexcept { return log_; }

 private:
  std::shared_ptr<token_log> log_;
};

// A new token with its own record and log, on ctx's executor.
template <class Token>
Token make_token(net::io_context& ctx, std::shared_ptr<probe_record> record, std::shared_ptr<token_log> log) {
  return Token(std::move(record), std::move(log), ctx.get_executor());
}

}  // namespace conformance::tokens

// The specialisations live in the library's namespace (reached through the binding's alias).

template <class... Args>
class conformance::net::async_result<conformance::tokens::legacy_token, void(Args...)> {
 public:
  using completion_handler_type = conformance::tokens::legacy_token_handler;
  using return_type = int;

  explicit async_result(completion_handler_type& handler) : log_(handler.log()) {
    ++log_->results_constructed;
  }
  async_result(const async_result&) = delete;
  async_result& operator=(const async_result&) = delete;

  return_type get() {
    ++log_->gets;
    return conformance::tokens::returned_value;
  }

 private:
  std::shared_ptr<conformance::tokens::token_log> log_;
};

template <class... Args>
class conformance::net::async_result<conformance::tokens::initiate_token, void(Args...)> {
 public:
  template <class Initiation, class RawToken, class... InitArgs>
  static int initiate(Initiation&& initiation, RawToken&& token, InitArgs&&... args) {
    conformance::tokens::token_log& log = *token.log();
    ++log.initiates;
    if (std::is_rvalue_reference_v<RawToken&&> && !std::is_const_v<std::remove_reference_t<RawToken>>) {
      ++log.initiates_with_rvalue;
    }
    std::forward<Initiation>(initiation)(token.make_handler(), std::forward<InitArgs>(args)...);
    return conformance::tokens::returned_value;
  }
};

namespace conformance::tokens {

// One run of Op for a token rule: the record of the handler a token becomes, the token's log,
// and the operation's context and instance; token<Token>() gives a new token, on the context's
// executor, reporting to both.
template <class Op>
struct token_run {
  std::shared_ptr<probe_record> record = std::make_shared<probe_record>();
  std::shared_ptr<token_log> log = std::make_shared<token_log>();
  net::io_context ctx;
  typename Op::instance instance{ctx};

  template <class Token>
  Token token() {
    return make_token<Token>(ctx, record, log);
  }
  void run(const std::string& with) { run_bounded(ctx, std::string(Op::name) + " with " + with, instance); }
};

// Names a return type in failure messages.
template <class T>
const char* return_type_description() {
  if constexpr (std::is_void_v<T>) {
    return "void";
  } else if constexpr (std::is_same_v<T, int>) {
    return "int";
  } else {
    return "a type other than int";
  }
}

}  // namespace conformance::tokens
