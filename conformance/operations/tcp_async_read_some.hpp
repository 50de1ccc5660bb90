// Operation descriptors for basic_stream_socket::async_read_some on a TCP socket. Each can be
// built on a chosen I/O executor (instance_on): the reading socket on it, its peer on ctx.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

template <class Socket>
class closed_socket_read : public initiation_with_plain_buffers<closed_socket_read<Socket>> {
 public:
  template <class... On>
  explicit closed_socket_read(net::io_context& ctx, const On&... ex1) : socket_(io_object_on(ctx, ex1...)) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    return socket_.async_read_some(std::forward<Wrap>(wrap)(net::buffer(buffer_)), std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::bad_descriptor, .bytes = byte_range{0, 0}}; }

 private:
  Socket socket_;
  std::array<char, 16> buffer_{};
};

}  // namespace detail

// A read on a socket that was never opened: the operation fails inside the initiating function
// with bad_descriptor, so its handler must be submitted as an immediate completion.
// Checked in the headers of Asio 1.18.0, 1.22.1 and 1.26.0 (reactive_socket_service_base::
// start_op): setting the internal non-blocking mode of the invalid descriptor fails with
// bad_descriptor and the operation goes straight to post_immediate_completion, which queues it
// on the scheduler; the descriptor tests confirm it for each version.
struct tcp_async_read_some_closed_socket : on_tcp_sockets<detail::closed_socket_read> {
  static constexpr std::string_view name = "tcp.async_read_some.closed_socket";
  static constexpr completion completes = completion::immediately;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::mutable_buffer;
};

namespace detail {

template <class Socket>
class connected_read : public initiation_with_plain_buffers<connected_read<Socket>> {
 public:
  static constexpr std::size_t written = 32;

  template <class... On>
  explicit connected_read(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const after_return peer_writes([this] { net::write(sockets_.peer(), net::buffer(payload_)); });
    return sockets_.local().async_read_some(std::forward<Wrap>(wrap)(net::buffer(buffer_)),
                                            std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{1, written}}; }

  // The read's side effect: the bytes it reports are in the buffer.
  std::string missing_side_effects(const outcome& result) const {
    return compare_prefix(payload_, buffer_, result.bytes.value_or(0), "the read buffer");
  }

 private:
  basic_connected_pair<Socket> sockets_;
  std::array<char, written> payload_ = patterned_bytes<written>();
  std::array<char, 2 * written> buffer_{};
};

}  // namespace detail

// A read on a connected loopback socket whose peer writes only once the read has started (right
// after the initiating function has returned, synchronously): the read waits for the data and
// completes later, on a run thread, with the bytes the peer wrote.
struct tcp_async_read_some_connected : on_tcp_sockets<detail::connected_read> {
  static constexpr std::string_view name = "tcp.async_read_some.connected";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::mutable_buffer;
};

namespace detail {

template <class Socket>
class pending_read {
 public:
  template <class... On>
  explicit pending_read(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return sockets_.local().async_read_some(net::buffer(buffer_), std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::operation_aborted, .bytes = byte_range{0, 0}}; }
  void cancel() { sockets_.local().cancel(); }

 private:
  basic_connected_pair<Socket> sockets_;
  std::array<char, 16> buffer_{};
};

}  // namespace detail

// A read on a connected loopback socket whose peer never writes: outstanding until cancelled.
struct tcp_async_read_some_pending : on_tcp_sockets<detail::pending_read> {
  static constexpr std::string_view name = "tcp.async_read_some.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code, std::size_t);
};

}  // namespace conformance::operations
