// A "third party's" library for the second example: a word counter whose asynchronous
// operation does its work on a thread pool and completes with a result of three values,
//   void(boost::system::error_code, std::size_t words, std::string longest_word).
// The counter is an I/O object of the caller's executor (ex1); the pool is the library's own
// business. It is written only against Boost.Asio 1.81, as a real library would be.
#pragma once

#include <boost/asio.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace words {

namespace asio = ::boost::asio;
using error_code = ::boost::system::error_code;

struct tally {
  std::size_t words = 0;
  std::string longest;
};

inline tally count_words(std::string_view text) {
  tally result;
  std::size_t start = 0;
  while (start < text.size()) {
    start = text.find_first_not_of(' ', start);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find(' ', start), text.size());
    ++result.words;
    if (end - start > result.longest.size()) result.longest = std::string(text.substr(start, end - start));
    start = end;
  }
  return result;
}

template <class Executor = asio::any_io_executor>
class counter {
 public:
  using executor_type = Executor;

  counter(const executor_type& ex, asio::thread_pool& pool) : executor_(ex), pool_(&pool) {}
  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, asio::execution_context&>
  counter(ExecutionContext& ctx, asio::thread_pool& pool) : executor_(ctx.get_executor()), pool_(&pool) {}

  executor_type get_executor() const noexcept { return executor_; }

  // The sizes of the texts it was asked to count, the latest last (at most `history_size`).
  const std::vector<std::size_t>& sizes_seen() const noexcept { return sizes_seen_; }

  // Counts the words of `text` on the pool: (success, words, longest word), or
  // (invalid_argument, 0, "") for an empty text. Never completes inside the call.
  template <class Token>
  auto async_count(std::string text, Token&& token) {
    note_size(text.size());
    return asio::async_initiate<Token, void(error_code, std::size_t, std::string)>(initiation{this}, token,
                                                                                    std::move(text));
  }

 private:
  struct initiation {
    counter* self;

    using executor_type = Executor;
    executor_type get_executor() const noexcept { return self->executor_; }

    template <class Handler>
    void operator()(Handler&& handler, std::string text) const {
      using handler_type = std::decay_t<Handler>;
      const auto alloc2 = asio::get_associated_allocator(handler);
      auto io_work = asio::make_work_guard(self->executor_);
      auto handler_work = asio::make_work_guard(handler, self->executor_);
      asio::post(self->pool_->get_executor(),
                 asio::bind_allocator(alloc2, [io_work = std::move(io_work), handler_work = std::move(handler_work),
                                               alloc2, handler = std::optional<handler_type>(std::forward<Handler>(handler)),
                                               text = std::move(text)]() mutable {
                   tally result = count_words(text);
                   const error_code ec = text.empty() ? make_error_code(asio::error::invalid_argument) : error_code();
                   // The handler leaves this function object before the completion is submitted:
                   // no copy of it is left behind on the pool thread once it has run.
                   auto complete = [h = std::move(*handler), ec, result = std::move(result)]() mutable {
                     std::move(h)(ec, result.words, std::move(result.longest));
                   };
                   handler.reset();
                   asio::dispatch(handler_work.get_executor(), asio::bind_allocator(alloc2, std::move(complete)));
                   // Work on ex1 last: the caller's context keeps running until the pool is done.
                   handler_work.reset();
                   io_work.reset();
                 }));
    }
  };

  static constexpr std::size_t history_size = 64;

  // The object's own memory, obtained once, on its first operation: not per-operation memory.
  void note_size(std::size_t size) {
    if (sizes_seen_.capacity() == 0) sizes_seen_.reserve(history_size);
    if (sizes_seen_.size() == history_size) sizes_seen_.erase(sizes_seen_.begin());
    sizes_seen_.push_back(size);
  }

  executor_type executor_;
  asio::thread_pool* pool_;
  std::vector<std::size_t> sizes_seen_;
};

}  // namespace words
