// Mutant binding: the reference implementation (refnet), except that post(ex, handler) bypasses an executor that wraps an io_context's.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <concepts>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_io_executor_bypassed {

using namespace ::refnet;

template <class Token>
decltype(auto) post(Token&& token) {
  return ::refnet::post(std::forward<Token>(token));
}

template <class T>
concept wraps_io_context_executor = is_executor_v<T> && !std::is_same_v<T, io_context::executor_type> &&
                                    requires(const T& ex) {
                                      { ex.context() } -> std::same_as<io_context&>;
                                    };

// Deliberately wrong: post(ex, handler) with an executor other than the library's own, but on
// an io_context, submits to that io_context's executor instead of to ex.
template <class ExecutorOrContext, class Token>
decltype(auto) post(ExecutorOrContext&& target, Token&& token) {
  using target_type = std::decay_t<ExecutorOrContext>;
  if constexpr (wraps_io_context_executor<target_type>) {
    return ::refnet::post(target.context().get_executor(), std::forward<Token>(token));
  } else {
    return ::refnet::post(std::forward<ExecutorOrContext>(target), std::forward<Token>(token));
  }
}

}  // namespace conformance::mutant_b_io_executor_bypassed

namespace conformance::target {

namespace net = ::conformance::mutant_b_io_executor_bypassed;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-io-executor-bypassed";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with post(ex, handler) bypassing wrapping executors"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
