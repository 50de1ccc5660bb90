// Threads that run an io_context for the whole of a scenario: the work guard keeps run() from
// returning between timed iterations, and destruction releases it and joins the threads.
#pragma once

#include <cstddef>
#include <optional>
#include <thread>
#include <vector>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)

namespace bench {

class context_threads {
 public:
  using io_context = conformance::target::net::io_context;

  context_threads(io_context& ctx, std::size_t count) : guard_(ctx.get_executor()) {
    for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([&ctx] { ctx.run(); });
  }
  context_threads(const context_threads&) = delete;
  context_threads& operator=(const context_threads&) = delete;
  ~context_threads() { guard_.reset(); }  // then the jthreads join

 private:
  std::optional<conformance::target::net::executor_work_guard<io_context::executor_type>> guard_;
  std::vector<std::jthread> threads_;
};

}  // namespace bench
