// A rule unit in miniature for compile_cases_test.py: two cases, of which the one whose
// operation lacks `value` does not compile; with -DBROKEN_OUTSIDE_CASES, neither does the unit.
#include <string_view>

#include "conformance/harness/case_name.hpp"

struct with_value {
  static constexpr std::string_view name = "with-value";
  static constexpr int value = 1;
};
struct without_value {
  static constexpr std::string_view name = "without-value";
};

// Used by one case only: leaving that case out must not make its -Wunused-function an error.
static int doubled(int value) { return 2 * value; }

template <class Operation>
int compile_case() {
  static constexpr auto name = conformance::case_name<"self.test/reads-value", Operation>();
  if constexpr (conformance::excluded_case(name.view(), CONFORMANCE_EXCLUDED_CASES)) {
    return 0;
  } else {
    int result = 0;
    conformance::compiled_case<name>::run([&result](auto operation) { result = doubled(decltype(operation)::value); },
                                          Operation{});
    return result;
  }
}

int both = compile_case<with_value>() + compile_case<without_value>();

#ifdef BROKEN_OUTSIDE_CASES
int broken = undeclared_name;
#endif
