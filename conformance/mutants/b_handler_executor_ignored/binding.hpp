// Mutant binding: the reference implementation (refnet), except that steady_timer::async_wait ignores the handler's associated executor.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_handler_executor_ignored {

using namespace ::refnet;

// Deliberately wrong: the handler runs on the timer's executor, whatever executor it is bound to.
using steady_timer = ::conformance::b_faults::faulty_steady_timer<::conformance::b_faults::ignore_handler_executor>;

}  // namespace conformance::mutant_b_handler_executor_ignored

namespace conformance::target {

namespace net = ::conformance::mutant_b_handler_executor_ignored;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-handler-executor-ignored";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with timer waits ignoring the handler's executor"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
