// A mutant's base library: standalone Asio 1.22.1, a real library, for faults that must be
// seen inside Asio's own machinery (its handler allocation, composed operations, exceptions).
#pragma once

#include <asio.hpp>
#include <string>
#include <string_view>

#include "conformance/harness/binding_support.hpp"

namespace conformance::kit {

namespace lib = ::asio;
inline constexpr std::string_view base_edition = "asio-1.22";
inline std::string base_description() { return "standalone Asio " + asio_version_string(ASIO_VERSION); }

}  // namespace conformance::kit

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
#define CONFORMANCE_HAS_THREAD_POOL 1
