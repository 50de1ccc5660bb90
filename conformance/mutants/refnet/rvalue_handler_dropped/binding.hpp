// Mutant: refnet, whose post(target, handler) drops a handler callable only as an rvalue.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::rvalue_handler_dropped {
inline constexpr kit::post_dropping_rvalue_only_handler post{};
}

CONFORMANCE_MUTANT_BINDING(refnet::rvalue_handler_dropped,
                           "whose post(target, handler) drops a handler callable only as an rvalue")
