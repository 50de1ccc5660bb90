// Mutant: refnet, whose steady_timer::async_wait reports a success as connection_refused.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::results_altered {
using steady_timer = kit::faulty_steady_timer<kit::alters_result>;
}

CONFORMANCE_MUTANT_BINDING(refnet::results_altered,
                           "whose steady_timer::async_wait reports a success as connection_refused")
