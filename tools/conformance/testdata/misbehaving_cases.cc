// Cases that misbehave in every way a library under test can make a rule misbehave, for
// runner_test.py: the runner must turn each into its own verdict and keep going.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "conformance/harness/case_registry.hpp"

namespace {

const bool registered = [] {
  conformance::target_description& t = conformance::described_target();
  t.name = "misbehaving";
  t.claimed_edition = "ts-n4771";
  conformance::set_judged_edition(t.claimed_edition);
  t.library = "runner self-test";
  t.capabilities = {"ts_executors"};
  // Like a rule unit that compiled only one edition's rules (rule.hpp), when the test says so.
  if (const char* compiled = std::getenv("MISBEHAVING_COMPILED_EDITION")) t.compiled_edition = compiled;
  using conformance::register_case;
  register_case("self.test/passes", "op", [] { EXPECT_EQ(1, 1); });
  register_case("self.test/fails", "op", [] { EXPECT_EQ(1, 2) << "one is not two"; });
  register_case("self.test/throws", "op", [] { throw std::runtime_error("escaped the rule body"); });
  register_case("self.test/crashes", "op", [] { std::raise(SIGSEGV); });
  register_case("self.test/aborts", "op", [] { std::abort(); });
  register_case("self.test/exits-early", "op", [] { std::_Exit(3); });
  register_case("self.test/hangs", "op", [] { std::this_thread::sleep_for(std::chrono::hours(1)); });
  register_case("self.test/unsupported", "op", [] { GTEST_SKIP() << "UNSUPPORTED: needs cancellation"; });
  register_case("self.test/two-operations", "first", [] {});
  register_case("self.test/two-operations", "second", [] { FAIL() << "second operation fails"; });
  register_case("self.test/unregistered", "op", [] {});
  // Passes only when the runner's --edition reaches the case.
  register_case("self.test/judged-by-asio-1.26", "op", [] { EXPECT_EQ(conformance::judged_edition(), "asio-1.26"); });
  return true;
}();

}  // namespace
