// rule:   async.system.exec.comparisons/any-two-equal
// rule:   async.system.exec.comparisons/never-unequal
// clause: [async.system.exec.comparisons] p1-p2
// Every system_executor compares equal to every other: default-constructed
// ones, copies, the system context's own, and one made on another thread.
#include <thread>
#include <vector>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Executor>
std::vector<Executor> assorted_system_executors() {
  const Executor first;
  std::vector<Executor> all{first, Executor(), first.context().get_executor()};
  std::thread([&all] { all.push_back(Executor()); }).join();
  return all;
}

CONFORMANCE_RULE("async.system.exec.comparisons/any-two-equal", facilities::system_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  const auto all = assorted_system_executors<executor>();
  for (const executor& a : all) {
    for (const executor& b : all) EXPECT_TRUE(a == b) << "two system_executor objects compare unequal with ==";
  }
});

CONFORMANCE_RULE("async.system.exec.comparisons/never-unequal", facilities::system_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  const auto all = assorted_system_executors<executor>();
  for (const executor& a : all) {
    for (const executor& b : all) EXPECT_FALSE(a != b) << "a != b is true for two system_executor objects";
  }
});

}  // namespace
}  // namespace conformance
