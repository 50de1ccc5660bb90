// Operation descriptor for the composed operation async_write ([buffer.async.write]) of a
// payload far larger than the socket buffers: a sequence of intermediate async_write_some
// operations ([async.reqmts.async.composed]).
#pragma once

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "conformance/harness/memory_attribution.hpp"
#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

template <class Socket>
class composed_write : public initiation_with_plain_buffers<composed_write<Socket>> {
 public:
  static constexpr std::size_t size = 128 * 1024;
  static constexpr int small_buffer = 4096;

  template <class... On>
  explicit composed_write(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {
    // Small kernel buffers on both ends: one write_some step moves some kilobytes at most, so
    // the payload takes several steps however quickly the peer reads.
    ::setsockopt(sockets_.local().native_handle(), SOL_SOCKET, SO_SNDBUF, &small_buffer, sizeof small_buffer);
    ::setsockopt(sockets_.peer().native_handle(), SOL_SOCKET, SO_RCVBUF, &small_buffer, sizeof small_buffer);
  }

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const operations::after_return peer_reads([this] { start_reader(); });
    return net::async_write(sockets_.local(), std::forward<Wrap>(wrap)(net::buffer(payload_)),
                            std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{size, size}}; }

  // The composed write's side effect: the peer received every byte, in order. The reader may
  // still be taking the last bytes out of the kernel when the handler has run: wait for it.
  std::string missing_side_effects(const outcome& result) {
    const std::size_t reported = result.bytes.value_or(0);
    {
      std::unique_lock lock(progress_);
      received_more_.wait_for(lock, std::chrono::seconds(5), [&] { return received_count_ >= reported; });
    }
    reader_.request_stop();
    reader_.join();
    if (received_count_ < reported) {
      return "the peer received " + std::to_string(received_count_) + " of the " + std::to_string(reported) +
             " bytes reported as written";
    }
    return operations::compare_prefix(payload_, received_, reported, "what the peer received");
  }

 private:
  // From here on only the reader thread uses the peer socket, directly through its descriptor
  // (the library's own synchronous read is not what is under test); it is stopped and joined
  // before the sockets are destroyed, as the last member.
  void start_reader() {
    received_.resize(size);
    reader_ = std::jthread([this](std::stop_token stop) {
      const memory_of peer(memory_owner::probe);  // the test's peer: not the operation's memory
      read_everything(stop);
    });
  }

  void read_everything(const std::stop_token& stop) {
    const int fd = sockets_.peer().native_handle();
    std::size_t got = 0;
    while (!stop.stop_requested() && got < size) {
      pollfd readable{fd, POLLIN, 0};
      ::poll(&readable, 1, 20);
      const auto n = ::recv(fd, received_.data() + got, size - got, MSG_DONTWAIT);
      if (n == 0) break;
      if (n > 0) {
        got += static_cast<std::size_t>(n);
        const std::lock_guard lock(progress_);
        received_count_ = got;
        received_more_.notify_all();
      }
    }
  }

  basic_connected_pair<Socket> sockets_;
  std::vector<char> payload_ = patterned_bytes(size);
  std::vector<char> received_;
  std::mutex progress_;
  std::condition_variable received_more_;
  std::size_t received_count_ = 0;  // guarded by progress_
  std::jthread reader_;
};

}  // namespace detail

// Writes 128 KiB to a loopback peer that a helper thread drains, through 4 KiB socket buffers:
// the composed operation takes many intermediate async_write_some steps (the first may happen
// inside the initiating function) and completes later with all 128 KiB.
// It can be built on a chosen I/O executor (instance_on): the writing socket on it.
struct async_write_composed : on_tcp_sockets<detail::composed_write> {
  static constexpr std::string_view name = "async_write.composed";
  static constexpr completion completes = completion::later;
  static constexpr bool composed = true;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::const_buffer;
};

}  // namespace conformance::operations
