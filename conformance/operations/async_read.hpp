// Operation descriptor for the composed operation async_read ([buffer.async.read]) on a TCP
// socket: a sequence of intermediate async_read_some operations ([async.reqmts.async.composed]).
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
class composed_read : public initiation_with_plain_buffers<composed_read<Socket>> {
 public:
  static constexpr std::size_t size = 2048;

  template <class... On>
  explicit composed_read(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const operations::after_return peer_writes([this] { start_peer(); });
    return net::async_read(sockets_.local(), std::forward<Wrap>(wrap)(net::buffer(buffer_)),
                           std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{size, size}}; }

  // The composed read's side effect: every byte the peer sent is in the buffer.
  std::string missing_side_effects(const outcome& result) const {
    return operations::compare_prefix(payload_, buffer_, result.bytes.value_or(0), "the read buffer");
  }

 private:
  void start_peer() {
    sender_.start(sockets_.peer(), net::buffer(payload_.data(), size / 2),
                  net::buffer(payload_.data() + size / 2, size - size / 2));
  }

  operations::basic_connected_pair<Socket> sockets_;
  std::array<char, size> payload_ = operations::patterned_bytes<size>();
  std::array<char, size> buffer_{};
  operations::two_part_sender sender_;
};

}  // namespace detail

// Reads `size` bytes that the peer sends in two halves: the first right after initiation, the
// second from a helper thread 20 ms later (two_part_sender). The first intermediate read can only
// get the first half, so the composed operation takes at least two intermediate async_read_some
// steps, as long as the context starts running within the delay (rules run it at once; a rule
// that waits longer may see a single step, never a wrong result). Completes later with `size`.
// It can be built on a chosen I/O executor (instance_on): the reading socket on it.
struct async_read_composed : operations::on_tcp_sockets<detail::composed_read> {
  static constexpr std::string_view name = "async_read.composed";
  static constexpr completion completes = completion::later;
  static constexpr bool composed = true;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::mutable_buffer;
};

}  // namespace conformance::operations
