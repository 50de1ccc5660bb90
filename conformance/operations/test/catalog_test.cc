// docs/catalog.md lists every bundled descriptor with its completion: a descriptor added without
// its row, or whose `completes` changed without the table, fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "conformance/operations/all.hpp"

namespace conformance::operations::testing {
namespace {

std::string catalog_text() {
  std::ifstream file("docs/catalog.md");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

constexpr std::string_view completion_word(completion value) {
  switch (value) {
    case completion::later: return "later";
    case completion::immediately: return "immediately";
    case completion::may_be_immediate: return "may_be_immediate";
    case completion::never: return "never";
  }
  return "?";
}

// The table row of `name`, from its first cell to the end of the line; empty when missing.
std::string row_of(const std::string& catalog, std::string_view name) {
  const std::string start = "| `" + std::string(name) + "` |";
  const std::size_t at = catalog.find(start);
  if (at == std::string::npos) return {};
  return catalog.substr(at, catalog.find('\n', at) - at);
}

template <class... Ops>
void expect_rows(const std::string& catalog, operation_list<Ops...>) {
  (
      [&] {
        const std::string row = row_of(catalog, Ops::name);
        EXPECT_FALSE(row.empty()) << "docs/catalog.md has no row for " << Ops::name;
        const std::string cell = "| " + std::string(completion_word(Ops::completes)) + " |";
        EXPECT_NE(row.find(cell), std::string::npos)
            << "docs/catalog.md's row for " << Ops::name << " does not say it completes "
            << completion_word(Ops::completes) << ": " << row;
      }(),
      ...);
}

TEST(catalog, documents_every_bundled_descriptor_and_its_completion) {
  const std::string catalog = catalog_text();
  ASSERT_FALSE(catalog.empty()) << "docs/catalog.md not found";
  expect_rows(catalog, concatenated_t<submissions, bundled_io_operations, bundled_pending, optional_operations>{});
}

}  // namespace
}  // namespace conformance::operations::testing
