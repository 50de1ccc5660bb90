// Mutant binding: the reference implementation (refnet), except that steady_timer::async_wait calls on_work_finished on ex2 once more after the handler.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_work_finished_twice {

using namespace ::refnet;

// Deliberately wrong: after the handler has returned, on_work_finished is called on ex2 once more.
using steady_timer = ::conformance::b_faults::faulty_steady_timer<::conformance::b_faults::finish_work_twice>;

}  // namespace conformance::mutant_b_work_finished_twice

namespace conformance::target {

namespace net = ::conformance::mutant_b_work_finished_twice;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-work-finished-twice";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with timer waits finishing ex2 work twice"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
