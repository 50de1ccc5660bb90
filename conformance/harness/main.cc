// Entry point of every rule binary.
//   --list              one JSON line describing the target, then one per case
//   --run=CASE          run that case alone; with --result=FILE, write its verdict there
//   --edition=EDITION   judge by this edition (default: the target's own, as --list shows)
//   (no flag)           run every case in this process (for debugging by hand)
// The runner (tools/conformance/runner.py) starts one process per case, so a crash or a
// hang in one case becomes that case's CRASH or TIMEOUT verdict and nothing else's.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/json_text.hpp"

namespace conformance {
namespace {

class case_body final : public testing::Test {
 public:
  explicit case_body(const rule_case& c) : case_(c) {}
  void TestBody() override { case_.body(); }

 private:
  const rule_case& case_;
};

void register_with_gtest(const rule_case& c) {
  testing::RegisterTest(c.rule.c_str(), c.operation.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                        [&c]() -> testing::Test* { return new case_body(c); });
}

// Writes the verdict of the single case run by --run=CASE.
class verdict_writer final : public testing::EmptyTestEventListener {
 public:
  explicit verdict_writer(std::string path) : path_(std::move(path)) {}

  void OnTestPartResult(const testing::TestPartResult& result) override {
    if (result.skipped()) {
      skip_reason_ = result.message();
      return;
    }
    if (result.failed()) {
      std::string where = result.file_name() ? result.file_name() : "";
      if (!where.empty()) where += ":" + std::to_string(result.line_number()) + ": ";
      messages_.push_back(where + result.summary());
    }
  }

  void OnTestEnd(const testing::TestInfo& info) override {
    const char* verdict = info.result()->Failed() ? "FAIL" : info.result()->Skipped() ? "UNSUPPORTED" : "PASS";
    if (info.result()->Skipped()) messages_.push_back(skip_reason_);
    std::ofstream out(path_);
    out << "{\"verdict\":" << json_quote(verdict) << ",\"messages\":" << json_array(messages_) << "}\n";
  }

 private:
  std::string path_;
  std::string skip_reason_;
  std::vector<std::string> messages_;
};

int list_cases() {
  const target_description& t = described_target();
  std::cout << "{\"target\":" << json_quote(t.name) << ",\"edition\":" << json_quote(judged_edition())
            << ",\"claimed_edition\":" << json_quote(t.claimed_edition) << ",\"library\":" << json_quote(t.library)
            << ",\"capabilities\":" << json_array(t.capabilities)
            << ",\"compiled_edition\":" << json_quote(t.compiled_edition)
            << ",\"compile_failed\":" << (translation_unit_failed_to_compile() ? "true" : "false") << "}\n";
  for (const rule_case& c : registered_cases()) {
    std::cout << "{\"case\":" << json_quote(c.name()) << ",\"rule\":" << json_quote(c.rule)
              << ",\"operation\":" << json_quote(c.operation) << "}\n";
  }
  return 0;
}

const rule_case* find_case(std::string_view name) {
  for (const rule_case& c : registered_cases()) {
    if (c.name() == name) return &c;
  }
  return nullptr;
}

int run_one_case(std::string_view name, const std::string& result_path) {
  const rule_case* c = find_case(name);
  if (c == nullptr) {
    std::cerr << "no case named '" << name << "'; --list shows the cases\n";
    return 2;
  }
  register_with_gtest(*c);
  if (!result_path.empty()) {
    testing::UnitTest::GetInstance()->listeners().Append(new verdict_writer(result_path));
  }
  return RUN_ALL_TESTS();
}

int run_all_cases() {
  if (translation_unit_failed_to_compile()) {
    std::cerr << "this rule translation unit did not compile against the target; see its compile log\n";
    return 1;
  }
  for (const rule_case& c : registered_cases()) register_with_gtest(c);
  return RUN_ALL_TESTS();
}

std::string flag_value(std::string_view arg, std::string_view flag) {
  return arg.substr(0, flag.size()) == flag ? std::string(arg.substr(flag.size())) : std::string();
}

}  // namespace
}  // namespace conformance

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  bool list = false;
  std::string run;
  std::string result;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--list") list = true;
    if (auto v = conformance::flag_value(arg, "--run="); !v.empty()) run = v;
    if (auto v = conformance::flag_value(arg, "--result="); !v.empty()) result = v;
    if (auto v = conformance::flag_value(arg, "--edition="); !v.empty()) conformance::set_judged_edition(v);
  }
  if (list) return conformance::list_cases();
  return run.empty() ? conformance::run_all_cases() : conformance::run_one_case(run, result);
}
