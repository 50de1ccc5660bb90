// Mutant binding: the reference implementation, except that steady_timer::async_wait keeps a copy
// of every copyable handler in memory that is never freed.
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/binding_support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace conformance::mutant_handler_copy_leaked {

using namespace ::refnet;

class steady_timer : public ::refnet::steady_timer {
 public:
  using ::refnet::steady_timer::basic_waitable_timer;
  template <class Token>
  decltype(auto) async_wait(Token&& token) {
    if constexpr (std::is_copy_constructible_v<std::decay_t<Token>>) {
      // Deliberately wrong: this copy of the handler is never destroyed.
      [[maybe_unused]] const auto* leaked = std::make_unique<std::decay_t<Token>>(token).release();
#if defined(__SANITIZE_ADDRESS__)
      // The leak is the fault the rules must find themselves; under --config=asan,
      // LeakSanitizer would otherwise end every case of this mutant as a CRASH.
      __lsan_ignore_object(leaked);
#endif
    }
    return steady_timer_base().async_wait(std::forward<Token>(token));
  }

 private:
  ::refnet::steady_timer& steady_timer_base() { return *this; }
};

}  // namespace conformance::mutant_handler_copy_leaked

namespace conformance::target {

namespace net = ::conformance::mutant_handler_copy_leaked;
using error_code = ::refnet::error_code;

inline constexpr std::string_view name = "mutant.a-handler-copy-leaked";
inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() { return "refnet (reference) with a steady_timer that leaks a copy of each copyable handler"; }

}  // namespace conformance::target

#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
