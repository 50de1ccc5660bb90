// [socket.stream] basic_stream_socket (the socket members of [socket.basic] included).
#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"
#include "refnet/socket_base.hpp"

namespace refnet {

template <class Protocol, class Executor>
class basic_socket_acceptor;

template <class Protocol, class Executor = any_io_executor>
class basic_stream_socket : public socket_base {
 public:
  using executor_type = Executor;
  using protocol_type = Protocol;
  using endpoint_type = typename Protocol::endpoint;
  using native_handle_type = int;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_stream_socket<Protocol, Executor1>;
  };

  explicit basic_stream_socket(const executor_type& ex) : executor_(ex), core_(executor_.context()) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_stream_socket(ExecutionContext& ctx) : basic_stream_socket(executor_type(ctx.get_executor())) {}

  basic_stream_socket(const executor_type& ex, const protocol_type& protocol) : basic_stream_socket(ex) {
    open(protocol);
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_stream_socket(ExecutionContext& ctx, const protocol_type& protocol)
      : basic_stream_socket(executor_type(ctx.get_executor()), protocol) {}

  basic_stream_socket(basic_stream_socket&&) noexcept = default;
  basic_stream_socket& operator=(basic_stream_socket&&) noexcept = default;

  template <class Executor1>
    requires std::is_convertible_v<Executor1, Executor>
  basic_stream_socket(basic_stream_socket<Protocol, Executor1>&& other)
      : executor_(other.executor_), core_(std::move(other.core_)) {}

  basic_stream_socket(const basic_stream_socket&) = delete;
  basic_stream_socket& operator=(const basic_stream_socket&) = delete;

  ~basic_stream_socket() = default;

  executor_type get_executor() noexcept { return executor_; }

  void open(const protocol_type& protocol = protocol_type()) {
    error_code ec;
    open(protocol, ec);
    throw_if(ec, "open");
  }
  void open(const protocol_type& protocol, error_code& ec) {
    ec = core_.open(protocol.family(), protocol.type(), protocol.protocol());
  }

  bool is_open() const noexcept { return core_.is_open(); }

  void close() { throw_if(core_.close(), "close"); }
  void close(error_code& ec) { ec = core_.close(); }

  // Aborts pending asynchronous operations with operation_aborted.
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
    if (!is_open() && (ec = core_.open(peer.protocol().family(), peer.protocol().type(), peer.protocol().protocol())))
      return;
    ec = core_.connect(peer.data(), peer.size());
  }

  std::size_t read_some(const mutable_buffer& buffers) {
    error_code ec;
    const std::size_t n = core_.read_some(buffers, ec);
    throw_if(ec, "read_some");
    return n;
  }
  std::size_t read_some(const mutable_buffer& buffers, error_code& ec) { return core_.read_some(buffers, ec); }

  std::size_t write_some(const const_buffer& buffers) {
    error_code ec;
    const std::size_t n = core_.write_some(buffers, ec);
    throw_if(ec, "write_some");
    return n;
  }
  std::size_t write_some(const const_buffer& buffers, error_code& ec) { return core_.write_some(buffers, ec); }

  // Opens the socket if needed; a failed connect leaves it open.
  template <class ConnectToken = default_completion_token_t<executor_type>>
  decltype(auto) async_connect(const endpoint_type& peer,
                               ConnectToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<ConnectToken, void(error_code)>(initiate_async_connect(this), token, peer);
  }

  template <class ReadToken = default_completion_token_t<executor_type>>
  decltype(auto) async_read_some(const mutable_buffer& buffers,
                                 ReadToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<ReadToken, void(error_code, std::size_t)>(initiate_async_read_some(this), token, buffers);
  }

  template <class WriteToken = default_completion_token_t<executor_type>>
  decltype(auto) async_write_some(const const_buffer& buffers,
                                  WriteToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<WriteToken, void(error_code, std::size_t)>(initiate_async_write_some(this), token,
                                                                     buffers);
  }

 private:
  template <class, class>
  friend class basic_stream_socket;
  template <class, class>
  friend class basic_socket_acceptor;

  static void throw_if(const error_code& ec, const char* what) {
    if (ec) throw system_error(ec, what);
  }

  // Each initiation exposes the I/O executor, as Asio's do.
  class initiation_base {
   public:
    using executor_type = Executor;
    explicit initiation_base(basic_stream_socket* self) noexcept : self_(self) {}
    executor_type get_executor() const noexcept { return self_->get_executor(); }

   protected:
    basic_stream_socket* self_;
  };

  struct initiate_async_connect : initiation_base {
    using initiation_base::initiation_base;
    template <class ConnectHandler>
    void operator()(ConnectHandler&& handler, const endpoint_type& peer) const {
      this->self_->start_connect(std::forward<ConnectHandler>(handler), peer);
    }
  };

  struct initiate_async_read_some : initiation_base {
    using initiation_base::initiation_base;
    template <class ReadHandler>
    void operator()(ReadHandler&& handler, const mutable_buffer& buffers) const {
      auto& self = *this->self_;
      detail::start_socket_op(self.core_, detail::epoll_reactor::read_op,
                              detail::recv_performer{{}, self.core_.native_handle(), buffers},
                              std::forward<ReadHandler>(handler), self.executor_, true);
    }
  };

  struct initiate_async_write_some : initiation_base {
    using initiation_base::initiation_base;
    template <class WriteHandler>
    void operator()(WriteHandler&& handler, const const_buffer& buffers) const {
      auto& self = *this->self_;
      detail::start_socket_op(self.core_, detail::epoll_reactor::write_op,
                              detail::send_performer{{}, self.core_.native_handle(), buffers},
                              std::forward<WriteHandler>(handler), self.executor_, true);
    }
  };

  template <class ConnectHandler>
  void start_connect(ConnectHandler&& handler, const endpoint_type& peer) {
    const auto protocol = peer.protocol();
    error_code ec;
    if (!is_open()) ec = core_.open(protocol.family(), protocol.type(), protocol.protocol());
    const int fd = core_.native_handle();
    if (!ec) {
      if (::connect(fd, peer.data(), static_cast<socklen_t>(peer.size())) == 0) {
        ec.clear();
      } else if (errno == EINPROGRESS) {
        detail::start_socket_op(core_, detail::epoll_reactor::write_op, detail::connect_performer{{}, fd},
                                std::forward<ConnectHandler>(handler), executor_, true);
        return;
      } else {
        ec = error_code(errno, system_category());
      }
    }
    detail::complete_socket_op_now(detail::connect_performer{{}, fd}, std::forward<ConnectHandler>(handler),
                                   executor_, ec);
  }

  Executor executor_;
  detail::socket_core core_;
};

}  // namespace refnet
