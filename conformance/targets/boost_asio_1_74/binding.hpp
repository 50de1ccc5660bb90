// Binding: Boost.Asio from Boost 1.74 (Asio 1.18.0), judged by the ts-n4771 edition, whose
// text Asio 1.18's requirements documentation still follows.
#pragma once

// Boost 1.74's boost/asio/awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio.hpp>
#include <string>
#include <string_view>

#include "conformance/harness/binding_support.hpp"

namespace conformance::target {

namespace net = ::boost::asio;
using error_code = ::boost::system::error_code;

inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() {
  return "Boost.Asio (Boost 1.74, Asio " + asio_version_string(BOOST_ASIO_VERSION) + ")";
}

}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2  // docs/adapters.md
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_THREAD_POOL 1
#define CONFORMANCE_HAS_ASYNC_COMPOSE 1
#define CONFORMANCE_HAS_CO_SPAWN 1
#define CONFORMANCE_HAS_CHANNELS 0
