// Subject: the executor of an io_context, run from the calling thread.
#pragma once

#include <string_view>

#include "conformance/executors/shutdownable.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::executors {

struct io_context_executor {
  static constexpr std::string_view name = "io_context.executor";
  static constexpr executor_traits traits{
      .ts_members = CONFORMANCE_HAS_TS_EXECUTORS != 0,
      .standard_properties = CONFORMANCE_HAS_STANDARD_EXECUTORS != 0,
      .dispatch = inline_dispatch::inside_its_functions,
  };

  class instance {
   public:
    using executor_type = net::io_context::executor_type;
    executor_type executor() { return context_.get_executor(); }
    executor_type other_executor() { return other_.get_executor(); }
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
};

}  // namespace conformance::executors
