// Operation descriptors for basic_signal_set::async_wait on a set holding SIGUSR1: the signal is
// raised right after initiation, or never (outstanding until cancelled). Each can be built on a
// chosen I/O executor (instance_on): the signal set on it.
//
// Signals are process-wide: the instance raises SIGUSR1 only while its set holds it (so the
// library's handler, not the default action, receives it), and a library that leaves the
// signal's disposition changed after the set is gone affects only later raises, which the suite
// makes none of.
#pragma once

#include <csignal>
#include <string_view>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// The signal set type on a chosen I/O executor.
template <class Executor>
using signal_set_on = net::basic_signal_set<Executor>;

// A descriptor's instance and instance_on for a run over a signal set type.
template <template <class> class Run>
using on_signal_sets = runs_on_any_executor<Run, net::signal_set, signal_set_on>;

namespace detail {

template <class SignalSet>
class raised_signal_wait {
 public:
  template <class... On>
  explicit raised_signal_wait(net::io_context& ctx, const On&... ex1) : signals_(io_object_on(ctx, ex1...)) {
    signals_.add(SIGUSR1);
  }

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    const after_return raise_signal([] { std::raise(SIGUSR1); });
    return signals_.async_wait(std::forward<Token>(token));
  }

  expectation expected() const {
    return expect_values<target::error_code, int>(
        "success and SIGUSR1's number", [](const target::error_code& e, int number) { return !e && number == SIGUSR1; });
  }

 private:
  SignalSet signals_;
};

template <class SignalSet>
class unraised_signal_wait {
 public:
  template <class... On>
  explicit unraised_signal_wait(net::io_context& ctx, const On&... ex1) : signals_(io_object_on(ctx, ex1...)) {
    signals_.add(SIGUSR1);
  }

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return signals_.async_wait(std::forward<Token>(token));
  }

  expectation expected() const {
    return expect_values<target::error_code, int>(
        "operation_aborted", [](const target::error_code& e, int) { return e == net::error::operation_aborted; });
  }
  void cancel() { signals_.cancel(); }

 private:
  SignalSet signals_;
};

}  // namespace detail

// SIGUSR1 is raised right after initiation: the wait completes later with its number.
struct signal_set_async_wait_raised : on_signal_sets<detail::raised_signal_wait> {
  static constexpr std::string_view name = "signal_set.async_wait.raised";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, int);
};

// No signal: outstanding until cancelled (operation_aborted).
struct signal_set_async_wait_pending : on_signal_sets<detail::unraised_signal_wait> {
  static constexpr std::string_view name = "signal_set.async_wait.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code, int);
};

}  // namespace conformance::operations
