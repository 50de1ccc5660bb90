// Mechanics: signal delivery for signal_set. One process-wide registry installs a handler for
// each signal some set waits for; the handler writes the signal's number into a pipe, and a
// private thread reads the pipe and hands each number to every signal_set service (one per
// execution context) under the registry's mutex. A service completes a waiting operation of
// each set that has the signal, or keeps the signal pending in the set for its next wait.
#pragma once

#include <csignal>
#include <cstddef>
#include <deque>

#include "refnet/cancellation_type.hpp"
#include "refnet/detail/reactor_op.hpp"
#include "refnet/detail/scheduler.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"

namespace refnet::detail {

class signal_service final : public execution_context::service {
 public:
  using key_type = signal_service;

  // The state of one signal_set.
  class implementation {
   private:
    friend class signal_service;
    bool registered_[NSIG] = {};
    std::deque<int> pending_;          // signals delivered while no operation waited
    op_queue<reactor_op> waiting_;     // operations waiting, oldest first
    implementation* next_ = nullptr;   // in the service's list
    implementation* prev_ = nullptr;
  };

  explicit signal_service(execution_context& ctx);
  ~signal_service() override;

  void construct(implementation& impl);
  // Unregisters every signal and abandons waiting operations with operation_aborted.
  void destroy(implementation& impl);

  error_code add(implementation& impl, int signal_number);
  error_code remove(implementation& impl, int signal_number);
  error_code clear(implementation& impl);
  // Completes every waiting operation with operation_aborted.
  void cancel(implementation& impl);
  // Completes the waiting operation identified by `key` with operation_aborted.
  void cancel_by_key(implementation& impl, const void* key);

  // Starts waiting; true when a pending signal finished `op` at once (the caller then completes
  // it as an immediate completion), false when it now waits (and counts as outstanding work).
  bool start_wait(implementation& impl, reactor_op* op);

  // Called with the registry locked, by the delivery thread.
  void deliver(int signal_number);

 private:
  void shutdown() override;

  scheduler& scheduler_;
  implementation* sets_ = nullptr;
  bool shutdown_ = false;
};

// Per-operation cancellation of a signal wait (terminal, partial and total).
class signal_wait_cancellation {
 public:
  signal_wait_cancellation(signal_service& service, signal_service::implementation& impl) noexcept
      : service_(&service), impl_(&impl) {}

  void operator()(cancellation_type_t type) {
    if ((type & (cancellation_type::terminal | cancellation_type::partial | cancellation_type::total)) !=
        cancellation_type::none)
      service_->cancel_by_key(*impl_, this);
  }

 private:
  signal_service* service_;
  signal_service::implementation* impl_;
};

}  // namespace refnet::detail
