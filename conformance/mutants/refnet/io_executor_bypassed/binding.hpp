// Mutant: refnet, whose post(ex, handler) submits to the io_context behind an executor that wraps it, not
// to the executor.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::io_executor_bypassed {
inline constexpr kit::post_bypassing_wrapping_executor post{};
}

CONFORMANCE_MUTANT_BINDING(refnet::io_executor_bypassed,
                           "whose post(ex, handler) submits to the io_context behind an executor that wraps it, not to the executor")
