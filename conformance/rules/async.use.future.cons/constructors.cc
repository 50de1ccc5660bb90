// rule:   async.use.future.cons/default-constructs-allocator
// rule:   async.use.future.cons/allocator-constructor-stores-allocator
// clause: [async.use.future.cons] p1-p2
// use_future_t's default constructor holds a default-constructed allocator, and the allocator
// constructor the one it is given.
#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

using allocator = binder_targets::identified_allocator<void>;

CONFORMANCE_RULE("async.use.future.cons/default-constructs-allocator", facilities::use_future, [](auto facility) {
  using F = decltype(facility);
  const typename F::template token<allocator> token;
  EXPECT_TRUE(token.get_allocator() == allocator()) << "use_future_t() does not hold a default-constructed allocator";
});

CONFORMANCE_RULE("async.use.future.cons/allocator-constructor-stores-allocator", facilities::use_future,
                 [](auto facility) {
                   using F = decltype(facility);
                   const typename F::template token<allocator> token(allocator(9));
                   EXPECT_TRUE(token.get_allocator() == allocator(9)) << "use_future_t(a).get_allocator() != a";
                 });

}  // namespace
}  // namespace conformance
