#include "conformance/harness/case_registry.hpp"

#include <utility>

namespace conformance {
namespace {

bool& compile_failed_flag() {
  static bool failed = false;
  return failed;
}

std::string& judged_edition_value() {
  static std::string edition;
  return edition;
}

}  // namespace

std::vector<rule_case>& registered_cases() {
  static std::vector<rule_case> cases;
  return cases;
}

target_description& described_target() {
  static target_description target;
  return target;
}

const std::string& judged_edition() { return judged_edition_value(); }

void set_judged_edition(std::string edition) { judged_edition_value() = std::move(edition); }

void register_case(std::string_view rule, std::string_view operation, std::function<void()> body) {
  registered_cases().push_back({std::string(rule), std::string(operation), std::move(body)});
}

void mark_translation_unit_failed_to_compile() { compile_failed_flag() = true; }

bool translation_unit_failed_to_compile() { return compile_failed_flag(); }

}  // namespace conformance
