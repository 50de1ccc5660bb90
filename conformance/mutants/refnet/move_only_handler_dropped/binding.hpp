// Mutant: refnet, whose steady_timer::async_wait destroys a handler it cannot copy without starting the wait.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::move_only_handler_dropped {
using steady_timer = kit::faulty_steady_timer<kit::drops_move_only_handler>;
}

CONFORMANCE_MUTANT_BINDING(refnet::move_only_handler_dropped,
                           "whose steady_timer::async_wait destroys a handler it cannot copy without starting the wait")
