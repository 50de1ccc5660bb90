// Mutant: refnet, whose steady_timer::async_wait blocks until the expiry time (3 s at most) before it
// starts the wait.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::initiation_blocks {
using steady_timer = kit::faulty_steady_timer<kit::blocks_until_expiry>;
}

CONFORMANCE_MUTANT_BINDING(refnet::initiation_blocks,
                           "whose steady_timer::async_wait blocks until the expiry time (3 s at most) before it starts the wait")
