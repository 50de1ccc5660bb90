// [socket.basic] basic_socket: what stream and datagram sockets share (opening, binding,
// connecting, endpoints, cancellation, and waiting for readiness).
#pragma once

#include <sys/socket.h>

#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/detail/reactive_object.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"
#include "refnet/socket_base.hpp"

namespace refnet {

template <class Protocol, class Executor>
class basic_socket_acceptor;

template <class Protocol, class Executor = any_io_executor>
class basic_socket : public socket_base, public detail::reactive_object<Executor> {
  using object = detail::reactive_object<Executor>;

 public:
  using typename object::executor_type;
  using typename object::native_handle_type;
  using protocol_type = Protocol;
  using endpoint_type = typename Protocol::endpoint;

  void open(const protocol_type& protocol = protocol_type()) {
    error_code ec;
    open(protocol, ec);
    throw_if(ec, "open");
  }
  void open(const protocol_type& protocol, error_code& ec) {
    ec = core_.open(protocol.family(), protocol.type(), protocol.protocol());
  }

  // Takes ownership of an open socket of the given protocol.
  void assign(const protocol_type&, native_handle_type fd) { throw_if(core_.assign(fd), "assign"); }
  void assign(const protocol_type&, native_handle_type fd, error_code& ec) { ec = core_.assign(fd); }

  void bind(const endpoint_type& endpoint) { throw_if(core_.bind(endpoint.data(), endpoint.size()), "bind"); }
  void bind(const endpoint_type& endpoint, error_code& ec) { ec = core_.bind(endpoint.data(), endpoint.size()); }

  endpoint_type local_endpoint() const {
    error_code ec;
    endpoint_type e = local_endpoint(ec);
    throw_if(ec, "local_endpoint");
    return e;
  }
  endpoint_type local_endpoint(error_code& ec) const {
    endpoint_type e;
    ec = core_.local_endpoint(e.data(), e.capacity());
    return e;
  }

  endpoint_type remote_endpoint() const {
    error_code ec;
    endpoint_type e = remote_endpoint(ec);
    throw_if(ec, "remote_endpoint");
    return e;
  }
  endpoint_type remote_endpoint(error_code& ec) const {
    endpoint_type e;
    ec = core_.remote_endpoint(e.data(), e.capacity());
    return e;
  }

  // Bytes that can be read without blocking.
  std::size_t available() const {
    error_code ec;
    const std::size_t n = available(ec);
    throw_if(ec, "available");
    return n;
  }
  std::size_t available(error_code& ec) const { return core_.available(ec); }

  void shutdown(shutdown_type what) {
    error_code ec;
    shutdown(what, ec);
    throw_if(ec, "shutdown");
  }
  void shutdown(shutdown_type what, error_code& ec) {
    ec = ::shutdown(core_.native_handle(), what) == 0 ? error_code() : error_code(errno, system_category());
  }

  void connect(const endpoint_type& peer) {
    error_code ec;
    connect(peer, ec);
    throw_if(ec, "connect");
  }
  void connect(const endpoint_type& peer, error_code& ec) {
    if (!this->is_open() && (ec = open_for(peer))) return;
    ec = core_.connect(peer.data(), peer.size());
  }

  // Opens the socket if needed; a failed connect leaves it open.
  template <class ConnectToken = default_completion_token_t<executor_type>>
  decltype(auto) async_connect(const endpoint_type& peer,
                               ConnectToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<ConnectToken, void(error_code)>(initiate_async_connect(this), token, peer);
  }

  // Waits until the socket is ready to read, to write, or has an error condition pending.
  template <class WaitToken = default_completion_token_t<executor_type>>
  decltype(auto) async_wait(wait_type what, WaitToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<WaitToken, void(error_code)>(initiate_async_wait(this), token, what);
  }

 protected:
  explicit basic_socket(const executor_type& ex) : object(ex) {}

  template <class Executor1>
  explicit basic_socket(basic_socket<Protocol, Executor1>&& other)
      : object(static_cast<detail::reactive_object<Executor1>&&>(other)) {}

  basic_socket(basic_socket&&) noexcept = default;
  basic_socket& operator=(basic_socket&&) noexcept = default;
  ~basic_socket() = default;

  using object::core_;
  using object::executor_;
  using object::start_op;
  using object::throw_if;
  template <class Object>
  using initiation_base = typename object::template initiation_base<Object>;

  error_code open_for(const endpoint_type& peer) {
    const auto protocol = peer.protocol();
    return core_.open(protocol.family(), protocol.type(), protocol.protocol());
  }

 private:
  template <class, class>
  friend class basic_socket;
  template <class, class>
  friend class basic_socket_acceptor;

  struct initiate_async_connect : initiation_base<basic_socket> {
    using initiation_base<basic_socket>::initiation_base;
    template <class ConnectHandler>
    void operator()(ConnectHandler&& handler, const endpoint_type& peer) const {
      this->self_->start_connect(std::forward<ConnectHandler>(handler), peer);
    }
  };

  struct initiate_async_wait : initiation_base<basic_socket> {
    using initiation_base<basic_socket>::initiation_base;
    template <class WaitHandler>
    void operator()(WaitHandler&& handler, wait_type what) const {
      auto& self = *this->self_;
      self.start_op(detail::wait_performer::op_type_for(what),
                    detail::wait_performer{{}, self.core_.native_handle(), what}, std::forward<WaitHandler>(handler));
    }
  };

  template <class ConnectHandler>
  void start_connect(ConnectHandler&& handler, const endpoint_type& peer) {
    error_code ec;
    if (!this->is_open()) ec = open_for(peer);
    const int fd = core_.native_handle();
    if (!ec) {
      if (::connect(fd, peer.data(), static_cast<socklen_t>(peer.size())) == 0) {
        ec.clear();
      } else if (errno == EINPROGRESS) {
        start_op(detail::epoll_reactor::write_op, detail::connect_performer{{}, fd},
                 std::forward<ConnectHandler>(handler));
        return;
      } else {
        ec = error_code(errno, system_category());
      }
    }
    detail::complete_socket_op_now(detail::connect_performer{{}, fd}, std::forward<ConnectHandler>(handler),
                                   this->executor_, ec);
  }
};

}  // namespace refnet
