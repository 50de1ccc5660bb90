// Binding: this project's reference implementation (//reference), namespace refnet.
// It implements the TS text, so it is judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>

namespace conformance::target {

namespace net = ::refnet;
using error_code = ::refnet::error_code;

inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet (this repository's reference implementation)"; }

}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2  // docs/adapters.md
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
