// rule:   async.synop/declares-defaults-and-objects
// clause: [async.synop] p0
// The header's declarations that no other clause states: the defaulted candidate arguments of
// the associators (allocator<void>, system_executor) and of use_future_t, the constant objects
// executor_arg and use_future, and std::uses_allocator true for the polymorphic executor (a
// library without the TS's polymorphic executor is not asked the last). The classes and
// functions themselves are each judged by their own clause.
#include <memory>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

struct source {};

// std::uses_allocator for the TS's polymorphic executor, where the library has one.
void expect_polymorphic_executor_uses_allocator() {
#if CONFORMANCE_HAS_TS_EXECUTORS
  EXPECT_TRUE((std::uses_allocator_v<net::executor, std::allocator<void>>))
      << "std::uses_allocator<executor, Allocator> is not true for the polymorphic executor";
#endif
}

CONFORMANCE_RULE("async.synop/declares-defaults-and-objects", facilities::synopsis, [](auto facility) {
  using F = decltype(facility);
  EXPECT_TRUE(
      (std::is_same_v<net::associated_allocator<source>, net::associated_allocator<source, std::allocator<void>>>))
      << "associated_allocator's ProtoAllocator does not default to allocator<void>";
  EXPECT_TRUE(
      (std::is_same_v<net::associated_executor<source>, net::associated_executor<source, net::system_executor>>))
      << "associated_executor's Executor does not default to system_executor";
  EXPECT_TRUE((std::is_same_v<typename F::template use_future_token<std::allocator<void>>,
                              std::decay_t<decltype(net::use_future)>>))
      << "use_future is not a use_future_t<> (ProtoAllocator defaulting to allocator<void>)";
  EXPECT_TRUE((std::is_same_v<decltype(net::use_future), const net::use_future_t<>>))
      << "use_future is not a constant object of type const use_future_t<>";
  EXPECT_TRUE((std::is_same_v<decltype(net::executor_arg), const net::executor_arg_t>))
      << "executor_arg is not a constant object of type const executor_arg_t";
  expect_polymorphic_executor_uses_allocator();
});

}  // namespace
}  // namespace conformance
