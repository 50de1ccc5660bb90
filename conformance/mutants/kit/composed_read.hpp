// A composed read of the kit's own, for faults no wrapper of the base library's async_read can
// make: the composed operation's own state, between its steps.
#pragma once

#include <cstddef>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

// async_read(stream, buffer, token) as a chain of async_read_some steps that holds no work on
// the stream's executor of its own: each step holds work while it is pending, but between two
// steps, while an intermediate handler waits on the final handler's executor (ex2), nothing
// does. The intermediate handlers carry ex2 and the final handler's allocator, as
// [async.reqmts.async.composed] asks, so that the missing work is the only fault.
template <class Stream, class Handler>
class read_steps_without_io_work {
 public:
  read_steps_without_io_work(Stream& stream, const lib::mutable_buffer& buffer, Handler handler)
      : stream_(&stream), buffer_(buffer), handler_(std::move(handler)) {}

  void start() {
    const auto ex2 = lib::get_associated_executor(handler_, stream_->get_executor());
    const auto alloc2 = lib::get_associated_allocator(handler_);
    const lib::mutable_buffer rest = buffer_ + total_;
    Stream& stream = *stream_;
    stream.async_read_some(rest, lib::bind_executor(ex2, lib::bind_allocator(alloc2, std::move(*this))));
  }

  void operator()(const lib::error_code& ec, std::size_t bytes) {
    total_ += bytes;
    if (!ec && bytes != 0 && total_ < buffer_.size()) {
      start();
      return;
    }
    std::move(handler_)(ec, total_);
  }

 private:
  Stream* stream_;
  lib::mutable_buffer buffer_;
  std::size_t total_ = 0;
  Handler handler_;
};

// A mutant declares it as its async_read:
//   inline constexpr kit::async_read_holding_no_io_work async_read{};
struct async_read_holding_no_io_work {
  template <class Stream, class Token>
  decltype(auto) operator()(Stream& stream, const lib::mutable_buffer& buffer, Token&& token) const {
    auto initiation = [&stream](auto handler, const lib::mutable_buffer& into) {
      read_steps_without_io_work<Stream, decltype(handler)>(stream, into, std::move(handler)).start();
    };
    return lib::async_initiate<Token, void(lib::error_code, std::size_t)>(initiation, token, buffer);
  }
};

}  // namespace conformance::kit
