// Steady-state operations with std::allocator handlers make no heap allocation:
// operation memory is recycled per thread. Counts every global operator new.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

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
