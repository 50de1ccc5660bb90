// Mutant binding: standalone Asio 1.22.1, except that post runs the handler inside the call.
#pragma once

#include <asio.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_post_runs_inline {

using namespace ::asio;

// Deliberately wrong: invokes the handler before returning, on the caller's thread.
template <class ExecutorOrContext, class Handler>
void post(ExecutorOrContext&&, Handler&& handler) {
  std::forward<Handler>(handler)();
}

template <class Handler>
void post(Handler&& handler) {
  std::forward<Handler>(handler)();
}

}  // namespace conformance::mutant_post_runs_inline

namespace conformance::target {

namespace net = ::conformance::mutant_post_runs_inline;
using error_code = ::asio::error_code;

inline constexpr std::string_view name = "mutant.post-runs-inline";
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() {
  return "standalone Asio " + asio_version_string(ASIO_VERSION) + " with post replaced by an inline call";
}

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
