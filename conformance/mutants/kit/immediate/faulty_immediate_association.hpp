// get_associated_immediate_executor (and the associated_immediate_executor_t it goes with) with
// one planted fault, over the base's trait. `sound_association` is the base's behaviour; each
// fault in immediate_association_faults turns one `planted_` switch on.
#pragma once

#include <utility>

#include "conformance/mutants/kit/immediate/base.hpp"

namespace conformance::kit {

struct sound_association {
  static constexpr bool planted_default_may_block = false;
  static constexpr bool planted_handler_own_ignored = false;
};

namespace immediate_association_faults {
struct default_may_block : sound_association {
  static constexpr bool planted_default_may_block = true;
};
struct handler_own_ignored : sound_association {
  static constexpr bool planted_handler_own_ignored = true;
};
}  // namespace immediate_association_faults

template <class Fault, class Handler, class IoExecutor>
auto faulty_associated_immediate_executor(const Handler& handler, const IoExecutor& io_executor) {
  constexpr bool own = requires { typename Handler::immediate_executor_type; };
  if constexpr (Fault::planted_handler_own_ignored || (Fault::planted_default_may_block && !own)) {
    // The handler's own is ignored; or, with none, ex1 as it is, which may run inline.
    if constexpr (Fault::planted_default_may_block) {
      return io_executor;
    } else {
      return lib::require(io_executor, lib::execution::blocking.never);
    }
  } else {
    return lib::get_associated_immediate_executor(handler, io_executor);
  }
}

}  // namespace conformance::kit
