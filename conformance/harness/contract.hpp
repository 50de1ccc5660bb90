// The version of the plug-in contract (docs/adapters.md) this suite implements. A binding
// states the version it was written for:
//   #define CONFORMANCE_CONTRACT_VERSION 2
// and a binding written for another version (one that states none was written for version 1)
// fails to compile with both numbers in the message.
#pragma once

namespace conformance {

inline constexpr int contract_version = 2;

// Instantiated with the binding's version and the suite's; the compiler's message names both.
template <int Binding, int Suite>
struct binding_written_for_contract_version {
  static_assert(Binding == Suite,
                "this binding was written for another version of the plug-in contract than the one this suite "
                "implements (the template arguments above: the binding's, then the suite's); docs/adapters.md "
                "lists what changed between versions");
  static constexpr bool checked = true;
};

}  // namespace conformance
