// [socket.acceptor] basic_socket_acceptor.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/basic_stream_socket.hpp"
#include "refnet/detail/reactive_object.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"
#include "refnet/socket_base.hpp"

namespace refnet {

template <class Protocol, class Executor = any_io_executor>
class basic_socket_acceptor : public socket_base, public detail::reactive_object<Executor> {
  using object = detail::reactive_object<Executor>;

 public:
  using typename object::executor_type;
  using typename object::native_handle_type;
  using protocol_type = Protocol;
  using endpoint_type = typename Protocol::endpoint;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_socket_acceptor<Protocol, Executor1>;
  };

  explicit basic_socket_acceptor(const executor_type& ex) : object(ex) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_socket_acceptor(ExecutionContext& ctx) : basic_socket_acceptor(executor_type(ctx.get_executor())) {}

  // Opens, optionally sets SO_REUSEADDR, binds and listens.
  basic_socket_acceptor(const executor_type& ex, const endpoint_type& endpoint, bool reuse_addr = true)
      : basic_socket_acceptor(ex) {
    open(endpoint.protocol());
    if (reuse_addr) throw_if(core_.set_reuse_address(true), "set_option");
    bind(endpoint);
    listen();
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_socket_acceptor(ExecutionContext& ctx, const endpoint_type& endpoint, bool reuse_addr = true)
      : basic_socket_acceptor(executor_type(ctx.get_executor()), endpoint, reuse_addr) {}

  basic_socket_acceptor(basic_socket_acceptor&&) noexcept = default;
  basic_socket_acceptor& operator=(basic_socket_acceptor&&) noexcept = default;

  template <class Executor1>
    requires std::is_convertible_v<Executor1, Executor>
  basic_socket_acceptor(basic_socket_acceptor<Protocol, Executor1>&& other)
      : object(static_cast<detail::reactive_object<Executor1>&&>(other)) {}

  basic_socket_acceptor(const basic_socket_acceptor&) = delete;
  basic_socket_acceptor& operator=(const basic_socket_acceptor&) = delete;

  void open(const protocol_type& protocol = protocol_type()) {
    error_code ec;
    open(protocol, ec);
    throw_if(ec, "open");
  }
  void open(const protocol_type& protocol, error_code& ec) {
    ec = core_.open(protocol.family(), protocol.type(), protocol.protocol());
  }

  void bind(const endpoint_type& endpoint) { throw_if(core_.bind(endpoint.data(), endpoint.size()), "bind"); }
  void bind(const endpoint_type& endpoint, error_code& ec) { ec = core_.bind(endpoint.data(), endpoint.size()); }

  void listen(int backlog = max_listen_connections) { throw_if(core_.listen(backlog), "listen"); }
  void listen(int backlog, error_code& ec) { ec = core_.listen(backlog); }

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

  template <class Executor1>
  void accept(basic_stream_socket<Protocol, Executor1>& peer) {
    throw_if(core_.accept(peer.core_), "accept");
  }
  template <class Executor1>
  void accept(basic_stream_socket<Protocol, Executor1>& peer, error_code& ec) {
    ec = core_.accept(peer.core_);
  }

  // The peer must stay alive until the handler runs; it must not be open.
  template <class Executor1, class AcceptToken = default_completion_token_t<executor_type>>
  decltype(auto) async_accept(basic_stream_socket<Protocol, Executor1>& peer,
                              AcceptToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<AcceptToken, void(error_code)>(initiate_async_accept(this), token, &peer.core_);
  }

 private:
  template <class, class>
  friend class basic_socket_acceptor;

  using object::core_;
  using object::throw_if;

  struct initiate_async_accept : object::template initiation_base<basic_socket_acceptor> {
    using object::template initiation_base<basic_socket_acceptor>::initiation_base;

    template <class AcceptHandler>
    void operator()(AcceptHandler&& handler, detail::socket_core* peer) const {
      auto& self = *this->self_;
      detail::accept_performer performer{{}, self.core_.native_handle(), peer, detail::unique_fd()};
      if (peer->is_open()) {
        detail::complete_socket_op_now(std::move(performer), std::forward<AcceptHandler>(handler), self.executor_,
                                       make_error_code(error::already_open));
        return;
      }
      self.start_op(detail::epoll_reactor::read_op, std::move(performer), std::forward<AcceptHandler>(handler));
    }
  };
};

}  // namespace refnet
