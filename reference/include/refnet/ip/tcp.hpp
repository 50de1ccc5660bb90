// [internet.tcp] ip::tcp: endpoint, socket and acceptor types of the TCP protocol.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include "refnet/basic_socket_acceptor.hpp"
#include "refnet/basic_stream_socket.hpp"
#include "refnet/ip/basic_endpoint.hpp"
#include "refnet/ip/basic_resolver.hpp"

namespace refnet::ip {

class tcp {
 public:
  using endpoint = basic_endpoint<tcp>;
  using resolver = basic_resolver<tcp>;
  using socket = basic_stream_socket<tcp>;
  using acceptor = basic_socket_acceptor<tcp>;

  constexpr tcp() noexcept : family_(AF_INET) {}  // refnet: IPv4 unless told otherwise

  static constexpr tcp v4() noexcept { return tcp(AF_INET); }
  static constexpr tcp v6() noexcept { return tcp(AF_INET6); }

  constexpr int family() const noexcept { return family_; }
  constexpr int type() const noexcept { return SOCK_STREAM; }
  constexpr int protocol() const noexcept { return IPPROTO_TCP; }

  friend constexpr bool operator==(const tcp& a, const tcp& b) noexcept { return a.family_ == b.family_; }
  friend constexpr bool operator!=(const tcp& a, const tcp& b) noexcept { return a.family_ != b.family_; }

 private:
  constexpr explicit tcp(int family) noexcept : family_(family) {}
  int family_;
};

}  // namespace refnet::ip
