// Subject: the polymorphic executor ([async.executor]) wrapping an io_context's executor.
#pragma once

#include <string_view>

#include "conformance/executors/on_io_context.hpp"
#include "conformance/executors/subject.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::executors {

#if CONFORMANCE_HAS_TS_EXECUTORS
struct polymorphic_executor {
  static constexpr std::string_view name = "executor";
  static constexpr executor_traits traits{
      .ts_members = true,
      .standard_properties = false,
      .dispatch = inline_dispatch::inside_its_functions,
  };

  struct make {
    auto operator()(net::io_context& context) const { return net::executor(context.get_executor()); }
  };
  using instance = on_io_context<make>;
};
#endif

}  // namespace conformance::executors
