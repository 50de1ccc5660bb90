// Mutant: refnet, whose steady_timer::async_wait blocks until the expiry time (3 s at most) before it starts the wait.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::initiation_blocks {
using namespace kit::lib;
using steady_timer = kit::faulty_steady_timer<kit::blocks_until_expiry>;
}  // namespace conformance::mutants::refnet::initiation_blocks

CONFORMANCE_MUTANT_BINDING(refnet::initiation_blocks, "whose steady_timer::async_wait blocks until the expiry time (3 s at most) before it starts the wait")
