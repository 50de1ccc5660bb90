// What async_read and async_write ([buffer.read], [buffer.write]) share: a whole buffer
// transferred through repeated *_some steps, asynchronously (a composed operation) or not.
//
// A Direction says which way the bytes go:
//   using buffer_type = mutable_buffer or const_buffer;
//   static void start_some(Stream&, const buffer_type&, Handler&&);    async_read_some / async_write_some
//   static std::size_t some(Stream&, const buffer_type&, error_code&);  read_some / write_some
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/associator.hpp"
#include "refnet/buffer.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/filtering_cancellation_slot.hpp"
#include "refnet/error.hpp"
#include "refnet/executor_work_guard.hpp"

namespace refnet {

namespace detail {

// The intermediate handler of the transfer. It carries the final handler's associated
// executor and allocator (forwarded by `associator`), and its cancellation slot filtered to
// the types a composed transfer supports (terminal, partial). It owns work on the stream's
// executor until the final handler has returned: between two steps the intermediate handler
// waits on ex2, and no step holds work on ex1 then ([async.reqmts.async.work] p1).
template <class Direction, class Stream, class Handler>
class transfer_op {
 public:
  using buffer_type = typename Direction::buffer_type;
  using cancellation_slot_type = filtering_cancellation_slot<associated_cancellation_slot_t<Handler>>;

  template <class H>
  transfer_op(Stream& stream, const buffer_type& buffer, H&& handler)
      : stream_(&stream), io_work_(stream.get_executor()), buffer_(buffer), handler_(std::forward<H>(handler)) {}

  transfer_op(transfer_op&&) = default;

  void start() { Direction::start_some(*stream_, buffer_ + total_, std::move(*this)); }

  void operator()(const error_code& ec, std::size_t bytes) {
    total_ += bytes;
    if (!ec && bytes != 0 && total_ < buffer_.size()) {
      start();
      return;
    }
    const auto io_work = std::move(io_work_);
    std::move(handler_)(ec, total_);
  }

  const Handler& get() const noexcept { return handler_; }

  cancellation_slot_type get_cancellation_slot() const noexcept {
    return cancellation_slot_type(get_associated_cancellation_slot(handler_),
                                  cancellation_type::terminal | cancellation_type::partial);
  }

 private:
  Stream* stream_;
  executor_work_guard<typename Stream::executor_type> io_work_;
  buffer_type buffer_;
  std::size_t total_ = 0;
  Handler handler_;
};

template <class Direction, class Stream>
class initiate_transfer {
 public:
  using executor_type = typename Stream::executor_type;
  explicit initiate_transfer(Stream& stream) noexcept : stream_(&stream) {}
  executor_type get_executor() const noexcept { return stream_->get_executor(); }

  template <class Handler>
  void operator()(Handler&& handler, const typename Direction::buffer_type& buffer) const {
    // Always at least one step, so an empty buffer also completes as if by post.
    transfer_op<Direction, Stream, std::decay_t<Handler>>(*stream_, buffer, std::forward<Handler>(handler)).start();
  }

 private:
  Stream* stream_;
};

// The synchronous transfer: steps until the buffer is done, an error, or a step of 0 bytes.
template <class Direction, class Stream>
std::size_t transfer_all(Stream& s, typename Direction::buffer_type rest, error_code& ec) {
  std::size_t total = 0;
  ec.clear();
  while (rest.size() != 0) {
    const std::size_t n = Direction::some(s, rest, ec);
    total += n;
    rest += n;
    if (ec || n == 0) break;
  }
  return total;
}

}  // namespace detail

template <template <class, class> class Associator, class Direction, class Stream, class Handler, class DefaultCandidate>
struct associator<Associator, detail::transfer_op<Direction, Stream, Handler>, DefaultCandidate>
    : detail::forwarding_associator<Associator, detail::transfer_op<Direction, Stream, Handler>, Handler,
                                    DefaultCandidate> {};

}  // namespace refnet
