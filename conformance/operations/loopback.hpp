// Helpers for operation descriptors, part of the plug-in contract (docs/adapters.md): loopback
// TCP fixtures owned by operation instances (a listener, a port nobody listens on, a connected
// socket pair), recognisable payloads and their comparison, and small pieces of descriptor
// plumbing. All set-up is synchronous and on 127.0.0.1 with ephemeral ports; it never runs the
// io_context, so the only work a rule sees on it is the operation under test.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "conformance/harness/memory_attribution.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

inline net::ip::tcp::endpoint loopback_endpoint(unsigned short port = 0) {
  return net::ip::tcp::endpoint(net::ip::address_v4::loopback(), port);
}

// An acceptor listening on 127.0.0.1: connections to it succeed (they wait in its backlog,
// nobody needs to accept them).
class loopback_listener {
 public:
  explicit loopback_listener(net::io_context& ctx) : acceptor_(ctx, loopback_endpoint()) {}

  net::ip::tcp::endpoint endpoint() const { return acceptor_.local_endpoint(); }
  void accept(net::ip::tcp::socket& peer) { acceptor_.accept(peer); }

 private:
  net::ip::tcp::acceptor acceptor_;
};

// A 127.0.0.1 port that refuses connections: bound but not listening, so the kernel answers a
// SYN with a reset. Holding the binding (rather than binding and closing) keeps any other
// process from starting to listen on the port while the instance lives.
class refusing_port {
 public:
  explicit refusing_port(net::io_context& ctx) : bound_(ctx) {
    bound_.open(net::ip::tcp::v4());
    bound_.bind(loopback_endpoint());
  }

  net::ip::tcp::endpoint endpoint() const { return bound_.local_endpoint(); }

 private:
  net::ip::tcp::acceptor bound_;
};

// Two connected sockets: operations run on local(), of type Socket, built on ctx or on a chosen
// I/O executor; the descriptor drives peer(), on ctx, itself and synchronously to make them
// complete.
template <class Socket>
class basic_connected_pair {
 public:
  template <class... On>
  explicit basic_connected_pair(net::io_context& ctx, const On&... ex1) : local_(io_object_on(ctx, ex1...)), peer_(ctx) {
    loopback_listener listener(ctx);
    local_.connect(listener.endpoint());
    listener.accept(peer_);
  }

  Socket& local() { return local_; }
  net::ip::tcp::socket& peer() { return peer_; }

 private:
  Socket local_;
  net::ip::tcp::socket peer_;
};

using connected_pair = basic_connected_pair<net::ip::tcp::socket>;

// Sends to a peer socket in two parts: the first at once (synchronously), the second from a
// helper thread `delay` later, so that a reader started in between needs at least two steps
// (as long as its context runs within the delay). Declare it after the sockets it uses: its
// destruction stops waiting and joins the helper thread first.
class two_part_sender {
 public:
  static constexpr std::chrono::milliseconds default_delay{20};

  void start(net::ip::tcp::socket& peer, net::const_buffer first, net::const_buffer second,
             std::chrono::milliseconds delay = default_delay) {
    net::write(peer, first);
    helper_ = std::jthread([&peer, second, delay](std::stop_token stop) {
      const memory_of peer_side(memory_owner::probe);  // the test's peer: not the operation's memory
      std::mutex unused;
      std::unique_lock lock(unused);
      if (std::condition_variable_any().wait_for(lock, stop, delay, [] { return false; }) || stop.stop_requested()) {
        return;
      }
      target::error_code ignored;  // the reader may already be gone; nothing to report then
      net::write(peer, second, ignored);
    });
  }

 private:
  std::jthread helper_;
};

// The TCP socket type on a chosen I/O executor.
template <class Executor>
using tcp_socket_on = net::basic_stream_socket<net::ip::tcp, Executor>;

// A descriptor's instance and instance_on for a run over a TCP socket type.
template <template <class> class Run>
using on_tcp_sockets = runs_on_any_executor<Run, net::ip::tcp::socket, tcp_socket_on>;

// What a peer sends: a recognisable pattern, so that bytes which arrived can be told apart from
// a receiving buffer's initial zeros.
template <class Bytes>
void fill_with_pattern(Bytes& bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>('A' + i % 26);
}

template <std::size_t Size>
std::array<char, Size> patterned_bytes() {
  std::array<char, Size> bytes{};
  fill_with_pattern(bytes);
  return bytes;
}

inline std::vector<char> patterned_bytes(std::size_t size) {
  std::vector<char> bytes(size);
  fill_with_pattern(bytes);
  return bytes;
}

// Empty when the first `count` bytes of `received` are those of `sent`, else what is wrong.
template <class Sent, class Received>
std::string compare_prefix(const Sent& sent, const Received& received, std::size_t count, const char* where) {
  if (count > sent.size() || count > received.size()) {
    return std::to_string(count) + " bytes reported, more than were sent";
  }
  if (std::equal(sent.begin(), sent.begin() + static_cast<std::ptrdiff_t>(count), received.begin())) return {};
  return std::string(where) + " does not hold the " + std::to_string(count) + " bytes reported as transferred";
}

// The identity buffer wrapper: initiate(token) is initiate_with_buffers(as_is{}, token).
struct as_is {
  template <class Buffer>
  Buffer operator()(const Buffer& buffer) const {
    return buffer;
  }
};

// Gives a descriptor instance that has initiate_with_buffers(wrap, token) its initiate(token):
// the same call with the buffer passed as it is.
template <class Instance>
class initiation_with_plain_buffers {
 public:
  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return static_cast<Instance&>(*this).initiate_with_buffers(as_is{}, std::forward<Token>(token));
  }
};

// Runs an action when the enclosing scope ends, i.e. after a `return initiating_function(...)`
// has produced its value: the way a descriptor acts right after the operation has started.
template <class Action>
class after_return {
 public:
  explicit after_return(Action action) : action_(std::move(action)) {}
  ~after_return() { action_(); }
  after_return(const after_return&) = delete;
  after_return& operator=(const after_return&) = delete;

 private:
  Action action_;
};

}  // namespace conformance::operations
