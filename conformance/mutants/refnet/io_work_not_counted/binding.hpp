// Mutant: refnet, whose timers count no work on the executor they are built on.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::io_work_not_counted {
template <class Clock, class Traits = kit::lib::wait_traits<Clock>, class Executor = kit::lib::any_io_executor>
using basic_waitable_timer = kit::work_forgetting_timer<Clock, Traits, Executor>;
}

CONFORMANCE_MUTANT_BINDING(refnet::io_work_not_counted,
                           "whose timers count no work on the executor they are built on")
