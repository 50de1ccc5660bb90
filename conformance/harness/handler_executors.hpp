// The handler's associated executor (ex2) as a second dimension of the rules: every rule
// that is about where or how a completion handler runs is applied with each of these, so
// that ex2 differs from the I/O executor (ex1) in every way that matters:
//   io            ex2 == ex1: the handler has no associated executor of its own
//   strand        a strand of ex1's io_context
//   other-context the executor of a second io_context, run in turns with the first
//   recording-ts  a TS-style recording executor (probes/recording_ts_executor.hpp)
//   recording-std a standard-executor recording executor (only with standard executors)
//   thread-pool   the executor of a thread_pool, whose own threads run the handler (only with
//                 thread_pool)
//   pool-strand   a strand of that executor
//   ex2:<subject> a third party's executor (executor_roles.hpp; only in its conformance_executor
//                 target, which registers only these cases)
//
// A fixture is built from the io_context that provides ex1 and offers:
//   name                       stable name, part of the case name
//   bind(handler)              the handler with this ex2 associated (unchanged for `io`)
//   run(io)                    runs everything until no context has work left (running.hpp's
//                              run_bounded does it within a time limit)
//   running_on_it()            true inside a function that ex2 is running
//   log()                      the recording executors' executor_log (recording ones only)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/executor_roles.hpp"
#include "conformance/harness/probes/executor_log.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/target_description.hpp"
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
#include "conformance/harness/probes/recording_std_executor.hpp"
#endif

namespace conformance::handler_executors {

class io {
 public:
  static constexpr std::string_view name = "io";
  explicit io(net::io_context& ctx) : executor_(ctx.get_executor()) {}
  template <class Handler>
  Handler bind(Handler handler) const {
    return handler;
  }
  void run(net::io_context& ctx) const { ctx.run(); }
  bool running_on_it() const { return executor_.running_in_this_thread(); }

 private:
  net::io_context::executor_type executor_;
};

class strand {
 public:
  static constexpr std::string_view name = "strand";
  explicit strand(net::io_context& ctx) : strand_(ctx.get_executor()) {}
  template <class Handler>
  auto bind(Handler handler) const {
    return net::bind_executor(strand_, std::move(handler));
  }
  void run(net::io_context& ctx) const { ctx.run(); }
  bool running_on_it() const { return strand_.running_in_this_thread(); }
  const net::strand<net::io_context::executor_type>& executor() const { return strand_; }

 private:
  net::strand<net::io_context::executor_type> strand_;
};

class other_context {
 public:
  static constexpr std::string_view name = "other-context";
  explicit other_context(net::io_context&) {}
  template <class Handler>
  auto bind(Handler handler) {
    return net::bind_executor(other_.get_executor(), std::move(handler));
  }
  // Both contexts in turns (run_in_turns): the operation may need ctx and ex2's context alike.
  void run(net::io_context& ctx) { run_in_turns(ctx, other_); }
  bool running_on_it() const { return executor_.running_in_this_thread(); }
  net::io_context& context() { return other_; }

 private:
  net::io_context other_;
  net::io_context::executor_type executor_ = other_.get_executor();  // get_executor() is not const
};

#if CONFORMANCE_HAS_TS_EXECUTORS
class recording_ts {
 public:
  static constexpr std::string_view name = "recording-ts";
  explicit recording_ts(net::io_context& ctx) : executor_(ctx) {}
  template <class Handler>
  auto bind(Handler handler) const {
    return net::bind_executor(executor_, std::move(handler));
  }
  void run(net::io_context& ctx) const { ctx.run(); }
  bool running_on_it() const { return executor_.context().get_executor().running_in_this_thread(); }
  executor_log& log() const { return executor_.log(); }
  const recording_ts_executor& executor() const { return executor_; }

 private:
  recording_ts_executor executor_;
};
#endif

#if CONFORMANCE_HAS_STANDARD_EXECUTORS
class recording_std {
 public:
  static constexpr std::string_view name = "recording-std";
  explicit recording_std(net::io_context& ctx) : executor_(ctx) {}
  template <class Handler>
  auto bind(Handler handler) const {
    return net::bind_executor(executor_, std::move(handler));
  }
  void run(net::io_context& ctx) const { ctx.run(); }
  bool running_on_it() const { return executor_.inner().running_in_this_thread(); }
  executor_log& log() const { return executor_.log(); }
  const recording_std_executor<>& executor() const { return executor_; }

 private:
  recording_std_executor<> executor_;
};
#endif

#if CONFORMANCE_HAS_THREAD_POOL
// ex2 on a thread_pool of two threads, or on a strand of its executor: the handler runs on a
// thread the rule does not run. run() keeps ctx running on a helper thread while it waits for
// the pool to run out of work (run_joining in running.hpp). A rule that queues work on ctx which
// will later give the pool work holds hold_work() meanwhile.
template <class Executor>
class on_thread_pool {
 public:
  explicit on_thread_pool(net::io_context&) {}
  template <class Handler>
  auto bind(Handler handler) const {
    return net::bind_executor(executor_, std::move(handler));
  }
  void run(net::io_context& ctx) { run_joining(ctx, [&ctx] { ctx.run(); }, *this); }
  void join() { pool_.join(); }
  auto hold_work() const { return net::make_work_guard(executor_); }
  bool running_on_it() const { return executor_.running_in_this_thread(); }
  const Executor& executor() const { return executor_; }

 private:
  net::thread_pool pool_{2};
  Executor executor_{pool_.get_executor()};
};

class thread_pool : public on_thread_pool<net::thread_pool::executor_type> {
 public:
  static constexpr std::string_view name = "thread-pool";
  using on_thread_pool::on_thread_pool;
};

class pool_strand : public on_thread_pool<net::strand<net::thread_pool::executor_type>> {
 public:
  static constexpr std::string_view name = "pool-strand";
  using on_thread_pool::on_thread_pool;
};

using thread_pool_if_declared = operation_list<thread_pool, pool_strand>;
#else
using thread_pool_if_declared = operation_list<>;
#endif

// The recording fixtures of the executor models the binding declares (capabilities.hpp).
#if CONFORMANCE_HAS_TS_EXECUTORS
using recording_ts_if_declared = operation_list<recording_ts>;
#else
using recording_ts_if_declared = operation_list<>;
#endif
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
using recording_std_if_declared = operation_list<recording_std>;
#else
using recording_std_if_declared = operation_list<>;
#endif
using library_recording = concatenated_t<recording_ts_if_declared, recording_std_if_declared>;
// With a third party's executors under a recording executor as ex2 in its conformance_executor
// target (executor_roles.hpp).
using recording = concatenated_t<library_recording, executor_roles::as_recorded_ex2>;

// Keeps a fixture's own context (ex2's pool, or ex1's for an I/O-executor fixture) from running
// out of work while a rule has work queued elsewhere that will give it some later (the
// fixture's hold_work(), for fixtures that need it), until release().
template <class Guard>
class held_work {
 public:
  explicit held_work(Guard guard) : guard_(std::move(guard)) {}
  void release() { guard_.reset(); }

 private:
  std::optional<Guard> guard_;
};

template <class Fixture>
auto hold_work(const Fixture& fixture) {
  if constexpr (requires { fixture.hold_work(); }) {
    return held_work(fixture.hold_work());
  } else {
    return held_work(0);
  }
}

// The I/O executor of `instance`'s operation, where a handler with no executor of its own runs:
// ctx's, or the instance's own for one whose I/O object lives on a context of its own
// (operations/operation.hpp's join() and get_executor()).
template <class Instance>
auto io_executor_of(const Instance& instance, net::io_context& ctx) {
  if constexpr (requires { instance.get_executor(); }) {
    return instance.get_executor();
  } else {
    return ctx.get_executor();
  }
}

// Whether the calling thread runs ex2's functions, for a handler bound by `fixture` to the
// operation of `instance`: with `io` the handler has no executor of its own and ex2 is the
// operation's I/O executor, which is not ctx's for an instance whose I/O object lives on a
// context of its own (operations/operation.hpp's join() and get_executor()).
template <class Fixture, class Instance>
bool running_on_ex2(const Fixture& fixture, const Instance& instance) {
  if constexpr (std::is_same_v<Fixture, io> && requires { instance.get_executor(); }) {
    return instance.get_executor().running_in_this_thread();
  } else {
    return fixture.running_on_it();
  }
}

// Every fixture the target supports.
using all = concatenated_t<operation_list<io, strand, other_context>, library_recording, thread_pool_if_declared,
                           executor_roles::as_ex2>;

// The fixtures whose ex2 runs its functions on the rule's own thread, one after the other, so
// that "the next function run on ex2" starts only once the handler's call, and everything the
// operation does around it, is over: all but the pool ones (on a pool, even a strand's next
// function can start on another thread while the previous one's objects are being destroyed).
using single_threaded = concatenated_t<operation_list<io, strand, other_context>, library_recording>;

// Fixtures whose ex2 is not ex1.
using distinct = concatenated_t<operation_list<strand, other_context>, library_recording, thread_pool_if_declared,
                                executor_roles::as_ex2>;

}  // namespace conformance::handler_executors
