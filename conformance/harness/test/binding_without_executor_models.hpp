// refnet bound as a library whose executors the suite cannot record: it declares neither
// TS-style executor members nor standard executors. The rules that need a recording executor
// (registry "requires": ts_executors|standard_executors) must get FAIL, and only they: the
// edition it claims requires TS-style executors (registry EDITION_CAPABILITIES).
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>

namespace conformance::target {
namespace net = ::refnet;
using error_code = ::refnet::error_code;
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet, declaring no executor model"; }
}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
