// Checks shared by the rules of the strand's constructors and assignments ([async.strand.cons],
// [async.strand.assign]).
#pragma once

#include <memory>

#include "conformance/harness/running.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance {

// Whether `other` reports running in this thread from inside a function of `strand` (on ctx):
// whether two strands of different inner executor types, which do not compare, share one
// ordered state.
template <class Strand, class Other>
bool shares_state(net::io_context& ctx, const Strand& strand, const Other& other) {
  bool inside = false;
  strand.post([&] { inside = other.running_in_this_thread(); }, std::allocator<void>());
  run_bounded(ctx, "a function of a strand");
  ctx.restart();
  return inside;
}

}  // namespace conformance
