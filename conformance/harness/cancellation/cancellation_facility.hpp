// The library's per-operation cancellation facility (cancellation_signal,
// cancellation_slot, cancellation_type) as the one case of the rules about it:
// registry "subjects": "library", case "<rule> @ cancellation". A rule reaches
// the names through the case's type, so that a name the library lacks makes
// that case alone a COMPILE_FAIL. A library that does not declare
// CONFORMANCE_HAS_CANCELLATION has no case (registry "requires":
// ["cancellation"]).
#pragma once

#include <string_view>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::facilities {

#if CONFORMANCE_HAS_CANCELLATION
struct cancellation_facility {
  static constexpr std::string_view name = "cancellation";
  using signal = net::cancellation_signal;
  using slot = net::cancellation_slot;
  using type = net::cancellation_type;
  using type_t = net::cancellation_type_t;
};

using cancellation = operation_list<cancellation_facility>;
#else
using cancellation = operation_list<>;
#endif

}  // namespace conformance::facilities
