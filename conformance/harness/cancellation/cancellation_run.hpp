// One pending operation (operations::cancellable, or a rule's own descriptor)
// on a context of its own, started with a probe handler whose associated
// cancellation slot is a signal's: what the rules about per-operation
// cancellation ([asio.cancellation.*]) drive.
//
//   cancellation_run<Op> run;
//   run.start();
//   run.emit(net::cancellation_type::partial);
//   EXPECT_TRUE(run.completes()) << ...;
//   EXPECT_TRUE(run.received_cancellation()) << run.received();
//   run.finish();
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "conformance/harness/probes/probe_handler.hpp"
#include "conformance/harness/running.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance {

#if CONFORMANCE_HAS_CANCELLATION
// That an operation did not complete can only be seen over some time: it is run
// this long. A completion it should not have made would be a ready handler,
// which this runs on any machine; a loaded machine can only hide such a fault,
// never invent one.
inline constexpr std::chrono::milliseconds not_completed_within{50};

template <class Op>
class cancellation_run {
 public:
  cancellation_run() : instance_(ctx_) {}
  cancellation_run(const cancellation_run&) = delete;
  cancellation_run& operator=(const cancellation_run&) = delete;
  ~cancellation_run() { finish(); }

  // Starts the operation; its handler's associated cancellation slot is the
  // signal's.
  void start() {
    start_with([this](auto handler) { return std::move(handler).with_cancellation_slot(signal_.slot()); });
  }

  // Starts the operation with wrap(probe handler) as its completion handler.
  template <class Wrap>
  void start_with(Wrap wrap) {
    initiate_guarded(instance_, wrap(probe_handler(record_)));
  }

  void emit(net::cancellation_type_t type) { signal_.emit(type); }
  net::cancellation_signal& signal() { return signal_; }

  // Starts the operation again on the same I/O object, with a probe handler of
  // its own and no cancellation slot; returns that handler's record.
  std::shared_ptr<probe_record> start_another() {
    auto another = std::make_shared<probe_record>();
    initiate_guarded(instance_, probe_handler(another));
    return another;
  }

  // Runs the context for not_completed_within: whether the handler has still
  // not been called.
  bool stays_pending() { return stays_pending(*record_); }
  bool stays_pending(const probe_record& record) {
    ctx_.restart();
    ctx_.run_for(not_completed_within);
    return record.invocations() == 0;
  }

  // Runs the context until the handler has been called, for at most
  // run_time_limit: whether it was.
  bool completes() { return completes(*record_); }
  bool completes(const probe_record& record) {
    return poll_until(ctx_, [&record] { return record.invocations() > 0; });
  }

  // Whether the handler received what the descriptor says a cancelled operation
  // gives (operation_aborted; for a transfer, no bytes).
  bool received_cancellation() const { return received(instance_.expected()); }
  bool received(const operations::expectation& expected) const { return expected.accepts(received_outcome(*record_)); }
  std::string received() const { return received_instead_of(instance_.expected()); }
  std::string received_instead_of(const operations::expectation& expected) const {
    return "the handler received " + std::string(operations::describe(received_outcome(*record_))) + ", expected " +
           expected.description();
  }

  // Ends the run whatever the rule saw: cancels whatever is still outstanding
  // on the I/O object and runs the context out. The destructor calls it too.
  void finish() {
    if (finished_) return;
    finished_ = true;
    instance_.cancel();
    run_bounded(ctx_, std::string(Op::name) + ", cancelled through its I/O object", instance_);
  }

  typename Op::instance& instance() { return instance_; }
  const probe_record& record() const { return *record_; }
  int invocations() const { return record_->invocations(); }

 private:
  // Declared first, destroyed last: the operation's cancellation handler lives
  // in its state.
  net::cancellation_signal signal_;
  net::io_context ctx_;
  typename Op::instance instance_;
  std::shared_ptr<probe_record> record_ = std::make_shared<probe_record>();
  bool finished_ = false;
};
#endif

}  // namespace conformance
