// Operation descriptors for basic_socket::async_connect on a TCP socket that is not yet open
// (the operation opens it), and for the free function async_connect over a sequence of
// endpoints ([socket.algo.connect]). Linux answers a non-blocking loopback connect with
// EINPROGRESS, so all complete later, on a run thread, once the handshake (or the reset) has
// been processed. All can be built on a chosen I/O executor (instance_on): the connecting
// socket on it, the listener or the refusing port on ctx.
#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "conformance/harness/memory_attribution.hpp"
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

// How the free async_connect is given its endpoints: as a range (the handler receives the
// endpoint connected to) or as an iterator pair (it receives an iterator to that endpoint).
enum class endpoints_given { as_range, as_iterators };

// The free async_connect over two endpoints, a refusing port and then a listener: the first
// attempt fails, the second connects, and the handler receives the listener's endpoint, or an
// iterator to it.
template <endpoints_given Form, class Socket>
class connect_to_the_listening_one {
 public:
  template <class... On>
  explicit connect_to_the_listening_one(net::io_context& ctx, const On&... ex1)
      : refusing_(ctx), listener_(ctx), socket_(io_object_on(ctx, ex1...)),
        endpoints_{refusing_.endpoint(), listener_.endpoint()} {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    if constexpr (Form == endpoints_given::as_range) {
      return net::async_connect(socket_, endpoints_, std::forward<Token>(token));
    } else {
      return net::async_connect(socket_, endpoints_.cbegin(), endpoints_.cend(), std::forward<Token>(token));
    }
  }

  expectation expected() const {
    if constexpr (Form == endpoints_given::as_range) {
      return expect_values<target::error_code, net::ip::tcp::endpoint>(
          "success and the endpoint of the listener, the second one tried",
          [listening = listener_.endpoint()](const target::error_code& error, const net::ip::tcp::endpoint& connected) {
            return !error && connected == listening;
          });
    } else {
      return expect_values<target::error_code, endpoint_iterator>(
          "success and an iterator to the listener's endpoint, the second one tried",
          [second = std::next(endpoints_.cbegin())](const target::error_code& error, const endpoint_iterator& connected) {
            return !error && connected == second;
          });
    }
  }

  // The side effect: the socket is connected to the listener.
  std::string missing_side_effects(const outcome&) const {
    target::error_code error;
    const net::ip::tcp::endpoint peer = socket_.remote_endpoint(error);
    if (error) return "the socket reports no remote endpoint (" + describe(error) + ")";
    if (peer != listener_.endpoint()) return "the socket's remote endpoint is not the listener's";
    return {};
  }

 private:
  refusing_port refusing_;
  loopback_listener listener_;
  Socket socket_;
  // The library may copy the sequence; the copy's memory is the argument's, not the operation's.
  using endpoints_type = std::vector<net::ip::tcp::endpoint, argument_allocator<net::ip::tcp::endpoint>>;
  using endpoint_iterator = typename endpoints_type::const_iterator;
  endpoints_type endpoints_;
};
template <class Socket>
using connect_over_range = connect_to_the_listening_one<endpoints_given::as_range, Socket>;
template <class Socket>
using connect_over_iterators = connect_to_the_listening_one<endpoints_given::as_iterators, Socket>;
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

// async_connect(socket, {refusing port, listener}): success, with the listener's endpoint. Its
// completion signature, void(error_code, tcp::endpoint), is other than the error-and-bytes ones.
struct tcp_async_connect_range : on_tcp_sockets<detail::connect_over_range> {
  static constexpr std::string_view name = "tcp.async_connect.range";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, net::ip::tcp::endpoint);
};

// async_connect(socket, first, last) over the same two endpoints: success, with an iterator to
// the listener's endpoint. Completion signature void(error_code, Iterator).
struct tcp_async_connect_iterators : on_tcp_sockets<detail::connect_over_iterators> {
  static constexpr std::string_view name = "tcp.async_connect.iterators";
  static constexpr completion completes = completion::later;
  using signature =
      void(target::error_code, std::vector<net::ip::tcp::endpoint, argument_allocator<net::ip::tcp::endpoint>>::const_iterator);
};

}  // namespace conformance::operations
