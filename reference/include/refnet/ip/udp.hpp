// [internet.udp] ip::udp: endpoint and socket types of the UDP protocol.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include "refnet/basic_datagram_socket.hpp"
#include "refnet/ip/basic_endpoint.hpp"
#include "refnet/ip/basic_resolver.hpp"

namespace refnet::ip {

class udp {
 public:
  using endpoint = basic_endpoint<udp>;
  using resolver = basic_resolver<udp>;
  using socket = basic_datagram_socket<udp>;

  constexpr udp() noexcept : family_(AF_INET) {}  // refnet: IPv4 unless told otherwise

  static constexpr udp v4() noexcept { return udp(AF_INET); }
  static constexpr udp v6() noexcept { return udp(AF_INET6); }

  constexpr int family() const noexcept { return family_; }
  constexpr int type() const noexcept { return SOCK_DGRAM; }
  constexpr int protocol() const noexcept { return IPPROTO_UDP; }

  friend constexpr bool operator==(const udp& a, const udp& b) noexcept { return a.family_ == b.family_; }
  friend constexpr bool operator!=(const udp& a, const udp& b) noexcept { return a.family_ != b.family_; }

 private:
  constexpr explicit udp(int family) noexcept : family_(family) {}
  int family_;
};

}  // namespace refnet::ip
