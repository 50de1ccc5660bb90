// Mutant: refnet, whose steady_timer::async_wait leaks a copy of every copyable handler.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::handler_copy_leaked {
using steady_timer = kit::faulty_steady_timer<kit::leaks_handler_copy>;
}

CONFORMANCE_MUTANT_BINDING(refnet::handler_copy_leaked,
                           "whose steady_timer::async_wait leaks a copy of every copyable handler")
