// system_executor and system_context written for the kit, each with at most one
// planted fault: sound_system is the correct behaviour (every planted_ switch
// off), and each fault below turns one switch on. A mutant declared with
// kit_fault = "system:<fault>" (mutants.bzl) puts them in place of the
// library's (system_fault_binding.hpp).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

struct sound_system {
  static constexpr bool planted_work_counted = false;
  static constexpr bool planted_defer_missing = false;
  static constexpr bool planted_context_per_thread = false;
  static constexpr bool planted_dispatch_posts = false;
  static constexpr bool planted_post_runs_inline = false;
  static constexpr bool planted_runs_after_stop = false;
  static constexpr bool planted_exceptions_swallowed = false;
  static constexpr bool planted_copies_unequal = false;
  static constexpr bool planted_inequality_always_true = false;
  static constexpr bool planted_context_default_constructible = false;
  static constexpr bool planted_post_drops_concurrent_submissions = false;
  static constexpr bool planted_destructor_skips_join = false;
  static constexpr bool planted_stop_waits_for_functions = false;
  static constexpr bool planted_stopped_always_false = false;
  static constexpr bool planted_join_returns_at_once = false;
};

// [async.system.exec]
struct work_counted : sound_system {
  static constexpr bool planted_work_counted = true;
};
struct defer_missing : sound_system {
  static constexpr bool planted_defer_missing = true;
};
// [async.system.exec.ops]
struct context_per_thread : sound_system {
  static constexpr bool planted_context_per_thread = true;
};
struct dispatch_posts : sound_system {
  static constexpr bool planted_dispatch_posts = true;
};
struct post_runs_inline : sound_system {
  static constexpr bool planted_post_runs_inline = true;
};
struct runs_after_stop : sound_system {
  static constexpr bool planted_runs_after_stop = true;
};
struct exceptions_swallowed : sound_system {
  static constexpr bool planted_exceptions_swallowed = true;
};
// [async.system.exec.comparisons]
struct copies_unequal : sound_system {
  static constexpr bool planted_copies_unequal = true;
};
struct inequality_always_true : sound_system {
  static constexpr bool planted_inequality_always_true = true;
};
// [async.system.context]
struct context_default_constructible : sound_system {
  static constexpr bool planted_context_default_constructible = true;
};
struct post_drops_concurrent_submissions : sound_system {
  static constexpr bool planted_post_drops_concurrent_submissions = true;
};
struct destructor_skips_join : sound_system {
  static constexpr bool planted_destructor_skips_join = true;
};
struct stop_waits_for_functions : sound_system {
  static constexpr bool planted_stop_waits_for_functions = true;
};
struct stopped_always_false : sound_system {
  static constexpr bool planted_stopped_always_false = true;
};
struct join_returns_at_once : sound_system {
  static constexpr bool planted_join_returns_at_once = true;
};

template <class Fault>
class faulty_system_executor;

// The queue and the state the system threads share with the context. The
// threads hold it too, so that a fault that leaves them running past the
// context's destruction (no join) touches no destroyed object.
template <class Fault>
struct system_pool_state {
  struct job {
    virtual ~job() = default;
    virtual void run() = 0;
  };

  // Stopped, and (with the work_counted fault) no work outstanding: the threads
  // end.
  bool finished() const { return stopped && (!Fault::planted_work_counted || work == 0); }

  void run_jobs() {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [this] { return finished() || (!stopped && !jobs.empty()); });
      if (finished()) return;
      std::unique_ptr<job> next = std::move(jobs.front());
      jobs.pop_front();
      ++running;
      lock.unlock();
      run_one(*next);
      next.reset();
      lock.lock();
      --running;
      changed.notify_all();
    }
  }

  static void run_one(job& j) {
    if constexpr (Fault::planted_exceptions_swallowed) {
      try {
        j.run();
      } catch (...) {
      }
    } else {
      j.run();  // an escaping exception leaves the thread's function:
                // std::terminate
    }
  }

  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::unique_ptr<job>> jobs;
  bool stopped = false;
  bool submitting = false;
  int running = 0;
  long work = 0;
};

// A pool of two threads, started with the first submission, running queued
// functions until stop(). One instance per program (two with
// context_per_thread).
template <class Fault>
class faulty_system_context : public lib::execution_context {
 public:
  using executor_type = faulty_system_executor<Fault>;

  faulty_system_context(const faulty_system_context&) = delete;
  faulty_system_context& operator=(const faulty_system_context&) = delete;
  ~faulty_system_context() override {
    stop();
    if constexpr (!Fault::planted_destructor_skips_join) join();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.detach();  // only with a fault that does not join
    }
  }

  executor_type get_executor() noexcept { return executor_type(); }

  void stop() {
    std::unique_lock lock(state_->mutex);
    state_->stopped = true;
    state_->changed.notify_all();
    if constexpr (Fault::planted_stop_waits_for_functions) {
      state_->changed.wait(lock, [this] { return state_->running == 0; });
    }
  }

  bool stopped() const noexcept {
    if constexpr (Fault::planted_stopped_always_false) return false;
    const std::lock_guard lock(state_->mutex);
    return state_->stopped;
  }

  void join() {
    if constexpr (Fault::planted_join_returns_at_once) return;
    const std::lock_guard join_lock(join_mutex_);
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  template <class F>
  void submit(F&& f) {
    start_threads_once();
    auto job = std::make_unique<queued<std::decay_t<F>>>(std::forward<F>(f));
    std::unique_lock lock(state_->mutex);
    if (state_->stopped) {
      if constexpr (Fault::planted_runs_after_stop) {
        lock.unlock();
        job->run();
      }
      return;
    }
    if constexpr (Fault::planted_post_drops_concurrent_submissions) {
      // An unsynchronised queue, in effect: a submission that meets another one
      // is lost.
      if (state_->submitting) return;
      state_->submitting = true;
      lock.unlock();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      lock.lock();
      state_->submitting = false;
    }
    state_->jobs.push_back(std::move(job));
    state_->changed.notify_one();
  }

  void on_work_started() noexcept {
    const std::lock_guard lock(state_->mutex);
    ++state_->work;
  }
  void on_work_finished() noexcept {
    const std::lock_guard lock(state_->mutex);
    --state_->work;
    state_->changed.notify_all();
  }

  static faulty_system_context& instance() {
    static faulty_system_context context;
    if constexpr (Fault::planted_context_per_thread) {
      static faulty_system_context second;
      if (std::this_thread::get_id() != main_thread()) return second;
    }
    return context;
  }

  // Constructible only by instance(), unless the fault makes it public.
  faulty_system_context() requires(Fault::planted_context_default_constructible) = default;

 private:
  using state = system_pool_state<Fault>;
  template <class F>
  struct queued final : state::job {
    explicit queued(F f) : function(std::move(f)) {}
    void run() override { function(); }
    F function;
  };

  faulty_system_context() requires(!Fault::planted_context_default_constructible) = default;

  static std::thread::id main_thread() {
    static const std::thread::id first = std::this_thread::get_id();
    return first;
  }

  void start_threads_once() {
    std::call_once(threads_started_, [this] {
      for (int i = 0; i < 2; ++i) threads_.emplace_back([shared = state_] { shared->run_jobs(); });
    });
  }

  std::shared_ptr<state> state_ = std::make_shared<state>();
  std::once_flag threads_started_;
  std::mutex join_mutex_;
  std::vector<std::thread> threads_;
};

template <class Fault>
class faulty_system_executor {
 public:
  faulty_system_executor() noexcept = default;

  faulty_system_context<Fault>& context() const noexcept { return faulty_system_context<Fault>::instance(); }

  void on_work_started() const noexcept {
    if constexpr (Fault::planted_work_counted) context().on_work_started();
  }
  void on_work_finished() const noexcept {
    if constexpr (Fault::planted_work_counted) context().on_work_finished();
  }

  template <class F, class A>
  void dispatch(F&& f, [[maybe_unused]] const A& a) const {
    if constexpr (Fault::planted_dispatch_posts) {
      post(std::forward<F>(f), a);
    } else {
      std::decay_t<F> copy(std::forward<F>(f));
      copy();
    }
  }

  template <class F, class A>
  void post(F&& f, const A&) const {
    if constexpr (Fault::planted_post_runs_inline) {
      std::decay_t<F> copy(std::forward<F>(f));
      copy();
    } else {
      context().submit(std::forward<F>(f));
    }
  }

  template <class F, class A>
  requires(!Fault::planted_defer_missing) void defer(F&& f, const A& a) const { post(std::forward<F>(f), a); }

  friend bool operator==(const faulty_system_executor& a, const faulty_system_executor& b) noexcept {
    return !Fault::planted_copies_unequal || &a == &b;
  }
  friend bool operator!=(const faulty_system_executor& a, const faulty_system_executor& b) noexcept {
    return Fault::planted_inequality_always_true || !(a == b);
  }
};

}  // namespace conformance::kit
