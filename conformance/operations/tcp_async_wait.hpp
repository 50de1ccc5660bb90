// Operation descriptors for basic_socket::async_wait(wait_type, token) on a connected TCP
// socket ([socket.basic]): waiting to read once the peer writes, waiting to write on a socket
// with room to write, and waiting to read with a peer that never writes (outstanding until
// cancelled). Each can be built on a chosen I/O executor (instance_on): the waiting socket on
// it, its peer on ctx.
#pragma once

#include <string>
#include <string_view>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

template <class Socket>
class readable_wait {
 public:
  template <class... On>
  explicit readable_wait(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    const after_return peer_writes([this] { net::write(sockets_.peer(), net::buffer(payload_)); });
    return sockets_.local().async_wait(net::socket_base::wait_read, std::forward<Token>(token));
  }

  expectation expected() const { return {}; }

  // The wait's side effect: the socket is readable, and the wait consumed none of the bytes.
  std::string missing_side_effects(const outcome&) {
    target::error_code error;
    const std::size_t queued = sockets_.local().available(error);
    if (error) return "available() on the socket fails: " + describe(error);
    if (queued != payload_.size()) {
      return std::to_string(queued) + " bytes can be read, not the " + std::to_string(payload_.size()) +
             " the peer wrote";
    }
    return {};
  }

 private:
  basic_connected_pair<Socket> sockets_;
  std::array<char, 8> payload_ = patterned_bytes<8>();
};

template <class Socket>
class writable_wait {
 public:
  template <class... On>
  explicit writable_wait(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return sockets_.local().async_wait(net::socket_base::wait_write, std::forward<Token>(token));
  }

  expectation expected() const { return {}; }

 private:
  basic_connected_pair<Socket> sockets_;
};

template <class Socket>
class pending_readable_wait {
 public:
  template <class... On>
  explicit pending_readable_wait(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return sockets_.local().async_wait(net::socket_base::wait_read, std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::operation_aborted}; }
  void cancel() { sockets_.local().cancel(); }

 private:
  basic_connected_pair<Socket> sockets_;
};

}  // namespace detail

// The peer writes 8 bytes right after initiation: the wait completes later with success, the
// bytes still unread.
struct tcp_async_wait_readable : on_tcp_sockets<detail::readable_wait> {
  static constexpr std::string_view name = "tcp.async_wait.readable";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);
};

// A fresh connected socket has room to write: the wait completes with success, later (Asio's
// reactor never performs a wait speculatively; a library may, but must then complete it as if by
// post).
struct tcp_async_wait_writable : on_tcp_sockets<detail::writable_wait> {
  static constexpr std::string_view name = "tcp.async_wait.writable";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code);
};

// The peer never writes: outstanding until cancelled (operation_aborted).
struct tcp_async_wait_pending : on_tcp_sockets<detail::pending_readable_wait> {
  static constexpr std::string_view name = "tcp.async_wait.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code);
};

}  // namespace conformance::operations
