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
#include <type_traits>

#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {

template <class... Operations, class Body>
bool register_rule(std::string_view rule, operation_list<Operations...>, Body body) {
  (register_case(rule, Operations::name, [body] { body(Operations{}); }), ...);
  return true;
}

// Registers one case per (operation, handler executor) pair, named "<operation>+<executor>";
// the body receives a descriptor and a fixture type tag (see handler_executors.hpp).
template <class Operation, class... Executors, class Body>
void register_for_executors(std::string_view rule, operation_list<Executors...>, const Body& body) {
  (register_case(rule, std::string(Operation::name) + "+" + std::string(Executors::name),
                 [body] { body(Operation{}, std::type_identity<Executors>{}); }),
   ...);
}

template <class... Operations, class ExecutorList, class Body>
bool register_rule_matrix(std::string_view rule, operation_list<Operations...>, ExecutorList executors, Body body) {
  (register_for_executors<Operations>(rule, executors, body), ...);
  return true;
}

}  // namespace conformance

#define CONFORMANCE_CONCAT_IMPL(a, b) a##b
#define CONFORMANCE_CONCAT(a, b) CONFORMANCE_CONCAT_IMPL(a, b)

#define CONFORMANCE_RULE(rule_id, operations, ...)                                        \
  [[maybe_unused]] static const bool CONFORMANCE_CONCAT(conformance_rule_, __COUNTER__) = \
      ::conformance::register_rule(rule_id, operations{}, __VA_ARGS__)

// Like CONFORMANCE_RULE, once per operation and per handler executor fixture:
//   CONFORMANCE_RULE_MATRIX("clause/slug", operations::all_completing, handler_executors::all,
//                           [](auto operation, auto executor) {
//                             using ex2_fixture = typename decltype(executor)::type; ... });
#define CONFORMANCE_RULE_MATRIX(rule_id, operations, executors, ...)                      \
  [[maybe_unused]] static const bool CONFORMANCE_CONCAT(conformance_rule_, __COUNTER__) = \
      ::conformance::register_rule_matrix(rule_id, operations{}, executors{}, __VA_ARGS__)

#define UNSUPPORTED(why) GTEST_SKIP() << "UNSUPPORTED: " << (why)
