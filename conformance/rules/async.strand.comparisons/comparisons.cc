// rule:   async.strand.comparisons/equal-exactly-when-sharing-state
// rule:   async.strand.comparisons/inequality-negates-equality
// clause: [async.strand.comparisons] p1-p2
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// Pairs of strands and whether they share one state.
template <class Strand, class Check>
void for_each_pair(net::io_context& ctx, Check check) {
  const Strand s(ctx.get_executor());
  const Strand copy = s;
  Strand moved_from_copy = s;
  const Strand moved(std::move(moved_from_copy));
  const Strand other(ctx.get_executor());  // an equal inner executor, a new state
  check(s, s, true, "a strand and itself");
  check(s, copy, true, "a strand and its copy");
  check(s, moved, true, "a strand and a strand moved from its copy");
  check(s, other, false, "two strands made from one executor");
}

CONFORMANCE_RULE("async.strand.comparisons/equal-exactly-when-sharing-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  for_each_pair<typename F::template strand<net::io_context::executor_type>>(
      ctx, [](const auto& a, const auto& b, bool equal, const char* what) {
        EXPECT_EQ(a == b, equal) << "== is wrong for " << what;
      });
});

CONFORMANCE_RULE("async.strand.comparisons/inequality-negates-equality", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  for_each_pair<typename F::template strand<net::io_context::executor_type>>(
      ctx, [](const auto& a, const auto& b, bool equal, const char* what) {
        EXPECT_EQ(a != b, !equal) << "!= is not the negation of == for " << what;
      });
});

}  // namespace
}  // namespace conformance
