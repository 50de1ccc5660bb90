// A binding written for version 1 of the plug-in contract: it does not state a version.
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>

namespace conformance::target {
namespace net = ::refnet;
using error_code = ::refnet::error_code;
inline constexpr std::string_view name = "written-for-contract-1";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet, bound through contract version 1"; }
}  // namespace conformance::target
