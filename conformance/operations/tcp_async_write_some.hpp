// Operation descriptors for basic_stream_socket::async_write_some and the free function
// async_write on a TCP socket.
#pragma once

#include <sys/socket.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

// Writes with the socket's async_write_some, or with the free function async_write (the whole
// buffer, a composed operation), as Writer says.
struct write_some {
  template <class Socket, class Buffers, class Token>
  decltype(auto) operator()(Socket& socket, Buffers&& buffers, Token&& token) const {
    return socket.async_write_some(std::forward<Buffers>(buffers), std::forward<Token>(token));
  }
};
struct write_all {
  template <class Socket, class Buffers, class Token>
  decltype(auto) operator()(Socket& socket, Buffers&& buffers, Token&& token) const {
    return net::async_write(socket, std::forward<Buffers>(buffers), std::forward<Token>(token));
  }
};

template <class Writer, class Socket>
class connected_write : public initiation_with_plain_buffers<connected_write<Writer, Socket>> {
 public:
  static constexpr std::size_t size = 64;

  template <class... On>
  explicit connected_write(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const net::const_buffer payload = net::buffer(payload_);
    return Writer{}(sockets_.local(), std::forward<Wrap>(wrap)(payload), std::forward<Token>(token));
  }

  // The write's side effect: the peer can read the bytes it reports (loopback delivery is
  // synchronous, so they are there once the write has happened).
  std::string missing_side_effects(const outcome& result) {
    const std::size_t count = result.bytes.value_or(0);
    std::array<char, size> arrived{};
    const auto peeked = ::recv(sockets_.peer().native_handle(), arrived.data(), std::min(count, size),
                               MSG_PEEK | MSG_DONTWAIT);
    const std::size_t available = peeked > 0 ? static_cast<std::size_t>(peeked) : 0;
    if (available < count) {
      return "the peer can read " + std::to_string(available) + " of the " + std::to_string(count) +
             " bytes reported as written";
    }
    return compare_prefix(payload_, arrived, count, "what the peer received");
  }

  // async_write_some may write part of the buffer; async_write writes it all.
  expectation expected() const {
    return {.bytes = byte_range{std::is_same_v<Writer, write_all> ? size : 1, size}};
  }

  // With the context not running, only initiate() can have written: bytes reaching the peer
  // mean the write was performed inside it. Loopback delivery is normally synchronous; the
  // bounded wait covers a deferred delivery (and is the cost of a "no"). Peeks through the
  // native handle, which every library has, rather than available(), which not all do.
  bool completed_during_initiation() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
    while (!peer_has_data() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return peer_has_data();
  }

 private:
  bool peer_has_data() {
    char byte = 0;
    return ::recv(sockets_.peer().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
  }

  basic_connected_pair<Socket> sockets_;
  std::array<char, size> payload_ = patterned_bytes<size>();
};

template <class Socket>
using connected_write_some = connected_write<write_some, Socket>;
template <class Socket>
using connected_write_all = connected_write<write_all, Socket>;

}  // namespace detail

// A small write on a connected loopback socket with an empty send buffer: the socket is
// writable at once, so a library may perform the write inside the initiating function (Asio's
// reactor tries it speculatively and then posts the completion) or wait for writability.
// It can be built on a chosen I/O executor (instance_on): the writing socket on it.
struct tcp_async_write_some_connected : on_tcp_sockets<detail::connected_write_some> {
  static constexpr std::string_view name = "tcp.async_write_some.connected";
  static constexpr completion completes = completion::may_be_immediate;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::const_buffer;
};

// The free function async_write ([buffer.async.write]) of the same small buffer on the same
// socket: a composed operation of async_write_some steps (here one is enough), which may
// likewise write inside the initiating function; it completes with all 64 bytes.
struct async_write_connected : on_tcp_sockets<detail::connected_write_all> {
  static constexpr std::string_view name = "async_write.connected";
  static constexpr completion completes = completion::may_be_immediate;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::const_buffer;
};

}  // namespace conformance::operations
