// The operation descriptor contract: how a rule starts one async operation.
//
// A descriptor is a default-constructible struct with
//   static constexpr std::string_view name;      // stable, e.g. "steady_timer.async_wait"
//   static constexpr completion completes;       // how it finishes once started (below)
//   using signature = void(...);                  // its completion signature
//   class instance {                              // the I/O objects of one run
//    public:
//     explicit instance(net::io_context& ctx);   // ex1 is ctx.get_executor()
//     template <class Token>
//     decltype(auto) initiate(Token&& token);     // starts the operation, exactly once
//   };
// After initiate() and ctx.run(), an operation whose `completes` is not `never` has
// invoked its handler, within a bounded time and without any other help from the rule.
// Rules apply themselves to every descriptor in a list (operations/all.hpp) for which
// they are meaningful, selecting by `completes` and by the signature.
#pragma once

#include <concepts>
#include <string_view>

#include "conformance/harness/target_description.hpp"

namespace conformance::operations {

enum class completion {
  later,             // never inside the initiating function (a timer, a pending read)
  immediately,       // always inside it (e.g. a read on a closed socket)
  may_be_immediate,  // either, depending on the library (e.g. a write with buffer space)
  never,             // stays outstanding until cancelled or the context is stopped
};

template <class Op>
concept descriptor = requires {
  { Op::name } -> std::convertible_to<std::string_view>;
  { Op::completes } -> std::convertible_to<completion>;
  typename Op::signature;
  typename Op::instance;
} && std::constructible_from<typename Op::instance, net::io_context&>;

}  // namespace conformance::operations
