// rule:   async.use.future.members/rebind-holds-given-allocator
// rule:   async.use.future.members/get-allocator-returns-stored
// clause: [async.use.future.members] p1-p2
// rebind(a) gives a use_future_t<OtherProtoAllocator> holding a; get_allocator() gives the
// allocator the token holds.
#include <memory>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using allocator = binder_targets::identified_allocator<void>;
using other_allocator = binder_targets::identified_allocator<int>;

CONFORMANCE_RULE("async.use.future.members/rebind-holds-given-allocator", facilities::use_future, [](auto facility) {
  using F = decltype(facility);
  const typename F::template token<allocator> token(allocator(1));
  const auto rebound = token.rebind(other_allocator(2));
  EXPECT_TRUE((std::is_same_v<decltype(rebound), const typename F::template token<other_allocator>>))
      << "rebind(a) does not return use_future_t<OtherProtoAllocator>";
  if constexpr (std::is_same_v<decltype(rebound), const typename F::template token<other_allocator>>) {
    EXPECT_TRUE(rebound.get_allocator() == other_allocator(2)) << "rebind(a).get_allocator() != a";
  }
});

CONFORMANCE_RULE("async.use.future.members/get-allocator-returns-stored", facilities::use_future, [](auto facility) {
  using F = decltype(facility);
  const typename F::template token<allocator> first(allocator(3));
  const typename F::template token<allocator> second(allocator(4));
  EXPECT_TRUE((std::is_same_v<decltype(first.get_allocator()), allocator>))
      << "get_allocator() does not return allocator_type";
  EXPECT_TRUE(first.get_allocator() == allocator(3) && second.get_allocator() == allocator(4))
      << "get_allocator() does not return the allocator each token holds";
});

}  // namespace
}  // namespace conformance
