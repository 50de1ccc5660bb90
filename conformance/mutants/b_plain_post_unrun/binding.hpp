// Mutant binding: the reference implementation (refnet), except that post(handler) with a plain handler queues it on an io_context nobody runs.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_plain_post_unrun {

using namespace ::refnet;

// Deliberately wrong: post(handler) with a plain handler (whose associated executor is
// system_executor) queues it on an io_context that nobody runs.
template <class Token>
decltype(auto) post(Token&& token) {
  if constexpr (::conformance::b_faults::is_nullary_handler<Token> &&
                std::is_same_v<associated_executor_t<std::decay_t<Token>>, system_executor>) {
    static io_context never_run;
    return ::refnet::post(never_run, std::forward<Token>(token));
  } else {
    return ::refnet::post(std::forward<Token>(token));
  }
}
template <class ExecutorOrContext, class Token>
decltype(auto) post(ExecutorOrContext&& target, Token&& token) {
  return ::refnet::post(std::forward<ExecutorOrContext>(target), std::forward<Token>(token));
}

}  // namespace conformance::mutant_b_plain_post_unrun

namespace conformance::target {

namespace net = ::conformance::mutant_b_plain_post_unrun;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-plain-post-unrun";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with post(handler) queuing plain handlers on a never-run io_context"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
