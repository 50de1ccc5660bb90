// Mutant: refnet, whose steady_timer completes a wait due within a second inside async_wait and hands the
// handler to its executor by dispatch.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::immediate_completion_dispatched {
using steady_timer = kit::faulty_steady_timer<kit::dispatches_immediate_completion>;
}

CONFORMANCE_MUTANT_BINDING(refnet::immediate_completion_dispatched,
                           "whose steady_timer completes a wait due within a second inside async_wait and hands the handler to its executor by dispatch")
