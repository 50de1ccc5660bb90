// Loopback TCP set-up for the socket scenarios: an acceptor on 127.0.0.1, a connected socket
// pair, and an abortive close that leaves no TIME_WAIT entry behind (thousands of connections
// per run would otherwise exhaust the ephemeral ports).
#pragma once

#include <sys/socket.h>

#include CONFORMANCE_TARGET_BINDING  // the library under test (tools/bazel/bench.bzl)

namespace bench {

namespace net = conformance::target::net;
using tcp = net::ip::tcp;

inline tcp::endpoint loopback_endpoint() { return tcp::endpoint(net::ip::address_v4::loopback(), 0); }

// SO_LINGER with a zero timeout through the native handle: the library needs no option type.
template <class Socket>
void close_abortively(Socket& socket) {
  const ::linger abort_on_close{1, 0};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
  socket.close();
}

// Two connected sockets on one io_context, set up synchronously.
class connected_pair {
 public:
  explicit connected_pair(net::io_context& ctx) : first_(ctx), second_(ctx) {
    tcp::acceptor listener(ctx, loopback_endpoint());
    first_.connect(listener.local_endpoint());
    listener.accept(second_);
  }
  connected_pair(const connected_pair&) = delete;
  connected_pair& operator=(const connected_pair&) = delete;
  ~connected_pair() {
    close_abortively(first_);
    close_abortively(second_);
  }

  tcp::socket& first() { return first_; }
  tcp::socket& second() { return second_; }

 private:
  tcp::socket first_;
  tcp::socket second_;
};

}  // namespace bench
