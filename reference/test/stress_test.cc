// Two threads, over a million handlers through post, strands and timers: none is
// lost, none runs twice, strands never run concurrently. Bounded in time.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace {

namespace net = refnet;
using clock_type = std::chrono::steady_clock;

constexpr int post_chains = 16, post_steps = 25000;                          // 400'000
constexpr int strands = 4, chains_per_strand = 2, strand_steps = 37500;      // 300'000
constexpr int timers = 64, timer_steps = 4688;                               // 300'032
constexpr int total = post_chains * post_steps + strands * chains_per_strand * strand_steps + timers * timer_steps;

struct tally {
  std::vector<std::atomic<unsigned char>> seen = std::vector<std::atomic<unsigned char>>(total);
  std::atomic<int> strand_overlap{0};
  void mark(int id) { seen[static_cast<std::size_t>(id)].fetch_add(1, std::memory_order_relaxed); }
};

TEST(Stress, NoHandlerIsLostOrRunTwice) {
  net::io_context ctx;
  tally t;

  // Plain posts: each handler posts the next one of its chain.
  struct post_step {
    net::io_context* ctx;
    tally* t;
    int id;
    int left;
    void operator()() {
      t->mark(id);
      if (left > 1) net::post(*ctx, post_step{ctx, t, id + 1, left - 1});
    }
  };
  for (int c = 0; c < post_chains; ++c) net::post(ctx, post_step{&ctx, &t, c * post_steps, post_steps});

  // Strands: several chains share a strand; the strand must serialise them.
  using strand_type = net::strand<net::io_context::executor_type>;
  std::vector<strand_type> strand_objects;
  std::vector<std::unique_ptr<std::atomic<int>>> in_flight;
  for (int s = 0; s < strands; ++s) {
    strand_objects.emplace_back(ctx.get_executor());
    in_flight.push_back(std::make_unique<std::atomic<int>>(0));
  }
  struct strand_step {
    strand_type strand;
    std::atomic<int>* busy;
    tally* t;
    int id;
    int left;
    void operator()() {
      if (busy->fetch_add(1) != 0) ++t->strand_overlap;
      t->mark(id);
      busy->fetch_sub(1);
      if (left > 1) net::post(strand, strand_step{strand, busy, t, id + 1, left - 1});
    }
  };
  int base = post_chains * post_steps;
  for (int s = 0; s < strands; ++s)
    for (int c = 0; c < chains_per_strand; ++c, base += strand_steps)
      net::post(strand_objects[s], strand_step{strand_objects[s], in_flight[s].get(), &t, base, strand_steps});

  // Timers: each re-arms itself at "now" after every completion.
  std::vector<std::unique_ptr<net::steady_timer>> timer_objects;
  struct timer_step {
    net::steady_timer* timer;
    tally* t;
    int id;
    int left;
    void operator()(net::error_code ec) {
      EXPECT_FALSE(ec);
      t->mark(id);
      if (left > 1) {
        timer->expires_at(clock_type::now());
        timer->async_wait(timer_step{timer, t, id + 1, left - 1});
      }
    }
  };
  for (int i = 0; i < timers; ++i, base += timer_steps) {
    timer_objects.push_back(std::make_unique<net::steady_timer>(ctx, clock_type::now()));
    timer_objects.back()->async_wait(timer_step{timer_objects.back().get(), &t, base, timer_steps});
  }
  ASSERT_EQ(base, total);

  // Watchdog: stop the context if the run takes unreasonably long.
  std::atomic<bool> finished{false};
  std::thread watchdog([&] {
    const auto deadline = clock_type::now() + std::chrono::seconds(120);
    while (!finished && clock_type::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!finished) ctx.stop();
  });
  const auto start = clock_type::now();
  std::thread second([&] { ctx.run(); });
  ctx.run();
  second.join();
  finished = true;
  watchdog.join();
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start);
  std::printf("%d handlers in %lld ms\n", total, static_cast<long long>(elapsed.count()));

  int missing = 0, duplicated = 0;
  for (auto& s : t.seen) {
    missing += s == 0;
    duplicated += s > 1;
  }
  EXPECT_EQ(missing, 0);
  EXPECT_EQ(duplicated, 0);
  EXPECT_EQ(t.strand_overlap, 0);
  EXPECT_GE(total, 1000000);
}

}  // namespace
