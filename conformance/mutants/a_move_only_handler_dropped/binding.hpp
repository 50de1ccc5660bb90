// Mutant binding: the reference implementation, except that steady_timer::async_wait destroys a
// handler that cannot be copied without ever invoking it (the operation is never started).
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_move_only_handler_dropped {

using namespace ::refnet;

class steady_timer : public ::refnet::steady_timer {
 public:
  using ::refnet::steady_timer::basic_waitable_timer;
  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    if constexpr (std::is_copy_constructible_v<std::decay_t<Token>>) {
      return steady_timer_base().async_wait(std::forward<Token>(token));
    } else {
      // Deliberately wrong: a move-only handler is destroyed here, never invoked.
      const std::decay_t<Token> dropped(std::forward<Token>(token));
    }
  }

 private:
  ::refnet::steady_timer& steady_timer_base() { return *this; }
};

}  // namespace conformance::mutant_move_only_handler_dropped

namespace conformance::target {

namespace net = ::conformance::mutant_move_only_handler_dropped;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.a-move-only-handler-dropped";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet (reference) with a steady_timer that drops handlers it cannot copy"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
