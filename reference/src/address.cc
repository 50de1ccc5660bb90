#include "refnet/ip/address.hpp"

#include <arpa/inet.h>

#include <stdexcept>

namespace refnet::ip {

std::string address_v4::to_string() const {
  char text[INET_ADDRSTRLEN] = {};
  const auto bytes = to_bytes();
  ::inet_ntop(AF_INET, bytes.data(), text, sizeof text);
  return text;
}

std::string address_v6::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  const auto bytes = to_bytes();
  ::inet_ntop(AF_INET6, bytes.data(), text, sizeof text);
  std::string result = text;
  if (scope_id() != 0) result += "%" + std::to_string(scope_id());
  return result;
}

address_v4 address::to_v4() const {
  if (!is_v4()) throw std::bad_cast();
  return v4_;
}

address_v6 address::to_v6() const {
  if (!is_v6()) throw std::bad_cast();
  return v6_;
}

address_v4 make_address_v4(const char* str, error_code& ec) noexcept {
  address_v4::bytes_type bytes{};
  if (::inet_pton(AF_INET, str, bytes.data()) != 1) {
    ec = make_error_code(error::invalid_argument);
    return address_v4();
  }
  ec.clear();
  return address_v4(bytes);
}

address_v4 make_address_v4(const char* str) {
  error_code ec;
  address_v4 a = make_address_v4(str, ec);
  if (ec) throw system_error(ec, "make_address_v4");
  return a;
}

address_v6 make_address_v6(const char* str, error_code& ec) noexcept {
  address_v6::bytes_type bytes{};
  if (::inet_pton(AF_INET6, str, bytes.data()) != 1) {
    ec = make_error_code(error::invalid_argument);
    return address_v6();
  }
  ec.clear();
  return address_v6(bytes);
}

address_v6 make_address_v6(const char* str) {
  error_code ec;
  address_v6 a = make_address_v6(str, ec);
  if (ec) throw system_error(ec, "make_address_v6");
  return a;
}

address make_address(const char* str, error_code& ec) noexcept {
  address_v4 v4 = make_address_v4(str, ec);
  if (!ec) return v4;
  address_v6 v6 = make_address_v6(str, ec);
  if (!ec) return v6;
  return address();
}

address make_address(const char* str) {
  error_code ec;
  address a = make_address(str, ec);
  if (ec) throw system_error(ec, "make_address");
  return a;
}

std::ostream& operator<<(std::ostream& os, const address_v4& a) { return os << a.to_string(); }
std::ostream& operator<<(std::ostream& os, const address_v6& a) { return os << a.to_string(); }
std::ostream& operator<<(std::ostream& os, const address& a) { return os << a.to_string(); }

}  // namespace refnet::ip
