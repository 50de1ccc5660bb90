// rule:   async.strand.cons/default-constructor-makes-new-state
// rule:   async.strand.cons/default-constructor-only-for-default-constructible-inner
// rule:   async.strand.cons/from-executor-makes-new-state
// rule:   async.strand.cons/allocator-constructor-takes-storage-from-the-allocator
// rule:   async.strand.cons/copy-copies-inner
// rule:   async.strand.cons/copy-equals-source
// rule:   async.strand.cons/move-moves-inner
// rule:   async.strand.cons/moved-to-equals-source
// rule:   async.strand.cons/converting-copy-from-convertible-inner
// rule:   async.strand.cons/converting-copy-copies-inner
// rule:   async.strand.cons/converting-copy-shares-state
// rule:   async.strand.cons/converting-move-from-convertible-inner
// rule:   async.strand.cons/converting-move-moves-inner
// rule:   async.strand.cons/converting-move-shares-state
// clause: [async.strand.cons] p1-p14
// The library's strand constructors, around an inner executor that counts its copies and moves
// (probes/tracked_executor.hpp).
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/checks/strand_checks.hpp"
#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/tracked_executor.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

template <class F>
using tracked_strand = typename F::template strand<tracked_executor>;

CONFORMANCE_RULE("async.strand.cons/default-constructor-makes-new-state", facilities::strand, [](auto facility) {
  using strand = typename decltype(facility)::template strand<net::system_executor>;
  const strand a;
  const strand b;
  EXPECT_FALSE(a == b) << "two default-constructed strands share one state";
  EXPECT_TRUE(a.get_inner_executor() == net::system_executor()) << "the inner executor is not value-initialised";
});

CONFORMANCE_RULE("async.strand.cons/default-constructor-only-for-default-constructible-inner", facilities::strand,
                 [](auto facility) {
                   using F = decltype(facility);
                   EXPECT_TRUE(std::is_default_constructible_v<typename F::template strand<net::system_executor>>)
                       << "strand<E> is not default constructible for a default-constructible E";
                   EXPECT_FALSE(std::is_default_constructible_v<tracked_strand<F>>)
                       << "strand<E> claims a default constructor for an E without one";
                 });

CONFORMANCE_RULE("async.strand.cons/from-executor-makes-new-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  const tracked_strand<F> a(inner);
  const tracked_strand<F> b(inner);
  EXPECT_TRUE(a.get_inner_executor() == inner) << "strand(ex) does not hold a copy of ex";
  EXPECT_FALSE(a == b) << "two strands made from one executor share one state";
});

CONFORMANCE_RULE("async.strand.cons/allocator-constructor-takes-storage-from-the-allocator", facilities::strand,
                 [](auto facility) {
                   using F = decltype(facility);
                   net::io_context ctx;
                   const auto memory = std::make_shared<allocation_log>();
                   {
                     const tracked_strand<F> s(std::allocator_arg, counting_allocator<void>(memory),
                                               tracked_executor(ctx));
                     EXPECT_GT(memory->allocations(), 0u)
                         << "strand(allocator_arg, a, ex) took its state's storage from elsewhere than a";
                     EXPECT_TRUE(s.get_inner_executor().counts().live.load() > 0);
                   }
                   EXPECT_EQ(memory->live_bytes(), 0u) << "memory taken from the allocator was not returned";
                 });

CONFORMANCE_RULE("async.strand.cons/copy-copies-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_executor inner(ctx);
  const instance_counts& counts = inner.counts();  // shared by every copy: reading it copies nothing
  const tracked_strand<F> source(inner);
  const int copies = counts.copies.load();
  const tracked_strand<F> copy(source);
  EXPECT_GT(counts.copies.load(), copies) << "the copy constructor did not copy the inner executor";
  EXPECT_TRUE(copy.get_inner_executor() == source.get_inner_executor());
});

CONFORMANCE_RULE("async.strand.cons/copy-equals-source", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const tracked_strand<F> source{tracked_executor(ctx)};
  const tracked_strand<F> copy(source);
  EXPECT_TRUE(copy == source) << "a copy of a strand compares unequal to it";
  EXPECT_TRUE(copy.get_inner_executor() == source.get_inner_executor()) << "a copy has an unequal inner executor";
});

CONFORMANCE_RULE("async.strand.cons/move-moves-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  tracked_strand<F> source{tracked_executor(ctx)};
  const instance_counts& counts = source.get_inner_executor().counts();
  const int copies = counts.copies.load();
  const int moves = counts.moves.load();
  const tracked_strand<F> moved(std::move(source));
  EXPECT_GT(counts.moves.load(), moves) << "the move constructor did not move the inner executor";
  EXPECT_EQ(counts.copies.load(), copies) << "the move constructor copied the inner executor";
});

CONFORMANCE_RULE("async.strand.cons/moved-to-equals-source", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  tracked_strand<F> source{tracked_executor(ctx)};
  const tracked_strand<F> before(source);
  const tracked_strand<F> moved(std::move(source));
  EXPECT_TRUE(moved == before) << "a move-constructed strand is unequal to its source's earlier value";
  EXPECT_TRUE(moved.get_inner_executor() == before.get_inner_executor())
      << "a move-constructed strand's inner executor is unequal to the source's";
});

CONFORMANCE_RULE("async.strand.cons/converting-copy-from-convertible-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  using io_strand = typename F::template strand<net::io_context::executor_type>;
  using polymorphic = typename F::template strand<net::executor>;
  // "Requires" (not a constraint): the strand need not refuse an inner type that does not convert.
  EXPECT_TRUE((std::is_nothrow_constructible_v<polymorphic, const io_strand&>))
      << "strand<executor> cannot be copied (noexcept) from strand<io_context::executor_type>";
});

// The converting constructors over inner executors that convert plainly (a derived executor to
// its base), so that every copy and move counted is the strand's own.
CONFORMANCE_RULE("async.strand.cons/converting-copy-copies-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const large_tracked_executor inner(ctx);
  const instance_counts& counts = inner.counts();
  const typename F::template strand<large_tracked_executor> source(inner);
  const int copies = counts.copies.load();
  const tracked_strand<F> converted(source);
  EXPECT_GT(counts.copies.load(), copies) << "the converting copy constructor did not copy the inner executor";
  EXPECT_TRUE(converted.get_inner_executor() == inner) << "the converted strand's inner executor is another";
});

CONFORMANCE_RULE("async.strand.cons/converting-copy-shares-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const typename F::template strand<net::io_context::executor_type> source(ctx.get_executor());
  const typename F::template strand<net::executor> converted(source);
  EXPECT_TRUE(shares_state(ctx, source, converted)) << "a strand copied from another type does not share its state";
});

CONFORMANCE_RULE("async.strand.cons/converting-move-from-convertible-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  using io_strand = typename F::template strand<net::io_context::executor_type>;
  using polymorphic = typename F::template strand<net::executor>;
  EXPECT_TRUE((std::is_nothrow_constructible_v<polymorphic, io_strand&&>))
      << "strand<executor> cannot be moved (noexcept) from strand<io_context::executor_type>";
});

CONFORMANCE_RULE("async.strand.cons/converting-move-moves-inner", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  const large_tracked_executor inner(ctx);
  const instance_counts& counts = inner.counts();
  typename F::template strand<large_tracked_executor> source(inner);
  const int copies = counts.copies.load();
  const int moves = counts.moves.load();
  const tracked_strand<F> converted(std::move(source));
  EXPECT_GT(counts.moves.load(), moves) << "the converting move constructor did not move the inner executor";
  EXPECT_EQ(counts.copies.load(), copies) << "the converting move constructor copied the inner executor";
  EXPECT_TRUE(converted.get_inner_executor() == inner);
});

CONFORMANCE_RULE("async.strand.cons/converting-move-shares-state", facilities::strand, [](auto facility) {
  using F = decltype(facility);
  net::io_context ctx;
  typename F::template strand<net::io_context::executor_type> source(ctx.get_executor());
  const auto before = source;
  const typename F::template strand<net::executor> converted(std::move(source));
  EXPECT_TRUE(shares_state(ctx, before, converted))
      << "a strand moved from another type does not share the source's earlier state";
});

}  // namespace
}  // namespace conformance
