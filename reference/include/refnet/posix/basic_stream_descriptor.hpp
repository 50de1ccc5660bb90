// posix::basic_stream_descriptor (Asio's, beyond the TS): asynchronous reads and writes on a
// POSIX stream-oriented file descriptor such as a pipe, which the object owns.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/reactive_object.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"

namespace refnet::posix {

template <class Executor = any_io_executor>
class basic_stream_descriptor : public detail::reactive_object<Executor> {
  using base = detail::reactive_object<Executor>;

 public:
  using typename base::executor_type;
  using typename base::native_handle_type;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_stream_descriptor<Executor1>;
  };

  explicit basic_stream_descriptor(const executor_type& ex) : base(ex) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_stream_descriptor(ExecutionContext& ctx) : basic_stream_descriptor(executor_type(ctx.get_executor())) {}

  basic_stream_descriptor(const executor_type& ex, native_handle_type fd) : basic_stream_descriptor(ex) { assign(fd); }

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  basic_stream_descriptor(ExecutionContext& ctx, native_handle_type fd)
      : basic_stream_descriptor(executor_type(ctx.get_executor()), fd) {}

  basic_stream_descriptor(basic_stream_descriptor&&) noexcept = default;
  basic_stream_descriptor& operator=(basic_stream_descriptor&&) noexcept = default;

  template <class Executor1>
    requires std::is_convertible_v<Executor1, Executor>
  basic_stream_descriptor(basic_stream_descriptor<Executor1>&& other) : base(std::move(other)) {}

  basic_stream_descriptor(const basic_stream_descriptor&) = delete;
  basic_stream_descriptor& operator=(const basic_stream_descriptor&) = delete;

  ~basic_stream_descriptor() = default;

  // Takes ownership of an open descriptor (made non-blocking).
  void assign(native_handle_type fd) { base::throw_if(this->core_.assign(fd), "assign"); }
  void assign(native_handle_type fd, error_code& ec) { ec = this->core_.assign(fd); }

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
  using initiation = typename base::template initiation_base<basic_stream_descriptor>;

  struct initiate_async_read_some : initiation {
    using initiation::initiation;
    template <class ReadHandler>
    void operator()(ReadHandler&& handler, const mutable_buffer& buffers) const {
      auto& self = *this->self_;
      self.start_op(detail::epoll_reactor::read_op,
                    detail::recv_performer{{}, self.core_.native_handle(), buffers, detail::descriptor_kind::file},
                    std::forward<ReadHandler>(handler));
    }
  };

  struct initiate_async_write_some : initiation {
    using initiation::initiation;
    template <class WriteHandler>
    void operator()(WriteHandler&& handler, const const_buffer& buffers) const {
      auto& self = *this->self_;
      self.start_op(detail::epoll_reactor::write_op,
                    detail::send_performer{{}, self.core_.native_handle(), buffers, detail::descriptor_kind::file},
                    std::forward<WriteHandler>(handler));
    }
  };
};

using stream_descriptor = basic_stream_descriptor<>;

}  // namespace refnet::posix
