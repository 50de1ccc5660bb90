// Probe (RX): a Networking-TS-style executor ([async.reqmts.executor]: context,
// on_work_started/finished, dispatch/post/defer, ==, !=) that wraps an inner executor: an
// io_context's (recording_ts_executor), or a thread_pool's or a strand's over one (the I/O
// executors of io_executors.hpp that run on threads of their own).
// Every copy shares one executor_log; each member call is logged (member, counting-allocator
// identity, calling thread, whether an initiation_guard is active, outstanding work) and then
// forwarded to the inner executor, so functions really run on its context (dispatch runs
// inline on a thread running it) and work counts keep the context's run() going.
//
// Use it as a handler's associated executor (net::bind_executor(rx, handler)) or call
// net::post(rx, f) etc., then read rx.log(): which member a completion went through
// ([async.reqmts.async.completion] p3), whether work was held until completion
// ([async.reqmts.async.work]) and which allocator came with it ([async.reqmts.async.alloc]).
#pragma once

#include <concepts>
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/probes/counting_allocator.hpp"
#include "conformance/harness/probes/executor_log.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {

// Not final: Asio detects TS executors by deriving from the type.
template <class Inner>
class basic_recording_ts_executor {
 public:
  using inner_executor = Inner;

  basic_recording_ts_executor(const inner_executor& inner, std::shared_ptr<executor_log> log) noexcept
      : inner_(inner), log_(std::move(log)) {}

  // A fresh log, on `inner`.
  explicit basic_recording_ts_executor(const inner_executor& inner)
      : basic_recording_ts_executor(inner, std::make_shared<executor_log>()) {}

  // A fresh log, on ctx's executor. (Not on an executor whose class name is injected as its own
  // executor_type: the constraint asks for get_executor().)
  template <class Context>
    requires requires(Context& ctx) {
      { ctx.get_executor() } -> std::same_as<inner_executor>;
    }
  explicit basic_recording_ts_executor(Context& ctx) : basic_recording_ts_executor(ctx.get_executor()) {}

  decltype(auto) context() const noexcept { return inner_.context(); }

  void on_work_started() const noexcept {
    log_->note_work_started();
    inner_.on_work_started();
  }

  // An unbalanced finish is recorded and not forwarded: passing it on would underflow the
  // io_context's work count and leave run() unable to return.
  void on_work_finished() const noexcept {
    if (log_->note_work_finished()) inner_.on_work_finished();
  }

  template <class Function, class ProtoAllocator>
  void dispatch(Function&& f, const ProtoAllocator& a) const {
    log_->record(submission_member::dispatch, blocking_value::possibly, relationship_value::fork,
                 work_value::untracked, counting_log_of(a));
    inner_.dispatch(std::forward<Function>(f), a);
  }

  template <class Function, class ProtoAllocator>
  void post(Function&& f, const ProtoAllocator& a) const {
    log_->record(submission_member::post, blocking_value::never, relationship_value::fork, work_value::untracked,
                 counting_log_of(a));
    inner_.post(std::forward<Function>(f), a);
  }

  template <class Function, class ProtoAllocator>
  void defer(Function&& f, const ProtoAllocator& a) const {
    log_->record(submission_member::defer, blocking_value::never, relationship_value::continuation,
                 work_value::untracked, counting_log_of(a));
    inner_.defer(std::forward<Function>(f), a);
  }

  executor_log& log() const noexcept { return *log_; }
  const std::shared_ptr<executor_log>& shared_log() const noexcept { return log_; }
  const inner_executor& inner() const noexcept { return inner_; }

  friend bool operator==(const basic_recording_ts_executor& a, const basic_recording_ts_executor& b) noexcept {
    return a.log_ == b.log_ && a.inner_ == b.inner_;
  }
  friend bool operator!=(const basic_recording_ts_executor& a, const basic_recording_ts_executor& b) noexcept {
    return !(a == b);
  }

 private:
  inner_executor inner_;
  std::shared_ptr<executor_log> log_;
};

using recording_ts_executor = basic_recording_ts_executor<net::io_context::executor_type>;

}  // namespace conformance
