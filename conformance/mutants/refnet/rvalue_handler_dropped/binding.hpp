// Mutant: refnet, whose post(target, handler) drops a handler callable only as an rvalue.
#pragma once

#include "conformance/mutants/kit/binding.hpp"
#include "conformance/mutants/kit/faults.hpp"

namespace conformance::mutants::refnet::rvalue_handler_dropped {
using namespace kit::lib;
inline constexpr kit::post_dropping_rvalue_only_handler post{};
}  // namespace conformance::mutants::refnet::rvalue_handler_dropped

CONFORMANCE_MUTANT_BINDING(refnet::rvalue_handler_dropped, "whose post(target, handler) drops a handler callable only as an rvalue")
