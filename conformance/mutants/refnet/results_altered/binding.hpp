// Mutant: refnet, whose steady_timer::async_wait reports a success as connection_refused.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::results_altered {
using namespace kit::lib;
using steady_timer = kit::faulty_steady_timer<kit::alters_result>;
}  // namespace conformance::mutants::refnet::results_altered

CONFORMANCE_MUTANT_BINDING(refnet::results_altered, "whose steady_timer::async_wait reports a success as connection_refused")
