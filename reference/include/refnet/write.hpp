// [buffer.write] async_write and write: a whole buffer through repeated (async_)write_some steps.
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

struct writing {
  using buffer_type = const_buffer;
  template <class Stream, class Handler>
  static void start_some(Stream& s, const const_buffer& buffer, Handler&& handler) {
    s.async_write_some(buffer, std::forward<Handler>(handler));
  }
  template <class Stream>
  static std::size_t some(Stream& s, const const_buffer& buffer, error_code& ec) {
    return s.write_some(buffer, ec);
  }
};

}  // namespace detail

template <class AsyncWriteStream, class ConstBufferSequence, class WriteToken = default_completion_token_t<typename AsyncWriteStream::executor_type>>
  requires std::is_convertible_v<const ConstBufferSequence&, const_buffer>
decltype(auto) async_write(AsyncWriteStream& s, const ConstBufferSequence& buffers,
                  WriteToken&& token = default_completion_token_t<typename AsyncWriteStream::executor_type>()) {
  return async_initiate<WriteToken, void(error_code, std::size_t)>(
      detail::initiate_transfer<detail::writing, AsyncWriteStream>(s), token, const_buffer(buffers));
}

template <class SyncStream, class ConstBufferSequence>
  requires std::is_convertible_v<const ConstBufferSequence&, const_buffer>
std::size_t write(SyncStream& s, const ConstBufferSequence& buffers, error_code& ec) {
  return detail::transfer_all<detail::writing>(s, const_buffer(buffers), ec);
}

template <class SyncStream, class ConstBufferSequence>
  requires std::is_convertible_v<const ConstBufferSequence&, const_buffer>
std::size_t write(SyncStream& s, const ConstBufferSequence& buffers) {
  error_code ec;
  const std::size_t n = write(s, buffers, ec);
  if (ec) throw system_error(ec, "write");
  return n;
}

}  // namespace refnet
