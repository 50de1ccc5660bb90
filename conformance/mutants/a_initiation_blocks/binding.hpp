// Mutant binding: the reference implementation, except that steady_timer::async_wait blocks the
// caller until the expiry time (at most 3 s) before it starts the operation.
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>
#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include "conformance/harness/binding_support.hpp"

namespace conformance::mutant_initiation_blocks {

using namespace ::refnet;

class steady_timer : public ::refnet::steady_timer {
 public:
  using ::refnet::steady_timer::basic_waitable_timer;
  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    // Deliberately wrong: the initiating function waits for the operation's expiry.
    std::this_thread::sleep_until(std::min(expiry(), clock_type::now() + std::chrono::seconds(3)));
    return steady_timer_base().async_wait(std::forward<Token>(token));
  }

 private:
  ::refnet::steady_timer& steady_timer_base() { return *this; }
};

}  // namespace conformance::mutant_initiation_blocks

namespace conformance::target {

namespace net = ::conformance::mutant_initiation_blocks;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.a-initiation-blocks";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet (reference) with a steady_timer whose async_wait waits for the expiry (up to 3 s) before returning"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
