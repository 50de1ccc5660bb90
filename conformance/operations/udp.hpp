// Operation descriptors for UDP datagram sockets on 127.0.0.1 ([socket.dgram], [internet.udp]):
// async_receive_from of a datagram a peer sends after initiation, async_send_to of a datagram to
// a peer, and async_receive_from with nobody sending (outstanding until cancelled). Each can be
// built on a chosen I/O executor (instance_on): the socket under test on it, its peer on ctx.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

inline net::ip::udp::endpoint loopback_udp_endpoint(unsigned short port = 0) {
  return net::ip::udp::endpoint(net::ip::address_v4::loopback(), port);
}

// The UDP socket type on a chosen I/O executor.
template <class Executor>
using udp_socket_on = net::basic_datagram_socket<net::ip::udp, Executor>;

// A descriptor's instance and instance_on for a run over a UDP socket type.
template <template <class> class Run>
using on_udp_sockets = runs_on_any_executor<Run, net::ip::udp::socket, udp_socket_on>;

// Two UDP sockets bound to 127.0.0.1: operations run on local(), of type Socket, built on ctx or
// on a chosen I/O executor; the descriptor drives peer(), on ctx, synchronously.
template <class Socket>
class basic_udp_pair {
 public:
  template <class... On>
  explicit basic_udp_pair(net::io_context& ctx, const On&... ex1) : local_(io_object_on(ctx, ex1...)), peer_(ctx) {
    local_.open(net::ip::udp::v4());
    local_.bind(loopback_udp_endpoint());
    peer_.open(net::ip::udp::v4());
    peer_.bind(loopback_udp_endpoint());
  }

  Socket& local() { return local_; }
  net::ip::udp::socket& peer() { return peer_; }

 private:
  Socket local_;
  net::ip::udp::socket peer_;
};

namespace detail {

inline constexpr std::size_t datagram_size = 24;

template <class Socket>
class datagram_receive : public initiation_with_plain_buffers<datagram_receive<Socket>> {
 public:
  template <class... On>
  explicit datagram_receive(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const after_return peer_sends(
        [this] { sockets_.peer().send_to(net::buffer(payload_), sockets_.local().local_endpoint()); });
    return sockets_.local().async_receive_from(std::forward<Wrap>(wrap)(net::buffer(buffer_)), sender_,
                                               std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{datagram_size, datagram_size}}; }

  // The receive's side effects: the datagram is in the buffer, and the sender endpoint argument
  // holds the peer's address.
  std::string missing_side_effects(const outcome& result) {
    if (sender_ != sockets_.peer().local_endpoint()) return "the sender endpoint is not the peer's address";
    return compare_prefix(payload_, buffer_, result.bytes.value_or(0), "the receive buffer");
  }

 private:
  basic_udp_pair<Socket> sockets_;
  std::array<char, datagram_size> payload_ = patterned_bytes<datagram_size>();
  std::array<char, 2 * datagram_size> buffer_{};
  net::ip::udp::endpoint sender_;
};

template <class Socket>
class datagram_send : public initiation_with_plain_buffers<datagram_send<Socket>> {
 public:
  template <class... On>
  explicit datagram_send(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    return sockets_.local().async_send_to(std::forward<Wrap>(wrap)(net::buffer(payload_)),
                                          sockets_.peer().local_endpoint(), std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{datagram_size, datagram_size}}; }

  // On loopback a datagram is in the receiver's queue once sendto has returned.
  bool completed_during_initiation() { return sockets_.peer().available() != 0; }

  // The send's side effect: the peer can receive the datagram, whole and unchanged.
  std::string missing_side_effects(const outcome& result) {
    std::array<char, 2 * datagram_size> received{};
    net::ip::udp::endpoint sender;
    target::error_code error;
    if (sockets_.peer().available(error) == 0) return "the peer has no datagram to receive";
    const std::size_t got = sockets_.peer().receive_from(net::buffer(received), sender, 0, error);
    if (error) return "the peer's receive fails: " + describe(error);
    if (got != result.bytes.value_or(0)) {
      return "the peer received a datagram of " + std::to_string(got) + " bytes, not the " +
             std::to_string(result.bytes.value_or(0)) + " reported as sent";
    }
    return compare_prefix(payload_, received, got, "the datagram the peer received");
  }

 private:
  basic_udp_pair<Socket> sockets_;
  std::array<char, datagram_size> payload_ = patterned_bytes<datagram_size>();
};

template <class Socket>
class pending_datagram_receive {
 public:
  template <class... On>
  explicit pending_datagram_receive(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return sockets_.local().async_receive_from(net::buffer(buffer_), sender_, std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::operation_aborted, .bytes = byte_range{0, 0}}; }
  void cancel() { sockets_.local().cancel(); }

 private:
  basic_udp_pair<Socket> sockets_;
  std::array<char, datagram_size> buffer_{};
  net::ip::udp::endpoint sender_;
};

}  // namespace detail

// The peer sends one 24-byte datagram right after initiation: the receive completes later with
// 24 bytes, the datagram in the buffer and the peer's address as the sender.
struct udp_async_receive_from : on_udp_sockets<detail::datagram_receive> {
  static constexpr std::string_view name = "udp.async_receive_from.sent";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::mutable_buffer;
};

// One 24-byte datagram to a bound peer: a socket with room sends at once, so the operation may
// finish inside the initiating function (Asio tries the send speculatively); its handler must
// still wait for the context.
struct udp_async_send_to : on_udp_sockets<detail::datagram_send> {
  static constexpr std::string_view name = "udp.async_send_to";
  static constexpr completion completes = completion::may_be_immediate;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::const_buffer;
};

// Nobody sends: outstanding until cancelled (operation_aborted, 0 bytes).
struct udp_async_receive_from_pending : on_udp_sockets<detail::pending_datagram_receive> {
  static constexpr std::string_view name = "udp.async_receive_from.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code, std::size_t);
};

}  // namespace conformance::operations
