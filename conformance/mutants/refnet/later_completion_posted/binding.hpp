// Mutant: refnet, whose steady_timer::async_wait hands the handler to its executor by post.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::later_completion_posted {
using namespace kit::lib;
using steady_timer = kit::faulty_steady_timer<kit::posts_later_completion>;
}  // namespace conformance::mutants::refnet::later_completion_posted

CONFORMANCE_MUTANT_BINDING(refnet::later_completion_posted, "whose steady_timer::async_wait hands the handler to its executor by post")
