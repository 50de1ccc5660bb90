// Operation descriptors for stream sockets of the local (UNIX domain) protocol, connected to
// each other by local::connect_pair: async_read_some once the peer writes, and async_write_some.
// Each can be built on a chosen I/O executor (instance_on): the socket under test on it, its
// peer on ctx.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// The local stream socket type on a chosen I/O executor.
template <class Executor>
using local_socket_on = net::basic_stream_socket<net::local::stream_protocol, Executor>;

// A descriptor's instance and instance_on for a run over a local stream socket type.
template <template <class> class Run>
using on_local_sockets = runs_on_any_executor<Run, net::local::stream_protocol::socket, local_socket_on>;

// Two local stream sockets connected by connect_pair: operations run on local(), of type Socket,
// built on ctx or on a chosen I/O executor; the descriptor drives peer(), on ctx, synchronously.
template <class Socket>
class basic_local_pair {
 public:
  template <class... On>
  explicit basic_local_pair(net::io_context& ctx, const On&... ex1) : local_(io_object_on(ctx, ex1...)), peer_(ctx) {
    net::local::connect_pair(local_, peer_);
  }

  Socket& local() { return local_; }
  net::local::stream_protocol::socket& peer() { return peer_; }

 private:
  Socket local_;
  net::local::stream_protocol::socket peer_;
};

namespace detail {

inline constexpr std::size_t local_payload_size = 32;

template <class Socket>
class local_read : public initiation_with_plain_buffers<local_read<Socket>> {
 public:
  template <class... On>
  explicit local_read(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const after_return peer_writes([this] { net::write(sockets_.peer(), net::buffer(payload_)); });
    return sockets_.local().async_read_some(std::forward<Wrap>(wrap)(net::buffer(buffer_)),
                                            std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{1, local_payload_size}}; }

  std::string missing_side_effects(const outcome& result) const {
    return compare_prefix(payload_, buffer_, result.bytes.value_or(0), "the read buffer");
  }

 private:
  basic_local_pair<Socket> sockets_;
  std::array<char, local_payload_size> payload_ = patterned_bytes<local_payload_size>();
  std::array<char, 2 * local_payload_size> buffer_{};
};

template <class Socket>
class local_write : public initiation_with_plain_buffers<local_write<Socket>> {
 public:
  template <class... On>
  explicit local_write(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    return sockets_.local().async_write_some(std::forward<Wrap>(wrap)(net::buffer(payload_)),
                                             std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{1, local_payload_size}}; }

  // A local socket delivers the bytes to the peer's queue during the write itself.
  bool completed_during_initiation() { return sockets_.peer().available() != 0; }

  // The write's side effect: the peer can read the bytes reported as written.
  std::string missing_side_effects(const outcome& result) {
    std::array<char, local_payload_size> received{};
    const std::size_t reported = result.bytes.value_or(0);
    target::error_code error;
    const std::size_t got = net::read(sockets_.peer(), net::buffer(received.data(), reported), error);
    if (error) return "the peer's read of the written bytes fails: " + describe(error);
    return compare_prefix(payload_, received, got, "what the peer read");
  }

 private:
  basic_local_pair<Socket> sockets_;
  std::array<char, local_payload_size> payload_ = patterned_bytes<local_payload_size>();
};

}  // namespace detail

// The peer writes 32 bytes right after initiation: the read completes later with them.
struct local_async_read_some : on_local_sockets<detail::local_read> {
  static constexpr std::string_view name = "local.async_read_some.connected";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::mutable_buffer;
};

// 32 bytes to a connected peer with room: the write may finish inside the initiating function
// (Asio tries it speculatively); its handler must still wait for the context.
struct local_async_write_some : on_local_sockets<detail::local_write> {
  static constexpr std::string_view name = "local.async_write_some.connected";
  static constexpr completion completes = completion::may_be_immediate;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::const_buffer;
};

}  // namespace conformance::operations
