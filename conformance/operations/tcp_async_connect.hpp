// Operation descriptors for basic_socket::async_connect on a TCP socket that is not yet open
// (the operation opens it). Linux answers a non-blocking loopback connect with EINPROGRESS, so
// both complete later, on a run thread, once the handshake (or the reset) has been processed.
// Both can be built on a chosen I/O executor (instance_on): the connecting socket on it, the
// listener or the refusing port on ctx.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/detail/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// Connects to a 127.0.0.1 listener owned by the instance: success.
struct tcp_async_connect_listener {
  static constexpr std::string_view name = "tcp.async_connect.listener";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);

  template <class Socket>
  class basic_instance {
   public:
    template <class... On>
    explicit basic_instance(net::io_context& ctx, const On&... ex1) : listener_(ctx), socket_(io_object_on(ctx, ex1...)) {}

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return socket_.async_connect(listener_.endpoint(), std::forward<Token>(token));
    }

    expectation expected() const { return {}; }

    // The connect's side effect: the socket is connected to the listener.
    std::string missing_side_effects(const outcome&) const {
      target::error_code error;
      const net::ip::tcp::endpoint peer = socket_.remote_endpoint(error);
      if (error) return "the socket reports no remote endpoint (" + describe(error) + ")";
      if (peer != listener_.endpoint()) return "the socket's remote endpoint is not the listener's";
      return {};
    }

   private:
    detail::loopback_listener listener_;
    Socket socket_;
  };
  using instance = basic_instance<net::ip::tcp::socket>;
  template <class Executor>
  using instance_on = basic_instance<detail::tcp_socket_on<Executor>>;
};

// Connects to a 127.0.0.1 port nobody listens on: connection_refused.
struct tcp_async_connect_refused {
  static constexpr std::string_view name = "tcp.async_connect.refused";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);

  template <class Socket>
  class basic_instance {
   public:
    template <class... On>
    explicit basic_instance(net::io_context& ctx, const On&... ex1) : port_(ctx), socket_(io_object_on(ctx, ex1...)) {}

    template <class Token>
    decltype(auto) initiate(Token&& token) {
      return socket_.async_connect(port_.endpoint(), std::forward<Token>(token));
    }

    expectation expected() const { return {.error = net::error::connection_refused}; }

   private:
    detail::refusing_port port_;
    Socket socket_;
  };
  using instance = basic_instance<net::ip::tcp::socket>;
  template <class Executor>
  using instance_on = basic_instance<detail::tcp_socket_on<Executor>>;
};

}  // namespace conformance::operations
