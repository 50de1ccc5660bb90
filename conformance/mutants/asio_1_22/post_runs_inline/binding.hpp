// Mutant: standalone Asio 1.22.1, whose post runs the handler inside the call.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::asio_1_22::post_runs_inline {
inline constexpr kit::post_running_inline post{};
}

CONFORMANCE_MUTANT_BINDING(asio_1_22::post_runs_inline, "whose post runs the handler inside the call")
