// [socket.dgram] basic_datagram_socket.
#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/basic_socket.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"

namespace refnet {

template <class Protocol, class Executor = any_io_executor>
class basic_datagram_socket : public basic_socket<Protocol, Executor> {
  using base = basic_socket<Protocol, Executor>;

 public:
  using typename base::endpoint_type;
  using typename base::executor_type;
  using typename base::protocol_type;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_datagram_socket<Protocol, Executor1>;
  };

  explicit basic_datagram_socket(const executor_type& ex) : base(ex) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_datagram_socket(ExecutionContext& ctx) : basic_datagram_socket(executor_type(ctx.get_executor())) {}

  basic_datagram_socket(const executor_type& ex, const protocol_type& protocol) : basic_datagram_socket(ex) {
    this->open(protocol);
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_datagram_socket(ExecutionContext& ctx, const protocol_type& protocol)
      : basic_datagram_socket(executor_type(ctx.get_executor()), protocol) {}

  // Opens the socket for the endpoint's protocol and binds it there.
  basic_datagram_socket(const executor_type& ex, const endpoint_type& endpoint) : basic_datagram_socket(ex) {
    this->open(endpoint.protocol());
    this->bind(endpoint);
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_datagram_socket(ExecutionContext& ctx, const endpoint_type& endpoint)
      : basic_datagram_socket(executor_type(ctx.get_executor()), endpoint) {}

  basic_datagram_socket(basic_datagram_socket&&) noexcept = default;
  basic_datagram_socket& operator=(basic_datagram_socket&&) noexcept = default;

  template <class Executor1>
    requires std::is_convertible_v<Executor1, Executor>
  basic_datagram_socket(basic_datagram_socket<Protocol, Executor1>&& other) : base(std::move(other)) {}

  basic_datagram_socket(const basic_datagram_socket&) = delete;
  basic_datagram_socket& operator=(const basic_datagram_socket&) = delete;

  ~basic_datagram_socket() = default;

  std::size_t send_to(const const_buffer& buffers, const endpoint_type& destination) {
    error_code ec;
    const std::size_t n = send_to(buffers, destination, 0, ec);
    base::throw_if(ec, "send_to");
    return n;
  }
  std::size_t send_to(const const_buffer& buffers, const endpoint_type& destination,
                      socket_base::message_flags flags, error_code& ec) {
    if (flags != 0) return unsupported_flags(ec);
    return this->core_.send_to(buffers, destination.data(), destination.size(), ec);
  }

  std::size_t receive_from(const mutable_buffer& buffers, endpoint_type& sender) {
    error_code ec;
    const std::size_t n = receive_from(buffers, sender, 0, ec);
    base::throw_if(ec, "receive_from");
    return n;
  }
  std::size_t receive_from(const mutable_buffer& buffers, endpoint_type& sender, socket_base::message_flags flags,
                           error_code& ec) {
    if (flags != 0) return unsupported_flags(ec);
    return this->core_.receive_from(buffers, sender.data(), sender.capacity(), ec);
  }

  // The destination is copied; the buffers must stay valid until the handler runs.
  template <class WriteToken = default_completion_token_t<executor_type>>
  decltype(auto) async_send_to(const const_buffer& buffers, const endpoint_type& destination,
                               WriteToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<WriteToken, void(error_code, std::size_t)>(initiate_async_send_to(this), token, buffers,
                                                                     destination);
  }

  // The buffers and the sender endpoint must stay valid until the handler runs.
  template <class ReadToken = default_completion_token_t<executor_type>>
  decltype(auto) async_receive_from(const mutable_buffer& buffers, endpoint_type& sender,
                                    ReadToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<ReadToken, void(error_code, std::size_t)>(initiate_async_receive_from(this), token,
                                                                    buffers, &sender);
  }

 private:
  // refnet takes no message flags.
  static std::size_t unsupported_flags(error_code& ec) {
    ec = make_error_code(error::operation_not_supported);
    return 0;
  }

  using initiation = typename base::template initiation_base<basic_datagram_socket>;

  struct initiate_async_send_to : initiation {
    using initiation::initiation;
    template <class WriteHandler>
    void operator()(WriteHandler&& handler, const const_buffer& buffers, const endpoint_type& destination) const {
      auto& self = *this->self_;
      detail::sendto_performer performer{{}, self.core_.native_handle(), buffers, {},
                                         static_cast<socklen_t>(destination.size())};
      std::memcpy(&performer.to, destination.data(), destination.size());
      self.start_op(detail::epoll_reactor::write_op, performer, std::forward<WriteHandler>(handler));
    }
  };

  struct initiate_async_receive_from : initiation {
    using initiation::initiation;
    template <class ReadHandler>
    void operator()(ReadHandler&& handler, const mutable_buffer& buffers, endpoint_type* sender) const {
      auto& self = *this->self_;
      self.start_op(detail::epoll_reactor::read_op,
                    detail::recvfrom_performer{{}, self.core_.native_handle(), buffers, sender->data(),
                                               sender->capacity()},
                    std::forward<ReadHandler>(handler));
    }
  };
};

}  // namespace refnet
