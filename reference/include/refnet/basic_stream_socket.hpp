// [socket.stream] basic_stream_socket.
#pragma once

#include <cstddef>
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
class basic_stream_socket : public basic_socket<Protocol, Executor> {
  using base = basic_socket<Protocol, Executor>;

 public:
  using typename base::endpoint_type;
  using typename base::executor_type;
  using typename base::protocol_type;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_stream_socket<Protocol, Executor1>;
  };

  explicit basic_stream_socket(const executor_type& ex) : base(ex) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_stream_socket(ExecutionContext& ctx) : basic_stream_socket(executor_type(ctx.get_executor())) {}

  basic_stream_socket(const executor_type& ex, const protocol_type& protocol) : basic_stream_socket(ex) {
    this->open(protocol);
  }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_stream_socket(ExecutionContext& ctx, const protocol_type& protocol)
      : basic_stream_socket(executor_type(ctx.get_executor()), protocol) {}

  basic_stream_socket(basic_stream_socket&&) noexcept = default;
  basic_stream_socket& operator=(basic_stream_socket&&) noexcept = default;

  template <class Executor1>
    requires std::is_convertible_v<Executor1, Executor>
  basic_stream_socket(basic_stream_socket<Protocol, Executor1>&& other) : base(std::move(other)) {}

  basic_stream_socket(const basic_stream_socket&) = delete;
  basic_stream_socket& operator=(const basic_stream_socket&) = delete;

  ~basic_stream_socket() = default;

  std::size_t read_some(const mutable_buffer& buffers) {
    error_code ec;
    const std::size_t n = read_some(buffers, ec);
    base::throw_if(ec, "read_some");
    return n;
  }
  std::size_t read_some(const mutable_buffer& buffers, error_code& ec) { return this->core_.read_some(buffers, ec); }

  std::size_t write_some(const const_buffer& buffers) {
    error_code ec;
    const std::size_t n = write_some(buffers, ec);
    base::throw_if(ec, "write_some");
    return n;
  }
  std::size_t write_some(const const_buffer& buffers, error_code& ec) { return this->core_.write_some(buffers, ec); }

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
  using initiation = typename base::template initiation_base<basic_stream_socket>;

  struct initiate_async_read_some : initiation {
    using initiation::initiation;
    template <class ReadHandler>
    void operator()(ReadHandler&& handler, const mutable_buffer& buffers) const {
      auto& self = *this->self_;
      self.start_op(detail::epoll_reactor::read_op, detail::recv_performer{{}, self.core_.native_handle(), buffers},
                    std::forward<ReadHandler>(handler));
    }
  };

  struct initiate_async_write_some : initiation {
    using initiation::initiation;
    template <class WriteHandler>
    void operator()(WriteHandler&& handler, const const_buffer& buffers) const {
      auto& self = *this->self_;
      self.start_op(detail::epoll_reactor::write_op, detail::send_performer{{}, self.core_.native_handle(), buffers},
                    std::forward<WriteHandler>(handler));
    }
  };
};

}  // namespace refnet
