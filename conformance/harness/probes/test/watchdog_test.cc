// Tests of watchdog: it ends the process with status 124 and a WATCHDOG line when the guarded
// scope overruns (checked in a child process), and it is silent and prompt when it does not.
#include "conformance/harness/probes/watchdog.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace conformance {
namespace {

using std::chrono::milliseconds;

void overrun_a_short_limit() {
  watchdog guard("a scope that sleeps", milliseconds(50));
  std::this_thread::sleep_for(milliseconds(5000));
}

TEST(WatchdogDeathTest, EndsTheProcessWithTimeoutStatusWhenTheScopeOverruns) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(overrun_a_short_limit(), testing::ExitedWithCode(watchdog::timeout_exit_code),
              "WATCHDOG: a scope that sleeps did not finish within 50 ms");
}

TEST(Watchdog, LetsAScopeThatFinishesInTimeEndPromptly) {
  const auto start = std::chrono::steady_clock::now();
  { watchdog guard("a quick scope", milliseconds(60000)); }
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1000))
      << "ending the scope must wake the watchdog, not wait for its deadline";
}

}  // namespace
}  // namespace conformance
