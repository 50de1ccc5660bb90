// Binding of the word-count example: Boost.Asio from Boost 1.81, which the word counter is
// built on, judged by the edition that Asio release documents (asio-1.26).
#pragma once

#include <boost/asio.hpp>
#include <string>
#include <string_view>

namespace conformance::target {

namespace net = ::boost::asio;
using error_code = ::boost::system::error_code;

inline constexpr std::string_view edition = "asio-1.26";
inline std::string library_description() { return "examples/word_count on Boost.Asio (Boost 1.81)"; }

}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2  // docs/adapters.md
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
#define CONFORMANCE_HAS_THREAD_POOL 1
