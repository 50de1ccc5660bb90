// [internet.endpoint] ip::basic_endpoint.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <ostream>

#include "refnet/ip/address.hpp"

namespace refnet::ip {

template <class InternetProtocol>
class basic_endpoint {
 public:
  using protocol_type = InternetProtocol;

  basic_endpoint() noexcept : basic_endpoint(protocol_type::v4(), 0) {}

  basic_endpoint(const protocol_type& proto, unsigned short port_num) noexcept {
    std::memset(&data_, 0, sizeof data_);
    if (proto.family() == AF_INET6) {
      data_.v6.sin6_family = AF_INET6;
      data_.v6.sin6_port = htons(port_num);
    } else {
      data_.v4.sin_family = AF_INET;
      data_.v4.sin_port = htons(port_num);
    }
  }

  basic_endpoint(const ip::address& addr, unsigned short port_num) noexcept {
    std::memset(&data_, 0, sizeof data_);
    if (addr.is_v6()) {
      const auto v6 = addr.to_v6();
      const auto bytes = v6.to_bytes();
      data_.v6.sin6_family = AF_INET6;
      data_.v6.sin6_port = htons(port_num);
      std::memcpy(&data_.v6.sin6_addr, bytes.data(), bytes.size());
      data_.v6.sin6_scope_id = v6.scope_id();
    } else {
      const auto bytes = addr.to_v4().to_bytes();
      data_.v4.sin_family = AF_INET;
      data_.v4.sin_port = htons(port_num);
      std::memcpy(&data_.v4.sin_addr, bytes.data(), bytes.size());
    }
  }

  protocol_type protocol() const noexcept { return is_v4() ? protocol_type::v4() : protocol_type::v6(); }

  ip::address address() const noexcept {
    if (is_v4()) {
      address_v4::bytes_type bytes;
      std::memcpy(bytes.data(), &data_.v4.sin_addr, bytes.size());
      return address_v4(bytes);
    }
    address_v6::bytes_type bytes;
    std::memcpy(bytes.data(), &data_.v6.sin6_addr, bytes.size());
    return address_v6(bytes, data_.v6.sin6_scope_id);
  }

  void address(const ip::address& addr) noexcept { *this = basic_endpoint(addr, port()); }

  unsigned short port() const noexcept { return ntohs(is_v4() ? data_.v4.sin_port : data_.v6.sin6_port); }
  void port(unsigned short port_num) noexcept {
    if (is_v4()) data_.v4.sin_port = htons(port_num); else data_.v6.sin6_port = htons(port_num);
  }

  sockaddr* data() noexcept { return &data_.base; }
  const sockaddr* data() const noexcept { return &data_.base; }
  std::size_t size() const noexcept { return is_v4() ? sizeof(sockaddr_in) : sizeof(sockaddr_in6); }
  std::size_t capacity() const noexcept { return sizeof data_; }
  void resize(std::size_t) noexcept {}

  friend bool operator==(const basic_endpoint& a, const basic_endpoint& b) noexcept {
    return a.address() == b.address() && a.port() == b.port();
  }
  friend bool operator!=(const basic_endpoint& a, const basic_endpoint& b) noexcept { return !(a == b); }
  friend bool operator<(const basic_endpoint& a, const basic_endpoint& b) noexcept {
    if (a.address() < b.address()) return true;
    if (b.address() < a.address()) return false;
    return a.port() < b.port();
  }
  friend std::ostream& operator<<(std::ostream& os, const basic_endpoint& e) {
    if (e.is_v4()) return os << e.address() << ':' << e.port();
    return os << '[' << e.address() << "]:" << e.port();
  }

 private:
  bool is_v4() const noexcept { return data_.base.sa_family == AF_INET; }

  union {
    sockaddr base;
    sockaddr_in v4;
    sockaddr_in6 v6;
  } data_;
};

}  // namespace refnet::ip
