// Mutant: refnet, whose steady_timer::async_wait invokes the caller's handler object, not its own copy.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::token_used_after_return {
using steady_timer = kit::faulty_steady_timer<kit::invokes_callers_handler>;
}

CONFORMANCE_MUTANT_BINDING(refnet::token_used_after_return,
                           "whose steady_timer::async_wait invokes the caller's handler object, not its own copy")
