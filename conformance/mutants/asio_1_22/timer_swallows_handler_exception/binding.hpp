// Mutant: standalone Asio 1.22.1, whose steady_timer::async_wait discards the exceptions its handler throws.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::asio_1_22::timer_swallows_handler_exception {
using steady_timer = kit::faulty_steady_timer<kit::swallows_handler_exception>;
}

CONFORMANCE_MUTANT_BINDING(asio_1_22::timer_swallows_handler_exception,
                           "whose steady_timer::async_wait discards the exceptions its handler throws")
