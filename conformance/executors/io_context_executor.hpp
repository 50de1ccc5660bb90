// Subject: the executor of an io_context, run from the calling thread.
#pragma once

#include <string_view>

#include "conformance/executors/on_io_context.hpp"
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

  struct make {
    auto operator()(net::io_context& context) const { return context.get_executor(); }
  };
  using instance = on_io_context<make>;
};

}  // namespace conformance::executors
