// Mutant: refnet, whose steady_timer::async_wait calls on_work_finished on the handler's executor once more
// after the handler.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::work_finished_twice {
using steady_timer = kit::faulty_steady_timer<kit::finishes_handler_work_twice>;
}

CONFORMANCE_MUTANT_BINDING(refnet::work_finished_twice,
                           "whose steady_timer::async_wait calls on_work_finished on the handler's executor once more after the handler")
