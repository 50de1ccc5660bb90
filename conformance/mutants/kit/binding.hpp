// The binding part every mutant shares. A mutant's namespace declares the one facility of the
// base library it replaces with a faulty one from the kit; then
//   CONFORMANCE_MUTANT_BINDING(refnet::timer_completes_early, "whose steady_timer ...")
// brings the rest of the base library into that namespace (qualified lookup of net::name finds
// the mutant's own declaration first), makes it the target's net::, and describes the mutant as
// the base library plus what the fault does. Its name and the editions it is judged by come
// from mutant() (mutants.bzl).
#pragma once

#include <string>
#include <string_view>

#include "conformance/mutants/kit/faults.hpp"
#include "conformance/mutants/kit/library.hpp"

#define CONFORMANCE_MUTANT_BINDING(mutant_namespace, what)                                              \
  namespace conformance::mutants::mutant_namespace {                                                    \
  using namespace ::conformance::kit::lib;                                                              \
  }                                                                                                     \
  namespace conformance::target {                                                                       \
  namespace net = ::conformance::mutants::mutant_namespace;                                             \
  using error_code = ::conformance::kit::lib::error_code;                                               \
  inline constexpr std::string_view edition = ::conformance::kit::base_edition;                         \
  inline std::string library_description() { return ::conformance::kit::base_description() + " " what; }\
  }
