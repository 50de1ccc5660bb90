// Steady-state operations with std::allocator handlers make no heap allocation:
// operation memory is recycled (within a thread, and from the thread that frees it
// to the thread that allocates). Counts every global operator new.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <latch>
#include <new>
#include <thread>

#include "test_support.hpp"

namespace {
std::atomic<long> heap_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++heap_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

namespace net = refnet;

struct post_chain {
  net::io_context* ctx;
  int remaining;
  void operator()() {
    if (--remaining > 0) net::post(*ctx, post_chain{ctx, remaining});
  }
};

struct wait_chain {
  net::steady_timer* timer;
  int* remaining;
  void operator()(net::error_code) {
    if (--*remaining > 0) {
      timer->expires_at(std::chrono::steady_clock::now());
      timer->async_wait(*this);
    }
  }
};

long allocations_during(const std::function<void()>& work) {
  const long before = heap_allocations;
  work();
  return heap_allocations - before;
}

TEST(Allocation, PostMakesNoHeapAllocationInSteadyState) {
  net::io_context ctx;
  net::post(ctx, post_chain{&ctx, 100});
  ctx.run();  // warm-up fills the recycling cache
  ctx.restart();
  const long allocations = allocations_during([&] {
    net::post(ctx, post_chain{&ctx, 100000});
    ctx.run();
  });
  EXPECT_EQ(allocations, 0);
}

// A burst of posts is served by the blocks the last burst freed, not only by a
// handful each thread keeps.
TEST(Allocation, BatchPostMakesNoHeapAllocationInSteadyState) {
  net::io_context ctx;
  int invoked = 0;
  const auto burst = [&] {
    for (int i = 0; i < 10000; ++i) net::post(ctx, [&invoked] { ++invoked; });
    ctx.restart();
    ctx.run();
  };
  burst();
  EXPECT_EQ(allocations_during(burst), 0);
  EXPECT_EQ(invoked, 20000);
}

// Operations posted from one thread and freed on the thread that runs them: the
// freed blocks travel back to the posting thread.
TEST(Allocation, CrossThreadPostMakesNoHeapAllocationInSteadyState) {
  net::io_context ctx;
  auto work = net::make_work_guard(ctx);
  std::thread runner([&ctx] { ctx.run(); });
  const auto burst = [&] {
    std::latch all_invoked(1000);
    for (int i = 0; i < 1000; ++i) net::post(ctx, [&all_invoked] { all_invoked.count_down(); });
    all_invoked.wait();
  };
  // Two bursts fill the pools: the runner keeps up to a few dozen blocks for itself.
  burst();
  burst();
  const long allocations = allocations_during([&] {
    burst();
    burst();
  });
  work.reset();
  runner.join();
  EXPECT_EQ(allocations, 0);
}

TEST(Allocation, StrandPostMakesNoHeapAllocationInSteadyState) {
  net::io_context ctx;
  net::strand<net::io_context::executor_type> strand(ctx.get_executor());
  int remaining = 0;
  std::function<void()> step;  // created before counting
  step = [&] {
    if (--remaining > 0) net::post(strand, std::ref(step));
  };
  remaining = 100;
  net::post(strand, std::ref(step));
  ctx.run();
  ctx.restart();
  const long allocations = allocations_during([&] {
    remaining = 100000;
    net::post(strand, std::ref(step));
    ctx.run();
  });
  EXPECT_EQ(allocations, 0);
}

TEST(Allocation, TimerWaitMakesNoHeapAllocationInSteadyState) {
  net::io_context ctx;
  net::steady_timer timer(ctx, std::chrono::steady_clock::now());
  int remaining = 100;
  timer.async_wait(wait_chain{&timer, &remaining});
  ctx.run();
  ctx.restart();
  const long allocations = allocations_during([&] {
    remaining = 20000;
    timer.expires_at(std::chrono::steady_clock::now());
    timer.async_wait(wait_chain{&timer, &remaining});
    ctx.run();
  });
  EXPECT_EQ(remaining, 0);
  EXPECT_EQ(allocations, 0);
}

}  // namespace
