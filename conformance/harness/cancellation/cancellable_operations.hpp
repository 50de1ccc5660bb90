// The operations the per-operation cancellation rules apply to, each with the
// cancellation types its library documents it supporting
// ([asio.cancellation.type]):
// - operations::cancellable, the suite's pending operations on timers, sockets,
// acceptors,
//   descriptors and signal sets: terminal, partial and total, as Asio documents
//   each of them;
// - async_read_composed_pending, the free async_read on a socket whose peer
// writes only when the
//   rule says so: terminal and partial (Asio: "if they are also supported by
//   the stream's async_read_some"), not total, since a composed read cannot
//   undo the parts it has read.
// A descriptor declares its types as `static constexpr net::cancellation_type_t
// supported_cancellation`; one that does not supports all three.
#pragma once

#include <array>
#include <string_view>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"
#include "conformance/operations/all.hpp"
#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::cancellation {

#if CONFORMANCE_HAS_CANCELLATION

namespace detail {

class composed_read_pending {
 public:
  static constexpr std::size_t size = 16;

  explicit composed_read_pending(net::io_context& ctx) : sockets_(ctx) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return net::async_read(sockets_.local(), net::buffer(buffer_), std::forward<Token>(token));
  }

  // After cancel(), before the peer wrote: operation_aborted, nothing read.
  operations::expectation expected() const {
    return {.error = net::error::operation_aborted, .bytes = operations::byte_range{0, 0}};
  }
  void cancel() { sockets_.local().cancel(); }

  // What a read that was not cancelled gives once the peer has written
  // everything it waits for.
  operations::expectation expected_when_written() const { return {.bytes = operations::byte_range{size, size}}; }
  void peer_writes_everything() { net::write(sockets_.peer(), net::buffer(payload_)); }

 private:
  operations::connected_pair sockets_;
  std::array<char, size> payload_ = operations::patterned_bytes<size>();
  std::array<char, size> buffer_{};
};

}  // namespace detail

// The free async_read of 16 bytes on a connected loopback socket whose peer has
// written nothing.
struct async_read_composed_pending {
  static constexpr std::string_view name = "async_read.composed.pending";
  static constexpr operations::completion completes = operations::completion::never;
  static constexpr bool composed = true;
  using signature = void(target::error_code, std::size_t);
  using instance = detail::composed_read_pending;
  static constexpr net::cancellation_type_t supported_cancellation =
      net::cancellation_type::terminal | net::cancellation_type::partial;
};

using operations_supporting_cancellation =
    operations::concatenated_t<operations::cancellable, operation_list<async_read_composed_pending>>;

// The cancellation types Op supports, as its library documents them.
template <class Op>
constexpr net::cancellation_type_t supported_types() {
  if constexpr (requires { Op::supported_cancellation; }) {
    return Op::supported_cancellation;
  } else {
    return net::cancellation_type::terminal | net::cancellation_type::partial | net::cancellation_type::total;
  }
}

template <class Op>
constexpr bool supports(net::cancellation_type_t type) {
  return (supported_types<Op>() & type) == type;
}

#endif

}  // namespace conformance::cancellation
