// rule:   async.use.future/delivers-result-through-future
// clause: [async.use.future] p1
// use_future_t<ProtoAllocator> is a completion token with an allocator_type, a get_allocator(),
// a rebind() and a call operator wrapping a function object, and an initiating function given
// use_future returns a future through which the operation's result arrives.
#include <chrono>
#include <future>
#include <memory>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.use.future/delivers-result-through-future", facilities::use_future, [](auto facility) {
  using F = decltype(facility);
  using token = typename F::template token<std::allocator<void>>;
  EXPECT_TRUE((std::is_same_v<typename token::allocator_type, std::allocator<void>>))
      << "use_future_t<ProtoAllocator>::allocator_type is not ProtoAllocator";
  EXPECT_TRUE((requires(const token& t) {
    t.get_allocator();
    t.rebind(std::allocator<int>());
    t([] {});
  })) << "use_future_t lacks get_allocator(), rebind() or its call operator";
  net::io_context ctx;
  auto future = net::post(ctx, net::use_future);
  EXPECT_TRUE((std::is_same_v<decltype(future), std::future<void>>))
      << "post(ctx, use_future) does not return future<void>";
  EXPECT_NE(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
      << "the future was ready before the posted operation ran";
  run_bounded(ctx, "post(ctx, use_future)");
  ASSERT_EQ(future.wait_for(std::chrono::seconds(0)), std::future_status::ready)
      << "the operation completed but its future is not ready";
  EXPECT_NO_THROW(future.get()) << "the future holds an exception (a broken promise: the handler was destroyed "
                                   "without storing the result)";
});

}  // namespace
}  // namespace conformance
