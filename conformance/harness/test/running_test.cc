// Tests of running.hpp's run_bounded with parties that run on threads of their own (an
// instance whose I/O object lives on a context of its own, an I/O executor on a thread pool):
// the run waits for them, keeps ctx running meanwhile, and has run what ctx had queued before
// it waits; other parties are left alone.
#include "conformance/harness/running.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

// A party whose thread gives ctx a function only once the run has started waiting for it
// (join()): only a run that waits for the party, with ctx still running, runs that function.
class late_poster {
 public:
  late_poster(net::io_context& ctx, std::atomic<bool>& ran)
      : thread_([&ctx, &ran, waited = waited_.get_future()]() mutable {
          waited.wait();
          net::post(ctx, [&ran] { ran = true; });
        }) {}
  ~late_poster() { join(); }
  late_poster(const late_poster&) = delete;
  late_poster& operator=(const late_poster&) = delete;

  void join() {
    if (!thread_.joinable()) return;
    waited_.set_value();
    thread_.join();
  }

 private:
  std::promise<void> waited_;
  std::thread thread_;
};

// A party that notes whether ctx's queued start had run when it was waited for.
struct start_witness {
  const std::atomic<bool>* started = nullptr;
  bool started_when_joined = false;
  void join() { started_when_joined = *started; }
};

struct without_join {};

static_assert(runs_on_own_threads<late_poster>);
static_assert(!runs_on_own_threads<without_join>);

TEST(RunBounded, WaitsForAPartyOnThreadsOfItsOwnWithCtxStillRunning) {
  net::io_context ctx;
  std::atomic<bool> ran{false};
  late_poster party(ctx, ran);

  run_bounded(ctx, "a run waiting for a late poster", party);

  EXPECT_TRUE(ran) << "the function the party posted to ctx while it was waited for did not run";
}

TEST(RunBounded, RunsWhatCtxHasQueuedBeforeWaitingForAParty) {
  net::io_context ctx;
  std::atomic<bool> started{false};
  start_witness party{&started};
  net::post(ctx, [&started] { started = true; });

  run_bounded(ctx, "a run with a queued start", party);

  EXPECT_TRUE(party.started_when_joined)
      << "the party was waited for before ctx ran what it had queued: a pool joined then takes no new work";
}

TEST(RunBounded, LeavesPartiesWithoutJoinAlone) {
  net::io_context ctx;
  bool ran = false;
  without_join party;
  net::post(ctx, [&ran] { ran = true; });

  run_bounded(ctx, "a run with a party that has no join()", party);

  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace conformance
