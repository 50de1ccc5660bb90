// Mutant: refnet, whose steady_timer::async_wait calls a token with an async_result of its own as if it
// were the handler.
#pragma once

#include "conformance/mutants/kit/binding.hpp"

namespace conformance::mutants::refnet::token_ignored {
using steady_timer = kit::faulty_steady_timer<kit::ignores_async_result>;
}

CONFORMANCE_MUTANT_BINDING(refnet::token_ignored,
                           "whose steady_timer::async_wait calls a token with an async_result of its own as if it were the handler")
