// [local] local::stream_protocol: UNIX domain stream sockets, and connect_pair().
#pragma once

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "refnet/basic_socket_acceptor.hpp"
#include "refnet/basic_stream_socket.hpp"
#include "refnet/error.hpp"
#include "refnet/local/basic_endpoint.hpp"

namespace refnet::local {

class stream_protocol {
 public:
  using endpoint = basic_endpoint<stream_protocol>;
  using socket = basic_stream_socket<stream_protocol>;
  using acceptor = basic_socket_acceptor<stream_protocol>;

  constexpr int family() const noexcept { return AF_UNIX; }
  constexpr int type() const noexcept { return SOCK_STREAM; }
  constexpr int protocol() const noexcept { return 0; }

  friend constexpr bool operator==(const stream_protocol&, const stream_protocol&) noexcept { return true; }
  friend constexpr bool operator!=(const stream_protocol&, const stream_protocol&) noexcept { return false; }
};

// Connects two closed sockets to each other (socketpair).
template <class Protocol, class Executor1, class Executor2>
void connect_pair(basic_stream_socket<Protocol, Executor1>& socket1, basic_stream_socket<Protocol, Executor2>& socket2,
                  error_code& ec) {
  const Protocol protocol;
  int fds[2];
  if (::socketpair(protocol.family(), protocol.type(), protocol.protocol(), fds) != 0) {
    ec = error_code(errno, system_category());
    return;
  }
  socket1.assign(protocol, fds[0], ec);  // closes the descriptor if it fails
  if (ec) {
    ::close(fds[1]);
    return;
  }
  socket2.assign(protocol, fds[1], ec);
  if (ec) socket1.close();
}

template <class Protocol, class Executor1, class Executor2>
void connect_pair(basic_stream_socket<Protocol, Executor1>& socket1, basic_stream_socket<Protocol, Executor2>& socket2) {
  error_code ec;
  connect_pair(socket1, socket2, ec);
  if (ec) throw system_error(ec, "connect_pair");
}

}  // namespace refnet::local
