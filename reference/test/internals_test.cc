// Internals: intrusive queues, the per-thread call stack, memory recycling, the timer heap.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "refnet/detail/call_stack.hpp"
#include "refnet/detail/executor_op.hpp"
#include "refnet/detail/operation.hpp"
#include "refnet/detail/recycling_allocator.hpp"
#include "refnet/detail/timer_queue.hpp"
#include "refnet/wait_traits.hpp"

namespace {

using namespace refnet::detail;

struct counting_op final : operation {
  explicit counting_op(std::vector<int>& log, int id) : operation(&complete_fn), log(&log), id(id) {}
  static void complete_fn(operation* base, completion_mode mode) {
    auto* self = static_cast<counting_op*>(base);
    self->log->push_back(mode == completion_mode::destroy ? -self->id : self->id);
  }
  std::vector<int>* log;
  int id;
};

TEST(OpQueue, IsFifoAndDestroysWhatItStillHoldsOnDestruction) {
  std::vector<int> log;
  counting_op a(log, 1), b(log, 2), c(log, 3);
  {
    op_queue<operation> q;
    q.push(&a);
    q.push(&b);
    q.push(&c);
    q.pop()->complete();
  }
  EXPECT_EQ(log, (std::vector<int>{1, -2, -3}));
}

TEST(OpQueue, SplicesAnotherQueueAndRemovesByPredicate) {
  std::vector<int> log;
  counting_op a(log, 1), b(log, 2), c(log, 3);
  op_queue<operation> q1, q2;
  q1.push(&a);
  q2.push(&b);
  q2.push(&c);
  q1.push(q2);
  EXPECT_TRUE(q2.empty());
  EXPECT_EQ(q1.remove_first_if([&](operation& o) { return &o == &c; }), &c);
  EXPECT_EQ(q1.pop(), &a);
  EXPECT_EQ(q1.pop(), &b);
  EXPECT_EQ(q1.pop(), nullptr);
}

TEST(CallStack, ReportsOnlyKeysEnteredInThisThread) {
  using stack = call_stack<int, int>;
  int key1 = 0, key2 = 0;
  int value = 7;
  EXPECT_EQ(stack::contains(&key1), nullptr);
  {
    stack::context outer(&key1, value);
    EXPECT_EQ(stack::contains(&key1), &value);
    EXPECT_EQ(stack::contains(&key2), nullptr);
    std::thread([&] { EXPECT_EQ(stack::contains(&key1), nullptr); }).join();
  }
  EXPECT_EQ(stack::contains(&key1), nullptr);
}

TEST(RecyclingAllocator, ReusesAFreedBlockOfSufficientSize) {
  recycling_allocator<char> alloc;
  char* first = alloc.allocate(100);
  alloc.deallocate(first, 100);
  char* second = alloc.allocate(80);
  EXPECT_EQ(first, second);
  alloc.deallocate(second, 80);
}

TEST(ExecutorOp, FreesItsMemoryBeforeRunningTheFunction) {
  bool ran = false;
  recycling_allocator<char> probe;
  operation* op = make_executor_op(
      [&] {
        // The block just freed is the first one handed out again.
        char* p = probe.allocate(1);
        ran = true;
        probe.deallocate(p, 1);
      },
      std::allocator<void>());
  op->complete();
  EXPECT_TRUE(ran);
}

struct timer_op final : reactor_op {
  explicit timer_op(std::vector<int>& log, int id) : reactor_op(&perform_fn, &complete_fn), log(&log), id(id) {}
  static bool perform_fn(reactor_op*) { return true; }
  static void complete_fn(operation* base, completion_mode mode) {
    auto* self = static_cast<timer_op*>(base);
    if (mode != completion_mode::destroy) self->log->push_back(self->ec_ ? -self->id : self->id);
  }
  std::vector<int>* log;
  int id;
};

TEST(TimerQueue, ReleasesExpiredTimersInExpiryOrderAndCancelsByKey) {
  using clock = std::chrono::steady_clock;
  using queue = timer_queue<clock, refnet::wait_traits<clock>>;
  queue q;
  std::vector<int> log;
  queue::per_timer_data t1, t2, t3;
  timer_op o1(log, 1), o2(log, 2), o3(log, 3), o4(log, 4);
  const auto now = clock::now();
  q.enqueue_timer(now - std::chrono::milliseconds(1), t2, &o2);
  q.enqueue_timer(now - std::chrono::milliseconds(3), t1, &o1);
  q.enqueue_timer(now + std::chrono::hours(1), t3, &o3);
  o4.cancellation_key_ = &o4;
  q.enqueue_timer(now + std::chrono::hours(1), t3, &o4);
  EXPECT_EQ(q.wait_duration_usec(1000), 0);

  op_queue<operation> ready;
  q.get_ready_timers(ready);
  q.cancel_timer_by_key(t3, ready, &o4);
  EXPECT_EQ(q.cancel_timer(t3, ready), 1u);
  while (operation* op = ready.pop()) op->complete();
  EXPECT_EQ(log, (std::vector<int>{1, 2, -4, -3}));
  EXPECT_TRUE(q.empty());
}

TEST(WaitTraits, SaturatesForFarTimePoints) {
  using clock = std::chrono::steady_clock;
  EXPECT_GT(refnet::wait_traits<clock>::to_wait_duration(clock::time_point::max()), std::chrono::hours(1000000));
  EXPECT_EQ(refnet::wait_traits<clock>::to_wait_duration(clock::time_point::min()), clock::duration::min());
}

}  // namespace
