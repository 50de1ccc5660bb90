#include "refnet/detail/socket_core.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace refnet::detail {

namespace {

error_code last_error() noexcept { return error_code(errno, system_category()); }

bool would_block(int err) noexcept { return err == EAGAIN || err == EWOULDBLOCK; }

// One non-blocking system call that transfers bytes: true when finished (ec and bytes set), false
// when it would block.
template <class Call>
bool attempt_transfer(int fd, error_code& ec, std::size_t& bytes, Call call) {
  if (fd < 0) {
    ec = make_error_code(error::bad_descriptor);
    return true;
  }
  for (;;) {
    const ssize_t n = call();
    if (n >= 0) {
      ec.clear();
      bytes = static_cast<std::size_t>(n);
      return true;
    }
    if (errno == EINTR) continue;
    if (would_block(errno)) return false;
    ec = last_error();
    bytes = 0;
    return true;
  }
}

// A zero-byte stream transfer finishes at once, with success.
bool empty_transfer(int fd, std::size_t size, error_code& ec, std::size_t& bytes) {
  if (fd < 0 || size != 0) return false;
  ec.clear();
  bytes = 0;
  return true;
}

// Blocks until `fd` is ready for `events` (used by the synchronous operations).
error_code wait_for(int fd, short events) {
  pollfd p{fd, events, 0};
  for (;;) {
    if (::poll(&p, 1, -1) >= 0) return {};
    if (errno != EINTR) return last_error();
  }
}

}  // namespace

socket_core::socket_core(execution_context& ctx) : reactor_(&use_service<epoll_reactor>(ctx)) {}

socket_core::socket_core(socket_core&& other) noexcept
    : reactor_(other.reactor_), fd_(std::exchange(other.fd_, -1)), state_(std::exchange(other.state_, nullptr)) {}

socket_core& socket_core::operator=(socket_core&& other) noexcept {
  if (this != &other) {
    close();
    reactor_ = other.reactor_;
    fd_ = std::exchange(other.fd_, -1);
    state_ = std::exchange(other.state_, nullptr);
  }
  return *this;
}

socket_core::~socket_core() { close(); }

error_code socket_core::open(int family, int type, int protocol) {
  if (is_open()) return make_error_code(error::already_open);
  const int fd = ::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
  if (fd < 0) return last_error();
  return assign(fd);
}

error_code socket_core::assign(int fd) {
  if (is_open()) {
    ::close(fd);
    return make_error_code(error::already_open);
  }
  const int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
    const error_code ec = last_error();
    ::close(fd);
    return ec;
  }
  if (error_code ec = reactor_->register_descriptor(fd, state_)) {
    ::close(fd);
    return ec;
  }
  fd_ = fd;
  return {};
}

error_code socket_core::close() {
  if (!is_open()) return {};
  reactor_->deregister_descriptor(state_);  // pending operations end with operation_aborted
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0 && errno != EINTR) return last_error();
  return {};
}

error_code socket_core::cancel() {
  if (!is_open()) return make_error_code(error::bad_descriptor);
  reactor_->cancel_ops(state_);
  return {};
}

error_code socket_core::set_reuse_address(bool on) {
  const int value = on ? 1 : 0;
  if (::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &value, sizeof value) != 0) return last_error();
  return {};
}

error_code socket_core::bind(const sockaddr* addr, std::size_t len) {
  if (::bind(fd_, addr, static_cast<socklen_t>(len)) != 0) return last_error();
  return {};
}

error_code socket_core::listen(int backlog) {
  if (::listen(fd_, backlog) != 0) return last_error();
  return {};
}

error_code socket_core::local_endpoint(sockaddr* addr, std::size_t capacity) const {
  socklen_t len = static_cast<socklen_t>(capacity);
  if (::getsockname(fd_, addr, &len) != 0) return last_error();
  return {};
}

error_code socket_core::remote_endpoint(sockaddr* addr, std::size_t capacity) const {
  socklen_t len = static_cast<socklen_t>(capacity);
  if (::getpeername(fd_, addr, &len) != 0) return last_error();
  return {};
}

std::size_t socket_core::available(error_code& ec) const {
  int count = 0;
  if (::ioctl(fd_, FIONREAD, &count) != 0) {
    ec = last_error();
    return 0;
  }
  ec.clear();
  return static_cast<std::size_t>(count);
}

error_code socket_core::connect(const sockaddr* addr, std::size_t len) {
  if (::connect(fd_, addr, static_cast<socklen_t>(len)) == 0) return {};
  if (errno != EINPROGRESS) return last_error();
  if (error_code ec = wait_for(fd_, POLLOUT)) return ec;
  int err = 0;
  socklen_t err_len = sizeof err;
  if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &err_len) != 0) return last_error();
  return error_code(err, system_category());
}

std::size_t socket_core::read_some(const mutable_buffer& b, error_code& ec) {
  recv_performer performer{{}, fd_, b};
  std::size_t bytes = 0;
  while (!performer.perform(ec, bytes))
    if ((ec = wait_for(fd_, POLLIN))) return 0;
  return bytes;
}

std::size_t socket_core::write_some(const const_buffer& b, error_code& ec) {
  send_performer performer{{}, fd_, b};
  std::size_t bytes = 0;
  while (!performer.perform(ec, bytes))
    if ((ec = wait_for(fd_, POLLOUT))) return 0;
  return bytes;
}

std::size_t socket_core::send_to(const const_buffer& b, const sockaddr* to, std::size_t to_len, error_code& ec) {
  sendto_performer performer{{}, fd_, b, {}, static_cast<socklen_t>(to_len)};
  std::memcpy(&performer.to, to, to_len);
  std::size_t bytes = 0;
  while (!performer.perform(ec, bytes))
    if ((ec = wait_for(fd_, POLLOUT))) return 0;
  return bytes;
}

std::size_t socket_core::receive_from(const mutable_buffer& b, sockaddr* from, std::size_t from_capacity,
                                      error_code& ec) {
  recvfrom_performer performer{{}, fd_, b, from, from_capacity};
  std::size_t bytes = 0;
  while (!performer.perform(ec, bytes))
    if ((ec = wait_for(fd_, POLLIN))) return 0;
  return bytes;
}

error_code socket_core::accept(socket_core& peer) {
  if (peer.is_open()) return make_error_code(error::already_open);
  accept_performer performer{{}, fd_, &peer, unique_fd()};
  error_code ec;
  std::size_t unused = 0;
  while (!performer.perform(ec, unused))
    if ((ec = wait_for(fd_, POLLIN))) return ec;
  performer.finish(ec);
  return ec;
}

unique_fd& unique_fd::operator=(unique_fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

unique_fd::~unique_fd() {
  if (fd_ >= 0) ::close(fd_);
}

bool recv_performer::perform(error_code& ec, std::size_t& bytes) {
  if (empty_transfer(fd, buffer.size(), ec, bytes)) return true;
  const bool done = attempt_transfer(fd, ec, bytes, [this] {
    return kind == descriptor_kind::socket ? ::recv(fd, buffer.data(), buffer.size(), 0)
                                           : ::read(fd, buffer.data(), buffer.size());
  });
  if (done && !ec && bytes == 0) ec = make_error_code(error::eof);  // the stream's orderly end
  return done;
}

bool send_performer::perform(error_code& ec, std::size_t& bytes) {
  if (empty_transfer(fd, buffer.size(), ec, bytes)) return true;
  return attempt_transfer(fd, ec, bytes, [this] {
    return kind == descriptor_kind::socket ? ::send(fd, buffer.data(), buffer.size(), MSG_NOSIGNAL)
                                           : ::write(fd, buffer.data(), buffer.size());
  });
}

bool recvfrom_performer::perform(error_code& ec, std::size_t& bytes) {
  return attempt_transfer(fd, ec, bytes, [this] {
    socklen_t len = static_cast<socklen_t>(from_capacity);
    return ::recvfrom(fd, buffer.data(), buffer.size(), 0, from, from ? &len : nullptr);
  });
}

bool sendto_performer::perform(error_code& ec, std::size_t& bytes) {
  const auto* destination = to_len == 0 ? nullptr : reinterpret_cast<const sockaddr*>(&to);
  return attempt_transfer(fd, ec, bytes, [this, destination] {
    return ::sendto(fd, buffer.data(), buffer.size(), MSG_NOSIGNAL, destination, to_len);
  });
}

bool wait_performer::perform(error_code& ec, std::size_t&) {
  if (fd < 0) {
    ec = make_error_code(error::bad_descriptor);
    return true;
  }
  static constexpr short events[] = {POLLIN, POLLOUT, POLLPRI};
  pollfd p{fd, events[what], 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  ec.clear();
  return true;
}

bool connect_performer::perform(error_code& ec, std::size_t&) {
  // Non-destructive readiness check, so it can run speculatively or on any event.
  pollfd p{fd, POLLOUT, 0};
  if (::poll(&p, 1, 0) == 0 || (p.revents & (POLLOUT | POLLERR | POLLHUP)) == 0) return false;
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
  ec = error_code(err, system_category());
  return true;
}

void connect_performer::undo_on_cancellation(int fd) noexcept {
  sockaddr unspecified{};
  unspecified.sa_family = AF_UNSPEC;
  ::connect(fd, &unspecified, sizeof unspecified);
}

bool accept_performer::perform(error_code& ec, std::size_t&) {
  for (;;) {
    const int new_fd = ::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (new_fd >= 0) {
      accepted = unique_fd(new_fd);
      ec.clear();
      return true;
    }
    if (errno == EINTR || errno == ECONNABORTED) continue;
    if (would_block(errno)) return false;
    ec = last_error();
    return true;
  }
}

void accept_performer::finish(error_code& ec) {
  if (!ec) ec = peer->assign(accepted.release());
}

}  // namespace refnet::detail
