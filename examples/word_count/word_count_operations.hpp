// Descriptors of words::counter::async_count (conformance/operations/operation.hpp gives the
// contract). Its completion signature, void(error_code, std::size_t, std::string), is stated
// with expect_values; its work runs on a thread pool the instance owns. Both can be built on a
// chosen I/O executor (instance_on): the counter on it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/harness/operation_list.hpp"
#include "conformance/operations/operation.hpp"
#include "examples/word_count/word_count.hpp"

namespace conformance::target_operations {

using operations::completion;
using operations::expectation;

// One async_count of a text by a Counter on ctx (or on ex1), counting on a pool of one thread
// (one, so that the functions the pool runs never overlap).
template <class Counter>
class count_run {
 public:
  template <class... On>
  count_run(std::string text, net::io_context& ctx, const On&... ex1)
      : counter_(operations::io_object_on(ctx, ex1...), pool_), text_(std::move(text)) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return counter_.async_count(text_, std::forward<Token>(token));
  }

 private:
  net::thread_pool pool_{1};
  Counter counter_;
  std::string text_;
};

template <class Executor>
using counter_on = words::counter<Executor>;

// Three words (short enough that no copy of the text or of a word allocates).
template <class Counter>
class three_words : public count_run<Counter> {
 public:
  template <class... On>
  explicit three_words(net::io_context& ctx, const On&... ex1) : count_run<Counter>("a bb ccc", ctx, ex1...) {}

  expectation expected() const {
    return operations::expect_values<target::error_code, std::size_t, std::string>(
        "success, 3 words, longest \"ccc\"", [](const target::error_code& error, std::size_t words, const std::string& longest) {
          return !error && words == 3 && longest == "ccc";
        });
  }
};

// An empty text: invalid_argument, still delivered later, from the pool.
template <class Counter>
class empty_text : public count_run<Counter> {
 public:
  template <class... On>
  explicit empty_text(net::io_context& ctx, const On&... ex1) : count_run<Counter>("", ctx, ex1...) {}

  expectation expected() const {
    return operations::expect_values<target::error_code, std::size_t, std::string>(
        "invalid_argument, 0 words, no longest word",
        [](const target::error_code& error, std::size_t words, const std::string& longest) {
          return error == net::error::invalid_argument && words == 0 && longest.empty();
        });
  }
};

struct count_three_words : operations::runs_on_any_executor<three_words, words::counter<>, counter_on> {
  static constexpr std::string_view name = "words.async_count.three_words";
  static constexpr completion completes = completion::later;
  static constexpr bool repeatable = true;  // the same text, counted again
  using signature = void(target::error_code, std::size_t, std::string);
};

struct count_empty_text : operations::runs_on_any_executor<empty_text, words::counter<>, counter_on> {
  static constexpr std::string_view name = "words.async_count.empty_text";
  static constexpr completion completes = completion::later;
  static constexpr bool repeatable = true;  // the same text, counted again
  using signature = void(target::error_code, std::size_t, std::string);
};

using all = operation_list<count_three_words, count_empty_text>;

}  // namespace conformance::target_operations
