// The I/O executor (ex1) as a dimension of the rules about what an operation does with it
// ([async.reqmts.async.io.exec] p2, [async.reqmts.async.work]): descriptors that offer
// instance_on<Executor> (operations/operation.hpp) are built with their I/O object on one of
// these recording executors, which log every submission and work count. Each declared
// executor model gets one over the rule's io_context and, with a thread pool, one over a
// thread_pool of one thread and one over a strand of that pool's executor: the I/O object
// then lives on a context that runs on a thread of its own.
//
// A fixture is built from the rule's io_context and offers:
//   name                 stable name, part of the case name
//   executor_type        ex1's type
//   make()               a recording executor with a fresh log, on the fixture's context
//   make_on(other)       one of the same executor model over another io_context
//   join()               (pool fixtures only) waits until the pool has run out of work; the
//                        rules pass the fixture to run_bounded (running.hpp), which does it
//   hold_work()          (pool fixtures only) a work guard that keeps the pool running
//   settle()             (pool fixtures only) waits until the pool's running function returned
#pragma once

#include <memory>
#include <string_view>

#include "conformance/harness/case_name.hpp"
#include "conformance/harness/executor_roles.hpp"
#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/probes/event.hpp"
#include "conformance/harness/probes/recording_ts_executor.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/harness/target_description.hpp"
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
#include "conformance/harness/probes/recording_std_executor.hpp"
#endif

namespace conformance::io_executors {

// Recording, one of the recording executor templates over an inner executor type.
template <template <class> class Recording, fixed_string Name>
class on_io_context {
 public:
  static constexpr std::string_view name = Name.view();
  using executor_type = Recording<net::io_context::executor_type>;
  explicit on_io_context(net::io_context& ctx) : ctx_(ctx) {}
  executor_type make() const { return executor_type(ctx_); }
  static executor_type make_on(net::io_context& other) { return executor_type(other); }

 private:
  net::io_context& ctx_;
};

#if CONFORMANCE_HAS_THREAD_POOL
// Inner: the pool's executor or a strand over it.
template <template <class> class Recording, class Inner, fixed_string Name>
class on_thread_pool {
 public:
  static constexpr std::string_view name = Name.view();
  using executor_type = Recording<Inner>;
  explicit on_thread_pool(net::io_context&) {}
  executor_type make() const { return executor_type(inner_); }
  static Recording<net::io_context::executor_type> make_on(net::io_context& other) {
    return Recording<net::io_context::executor_type>(other);
  }
  void join() { pool_.join(); }
  auto hold_work() const { return net::make_work_guard(inner_); }

  // Waits until the function the pool's thread is running, if any, has returned (a function
  // queued behind it has run), so that what it counted and released can be read settled.
  // Returns false if that did not happen within run_time_limit.
  bool settle() {
    const auto behind = std::make_shared<event>();
    net::post(pool_.get_executor(), [behind] { behind->notify(); });
    return behind->wait_for(run_time_limit);
  }

 private:
  // One thread: a function queued behind the running one runs only after it (settle()).
  net::thread_pool pool_{1};
  Inner inner_{pool_.get_executor()};
};

// One executor model's fixtures, named <Model>, <Model>-pool and <Model>-pool-strand.
template <template <class> class Recording, fixed_string Model>
using of_model = operation_list<
    on_io_context<Recording, Model>,
    on_thread_pool<Recording, net::thread_pool::executor_type, joined<Model, "-pool">()>,
    on_thread_pool<Recording, net::strand<net::thread_pool::executor_type>, joined<Model, "-pool-strand">()>>;
#else
template <template <class> class Recording, fixed_string Model>
using of_model = operation_list<on_io_context<Recording, Model>>;
#endif

// The recording executors of the executor models the binding declares (capabilities.hpp).
#if CONFORMANCE_HAS_TS_EXECUTORS
using recording_ts_if_declared = of_model<basic_recording_ts_executor, "recording-ts">;
#else
using recording_ts_if_declared = operation_list<>;
#endif
#if CONFORMANCE_HAS_STANDARD_EXECUTORS
template <class Inner>
using recording_std_on = recording_std_executor<std::allocator<void>, Inner>;
using recording_std_if_declared = of_model<recording_std_on, "recording-std">;
#else
using recording_std_if_declared = operation_list<>;
#endif

// With a third party's executors as ex1 in its conformance_executor target (executor_roles.hpp).
using all = concatenated_t<recording_ts_if_declared, recording_std_if_declared, executor_roles::as_ex1>;

}  // namespace conformance::io_executors
