// Includes the target's binding, checks the contract version it was written for, and registers
// what the target is, so that every rule binary (even one whose rule unit did not compile) can
// report its target.
#pragma once

// conformance_target() defines CONFORMANCE_TARGET_BINDING as the binding header's path, and
// CONFORMANCE_TARGET_IDENTITY as a generated header defining CONFORMANCE_TARGET_NAME (the
// conformance_target's name) and, when it judges the binding by another edition than the one
// the binding claims, CONFORMANCE_JUDGED_EDITION.
#include CONFORMANCE_TARGET_BINDING
#include CONFORMANCE_TARGET_IDENTITY

#include <string>
#include <string_view>

#include "conformance/harness/capabilities.hpp"
#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/contract.hpp"

#ifndef CONFORMANCE_CONTRACT_VERSION
#define CONFORMANCE_CONTRACT_VERSION 1  // bindings from before the version was stated
#endif
#ifndef CONFORMANCE_JUDGED_EDITION
#define CONFORMANCE_JUDGED_EDITION ""
#endif

namespace conformance {

static_assert(binding_written_for_contract_version<CONFORMANCE_CONTRACT_VERSION, contract_version>::checked);

// Rules and probes spell the library's TS names as net::name.
namespace net = target::net;

// The edition whose rules a rule unit compiles (rule.hpp): the one the target is judged by, or
// every edition when the build says so (--config=every_edition), for a run that judges it by
// another edition (the main job's --edition). Empty: every edition.
#ifdef CONFORMANCE_COMPILE_EVERY_EDITION
inline constexpr std::string_view compiled_edition = "";
#else
inline constexpr std::string_view compiled_edition =
    std::string_view(CONFORMANCE_JUDGED_EDITION).empty() ? target::edition : CONFORMANCE_JUDGED_EDITION;
#endif

}  // namespace conformance

namespace conformance::detail {

inline const bool target_described = [] {
  target_description& t = described_target();
  t.name = CONFORMANCE_TARGET_NAME;
  t.claimed_edition = std::string(target::edition);
  t.library = target::library_description();
  t.capabilities = declared_capabilities();
  t.compiled_edition = std::string(compiled_edition);
  const std::string judged = CONFORMANCE_JUDGED_EDITION;
  set_judged_edition(judged.empty() ? t.claimed_edition : judged);
  return true;
}();

}  // namespace conformance::detail
