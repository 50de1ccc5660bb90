// Mutant binding: the reference implementation (refnet), except that post(target, handler) drops handlers callable only as rvalues.
// Judged by the asio-1.28 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_rvalue_handler_dropped {

using namespace ::refnet;

// Deliberately wrong: post(target, handler) silently drops a handler that can only be called
// as an rvalue.
template <class Token>
decltype(auto) post(Token&& token) {
  return ::refnet::post(std::forward<Token>(token));
}

template <class ExecutorOrContext, class Token>
decltype(auto) post(ExecutorOrContext&& target, Token&& token) {
  if constexpr (::conformance::b_faults::is_nullary_handler<Token> && !std::is_invocable_v<std::decay_t<Token>&>) {
    return;
  } else {
    return ::refnet::post(std::forward<ExecutorOrContext>(target), std::forward<Token>(token));
  }
}

}  // namespace conformance::mutant_b_rvalue_handler_dropped

namespace conformance::target {

namespace net = ::conformance::mutant_b_rvalue_handler_dropped;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-rvalue-handler-dropped";
inline constexpr std::string_view edition = "asio-1.28";
inline std::string library_description() { return "refnet with post dropping rvalue-only handlers"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
