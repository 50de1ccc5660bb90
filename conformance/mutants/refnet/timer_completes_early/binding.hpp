// Mutant: refnet, whose steady_timer completes a wait due within a second at once, before the expiry time.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::timer_completes_early {
using steady_timer = kit::faulty_steady_timer<kit::completes_before_expiry>;
}

CONFORMANCE_MUTANT_BINDING(refnet::timer_completes_early,
                           "whose steady_timer completes a wait due within a second at once, before the expiry time")
