// rule:   async.strand.assign/copy-assignment-for-copy-assignable-inner
// rule:   async.strand.assign/copy-assignment-takes-source-state
// rule:   async.strand.assign/copy-assignment-returns-this
// rule:   async.strand.assign/move-assignment-for-move-assignable-inner
// rule:   async.strand.assign/move-assignment-takes-source-state
// rule:   async.strand.assign/move-assignment-returns-this
// rule:   async.strand.assign/converting-copy-assignment-from-convertible-inner
// rule:   async.strand.assign/converting-copy-assignment-assigns-inner
// rule:   async.strand.assign/converting-copy-assignment-shares-state
// rule:   async.strand.assign/converting-copy-assignment-returns-this
// rule:   async.strand.assign/converting-move-assignment-from-convertible-inner
// rule:   async.strand.assign/converting-move-assignment-assigns-inner
// rule:   async.strand.assign/converting-move-assignment-shares-state
// rule:   async.strand.assign/converting-move-assignment-returns-this
// clause: [async.strand.assign] p1-p14
// The library's strand assignments: each gives the strand the source's state and inner
// executor, and returns *this.
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/checks/strand_checks.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class F>
using io_strand = typename F::template strand<net::io_context::executor_type>;
template <class F>
using polymorphic_strand = typename F::template strand<net::executor>;
template <class F>
using tracked_strand = typename F::template strand<tracked_executor>;

CONFORMANCE_RULE("async.strand.assign/copy-assignment-for-copy-assignable-inner", facilities::strand,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE(std::is_copy_assignable_v<io_strand<F>>)
                       << "strand<E> is not copy-assignable for a copy-assignable E";
                   EXPECT_TRUE(std::is_copy_assignable_v<tracked_strand<F>>)
                       << "strand<E> is not copy-assignable for a copy-assignable E of the program's";
                 });

CONFORMANCE_RULE("async.strand.assign/copy-assignment-takes-source-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_strand<F> source{tracked_executor(ctx)};
  tracked_strand<F> target{tracked_executor(ctx)};
  target = source;
  EXPECT_TRUE(target == source) << "after copy assignment the strand is unequal to its source";
  EXPECT_TRUE(target.get_inner_executor() == source.get_inner_executor())
      << "after copy assignment the inner executors are unequal";
});

CONFORMANCE_RULE("async.strand.assign/copy-assignment-returns-this", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const io_strand<F> source(ctx.get_executor());
  io_strand<F> target(ctx.get_executor());
  EXPECT_EQ(&(target = source), &target) << "copy assignment does not return *this";
});

CONFORMANCE_RULE("async.strand.assign/move-assignment-for-move-assignable-inner", facilities::strand,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE(std::is_move_assignable_v<io_strand<F>>)
                       << "strand<E> is not move-assignable for a move-assignable E";
                   EXPECT_TRUE(std::is_move_assignable_v<tracked_strand<F>>)
                       << "strand<E> is not move-assignable for a move-assignable E of the program's";
                 });

CONFORMANCE_RULE("async.strand.assign/move-assignment-takes-source-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  tracked_strand<F> source{tracked_executor(ctx)};
  const tracked_strand<F> before(source);
  tracked_strand<F> target{tracked_executor(ctx)};
  target = std::move(source);
  EXPECT_TRUE(target == before) << "after move assignment the strand is unequal to the source's earlier value";
  EXPECT_TRUE(target.get_inner_executor() == before.get_inner_executor())
      << "after move assignment the inner executor is unequal to the source's";
});

CONFORMANCE_RULE("async.strand.assign/move-assignment-returns-this", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  io_strand<F> source(ctx.get_executor());
  io_strand<F> target(ctx.get_executor());
  EXPECT_EQ(&(target = std::move(source)), &target) << "move assignment does not return *this";
});

CONFORMANCE_RULE("async.strand.assign/converting-copy-assignment-from-convertible-inner", facilities::strand,
                 [](auto facility) {
                   using F = decltype(facility);
                   // "Requires" (not a constraint): the strand need not refuse an inner type that does not convert.
                   EXPECT_TRUE((std::is_nothrow_assignable_v<polymorphic_strand<F>&, const io_strand<F>&>))
                       << "strand<executor> cannot be assigned (noexcept) a strand<io_context::executor_type>";
                 });

CONFORMANCE_RULE("async.strand.assign/converting-copy-assignment-assigns-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_strand<F> source{tracked_executor(ctx)};
  polymorphic_strand<F> target(net::executor(ctx.get_executor()));
  target = source;
  const auto* inner = target.get_inner_executor().template target<tracked_executor>();
  ASSERT_NE(inner, nullptr) << "after converting copy assignment the inner executor is not the source's";
  EXPECT_TRUE(*inner == source.get_inner_executor());
});

CONFORMANCE_RULE("async.strand.assign/converting-copy-assignment-shares-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const io_strand<F> source(ctx.get_executor());
  polymorphic_strand<F> target(net::executor(ctx.get_executor()));
  target = source;
  EXPECT_TRUE(shares_state(ctx, source, target))
      << "after converting copy assignment the strand does not share the source's state";
});

CONFORMANCE_RULE("async.strand.assign/converting-copy-assignment-returns-this", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const io_strand<F> source(ctx.get_executor());
  polymorphic_strand<F> target(net::executor(ctx.get_executor()));
  EXPECT_EQ(&(target = source), &target) << "converting copy assignment does not return *this";
});

CONFORMANCE_RULE("async.strand.assign/converting-move-assignment-from-convertible-inner", facilities::strand,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE((std::is_nothrow_assignable_v<polymorphic_strand<F>&, io_strand<F>&&>))
                       << "strand<executor> cannot be move-assigned (noexcept) a strand<io_context::executor_type>";
                 });

CONFORMANCE_RULE("async.strand.assign/converting-move-assignment-assigns-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  tracked_strand<F> source{tracked_executor(ctx)};
  const auto inner_before = source.get_inner_executor();
  polymorphic_strand<F> target(net::executor(ctx.get_executor()));
  target = std::move(source);
  const auto* inner = target.get_inner_executor().template target<tracked_executor>();
  ASSERT_NE(inner, nullptr) << "after converting move assignment the inner executor is not the source's";
  EXPECT_TRUE(*inner == inner_before);
});

CONFORMANCE_RULE("async.strand.assign/converting-move-assignment-shares-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  io_strand<F> source(ctx.get_executor());
  const auto before = source;
  polymorphic_strand<F> target(net::executor(ctx.get_executor()));
  target = std::move(source);
  EXPECT_TRUE(shares_state(ctx, before, target))
      << "after converting move assignment the strand does not share the source's earlier state";
});

CONFORMANCE_RULE("async.strand.assign/converting-move-assignment-returns-this", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  io_strand<F> source(ctx.get_executor());
  polymorphic_strand<F> target(net::executor(ctx.get_executor()));
  EXPECT_EQ(&(target = std::move(source)), &target) << "converting move assignment does not return *this";
});

}  // namespace
}  // namespace conformance
