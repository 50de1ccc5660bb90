// The instance of a subject whose executors are made from an io_context run from the calling
// thread (conformance/executors/subject.hpp): Make turns an io_context into the executor under
// test, and a second io_context gives other_executor().
#pragma once

#include <utility>

#include "conformance/executors/shutdownable.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::executors {

template <class Make>
class on_io_context {
 public:
  using executor_type = decltype(Make{}(std::declval<net::io_context&>()));
  executor_type executor() { return Make{}(context_); }
  executor_type other_executor() { return Make{}(other_); }
  net::io_context& context() { return context_; }
  template <class Done>
  bool run_until(Done done) {
    return run_context_until(context_, done);
  }
  void run() { context_.run(); }
  void shutdown_context() { context_.shut_down(); }

 private:
  shutdownable<net::io_context> context_;
  net::io_context other_;
};

}  // namespace conformance::executors
