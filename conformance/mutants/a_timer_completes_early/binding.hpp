// Mutant binding: the reference implementation, except that a steady_timer wait of less than a
// second completes at once, before the timer's expiry time has been reached.
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>
#include <chrono>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_timer_completes_early {

using namespace ::refnet;

class steady_timer : public ::refnet::steady_timer {
 public:
  using ::refnet::steady_timer::basic_waitable_timer;
  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    if (expiry() - clock_type::now() < std::chrono::seconds(1)) {
      // Deliberately wrong: the handler gets success from a timer that is already due.
      early_.expires_at(clock_type::now());
      return early_.async_wait(std::forward<Token>(token));
    }
    return steady_timer_base().async_wait(std::forward<Token>(token));
  }

 private:
  ::refnet::steady_timer& steady_timer_base() { return *this; }
  ::refnet::steady_timer early_{get_executor()};
};

}  // namespace conformance::mutant_timer_completes_early

namespace conformance::target {

namespace net = ::conformance::mutant_timer_completes_early;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.a-timer-completes-early";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet (reference) with a steady_timer whose short waits complete before the expiry time"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
