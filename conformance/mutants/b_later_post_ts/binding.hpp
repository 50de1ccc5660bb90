// Mutant binding: the reference implementation (refnet), except that steady_timer::async_wait hands its handler to ex2 by post.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_later_post_ts {

using namespace ::refnet;

// Deliberately wrong: the handler of a wait that completes later is handed to ex2 by post.
using steady_timer = ::conformance::b_faults::faulty_steady_timer<::conformance::b_faults::later_completion_by_post>;

}  // namespace conformance::mutant_b_later_post_ts

namespace conformance::target {

namespace net = ::conformance::mutant_b_later_post_ts;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-later-post-ts";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with timer waits posting their handler to ex2"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
