// Tests of case_name.hpp's excluded_case where the tolerant compile uses it: in `if constexpr`,
// on views of template argument objects. Built with GCC's UBSan null checks (BUILD.bazel),
// under which string_view::find on such an object is not a constant expression: a unit with
// one excluded case then failed to compile at all, and a sanitizer run blamed the library.
#include "conformance/harness/case_name.hpp"

#include <gtest/gtest.h>

namespace conformance {
namespace {

struct executor_operation {
  static constexpr std::string_view name = "executor";
};

template <fixed_string Rule, fixed_string Excluded>
bool registered() {
  static constexpr auto name = case_name<Rule, executor_operation>();
  if constexpr (excluded_case(name.view(), Excluded.view()))
    return false;
  else
    return true;
}

TEST(ExcludedCase, ALineNamingTheCaseExcludesIt) {
  EXPECT_FALSE((registered<"clause/a", "clause/b @ executor\nclause/a @ executor">()));
  EXPECT_TRUE((registered<"clause/c", "clause/b @ executor\nclause/a @ executor">()));
}

TEST(ExcludedCase, AllButExcludesEveryOtherCase) {
  EXPECT_TRUE((registered<"clause/a", "all but: clause/a @ executor">()));
  EXPECT_FALSE((registered<"clause/b", "all but: clause/a @ executor">()));
}

TEST(ExcludedCase, OnlyLinesExcludeEveryCaseNoneOfThemNames) {
  EXPECT_TRUE((registered<"clause/a", "only: clause/b @ executor\nonly: clause/a @ executor">()));
  EXPECT_FALSE((registered<"clause/c", "only: clause/b @ executor\nonly: clause/a @ executor">()));
  EXPECT_FALSE((registered<"clause/a", "only: (none)">()));
}

TEST(ExcludedCase, AnOnlyLineEndingInAStarNamesEveryCaseOfItsRule) {
  EXPECT_TRUE((registered<"clause/a", "only: clause/a @ *">()));
  EXPECT_FALSE((registered<"clause/ab", "only: clause/a @ *">()));
  EXPECT_FALSE((registered<"clause/b", "only: clause/a @ *">()));
}

TEST(ExcludedCase, AnExcludedCaseStaysExcludedWhenAnOnlyLineNamesIt) {
  EXPECT_FALSE((registered<"clause/a", "clause/a @ executor\nonly: clause/a @ *">()));
}

TEST(ExcludedCase, NothingExcludedRegistersEveryCase) { EXPECT_TRUE((registered<"clause/a", "">())); }

}  // namespace
}  // namespace conformance
