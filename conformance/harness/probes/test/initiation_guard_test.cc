// Tests of initiation_guard: it marks exactly the guarded extent, nests, and is per thread.
#include "conformance/harness/probes/initiation_guard.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace conformance {
namespace {

TEST(InitiationGuard, IsActiveOnlyWhileAGuardIsAlive) {
  EXPECT_FALSE(initiation_guard::active());
  {
    initiation_guard outer;
    EXPECT_TRUE(initiation_guard::active());
    {
      initiation_guard nested;
      EXPECT_TRUE(initiation_guard::active());
    }
    EXPECT_TRUE(initiation_guard::active()) << "leaving a nested guard must not end the outer one";
  }
  EXPECT_FALSE(initiation_guard::active());
}

TEST(InitiationGuard, IsNotSeenByAnotherThread) {
  initiation_guard here;
  bool active_there = true;
  std::thread([&] { active_there = initiation_guard::active(); }).join();
  EXPECT_FALSE(active_there);
}

}  // namespace
}  // namespace conformance
