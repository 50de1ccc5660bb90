// What a rule translation unit includes: the target's binding (the TS names as `net::`),
// GoogleTest assertions, the probes, and the registration macros.
//
//   CONFORMANCE_RULE("clause/slug", operations::post_forms, [](auto operation) { ... });
//
// registers one case per operation in the list; the body receives a default-constructed
// operation descriptor. UNSUPPORTED("why") ends a case whose capability is absent. Each case is
// instantiated on its own (case_name.hpp), so that one that does not compile against a target
// costs that case alone a COMPILE_FAIL, not its whole rule unit.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "conformance/harness/case_name.hpp"
#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/role_cases.hpp"
#include "conformance/harness/target_description.hpp"

// The editions of each rule of the unit, "<rule> <edition>...", one rule per line, from a header
// conformance_target() forces in after any precompiled header (so that it stays valid); only
// the registration macros below expand it, in the unit itself.
#ifndef CONFORMANCE_UNIT_RULE_EDITIONS
#define CONFORMANCE_UNIT_RULE_EDITIONS ""
#endif

namespace conformance {

// Whether the unit compiles the cases of `rule`: those of a rule of another edition than the
// one the target is judged by would never run, and compiling them is most of a cold build's
// time. A rule the list does not name is compiled (the runner reports it as unregistered).
constexpr bool rule_compiled_here(std::string_view rule, std::string_view unit_rule_editions) {
  if (compiled_edition.empty()) return true;
  std::string_view rest = unit_rule_editions;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    std::string_view words = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const std::size_t first_space = std::min(words.find(' '), words.size());
    if (words.substr(0, first_space) != rule) continue;
    while (!words.empty()) {
      const std::size_t space = std::min(words.find(' '), words.size());
      if (words.substr(0, space) == compiled_edition) return true;
      words.remove_prefix(std::min(space + 1, words.size()));
    }
    return false;
  }
  return true;
}

// Registers one case, unless the tolerant compile found that it does not compile against the
// target (case_name.hpp): then the runner reports it as COMPILE_FAIL from the compile log; or
// unless the target judges a third party's executor in the roles of ex1 and ex2 and the case
// gives it none (role_cases.hpp).
template <fixed_string Rule, fixed_string Excluded, class Body, class Operation, class... Fixtures>
void register_one_case(const Body& body) {
  static constexpr auto name = case_name<Rule, Operation, Fixtures...>();
  if constexpr (executor_roles::registered_here<Operation, Fixtures...>() &&
                !excluded_case(name.view(), Excluded.view())) {
    const std::string_view operation = name.view().substr(Rule.view().size() + 3);
    register_case(Rule.view(), operation,
                  [body] { compiled_case<name>::run(body, Operation{}, std::type_identity<Fixtures>{}...); });
  }
}

template <fixed_string Rule, fixed_string Excluded, bool Compiled, class... Operations, class Body>
bool register_rule(operation_list<Operations...>, const Body& body) {
  if constexpr (Compiled) (register_one_case<Rule, Excluded, Body, Operations>(body), ...);
  return true;
}

// Registers one case per (operation, handler executor) pair, named "<operation>+<executor>";
// the body receives a descriptor and a fixture type tag (see handler_executors.hpp).
template <fixed_string Rule, fixed_string Excluded, class Operation, class... Executors, class Body>
void register_for_executors(operation_list<Executors...>, const Body& body) {
  (register_one_case<Rule, Excluded, Body, Operation, Executors>(body), ...);
}

template <fixed_string Rule, fixed_string Excluded, bool Compiled, class... Operations, class ExecutorList, class Body>
bool register_rule_matrix(operation_list<Operations...>, ExecutorList executors, const Body& body) {
  if constexpr (Compiled) (register_for_executors<Rule, Excluded, Operations>(executors, body), ...);
  return true;
}

}  // namespace conformance

#define CONFORMANCE_CONCAT_IMPL(a, b) a##b
#define CONFORMANCE_CONCAT(a, b) CONFORMANCE_CONCAT_IMPL(a, b)

// Both macros expand CONFORMANCE_EXCLUDED_CASES (case_name.hpp) and CONFORMANCE_UNIT_RULE_EDITIONS
// in the rule unit itself.
#define CONFORMANCE_RULE(rule_id, operations, ...)                                                              \
  [[maybe_unused]] static const bool CONFORMANCE_CONCAT(conformance_rule_, __COUNTER__) =                       \
      ::conformance::register_rule<rule_id, CONFORMANCE_EXCLUDED_CASES,                                         \
                                   ::conformance::rule_compiled_here(rule_id, CONFORMANCE_UNIT_RULE_EDITIONS)>( \
          operations{}, __VA_ARGS__)

// Like CONFORMANCE_RULE, once per operation and per handler executor fixture:
//   CONFORMANCE_RULE_MATRIX("clause/slug", operations::all_completing, handler_executors::all,
//                           [](auto operation, auto executor) {
//                             using ex2_fixture = typename decltype(executor)::type; ... });
#define CONFORMANCE_RULE_MATRIX(rule_id, operations, executors, ...)                                                   \
  [[maybe_unused]] static const bool CONFORMANCE_CONCAT(conformance_rule_, __COUNTER__) =                              \
      ::conformance::register_rule_matrix<rule_id, CONFORMANCE_EXCLUDED_CASES,                                         \
                                          ::conformance::rule_compiled_here(rule_id, CONFORMANCE_UNIT_RULE_EDITIONS)>( \
          operations{}, executors{}, __VA_ARGS__)

#define UNSUPPORTED(why) GTEST_SKIP() << "UNSUPPORTED: " << (why)
