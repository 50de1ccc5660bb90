// Mutant: refnet, whose timers count no work on the executor they are built on.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::io_work_not_counted {
using namespace kit::lib;
template <class Clock, class Traits = wait_traits<Clock>, class Executor = any_io_executor>
using basic_waitable_timer = kit::work_forgetting_timer<Clock, Traits, Executor>;
}  // namespace conformance::mutants::refnet::io_work_not_counted

CONFORMANCE_MUTANT_BINDING(refnet::io_work_not_counted, "whose timers count no work on the executor they are built on")
