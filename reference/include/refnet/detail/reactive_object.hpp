// Mechanics: what every I/O object over a reactor-registered descriptor shares (sockets,
// acceptors, stream descriptors): its I/O executor, the descriptor, closing, cancelling, and
// starting one reactor operation with the executor's work and the handler's associations.
#pragma once

#include <utility>

#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"

namespace refnet::detail {

template <class Executor>
class reactive_object {
 public:
  using executor_type = Executor;
  using native_handle_type = int;

  executor_type get_executor() noexcept { return executor_; }

  bool is_open() const noexcept { return core_.is_open(); }

  void close() { throw_if(core_.close(), "close"); }
  void close(error_code& ec) { ec = core_.close(); }

  // Aborts pending asynchronous operations with operation_aborted.
  void cancel() { throw_if(core_.cancel(), "cancel"); }
  void cancel(error_code& ec) { ec = core_.cancel(); }

  native_handle_type native_handle() noexcept { return core_.native_handle(); }

 protected:
  explicit reactive_object(const executor_type& ex) : executor_(ex), core_(executor_.context()) {}

  template <class Executor1>
  explicit reactive_object(reactive_object<Executor1>&& other)
      : executor_(other.executor_), core_(std::move(other.core_)) {}

  reactive_object(reactive_object&&) noexcept = default;
  reactive_object& operator=(reactive_object&&) noexcept = default;
  ~reactive_object() = default;

  static void throw_if(const error_code& ec, const char* what) {
    if (ec) throw system_error(ec, what);
  }

  // Each initiation exposes the I/O executor, as Asio's do.
  template <class Object>
  class initiation_base {
   public:
    using executor_type = Executor;
    explicit initiation_base(Object* self) noexcept : self_(self) {}
    executor_type get_executor() const noexcept { return self_->get_executor(); }

   protected:
    Object* self_;
  };

  // Starts one reactor operation on this object's descriptor.
  template <class Performer, class Handler>
  void start_op(epoll_reactor::op_type type, Performer performer, Handler&& handler) {
    start_socket_op(core_, type, std::move(performer), std::forward<Handler>(handler), executor_, true);
  }

  Executor executor_;
  socket_core core_;

 private:
  template <class>
  friend class reactive_object;
};

}  // namespace refnet::detail
