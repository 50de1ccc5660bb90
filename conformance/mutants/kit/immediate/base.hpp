// A mutant's base library for the faults of the immediate completion executor: standalone
// Asio 1.30.2 (Debian 13), as conformance::kit::lib, judged by the asio-1.28 edition.
//   CONFORMANCE_IMMEDIATE_MUTANT_BINDING(immediate_socket_fault, "whose ...")
// brings the rest of the base into the mutant's namespace, which declares the one facility it
// replaces (qualified lookup of net::name finds that declaration first), makes it the target's
// net:: and describes the mutant as the base plus what the fault does.
#pragma once

#include <asio.hpp>
#include <asio/experimental/channel.hpp>
#include <string>
#include <string_view>

#include "conformance/harness/binding_support.hpp"

namespace conformance::kit {

namespace lib = ::asio;
inline constexpr std::string_view immediate_base_edition = "asio-1.28";
inline std::string immediate_base_description() { return "standalone Asio " + asio_version_string(ASIO_VERSION); }

}  // namespace conformance::kit

#define CONFORMANCE_CONTRACT_VERSION 2
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_STANDARD_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
#define CONFORMANCE_HAS_IMMEDIATE_EXECUTOR 1
#define CONFORMANCE_HAS_THREAD_POOL 1
#define CONFORMANCE_HAS_ASYNC_COMPOSE 1
#define CONFORMANCE_HAS_CO_SPAWN 1
#define CONFORMANCE_HAS_CHANNELS 1

#define CONFORMANCE_IMMEDIATE_MUTANT_BINDING(mutant_namespace, what)                                               \
  namespace conformance::mutants::mutant_namespace {                                                               \
  using namespace ::asio;                                                                                          \
  }                                                                                                                \
  namespace conformance::target {                                                                                  \
  namespace net = ::conformance::mutants::mutant_namespace;                                                        \
  using error_code = ::asio::error_code;                                                                           \
  inline constexpr std::string_view edition = ::conformance::kit::immediate_base_edition;                          \
  inline std::string library_description() { return ::conformance::kit::immediate_base_description() + " " what; } \
  }
