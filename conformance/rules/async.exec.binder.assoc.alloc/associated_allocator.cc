// rule:   async.exec.binder.assoc.alloc/type-is-target-allocator-type
// rule:   async.exec.binder.assoc.alloc/get-returns-target-allocator
// clause: [async.exec.binder.assoc.alloc] p0-p1
// A binder's associated allocator is its target's.
#include <memory>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using binder_targets::with_allocator;

CONFORMANCE_RULE("async.exec.binder.assoc.alloc/type-is-target-allocator-type", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   using binder = typename F::template binder<with_allocator, typename F::executor>;
                   EXPECT_TRUE((std::is_same_v<
                                typename F::template associated_allocator<binder, std::allocator<void>>::type,
                                with_allocator::allocator_type>))
                       << "associated_allocator<executor_binder<T, Executor>, ProtoAllocator>::type is not T's "
                          "associated allocator type";
                 });

CONFORMANCE_RULE("async.exec.binder.assoc.alloc/get-returns-target-allocator", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   auto bound = F::bind(ctx.get_executor(), with_allocator{});
                   using association = typename F::template associated_allocator<decltype(bound),
                                                                                   std::allocator<void>>;
                   const auto allocator = association::get(bound, std::allocator<void>());
                   if constexpr (requires { allocator.identity; }) {
                     EXPECT_EQ(allocator.identity, with_allocator::allocator_identity)
                         << "associated_allocator<binder, A>::get(b, a) is not the target's allocator";
                   } else {
                     ADD_FAILURE() << "associated_allocator<binder, A>::get(b, a) returned an allocator of another "
                                      "type than the target's";
                   }
                 });

}  // namespace
}  // namespace conformance
