// [buffer.read] async_read: read a whole buffer through repeated async_read_some steps.
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

// The intermediate handler of async_read. It carries the final handler's associated
// executor and allocator (forwarded by `associator`), and its cancellation slot
// filtered to the types a composed transfer supports (terminal, partial).
template <class Stream, class Handler>
class read_op {
 public:
  using cancellation_slot_type = filtering_cancellation_slot<associated_cancellation_slot_t<Handler>>;

  template <class H>
  read_op(Stream& stream, const mutable_buffer& buffer, H&& handler)
      : stream_(&stream), buffer_(buffer), handler_(std::forward<H>(handler)) {}

  read_op(read_op&&) = default;

  void start() { stream_->async_read_some(buffer_ + total_, std::move(*this)); }

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
  mutable_buffer buffer_;
  std::size_t total_ = 0;
  Handler handler_;
};

template <class Stream>
class initiate_async_read {
 public:
  using executor_type = typename Stream::executor_type;
  explicit initiate_async_read(Stream& stream) noexcept : stream_(&stream) {}
  executor_type get_executor() const noexcept { return stream_->get_executor(); }

  template <class Handler>
  void operator()(Handler&& handler, const mutable_buffer& buffer) const {
    // Always at least one async_read_some, so an empty buffer also completes as if by post.
    read_op<Stream, std::decay_t<Handler>>(*stream_, buffer, std::forward<Handler>(handler)).start();
  }

 private:
  Stream* stream_;
};

}  // namespace detail

template <template <class, class> class Associator, class Stream, class Handler, class DefaultCandidate>
struct associator<Associator, detail::read_op<Stream, Handler>, DefaultCandidate>
    : detail::forwarding_associator<Associator, detail::read_op<Stream, Handler>, Handler, DefaultCandidate> {};

template <class AsyncReadStream, class MutableBufferSequence, class ReadToken = default_completion_token_t<typename AsyncReadStream::executor_type>>
  requires std::is_convertible_v<const MutableBufferSequence&, mutable_buffer>
decltype(auto) async_read(AsyncReadStream& s, const MutableBufferSequence& buffers,
                  ReadToken&& token = default_completion_token_t<typename AsyncReadStream::executor_type>()) {
  return async_initiate<ReadToken, void(error_code, std::size_t)>(detail::initiate_async_read<AsyncReadStream>(s), token,
                                                               mutable_buffer(buffers));
}

template <class SyncStream, class MutableBufferSequence>
  requires std::is_convertible_v<const MutableBufferSequence&, mutable_buffer>
std::size_t read(SyncStream& s, const MutableBufferSequence& buffers, error_code& ec) {
  mutable_buffer rest(buffers);
  std::size_t total = 0;
  ec.clear();
  while (rest.size() != 0) {
    const std::size_t n = s.read_some(rest, ec);
    total += n;
    rest += n;
    if (ec || n == 0) break;
  }
  return total;
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
