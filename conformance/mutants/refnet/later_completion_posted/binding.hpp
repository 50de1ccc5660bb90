// Mutant: refnet, whose steady_timer::async_wait hands the handler to its executor by post.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::later_completion_posted {
using steady_timer = kit::faulty_steady_timer<kit::posts_later_completion>;
}

CONFORMANCE_MUTANT_BINDING(refnet::later_completion_posted,
                           "whose steady_timer::async_wait hands the handler to its executor by post")
