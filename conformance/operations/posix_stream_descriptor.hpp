// Operation descriptors for posix::basic_stream_descriptor over a pipe: async_read_some on the
// read end once bytes are written into the pipe, and with nothing written (outstanding until
// cancelled). The pipe's write end is a plain descriptor the instance writes to itself (the
// library's own I/O is not what is under test there). Each can be built on a chosen I/O executor
// (instance_on): the stream descriptor on it.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// The stream descriptor type on a chosen I/O executor.
template <class Executor>
using stream_descriptor_on = net::posix::basic_stream_descriptor<Executor>;

// A descriptor's instance and instance_on for a run over a stream descriptor type.
template <template <class> class Run>
using on_stream_descriptors = runs_on_any_executor<Run, net::posix::stream_descriptor, stream_descriptor_on>;

// A pipe: its read end owned by reader(), of type Descriptor, built on ctx or on a chosen I/O
// executor; its write end a plain descriptor written with write(2).
template <class Descriptor>
class basic_pipe {
 public:
  template <class... On>
  explicit basic_pipe(net::io_context& ctx, const On&... ex1) : reader_(io_object_on(ctx, ex1...)) {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    write_end_ = ends[1];
    reader_.assign(ends[0]);
  }
  ~basic_pipe() { ::close(write_end_); }
  basic_pipe(const basic_pipe&) = delete;
  basic_pipe& operator=(const basic_pipe&) = delete;

  Descriptor& reader() { return reader_; }

  // Empty when all of `bytes` went into the pipe, else what went wrong.
  template <class Bytes>
  std::string write_all(const Bytes& bytes) {
    const auto n = ::write(write_end_, bytes.data(), bytes.size());
    if (n == static_cast<decltype(n)>(bytes.size())) return {};
    return "writing into the pipe failed";
  }

 private:
  Descriptor reader_;
  int write_end_ = -1;
};

namespace detail {

inline constexpr std::size_t pipe_payload_size = 32;

template <class Descriptor>
class pipe_read : public initiation_with_plain_buffers<pipe_read<Descriptor>> {
 public:
  template <class... On>
  explicit pipe_read(net::io_context& ctx, const On&... ex1) : pipe_(ctx, ex1...) {}

  template <class Wrap, class Token>
  decltype(auto) initiate_with_buffers(Wrap&& wrap, Token&& token) {
    const after_return writer_writes([this] { write_failure_ = pipe_.write_all(payload_); });
    return pipe_.reader().async_read_some(std::forward<Wrap>(wrap)(net::buffer(buffer_)), std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{1, pipe_payload_size}}; }

  std::string missing_side_effects(const outcome& result) const {
    if (!write_failure_.empty()) return "(the descriptor's own set-up failed: " + write_failure_ + ")";
    return compare_prefix(payload_, buffer_, result.bytes.value_or(0), "the read buffer");
  }

 private:
  basic_pipe<Descriptor> pipe_;
  std::array<char, pipe_payload_size> payload_ = patterned_bytes<pipe_payload_size>();
  std::array<char, 2 * pipe_payload_size> buffer_{};
  std::string write_failure_;
};

template <class Descriptor>
class pending_pipe_read {
 public:
  template <class... On>
  explicit pending_pipe_read(net::io_context& ctx, const On&... ex1) : pipe_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return pipe_.reader().async_read_some(net::buffer(buffer_), std::forward<Token>(token));
  }

  expectation expected() const { return {.error = net::error::operation_aborted, .bytes = byte_range{0, 0}}; }
  void cancel() { pipe_.reader().cancel(); }

 private:
  basic_pipe<Descriptor> pipe_;
  std::array<char, 16> buffer_{};
};

}  // namespace detail

// 32 bytes go into the pipe right after initiation: the read completes later with them.
struct posix_stream_descriptor_async_read_some : on_stream_descriptors<detail::pipe_read> {
  static constexpr std::string_view name = "posix.stream_descriptor.async_read_some.written";
  static constexpr completion completes = completion::later;
  using signature = void(target::error_code, std::size_t);
  using buffer_type = net::mutable_buffer;
};

// Nothing is written: outstanding until cancelled (operation_aborted, 0 bytes).
struct posix_stream_descriptor_async_read_some_pending : on_stream_descriptors<detail::pending_pipe_read> {
  static constexpr std::string_view name = "posix.stream_descriptor.async_read_some.pending";
  static constexpr completion completes = completion::never;
  using signature = void(target::error_code, std::size_t);
};

}  // namespace conformance::operations
