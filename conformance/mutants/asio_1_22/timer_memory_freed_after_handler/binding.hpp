// Mutant: standalone Asio 1.22.1, whose steady_timer::async_wait gives memory back to the handler's
// allocator only after the handler ran.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::asio_1_22::timer_memory_freed_after_handler {
using steady_timer = kit::faulty_steady_timer<kit::frees_memory_after_handler>;
}

CONFORMANCE_MUTANT_BINDING(asio_1_22::timer_memory_freed_after_handler,
                           "whose steady_timer::async_wait gives memory back to the handler's allocator only after the handler ran")
