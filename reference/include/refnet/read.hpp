// [buffer.read] async_read and read: a whole buffer through repeated (async_)read_some steps.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "refnet/async_result.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/transfer_all.hpp"
#include "refnet/error.hpp"

namespace refnet {

namespace detail {

struct reading {
  using buffer_type = mutable_buffer;
  template <class Stream, class Handler>
  static void start_some(Stream& s, const mutable_buffer& buffer, Handler&& handler) {
    s.async_read_some(buffer, std::forward<Handler>(handler));
  }
  template <class Stream>
  static std::size_t some(Stream& s, const mutable_buffer& buffer, error_code& ec) {
    return s.read_some(buffer, ec);
  }
};

}  // namespace detail

template <class AsyncReadStream, class MutableBufferSequence, class ReadToken = default_completion_token_t<typename AsyncReadStream::executor_type>>
  requires std::is_convertible_v<const MutableBufferSequence&, mutable_buffer>
decltype(auto) async_read(AsyncReadStream& s, const MutableBufferSequence& buffers,
                  ReadToken&& token = default_completion_token_t<typename AsyncReadStream::executor_type>()) {
  return async_initiate<ReadToken, void(error_code, std::size_t)>(
      detail::initiate_transfer<detail::reading, AsyncReadStream>(s), token, mutable_buffer(buffers));
}

template <class SyncStream, class MutableBufferSequence>
  requires std::is_convertible_v<const MutableBufferSequence&, mutable_buffer>
std::size_t read(SyncStream& s, const MutableBufferSequence& buffers, error_code& ec) {
  return detail::transfer_all<detail::reading>(s, mutable_buffer(buffers), ec);
}

template <class SyncStream, class MutableBufferSequence>
  requires std::is_convertible_v<const MutableBufferSequence&, mutable_buffer>
std::size_t read(SyncStream& s, const MutableBufferSequence& buffers) {
  error_code ec;
  const std::size_t n = read(s, buffers, ec);
  if (ec) throw system_error(ec, "read");
  return n;
}

}  // namespace refnet
