// Standalone Asio 1.22.1 bound with one operation of the target's own
// (operation_allocating_on_its_pool.hpp), whose work runs on a thread pool the instance owns.
#pragma once

#include <asio.hpp>
#include <string>
#include <string_view>

namespace conformance::target {
namespace net = ::asio;
using error_code = ::asio::error_code;
inline constexpr std::string_view edition = "asio-1.22";
inline std::string library_description() { return "Asio 1.22 with an operation allocating on its own pool"; }
}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
#define CONFORMANCE_HAS_THREAD_POOL 1
#define CONFORMANCE_HAS_ASYNC_COMPOSE 1
