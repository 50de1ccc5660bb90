// Mutant binding: the reference implementation (refnet), except that timers built on an executor count no work on it.
// Judged by the ts-n4771 edition.
#pragma once

#include <refnet/net.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/mutants/b_faults/faults.hpp"

namespace conformance::mutant_b_io_work_not_counted {

using namespace ::refnet;

// Deliberately wrong: timers built on an executor count no work on it (the timer keeps a
// copy of the executor whose on_work_started/on_work_finished do nothing).
template <class Clock, class WaitTraits = wait_traits<Clock>, class Executor = any_io_executor>
using basic_waitable_timer =
    ::refnet::basic_waitable_timer<Clock, WaitTraits, ::conformance::b_faults::work_forgetting_executor<Executor>>;

}  // namespace conformance::mutant_b_io_work_not_counted

namespace conformance::target {

namespace net = ::conformance::mutant_b_io_work_not_counted;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.b-io-work-not-counted";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet with timers counting no work on their executor"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
