// Mutant binding: the reference implementation (refnet), except that steady_timer::async_wait reports success as connection_refused.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_results_altered {

using namespace ::refnet;

// Deliberately wrong: a successful wait is reported to the handler as connection_refused.
using steady_timer = ::conformance::b_faults::faulty_steady_timer<::conformance::b_faults::alter_result>;

}  // namespace conformance::mutant_b_results_altered

namespace conformance::target {

namespace net = ::conformance::mutant_b_results_altered;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-results-altered";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with timer waits reporting a wrong result"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
