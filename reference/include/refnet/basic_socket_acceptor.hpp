// [socket.acceptor] basic_socket_acceptor.
#pragma once

#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/basic_stream_socket.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"
#include "refnet/socket_base.hpp"

namespace refnet {

template <class Protocol, class Executor = any_io_executor>
class basic_socket_acceptor : public socket_base {
 public:
  using executor_type = Executor;
  using protocol_type = Protocol;
  using endpoint_type = typename Protocol::endpoint;
  using native_handle_type = int;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_socket_acceptor<Protocol, Executor1>;
  };

  explicit basic_socket_acceptor(const executor_type& ex) : executor_(ex), core_(executor_.context()) {}

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
      : executor_(other.executor_), core_(std::move(other.core_)) {}

  basic_socket_acceptor(const basic_socket_acceptor&) = delete;
  basic_socket_acceptor& operator=(const basic_socket_acceptor&) = delete;

  executor_type get_executor() noexcept { return executor_; }

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

  bool is_open() const noexcept { return core_.is_open(); }

  void close() { throw_if(core_.close(), "close"); }
  void close(error_code& ec) { ec = core_.close(); }

  void cancel() { throw_if(core_.cancel(), "cancel"); }
  void cancel(error_code& ec) { ec = core_.cancel(); }

  native_handle_type native_handle() noexcept { return core_.native_handle(); }

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

  static void throw_if(const error_code& ec, const char* what) {
    if (ec) throw system_error(ec, what);
  }

  class initiate_async_accept {
   public:
    using executor_type = Executor;
    explicit initiate_async_accept(basic_socket_acceptor* self) noexcept : self_(self) {}
    executor_type get_executor() const noexcept { return self_->get_executor(); }

    template <class AcceptHandler>
    void operator()(AcceptHandler&& handler, detail::socket_core* peer) const {
      auto& self = *self_;
      detail::accept_performer performer{{}, self.core_.native_handle(), peer, detail::unique_fd()};
      if (peer->is_open()) {
        detail::complete_socket_op_now(std::move(performer), std::forward<AcceptHandler>(handler), self.executor_,
                                       make_error_code(error::already_open));
        return;
      }
      detail::start_socket_op(self.core_, detail::epoll_reactor::read_op, std::move(performer),
                              std::forward<AcceptHandler>(handler), self.executor_, true);
    }

   private:
    basic_socket_acceptor* self_;
  };

  Executor executor_;
  detail::socket_core core_;
};

}  // namespace refnet
