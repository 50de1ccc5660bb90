// Mutant: standalone Asio 1.22.1, whose async_read runs its intermediate steps on the I/O executor and
// dispatches only the result to the handler's executor.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::asio_1_22::read_steps_off_handler_executor {
inline constexpr kit::faulty_async_read<kit::delivers_only_the_result_to_handler_executor> async_read{};
}

CONFORMANCE_MUTANT_BINDING(asio_1_22::read_steps_off_handler_executor,
                           "whose async_read runs its intermediate steps on the I/O executor and dispatches only the result to the handler's executor")
