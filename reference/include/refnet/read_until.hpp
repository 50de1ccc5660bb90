// [buffer.async.read.until] async_read_until: read into a dynamic buffer until it holds a
// delimiter, through repeated async_read_some steps (a composed operation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/associator.hpp"
#include "refnet/async_result.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/filtering_cancellation_slot.hpp"
#include "refnet/error.hpp"
#include "refnet/executor_work_guard.hpp"

namespace refnet {

namespace detail {

// The intermediate handler of async_read_until. Like transfer_op it carries the final handler's
// associations, supports terminal and partial cancellation, and owns work on the stream's
// executor until the final handler has returned ([async.reqmts.async.work] p1). It always takes
// at least one step (a zero-byte read when the delimiter is already there), so the final handler
// is never invoked inside the initiating function.
template <class Stream, class DynamicBuffer, class Handler>
class read_until_op {
 public:
  using cancellation_slot_type = filtering_cancellation_slot<associated_cancellation_slot_t<Handler>>;
  static constexpr std::size_t step_size = 512;

  template <class B, class H>
  read_until_op(Stream& stream, B&& buffer, std::string delimiter, H&& handler)
      : stream_(&stream),
        io_work_(stream.get_executor()),
        buffer_(std::forward<B>(buffer)),
        delimiter_(std::move(delimiter)),
        handler_(std::forward<H>(handler)) {}

  read_until_op(read_until_op&&) = default;

  void start() {
    if (settle()) {
      finish(result_, length_);
    } else {
      read_more();
    }
  }

  void operator()(const error_code& ec, std::size_t bytes) {
    if (settled_) {
      finish(result_, length_);
      return;
    }
    buffer_.commit(bytes);
    if (ec) {
      finish(ec, 0);
    } else if (settle()) {
      finish(result_, length_);
    } else {
      read_more();
    }
  }

  const Handler& get() const noexcept { return handler_; }

  cancellation_slot_type get_cancellation_slot() const noexcept {
    return cancellation_slot_type(get_associated_cancellation_slot(handler_),
                                  cancellation_type::terminal | cancellation_type::partial);
  }

 private:
  // Looks for the delimiter in what has been read: true, with the result, when it is there or
  // when the buffer is full without it (not_found).
  bool settle() {
    const const_buffer readable = buffer_.data();
    const std::string_view text(static_cast<const char*>(readable.data()), readable.size());
    const std::size_t at = text.find(delimiter_, searched_);
    if (at != std::string_view::npos) {
      length_ = at + delimiter_.size();
    } else if (buffer_.size() == buffer_.max_size()) {
      result_ = make_error_code(error::not_found);
    } else {
      searched_ = text.size() - std::min(text.size(), delimiter_.size() - 1);
      return false;
    }
    settled_ = true;
    return true;
  }

  void read_more() {
    const std::size_t n = std::min(step_size, buffer_.max_size() - buffer_.size());
    stepped_ = true;
    stream_->async_read_some(buffer_.prepare(n), std::move(*this));
  }

  // Called either from start(), which has found the result at once, or after a step.
  void finish(const error_code& ec, std::size_t length) {
    if (!stepped_) {
      stepped_ = true;
      stream_->async_read_some(mutable_buffer(), std::move(*this));
      return;
    }
    const auto io_work = std::move(io_work_);
    std::move(handler_)(ec, length);
  }

  Stream* stream_;
  executor_work_guard<typename Stream::executor_type> io_work_;
  DynamicBuffer buffer_;
  std::string delimiter_;
  Handler handler_;
  std::size_t searched_ = 0;
  error_code result_;
  std::size_t length_ = 0;
  bool settled_ = false;
  bool stepped_ = false;
};

template <class Stream>
class initiate_read_until {
 public:
  using executor_type = typename Stream::executor_type;
  explicit initiate_read_until(Stream& stream) noexcept : stream_(&stream) {}
  executor_type get_executor() const noexcept { return stream_->get_executor(); }

  template <class Handler, class DynamicBuffer>
  void operator()(Handler&& handler, DynamicBuffer&& buffer, std::string delimiter) const {
    read_until_op<Stream, std::decay_t<DynamicBuffer>, std::decay_t<Handler>>(
        *stream_, std::forward<DynamicBuffer>(buffer), std::move(delimiter), std::forward<Handler>(handler))
        .start();
  }

 private:
  Stream* stream_;
};

}  // namespace detail

template <class AsyncReadStream, class DynamicBuffer,
          class ReadToken = default_completion_token_t<typename AsyncReadStream::executor_type>>
decltype(auto) async_read_until(AsyncReadStream& s, DynamicBuffer&& buffer, std::string_view delimiter,
                                ReadToken&& token = default_completion_token_t<typename AsyncReadStream::executor_type>()) {
  return async_initiate<ReadToken, void(error_code, std::size_t)>(detail::initiate_read_until<AsyncReadStream>(s),
                                                                  token, std::forward<DynamicBuffer>(buffer),
                                                                  std::string(delimiter));
}

template <class AsyncReadStream, class DynamicBuffer,
          class ReadToken = default_completion_token_t<typename AsyncReadStream::executor_type>>
decltype(auto) async_read_until(AsyncReadStream& s, DynamicBuffer&& buffer, char delimiter,
                                ReadToken&& token = default_completion_token_t<typename AsyncReadStream::executor_type>()) {
  return async_read_until(s, std::forward<DynamicBuffer>(buffer), std::string_view(&delimiter, 1),
                          std::forward<ReadToken>(token));
}

template <template <class, class> class Associator, class Stream, class DynamicBuffer, class Handler,
          class DefaultCandidate>
struct associator<Associator, detail::read_until_op<Stream, DynamicBuffer, Handler>, DefaultCandidate>
    : detail::forwarding_associator<Associator, detail::read_until_op<Stream, DynamicBuffer, Handler>, Handler,
                                    DefaultCandidate> {};

}  // namespace refnet
