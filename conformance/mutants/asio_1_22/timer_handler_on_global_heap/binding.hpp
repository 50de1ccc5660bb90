// Mutant: standalone Asio 1.22.1, whose steady_timer::async_wait keeps the handler in memory from global
// operator new.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::asio_1_22::timer_handler_on_global_heap {
using steady_timer = kit::faulty_steady_timer<kit::boxes_handler_on_heap>;
}

CONFORMANCE_MUTANT_BINDING(asio_1_22::timer_handler_on_global_heap,
                           "whose steady_timer::async_wait keeps the handler in memory from global operator new")
