// What a rule translation unit includes: the target's binding (the TS names as `net::`),
// GoogleTest assertions, the probes, and the registration macros.
//
//   CONFORMANCE_RULE("clause/slug", operations::post_forms, [](auto operation) { ... });
//
// registers one case per operation in the list; the body receives a default-constructed
// operation descriptor. UNSUPPORTED("why") ends a case whose capability is absent.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {

template <class... Operations>
struct operation_list {};

template <class... Operations, class Body>
bool register_rule(std::string_view rule, operation_list<Operations...>, Body body) {
  (register_case(rule, Operations::name, [body] { body(Operations{}); }), ...);
  return true;
}

}  // namespace conformance

#define CONFORMANCE_CONCAT_IMPL(a, b) a##b
#define CONFORMANCE_CONCAT(a, b) CONFORMANCE_CONCAT_IMPL(a, b)

#define CONFORMANCE_RULE(rule_id, operations, ...)                                        \
  [[maybe_unused]] static const bool CONFORMANCE_CONCAT(conformance_rule_, __COUNTER__) = \
      ::conformance::register_rule(rule_id, operations{}, __VA_ARGS__)

#define UNSUPPORTED(why) GTEST_SKIP() << "UNSUPPORTED: " << (why)
