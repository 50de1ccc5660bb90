// A target operation whose name holds markup, quotes and an ampersand, and which never compiles:
// its static_assert puts hostile text into the compiler's first error, and so into the
// COMPILE_FAIL messages of every case that uses it (report end-to-end test).
#pragma once

#include <string_view>

#include "conformance/harness/operation_list.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::target_operations {

template <class>
inline constexpr bool never = false;

struct hostile_name {
  static constexpr std::string_view name = "hostile<b>&\"'";
  static constexpr operations::completion completes = operations::completion::never;
  using signature = void(target::error_code);

  class instance {
   public:
    explicit instance(net::io_context&) {}

    template <class Token>
    void initiate(Token&&) {
      static_assert(never<Token>, "<script>alert(\"message\")</script> & 'quoted' \xff");
    }

    operations::expectation expected() const { return {}; }
    void cancel() {}
  };
};

using all = operation_list<hostile_name>;

}  // namespace conformance::target_operations
