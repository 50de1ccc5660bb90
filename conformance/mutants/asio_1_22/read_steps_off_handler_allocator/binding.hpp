// Mutant: standalone Asio 1.22.1, whose async_read hides the handler's allocator from its intermediate steps.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::asio_1_22::read_steps_off_handler_allocator {
inline constexpr kit::faulty_async_read<kit::hides_handler_allocator> async_read{};
}

CONFORMANCE_MUTANT_BINDING(asio_1_22::read_steps_off_handler_allocator,
                           "whose async_read hides the handler's allocator from its intermediate steps")
