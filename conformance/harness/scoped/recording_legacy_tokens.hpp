// Completion tokens in the TS form (async_result with completion_handler_type, return_type and
// get()), for the rules on async_result<executor_binder<T, Executor>, Signature>
// ([async.exec.binder.async.result]) and on async_completion ([async.async.completion]): one
// that is its own handler type, and one whose handler type is another class built from it
// (noting whether from an rvalue). Their async_result records which handler object it was
// constructed from and gives a return value of its own type. A scoped header
// (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <memory>
#include <utility>

#include "conformance/harness/target_description.hpp"

namespace conformance::legacy_tokens {

// What the inner async_result saw.
struct result_log {
  const void* constructed_from = nullptr;
  int gets = 0;
};

// The inner return_type: move-constructible, and not what the binder's own types are.
struct returned {
  int value = 0;
};
inline constexpr int returned_value = 1813;

// A token that is its own completion handler type.
struct self_handler_token {
  std::shared_ptr<result_log> log = std::make_shared<result_log>();
  void operator()(int) const {}
};

// A token whose completion handler type is distinct_handler, built from the token.
struct distinct_handler_token {
  std::shared_ptr<result_log> log = std::make_shared<result_log>();
};

struct distinct_handler {
  distinct_handler(distinct_handler_token&& token) : log(token.log), built_from_rvalue(true) {}  // NOLINT: converts
  distinct_handler(const distinct_handler_token& token) : log(token.log) {}                      // NOLINT: converts
  std::shared_ptr<result_log> log;
  bool built_from_rvalue = false;
  void operator()(int) const {}
};

// The async_result both tokens share, over their handler type.
template <class Handler>
class recording_result {
 public:
  using completion_handler_type = Handler;
  using return_type = returned;

  explicit recording_result(completion_handler_type& handler) : log_(handler.log) {
    log_->constructed_from = &handler;
  }
  recording_result(const recording_result&) = delete;
  recording_result& operator=(const recording_result&) = delete;

  return_type get() {
    ++log_->gets;
    return returned{returned_value};
  }

 private:
  std::shared_ptr<result_log> log_;
};

}  // namespace conformance::legacy_tokens

template <>
class conformance::net::async_result<conformance::legacy_tokens::self_handler_token, void(int)>
    : public conformance::legacy_tokens::recording_result<
          conformance::legacy_tokens::self_handler_token> {
 public:
  using recording_result::recording_result;
};

template <>
class conformance::net::async_result<conformance::legacy_tokens::distinct_handler_token, void(int)>
    : public conformance::legacy_tokens::recording_result<conformance::legacy_tokens::distinct_handler> {
 public:
  using recording_result::recording_result;
};
