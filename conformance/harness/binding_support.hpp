// Helpers a binding header may use to describe its library.
#pragma once

#include <string>

namespace conformance {

// Asio encodes its version as MMmmpp (major, minor, patch): 102201 is 1.22.1.
inline std::string asio_version_string(long encoded) {
  return std::to_string(encoded / 100000) + "." + std::to_string(encoded / 100 % 1000) + "." +
         std::to_string(encoded % 100);
}

}  // namespace conformance
