// What the rules on executor_binder's constructors ([async.exec.binder.cons]) and on
// uses-executor construction ([async.uses.executor.cons]) check of a target once built. A scoped
// header (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "conformance/harness/case_registry.hpp"
#include "conformance/harness/scoped/construction_targets.hpp"

namespace conformance::binder_construction {

using construction_targets::declared;
using construction_targets::recorder;

inline bool judged_by_ts() { return judged_edition() == "ts-n4771"; }

// Calls check(std::type_identity<Target>{}, description) for a target the program declares
// uses_executor for and for one it does not.
template <class F, class Check>
void for_both_targets(Check check) {
  using executor = typename F::executor;
  check(std::type_identity<recorder<executor, declared::uses_executor>>{},
        std::string("target with uses_executor specialised true"));
  check(std::type_identity<recorder<executor, declared::nothing>>{},
        std::string("target without executor_type or uses_executor specialisation"));
}

// The target holds the argument's identity (7) and was given ex, with executor_arg, exactly when
// the program declares uses_executor for it.
template <class Executor, declared What>
void expect_target_built(const recorder<Executor, What>& target, const Executor& ex, const std::string& what) {
  EXPECT_EQ(target.identity, 7) << what << ": the target was not built from the argument";
  if constexpr (What == declared::uses_executor) {
    EXPECT_TRUE(target.executor_given.has_value())
        << what << ": the target was built without (executor_arg, executor), though uses_executor is true for it "
                   "and it has that constructor (uses-executor construction, [async.uses.executor.cons])";
    EXPECT_TRUE(target.executor_given && *target.executor_given == ex)
        << what << ": the target was not given the binder's executor";
  } else {
    EXPECT_FALSE(target.executor_given.has_value())
        << what << ": the target was built with (executor_arg, executor), though uses_executor is false for it";
  }
}

}  // namespace conformance::binder_construction
