// The binding part every mutant shares: after its namespace has replaced one facility of the
// base library with a faulty one from the kit,
//   CONFORMANCE_MUTANT_BINDING(refnet::timer_completes_early, "whose steady_timer ...")
// makes that namespace the target's net:: and describes the mutant as the base library plus
// what the fault does. The target's name and the editions it is judged by come from mutant().
#pragma once

#include <string>
#include <string_view>

#include "conformance/mutants/kit/library.hpp"

#define CONFORMANCE_MUTANT_BINDING(mutant_namespace, what)                                           \
  namespace conformance::target {                                                                    \
  namespace net = ::conformance::mutants::mutant_namespace;                                          \
  using error_code = ::conformance::kit::lib::error_code;                                            \
  inline constexpr std::string_view edition = ::conformance::kit::base_edition;                      \
  inline std::string library_description() { return ::conformance::kit::base_description() + " " what; } \
  }
