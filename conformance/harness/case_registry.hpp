// The cases a rule binary holds: one per (rule, operation) pair, registered at static
// initialisation by the rule's translation unit and run one at a time by main.cc.
// Deliberately free of any library under test, so main.cc is compiled once for all targets.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance {

struct rule_case {
  std::string rule;       // registry id, e.g. "async.post/handler-not-invoked-inside-post"
  std::string operation;  // operation descriptor name, e.g. "post.context"
  std::function<void()> body;

  std::string name() const { return rule + " @ " + operation; }
};

// What the target's binding says about itself (registered by rule.hpp).
struct target_description {
  std::string name;             // the conformance_target's name
  std::string claimed_edition;  // the edition the binding claims
  std::string library;
  std::vector<std::string> capabilities;
  std::string compiled_edition;  // whose rules its unit compiled; empty: every edition's
};

std::vector<rule_case>& registered_cases();
target_description& described_target();

// The edition the target is judged by: the binding's claim, the conformance_target's
// edition, or the runner's --edition, in increasing precedence. Rules whose checks differ
// between editions read it while they run, so every way of choosing the edition reaches them.
const std::string& judged_edition();
void set_judged_edition(std::string edition);

void register_case(std::string_view rule, std::string_view operation, std::function<void()> body);

// The fallback object linked in place of a rule translation unit that did not compile.
void mark_translation_unit_failed_to_compile();
bool translation_unit_failed_to_compile();

}  // namespace conformance
