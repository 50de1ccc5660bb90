// Tests of counting_allocator / allocation_log: it is a proto-allocator, it counts, it
// catches the misuse it claims to catch, and a library really allocates through it.
#include "conformance/harness/probes/counting_allocator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

using proto_allocator = counting_allocator<void>;
using int_allocator = std::allocator_traits<proto_allocator>::rebind_alloc<int>;

static_assert(std::is_same_v<int_allocator, counting_allocator<int>>);
static_assert(std::is_nothrow_copy_constructible_v<proto_allocator>);
static_assert(std::is_nothrow_move_constructible_v<proto_allocator>);
static_assert(noexcept(std::declval<const proto_allocator&>() == std::declval<const int_allocator&>()));

TEST(CountingAllocator, RebindsAndComparesEqualExactlyWhenItSharesTheLog) {
  const auto log = std::make_shared<allocation_log>();
  const proto_allocator a(log);
  const int_allocator rebound(a);
  const proto_allocator other(std::make_shared<allocation_log>());

  EXPECT_TRUE(a == rebound);
  EXPECT_FALSE(a != rebound);
  EXPECT_TRUE(a != other);
  EXPECT_EQ(&rebound.log(), log.get());
}

TEST(CountingAllocator, CountsAllocationsAndLiveBytes) {
  const auto log = std::make_shared<allocation_log>();
  int_allocator alloc(log);

  int* const p = alloc.allocate(3);
  EXPECT_EQ(log->allocations(), 1u);
  EXPECT_EQ(log->live_bytes(), 3 * sizeof(int));
  EXPECT_EQ(log->live_blocks(), 1u);

  alloc.deallocate(p, 3);
  EXPECT_EQ(log->deallocations(), 1u);
  EXPECT_EQ(log->live_bytes(), 0u);
  ASSERT_EQ(log->events().size(), 2u);
  EXPECT_EQ(log->events()[0].kind, allocation_log::event_kind::allocate);
  EXPECT_EQ(log->events()[1].pointer, p);
  EXPECT_EQ(log->events()[1].thread, std::this_thread::get_id());
  EXPECT_TRUE(log->clean());
}

TEST(CountingAllocator, HonoursOverAlignedTypes) {
  struct alignas(64) wide {
    char bytes[64];
  };
  const auto log = std::make_shared<allocation_log>();
  counting_allocator<wide> alloc(log);
  wide* const p = alloc.allocate(2);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 64, 0u);
  alloc.deallocate(p, 2);
  EXPECT_TRUE(log->clean());
}

TEST(CountingAllocator, NoticesADeallocationOfAPointerItDidNotAllocate) {
  const auto mine = std::make_shared<allocation_log>();
  const auto theirs = std::make_shared<allocation_log>();
  int_allocator alloc(mine);
  int_allocator foreign(theirs);

  int* const p = foreign.allocate(1);
  alloc.deallocate(p, 1);

  ASSERT_EQ(mine->faults().size(), 1u);
  EXPECT_EQ(mine->faults()[0].what, allocation_log::fault::kind::foreign_pointer);
  EXPECT_EQ(mine->faults()[0].pointer, p);
  EXPECT_FALSE(mine->clean());
  EXPECT_EQ(theirs->live_bytes(), sizeof(int)) << "the foreign block must be left to its owner";
  foreign.deallocate(p, 1);
}

TEST(CountingAllocator, NoticesASecondDeallocationOfTheSameBlock) {
  const auto log = std::make_shared<allocation_log>();
  int_allocator alloc(log);
  int* const p = alloc.allocate(1);
  alloc.deallocate(p, 1);
  alloc.deallocate(p, 1);
  ASSERT_EQ(log->faults().size(), 1u);
  EXPECT_EQ(log->faults()[0].what, allocation_log::fault::kind::foreign_pointer);
}

TEST(CountingAllocator, NoticesADeallocationWithTheWrongSize) {
  const auto log = std::make_shared<allocation_log>();
  int_allocator alloc(log);
  int* const p = alloc.allocate(4);
  alloc.deallocate(p, 2);

  ASSERT_EQ(log->faults().size(), 1u);
  EXPECT_EQ(log->faults()[0].what, allocation_log::fault::kind::wrong_size);
  EXPECT_EQ(log->faults()[0].bytes_given, 2 * sizeof(int));
  EXPECT_EQ(log->faults()[0].bytes_allocated, 4 * sizeof(int));
  EXPECT_EQ(log->live_bytes(), 0u) << "the block is still returned, by its recorded size";
}

TEST(CountingAllocator, CheckpointKeepsTheLiveBytesOfAChosenMoment) {
  const auto log = std::make_shared<allocation_log>();
  int_allocator alloc(log);
  int* const p = alloc.allocate(2);
  log->checkpoint("holding two ints");
  alloc.deallocate(p, 2);

  EXPECT_EQ(log->live_bytes_at("holding two ints"), 2 * sizeof(int));
  EXPECT_EQ(log->live_bytes_at("never taken"), std::nullopt);
}

TEST(CountingAllocator, IsSafeToUseFromSeveralThreadsAtOnce) {
  const auto log = std::make_shared<allocation_log>();
  constexpr int threads = 4;
  constexpr int rounds = 200;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([log] {
      int_allocator alloc(log);
      for (int i = 0; i < rounds; ++i) alloc.deallocate(alloc.allocate(1 + i % 5), 1 + i % 5);
    });
  }
  for (std::thread& worker : workers) worker.join();
  EXPECT_EQ(log->allocations(), static_cast<std::size_t>(threads * rounds));
  EXPECT_EQ(log->live_bytes(), 0u);
  EXPECT_TRUE(log->clean());
}

TEST(CountingAllocator, IsUsedByTheLibraryAsAHandlersAssociatedAllocator) {
  net::io_context ctx;
  const auto log = std::make_shared<allocation_log>();
  auto record = std::make_shared<probe_record>();
  record->on_invocation([log] { log->checkpoint("in handler"); });

  net::post(ctx, probe_handler(record).with_allocator(proto_allocator(log)));
  const std::size_t allocated_by_post = log->allocations();
  ctx.run();

  EXPECT_EQ(record->invocations(), 1);
  EXPECT_GT(allocated_by_post, 0u) << "post stores the handler through its associated allocator";
  EXPECT_EQ(log->live_bytes_at("in handler"), 0u);
  EXPECT_EQ(log->live_bytes(), 0u);
  EXPECT_TRUE(log->clean());
}

TEST(CountingAllocatorLogOf, NamesTheLogOfACountingAllocatorAndNothingElse) {
  const auto log = std::make_shared<allocation_log>();
  EXPECT_EQ(counting_log_of(counting_allocator<char>(log)), log.get());
  EXPECT_EQ(counting_log_of(std::allocator<void>()), nullptr);
}

}  // namespace
}  // namespace conformance
