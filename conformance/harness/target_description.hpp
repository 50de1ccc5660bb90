// Includes the target's binding and registers what it says about itself, so that every
// rule binary (even one whose rule unit did not compile) can report its target.
#pragma once

// conformance_target() defines CONFORMANCE_TARGET_BINDING as the binding header's path.
#include CONFORMANCE_TARGET_BINDING

#include <string>

#include "conformance/harness/capabilities.hpp"
#include "conformance/harness/case_registry.hpp"

namespace conformance {

// Rules and probes spell the library's TS names as net::name.
namespace net = target::net;

}  // namespace conformance

namespace conformance::detail {

inline const bool target_described = [] {
  target_description& t = described_target();
  t.name = std::string(target::name);
  t.edition = std::string(target::edition);
  t.library = target::library_description();
  t.capabilities = declared_capabilities();
  return true;
}();

}  // namespace conformance::detail
