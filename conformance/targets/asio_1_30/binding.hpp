// Binding: standalone Asio 1.30.2 (Debian 13 libasio-dev), judged by the asio-1.28 edition.
#pragma once

#include <asio.hpp>
#include <asio/experimental/channel.hpp>
#include <string>
#include <string_view>

#include "conformance/harness/binding_support.hpp"

namespace conformance::target {

namespace net = ::asio;
using error_code = ::asio::error_code;

inline constexpr std::string_view edition = "asio-1.28";
inline std::string library_description() { return "standalone Asio " + asio_version_string(ASIO_VERSION); }

}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2  // docs/adapters.md
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
#define CONFORMANCE_HAS_IMMEDIATE_EXECUTOR 1
#define CONFORMANCE_HAS_THREAD_POOL 1
#define CONFORMANCE_HAS_ASYNC_COMPOSE 1
#define CONFORMANCE_HAS_CO_SPAWN 1
#define CONFORMANCE_HAS_CHANNELS 1
