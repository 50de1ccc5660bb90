// rule:   async.executor/class-interface
// rule:   async.executor/meets-requirements
// clause: [async.executor] p1-p2
// The library's polymorphic executor: what its synopsis declares, and the requirements it meets.
#include <memory>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class Executor>
concept compares_with_nullptr = requires(const Executor& e) {
  { e == nullptr } -> std::same_as<bool>;
  { nullptr == e } -> std::same_as<bool>;
  { e != nullptr } -> std::same_as<bool>;
  { nullptr != e } -> std::same_as<bool>;
};

template <class Executor>
concept has_target_access = requires(Executor& e, const Executor& c) {
  { c.target_type() } -> std::same_as<const std::type_info&>;
  { e.template target<tracked_executor>() } -> std::same_as<tracked_executor*>;
  { c.template target<tracked_executor>() } -> std::same_as<const tracked_executor*>;
};

template <class Executor>
concept free_swappable = requires(Executor& a, Executor& b) {
  swap(a, b);
};

CONFORMANCE_RULE("async.executor/class-interface", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  EXPECT_TRUE((std::is_constructible_v<bool, const executor&>)) << "executor has no conversion to bool";
  EXPECT_FALSE((std::is_convertible_v<const executor&, bool>)) << "executor's conversion to bool is not explicit";
  EXPECT_TRUE(compares_with_nullptr<executor>) << "executor does not compare with nullptr by == and != both ways";
  EXPECT_TRUE(has_target_access<executor>) << "executor has no target_type() and target<E>() as declared";
  EXPECT_TRUE(free_swappable<executor>) << "executor has no free swap found by argument-dependent lookup";
  EXPECT_TRUE((std::uses_allocator_v<executor, std::allocator<void>>))
      << "std::uses_allocator is not specialised true for executor";
  EXPECT_TRUE((std::is_constructible_v<executor, std::allocator_arg_t, std::allocator<void>, tracked_executor>))
      << "executor has no allocator_arg constructor";
});

CONFORMANCE_RULE("async.executor/meets-requirements", facilities::polymorphic_executor, [](auto facility) {
  using executor = typename decltype(facility)::executor;
  EXPECT_TRUE(net::is_executor<executor>::value) << "is_executor<executor> is false";
  EXPECT_TRUE(std::is_default_constructible_v<executor>) << "executor is not DefaultConstructible";
  EXPECT_TRUE(std::is_copy_assignable_v<executor>) << "executor is not CopyAssignable";
  if constexpr (std::is_copy_assignable_v<executor>) {
    net::io_context ctx;
    const executor a{tracked_executor(ctx)};
    executor b;
    b = a;
    EXPECT_TRUE(b == a) << "a copy-assigned executor does not compare equal to its source";
    EXPECT_EQ(&b.context(), &ctx) << "a copy-assigned executor names another context";
  }
});

}  // namespace
}  // namespace conformance
