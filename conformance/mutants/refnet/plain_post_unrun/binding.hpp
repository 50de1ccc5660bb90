// Mutant: refnet, whose post(handler) queues a plain handler on an io_context nobody runs.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::plain_post_unrun {
inline constexpr kit::post_queuing_plain_handler_unrun post{};
}

CONFORMANCE_MUTANT_BINDING(refnet::plain_post_unrun,
                           "whose post(handler) queues a plain handler on an io_context nobody runs")
