// Mutant: refnet, whose steady_timer::async_wait runs the handler on the timer's executor, whatever
// executor the handler is associated with.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::handler_executor_ignored {
using steady_timer = kit::faulty_steady_timer<kit::hides_handler_executor>;
}

CONFORMANCE_MUTANT_BINDING(refnet::handler_executor_ignored,
                           "whose steady_timer::async_wait runs the handler on the timer's executor, whatever executor the handler is associated with")
