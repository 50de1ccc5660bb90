// Operation descriptors for basic_socket_acceptor::async_accept(socket, token) on a 127.0.0.1
// acceptor ([socket.acceptor.ops]): accepting a client that connects right after initiation,
// into a socket that is already open (an error found inside the initiating function), and
// with nobody connecting (outstanding until cancelled). All can be built on a chosen I/O
// executor (instance_on): the acceptor on it, the sockets on ctx.
#pragma once

#include <string>
#include <string_view>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// The acceptor type on a chosen I/O executor.
template <class Executor>
using tcp_acceptor_on = net::basic_socket_acceptor<net::ip::tcp, Executor>;

// A descriptor's instance and instance_on for a run over a TCP acceptor type.
template <template <class> class Run>
using on_tcp_acceptors = runs_on_any_executor<Run, net::ip::tcp::acceptor, tcp_acceptor_on>;

namespace detail {

// An acceptor listening on 127.0.0.1, the socket it accepts into, and a client on ctx.
template <class Acceptor>
class listening_acceptor {
 public:
  template <class... On>
  explicit listening_acceptor(net::io_context& ctx, const On&... ex1)
      : acceptor_(io_object_on(ctx, ex1...)), accepted_(ctx), client_(ctx) {
    acceptor_.open(net::ip::tcp::v4());
    acceptor_.bind(loopback_endpoint());
    acceptor_.listen();
  }

  template <class Token>
  decltype(auto) accept_into_socket(Token&& token) {
    return acceptor_.async_accept(accepted_, std::forward<Token>(token));
  }
  // The client's synchronous connect completes from the acceptor's backlog, accepted or not.
  void connect_client() { client_.connect(acceptor_.local_endpoint()); }
  void open_accepted_socket() { accepted_.open(net::ip::tcp::v4()); }
  void cancel() { acceptor_.cancel(); }

  // Empty when the accepted socket is connected to the client, else what is wrong.
  std::string accepted_is_connected_to_client() const {
    target::error_code error;
    const net::ip::tcp::endpoint peer = accepted_.remote_endpoint(error);
    if (error) return "the accepted socket reports no remote endpoint (" + describe(error) + ")";
    if (peer != client_.local_endpoint(error)) return "the accepted socket's remote endpoint is not the client's";
    return {};
  }

 private:
  Acceptor acceptor_;
  net::ip::tcp::socket accepted_;
  net::ip::tcp::socket client_;
};

template <class Acceptor>
class accept_connecting_client : listening_acceptor<Acceptor> {
 public:
  using listening_acceptor<Acceptor>::listening_acceptor;

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    const operations::after_return client_connects([this] { this->connect_client(); });
    return this->accept_into_socket(std::forward<Token>(token));
  }

  expectation expected() const { return {}; }
  std::string missing_side_effects(const outcome&) const { return this->accepted_is_connected_to_client(); }
};

template <class Acceptor>
class accept_into_open_socket : listening_acceptor<Acceptor> {
 public:
  template <class... On>
  explicit accept_into_open_socket(net::io_context& ctx, const On&... ex1) : listening_acceptor<Acceptor>(ctx, ex1...) {
    this->open_accepted_socket();
  }

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return this->accept_into_socket(std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::already_open}; }
};

template <class Acceptor>
class accept_with_nobody_connecting : listening_acceptor<Acceptor> {
 public:
  using listening_acceptor<Acceptor>::listening_acceptor;
  using listening_acceptor<Acceptor>::cancel;

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return this->accept_into_socket(std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::operation_aborted}; }
};

}  // namespace detail

// A client connects right after initiation: success, the accepted socket connected to it.
struct tcp_async_accept_connecting : on_tcp_acceptors<detail::accept_connecting_client> {
  static constexpr std::string_view name = "tcp.async_accept.connecting";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);
};

// The socket to accept into is already open: already_open, found inside the initiating
// function, delivered as an immediate completion.
struct tcp_async_accept_already_open : on_tcp_acceptors<detail::accept_into_open_socket> {
  static constexpr std::string_view name = "tcp.async_accept.already_open";
  static constexpr completion completes = completion::immediately;
  using signature = void(target::error_code);
};

// Nobody connects: outstanding until cancelled (operation_aborted).
struct tcp_async_accept_pending : on_tcp_acceptors<detail::accept_with_nobody_connecting> {
  static constexpr std::string_view name = "tcp.async_accept.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);
};

}  // namespace conformance::operations
