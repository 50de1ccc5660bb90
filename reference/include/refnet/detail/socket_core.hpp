// Mechanics: the executor-independent part of a socket: the descriptor, its
// reactor registration, blocking helpers, and the performers of async operations.
#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <utility>

#include "refnet/buffer.hpp"
#include "refnet/cancellation_type.hpp"
#include "refnet/detail/epoll_reactor.hpp"
#include "refnet/detail/reactive_op.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"

namespace refnet::detail {

class socket_core {
 public:
  explicit socket_core(execution_context& ctx);
  socket_core(socket_core&& other) noexcept;
  socket_core& operator=(socket_core&& other) noexcept;
  socket_core(const socket_core&) = delete;
  socket_core& operator=(const socket_core&) = delete;
  ~socket_core();

  bool is_open() const noexcept { return fd_ >= 0; }
  int native_handle() const noexcept { return fd_; }
  epoll_reactor& reactor() const noexcept { return *reactor_; }
  epoll_reactor::descriptor_state* reactor_data() const noexcept { return state_; }

  error_code open(int family, int type, int protocol);
  error_code assign(int fd);  // takes ownership of an open descriptor
  error_code close();
  error_code cancel();

  error_code set_reuse_address(bool on);
  error_code bind(const sockaddr* addr, std::size_t len);
  error_code listen(int backlog);
  error_code local_endpoint(sockaddr* addr, std::size_t capacity) const;
  std::size_t available(error_code& ec) const;
  error_code remote_endpoint(sockaddr* addr, std::size_t capacity) const;

  // Blocking operations (the descriptor itself is always non-blocking).
  error_code connect(const sockaddr* addr, std::size_t len);
  std::size_t read_some(const mutable_buffer& b, error_code& ec);
  std::size_t write_some(const const_buffer& b, error_code& ec);
  std::size_t send_to(const const_buffer& b, const sockaddr* to, std::size_t to_len, error_code& ec);
  std::size_t receive_from(const mutable_buffer& b, sockaddr* from, std::size_t from_capacity, error_code& ec);
  error_code accept(socket_core& peer);

 private:
  epoll_reactor* reactor_;
  int fd_ = -1;
  epoll_reactor::descriptor_state* state_ = nullptr;
};

// Owns an accepted descriptor until it is handed to the peer socket.
class unique_fd {
 public:
  unique_fd() noexcept = default;
  explicit unique_fd(int fd) noexcept : fd_(fd) {}
  unique_fd(unique_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  unique_fd& operator=(unique_fd&& other) noexcept;
  ~unique_fd();
  int release() noexcept { return std::exchange(fd_, -1); }

 private:
  int fd_ = -1;
};

// Performers: one non-blocking attempt of the system call behind each operation.

// Sockets use recv/send (no SIGPIPE); other stream descriptors (pipes) read/write.
enum class descriptor_kind { socket, file };

struct recv_performer : transfer_completion {
  int fd;
  mutable_buffer buffer;
  descriptor_kind kind = descriptor_kind::socket;
  bool perform(error_code& ec, std::size_t& bytes);
};

struct send_performer : transfer_completion {
  int fd;
  const_buffer buffer;
  descriptor_kind kind = descriptor_kind::socket;
  bool perform(error_code& ec, std::size_t& bytes);
};

// One datagram: a received datagram may be empty; the sender's address, when asked for, goes to
// `from` (an endpoint owned by the caller, which must outlive the operation).
struct recvfrom_performer : transfer_completion {
  int fd;
  mutable_buffer buffer;
  sockaddr* from;
  std::size_t from_capacity;
  bool perform(error_code& ec, std::size_t& bytes);
};

// One datagram to `to` (copied: the destination argument need not outlive the initiation), or
// to the connected peer when `to_len` is 0.
struct sendto_performer : transfer_completion {
  int fd;
  const_buffer buffer;
  sockaddr_storage to;
  socklen_t to_len;
  bool perform(error_code& ec, std::size_t& bytes);
};

// A readiness wait: finished as soon as the descriptor is ready for `what` (checked without
// consuming anything, so it can run speculatively or on any event).
struct wait_performer : error_only_completion {
  int fd;
  int what;  // socket_base::wait_type
  bool perform(error_code& ec, std::size_t& bytes);
  static epoll_reactor::op_type op_type_for(int what) noexcept {
    return what == 0 ? epoll_reactor::read_op : what == 1 ? epoll_reactor::write_op : epoll_reactor::except_op;
  }
};

struct connect_performer : error_only_completion {
  int fd;
  bool perform(error_code& ec, std::size_t& bytes);
  // Dissolves a connect still in progress (connect with AF_UNSPEC), so that a
  // cancelled connect leaves the socket as it was before it: what total
  // cancellation promises.
  static void undo_on_cancellation(int fd) noexcept;
};

struct accept_performer : error_only_completion {
  int fd;
  socket_core* peer;
  unique_fd accepted;
  bool perform(error_code& ec, std::size_t& bytes);
  void finish(error_code& ec);  // hands the new descriptor to the peer socket
};

// What undoes a cancelled operation's system call, if anything must: only a
// connect leaves something behind (the kernel's connect in progress).
template <class Performer>
constexpr auto undo_on_cancellation_of() noexcept -> void (*)(int) {
  if constexpr (requires { &Performer::undo_on_cancellation; })
    return &Performer::undo_on_cancellation;
  else
    return nullptr;
}

// Per-operation cancellation of a socket operation (terminal, partial and total).
class reactor_op_cancellation {
 public:
  reactor_op_cancellation(epoll_reactor& reactor, epoll_reactor::descriptor_state* state, epoll_reactor::op_type type,
                          void (*undo)(int fd)) noexcept
      : reactor_(&reactor), state_(state), type_(type), undo_(undo) {}

  void operator()(cancellation_type_t type) {
    if ((type & (cancellation_type::terminal | cancellation_type::partial | cancellation_type::total)) !=
        cancellation_type::none)
      reactor_->cancel_ops_by_key(state_, type_, this, undo_);
  }

 private:
  epoll_reactor* reactor_;
  epoll_reactor::descriptor_state* state_;
  epoll_reactor::op_type type_;
  void (*undo_)(int fd);
};

// Starts one reactor operation for `handler` on `core`: it either waits in the
// reactor or, having finished inside this call, is completed as if by post.
template <class Performer, class Handler, class IoExecutor>
void start_socket_op(socket_core& core, epoll_reactor::op_type type, Performer performer, Handler&& handler,
                     const IoExecutor& io_ex, bool speculative) {
  auto op = make_reactive_op(std::move(performer), std::forward<Handler>(handler), io_ex);
  if (auto* state = core.reactor_data()) {
    auto slot = get_associated_cancellation_slot(op->handler());
    if (slot.is_connected())
      op->cancellation_key_ = &slot.template emplace<reactor_op_cancellation>(core.reactor(), state, type,
                                                                              undo_on_cancellation_of<Performer>());
  }
  if (!core.reactor().start_op(type, core.reactor_data(), op.get(), speculative)) {
    op.release();  // now owned by the reactor
    return;
  }
  op.release()->complete_immediately();
}

// Completes an operation inside its initiating function with a known result.
template <class Performer, class Handler, class IoExecutor>
void complete_socket_op_now(Performer performer, Handler&& handler, const IoExecutor& io_ex, const error_code& ec,
                            std::size_t bytes = 0) {
  auto op = make_reactive_op(std::move(performer), std::forward<Handler>(handler), io_ex);
  op->ec_ = ec;
  op->bytes_transferred_ = bytes;
  op.release()->complete_immediately();
}

}  // namespace refnet::detail
