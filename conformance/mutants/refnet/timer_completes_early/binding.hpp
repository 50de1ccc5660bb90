// Mutant: refnet, whose steady_timer completes a wait due within a second at once, before the expiry time.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::timer_completes_early {
using namespace kit::lib;
using steady_timer = kit::faulty_steady_timer<kit::completes_before_expiry>;
}  // namespace conformance::mutants::refnet::timer_completes_early

CONFORMANCE_MUTANT_BINDING(refnet::timer_completes_early, "whose steady_timer completes a wait due within a second at once, before the expiry time")
