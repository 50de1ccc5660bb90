// Mutant: refnet, whose post(ex, handler) submits to the io_context behind an executor that wraps it, not to the executor.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::io_executor_bypassed {
using namespace kit::lib;
inline constexpr kit::post_bypassing_wrapping_executor post{};
}  // namespace conformance::mutants::refnet::io_executor_bypassed

CONFORMANCE_MUTANT_BINDING(refnet::io_executor_bypassed, "whose post(ex, handler) submits to the io_context behind an executor that wraps it, not to the executor")
