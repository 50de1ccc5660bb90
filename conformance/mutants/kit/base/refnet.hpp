// A mutant's base library: the reference implementation (refnet), which passes every rule of
// the edition it claims, so that the one fault a mutant adds is its only difference.
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>

namespace conformance::kit {

namespace lib = ::refnet;
inline constexpr std::string_view base_edition = "ts-n4771";
inline std::string base_description() { return "refnet (the reference implementation)"; }

}  // namespace conformance::kit

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
