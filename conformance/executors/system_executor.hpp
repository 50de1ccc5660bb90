// Subject: system_executor, whose functions run on the system context's threads (dispatch runs
// them in the caller, [async.system.exec.ops]). It counts no work, so it has no run().
#pragma once

#include <string_view>

#include "conformance/executors/subject.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::executors {

struct system_executor {
  static constexpr std::string_view name = "system_executor";
  static constexpr executor_traits traits{
      .ts_members = CONFORMANCE_HAS_TS_EXECUTORS != 0,
      .standard_properties = CONFORMANCE_HAS_STANDARD_EXECUTORS != 0,
      .dispatch = inline_dispatch::anywhere,
      .instance_owns_context = false,
  };

  class instance {
   public:
    using executor_type = net::system_executor;
    executor_type executor() { return executor_type(); }
    auto& context() { return executor_type().context(); }
    template <class Done>
    bool run_until(Done done) {
      return wait_until(done);
    }
  };
};

}  // namespace conformance::executors
