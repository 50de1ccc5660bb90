// Mutant binding: the reference implementation (refnet), except that a steady_timer wait due within a second completes inside async_wait and is dispatched to ex2.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_immediate_dispatch_ts {

using namespace ::refnet;

// Deliberately wrong: a wait due within a second completes at once and its handler is dispatched to ex2 from inside async_wait.
using steady_timer = ::conformance::b_faults::faulty_steady_timer<::conformance::b_faults::complete_at_once_by_dispatch>;

}  // namespace conformance::mutant_b_immediate_dispatch_ts

namespace conformance::target {

namespace net = ::conformance::mutant_b_immediate_dispatch_ts;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-immediate-dispatch-ts";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with near timer waits completing at once by dispatch"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
