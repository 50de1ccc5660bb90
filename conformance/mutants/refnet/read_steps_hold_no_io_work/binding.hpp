// Mutant: refnet, whose async_read holds no work on the stream's executor between its steps.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::read_steps_hold_no_io_work {
inline constexpr kit::async_read_holding_no_io_work async_read{};
}

CONFORMANCE_MUTANT_BINDING(refnet::read_steps_hold_no_io_work,
                           "whose async_read holds no work on the stream's executor between its steps")
