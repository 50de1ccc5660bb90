// Operation descriptors for basic_socket::async_connect on a TCP socket that is not yet open
// (the operation opens it). Linux answers a non-blocking loopback connect with EINPROGRESS, so
// both complete later, on a run thread, once the handshake (or the reset) has been processed.
// Both can be built on a chosen I/O executor (instance_on): the connecting socket on it, the
// listener or the refusing port on ctx.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

// A connect from a Socket to a Peer (loopback_listener or refusing_port) owned by the run.
template <class Peer, class Socket>
class connect_to {
 public:
  template <class... On>
  explicit connect_to(net::io_context& ctx, const On&... ex1) : peer_(ctx), socket_(io_object_on(ctx, ex1...)) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return socket_.async_connect(peer_.endpoint(), std::forward<Token>(token));
  }

  expectation expected() const {
    if constexpr (std::is_same_v<Peer, refusing_port>) return {.error = net::error::connection_refused};
    return {};
  }

  // The side effect of a successful connect: the socket is connected to the listener.
  std::string missing_side_effects(const outcome&) const
    requires std::is_same_v<Peer, loopback_listener>
  {
    target::error_code error;
    const net::ip::tcp::endpoint peer = socket_.remote_endpoint(error);
    if (error) return "the socket reports no remote endpoint (" + describe(error) + ")";
    if (peer != peer_.endpoint()) return "the socket's remote endpoint is not the listener's";
    return {};
  }

 private:
  Peer peer_;
  Socket socket_;
};

template <class Socket>
using connect_to_listener = connect_to<loopback_listener, Socket>;
template <class Socket>
using connect_to_refusing_port = connect_to<refusing_port, Socket>;

}  // namespace detail

// Connects to a 127.0.0.1 listener owned by the instance: success.
struct tcp_async_connect_listener : on_tcp_sockets<detail::connect_to_listener> {
  static constexpr std::string_view name = "tcp.async_connect.listener";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);
};

// Connects to a 127.0.0.1 port nobody listens on: connection_refused.
struct tcp_async_connect_refused : on_tcp_sockets<detail::connect_to_refusing_port> {
  static constexpr std::string_view name = "tcp.async_connect.refused";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);
};

}  // namespace conformance::operations
