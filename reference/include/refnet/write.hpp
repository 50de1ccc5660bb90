// [buffer.write] async_write: write a whole buffer through repeated async_write_some steps.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/associator.hpp"
#include "refnet/async_result.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/filtering_cancellation_slot.hpp"
#include "refnet/error.hpp"

namespace refnet {

namespace detail {

// The intermediate handler of async_write. It carries the final handler's associated
// executor and allocator (forwarded by `associator`), and its cancellation slot
// filtered to the types a composed transfer supports (terminal, partial).
template <class Stream, class Handler>
class write_op {
 public:
  using cancellation_slot_type = filtering_cancellation_slot<associated_cancellation_slot_t<Handler>>;

  template <class H>
  write_op(Stream& stream, const const_buffer& buffer, H&& handler)
      : stream_(&stream), buffer_(buffer), handler_(std::forward<H>(handler)) {}

  write_op(write_op&&) = default;

  void start() { stream_->async_write_some(buffer_ + total_, std::move(*this)); }

  void operator()(const error_code& ec, std::size_t bytes) {
    total_ += bytes;
    if (!ec && bytes != 0 && total_ < buffer_.size()) {
      start();
      return;
    }
    std::move(handler_)(ec, total_);
  }

  const Handler& get() const noexcept { return handler_; }

  cancellation_slot_type get_cancellation_slot() const noexcept {
    return cancellation_slot_type(get_associated_cancellation_slot(handler_),
                                  cancellation_type::terminal | cancellation_type::partial);
  }

 private:
  Stream* stream_;
  const_buffer buffer_;
  std::size_t total_ = 0;
  Handler handler_;
};

template <class Stream>
class initiate_async_write {
 public:
  using executor_type = typename Stream::executor_type;
  explicit initiate_async_write(Stream& stream) noexcept : stream_(&stream) {}
  executor_type get_executor() const noexcept { return stream_->get_executor(); }

  template <class Handler>
  void operator()(Handler&& handler, const const_buffer& buffer) const {
    // Always at least one async_write_some, so an empty buffer also completes as if by post.
    write_op<Stream, std::decay_t<Handler>>(*stream_, buffer, std::forward<Handler>(handler)).start();
  }

 private:
  Stream* stream_;
};

}  // namespace detail

template <template <class, class> class Associator, class Stream, class Handler, class DefaultCandidate>
struct associator<Associator, detail::write_op<Stream, Handler>, DefaultCandidate>
    : detail::forwarding_associator<Associator, detail::write_op<Stream, Handler>, Handler, DefaultCandidate> {};

template <class AsyncWriteStream, class ConstBufferSequence, class WriteToken = default_completion_token_t<typename AsyncWriteStream::executor_type>>
  requires std::is_convertible_v<const ConstBufferSequence&, const_buffer>
decltype(auto) async_write(AsyncWriteStream& s, const ConstBufferSequence& buffers,
                  WriteToken&& token = default_completion_token_t<typename AsyncWriteStream::executor_type>()) {
  return async_initiate<WriteToken, void(error_code, std::size_t)>(detail::initiate_async_write<AsyncWriteStream>(s), token,
                                                               const_buffer(buffers));
}

template <class SyncStream, class ConstBufferSequence>
  requires std::is_convertible_v<const ConstBufferSequence&, const_buffer>
std::size_t write(SyncStream& s, const ConstBufferSequence& buffers, error_code& ec) {
  const_buffer rest(buffers);
  std::size_t total = 0;
  ec.clear();
  while (rest.size() != 0) {
    const std::size_t n = s.write_some(rest, ec);
    total += n;
    rest += n;
    if (ec || n == 0) break;
  }
  return total;
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
