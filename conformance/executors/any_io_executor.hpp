// Subject: any_io_executor (Asio's type-erased standard executor) wrapping an io_context's
// executor. It has the standard executor properties, not the TS members.
#pragma once

#include <string_view>

#include "conformance/executors/shutdownable.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::executors {

#if CONFORMANCE_HAS_STANDARD_EXECUTORS
struct any_io_executor {
  static constexpr std::string_view name = "any_io_executor";
  static constexpr executor_traits traits{
      .ts_members = false,
      .standard_properties = true,
      .dispatch = inline_dispatch::inside_its_functions,
  };

  class instance {
   public:
    using executor_type = net::any_io_executor;
    executor_type executor() { return executor_type(context_.get_executor()); }
    executor_type other_executor() { return executor_type(other_.get_executor()); }
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
#endif

}  // namespace conformance::executors
