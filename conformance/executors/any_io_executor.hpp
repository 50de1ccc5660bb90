// Subject: any_io_executor (Asio's type-erased standard executor) wrapping an io_context's
// executor. It has the standard executor properties, not the TS members.
#pragma once

#include <string_view>

#include "conformance/executors/on_io_context.hpp"
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

  struct make {
    auto operator()(net::io_context& context) const { return net::any_io_executor(context.get_executor()); }
  };
  using instance = on_io_context<make>;
};
#endif

}  // namespace conformance::executors
