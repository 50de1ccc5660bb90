// A binding whose library describes itself with markup, quotes, ampersands, a newline and a
// byte that is not UTF-8: the report files must carry all of it as text (report end-to-end test).
#pragma once

#include <refnet/net.hpp>
#include <string>
#include <string_view>

namespace conformance::target {

namespace net = ::refnet;
using error_code = ::refnet::error_code;

inline constexpr std::string_view edition = "ts-n4771";
inline std::string library_description() {
  return "refnet <script>alert(\"library\")</script> & 'quoted'\nsecond line \xff";
}

}  // namespace conformance::target

#define CONFORMANCE_CONTRACT_VERSION 2  // docs/adapters.md
#define CONFORMANCE_HAS_TS_EXECUTORS 1
#define CONFORMANCE_HAS_CANCELLATION 1
#define CONFORMANCE_HAS_BIND_ALLOCATOR 1
