// A case's name, "<rule> @ <operation>[+<handler executor>]", computed at compile time, so that
// it can be a template argument: every compiler error inside a case then names the case in its
// instantiation context ("compiled_case<fixed_string<N>{"rule @ operation"}>"), which is how
// the tolerant compile (tools/bazel/compile_cases.py) tells a case that does not compile from
// the rest of its rule unit, leaves it out, and reports it as that case's COMPILE_FAIL.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace conformance {

template <std::size_t N>
struct fixed_string {
  char text[N]{};

  constexpr fixed_string() = default;
  constexpr fixed_string(const char (&literal)[N]) { std::copy_n(literal, N, text); }  // NOLINT: implicit on purpose

  constexpr std::string_view view() const { return {text, N - 1}; }
};

// Two fixed strings one after the other, as a fixed string.
template <fixed_string First, fixed_string Second>
constexpr auto joined() {
  fixed_string<First.view().size() + Second.view().size() + 1> both;
  std::copy_n(First.text, First.view().size(), both.text);
  std::copy_n(Second.text, Second.view().size(), both.text + First.view().size());
  return both;
}

// "<rule> @ <operation>", and "+<fixture>" for each fixture.
template <fixed_string Rule, class Operation, class... Fixtures>
constexpr auto case_name() {
  constexpr std::size_t length =
      Rule.view().size() + 3 + Operation::name.size() + ((1 + Fixtures::name.size()) + ... + 0);
  fixed_string<length + 1> name;
  std::size_t at = 0;
  const auto append = [&](std::string_view part) {
    std::copy(part.begin(), part.end(), name.text + at);
    at += part.size();
  };
  append(Rule.view());
  append(" @ ");
  append(Operation::name);
  ((append("+"), append(Fixtures::name)), ...);
  return name;
}

// Cases the tolerant compile found not to compile against the target: a string of case names,
// one per line, from a header it forces in with -include after any precompiled header. Only
// the registration macros (rule.hpp) expand it, in the unit itself, so that a precompiled
// header stays valid whatever the unit excludes. A line "all but: <case>" leaves out every
// case but that one: how the tolerant compile checks that one case does not compile. Lines
// "only: <case>" (or "only: <rule> @ *", every case of the rule) leave out every case none of
// them names: a mutant compiles only the cases its expectations name (conformance/mutants/).
#ifndef CONFORMANCE_EXCLUDED_CASES
#define CONFORMANCE_EXCLUDED_CASES ""
#endif

constexpr std::string_view all_cases_but = "all but: ";
constexpr std::string_view only_cases = "only: ";

// The length of the first line of `text`. Not string_view::find: under GCC 12's UBSan null
// checks, find's pointer comparison inside a template argument object is not a constant
// expression, and every case of a unit with an excluded case would become a COMPILE_FAIL.
constexpr std::size_t first_line_length(std::string_view text) {
  std::size_t length = 0;
  while (length < text.size() && text[length] != '\n') ++length;
  return length;
}

// Whether an "only: " line's pattern, "<case>" or "<rule> @ *", names the case `name`.
constexpr bool names_case(std::string_view pattern, std::string_view name) {
  constexpr std::string_view every_operation = "*";
  if (pattern.ends_with(every_operation)) {
    const std::string_view rule_and_separator = pattern.substr(0, pattern.size() - every_operation.size());
    return rule_and_separator.ends_with(" @ ") && name.starts_with(rule_and_separator);
  }
  return pattern == name;
}

constexpr bool excluded_case(std::string_view name, std::string_view excluded_cases) {
  std::string_view rest = excluded_cases;
  bool selective = false;
  bool selected = false;
  while (!rest.empty()) {
    const std::size_t end = first_line_length(rest);
    const std::string_view line = rest.substr(0, end);
    if (line == name) return true;
    if (line.starts_with(all_cases_but)) return line.substr(all_cases_but.size()) != name;
    if (line.starts_with(only_cases)) {
      selective = true;
      selected = selected || names_case(line.substr(only_cases.size()), name);
    }
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return selective && !selected;
}

// Where a case's body is instantiated: its name is the template argument.
template <fixed_string Case>
struct compiled_case {
  template <class Body, class... Arguments>
  static void run(const Body& body, Arguments... arguments) {
    body(arguments...);
  }
};

}  // namespace conformance
