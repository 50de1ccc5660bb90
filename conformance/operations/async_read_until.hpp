// Operation descriptor for the composed operation async_read_until ([buffer.async.read.until])
// on a TCP socket, into a dynamic buffer over a std::string, up to a delimiter: a sequence of
// intermediate async_read_some operations ([async.reqmts.async.composed]).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/harness/memory_attribution.hpp"
#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

namespace detail {

template <class Socket>
class read_through_delimiter {
 public:
  static constexpr std::string_view first_part = "a line in two ";
  static constexpr std::string_view second_part = "parts\nand what follows";
  static constexpr std::size_t line_length = first_part.size() + second_part.find('\n') + 1;

  template <class... On>
  explicit read_through_delimiter(net::io_context& ctx, const On&... ex1) : sockets_(ctx, ex1...) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    const operations::after_return peer_writes([this] {
      sender_.start(sockets_.peer(), net::buffer(first_part.data(), first_part.size()),
                    net::buffer(second_part.data(), second_part.size()));
    });
    return net::async_read_until(sockets_.local(), net::dynamic_buffer(received_), '\n', std::forward<Token>(token));
  }

  expectation expected() const { return {.bytes = byte_range{line_length, line_length}}; }

  // The read's side effect: the string holds the line, delimiter included, at its start.
  std::string missing_side_effects(const outcome& result) const {
    const std::string line = std::string(first_part) + std::string(second_part.substr(0, second_part.find('\n') + 1));
    return compare_prefix(line, received_, result.bytes.value_or(0), "the dynamic buffer's string");
  }

 private:
  operations::basic_connected_pair<Socket> sockets_;
  // The string grows as the operation reads: its memory is the argument's, not the operation's.
  std::basic_string<char, std::char_traits<char>, argument_allocator<char>> received_;
  operations::two_part_sender sender_;
};

}  // namespace detail

// Reads up to '\n' from a peer that sends the line in two parts: the first right after
// initiation, the second (with the delimiter and more) from a helper thread 20 ms later, so the
// operation takes at least two intermediate reads (as long as the context starts running within
// the delay). Completes later with the line's length, delimiter included.
// It can be built on a chosen I/O executor (instance_on): the reading socket on it.
struct async_read_until_delimiter : operations::on_tcp_sockets<detail::read_through_delimiter> {
  static constexpr std::string_view name = "async_read_until.delimiter";
  static constexpr completion completes = completion::later;
  static constexpr bool composed = true;
  using signature = void(target::error_code, std::size_t);
};

}  // namespace conformance::operations
