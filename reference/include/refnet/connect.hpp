// [socket.algo.connect] async_connect over a sequence of endpoints, given as a range or as an
// iterator pair: tries each in turn (closing the socket between attempts) until one connects,
// and completes with that endpoint (range) or an iterator to it (pair); with the last attempt's
// error and a default endpoint (range) or the end iterator (pair) when none does (not_found
// for an empty sequence).
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "refnet/associated_allocator.hpp"
#include "refnet/associated_cancellation_slot.hpp"
#include "refnet/associator.hpp"
#include "refnet/async_result.hpp"
#include "refnet/basic_stream_socket.hpp"
#include "refnet/detail/binder_support.hpp"
#include "refnet/detail/filtering_cancellation_slot.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/executor_work_guard.hpp"

namespace refnet {

namespace detail {

// What the handler receives about the endpoint connected to: the endpoint itself (range form)...
template <class Endpoint>
struct connected_endpoint {
  using type = Endpoint;
  type none() const { return Endpoint(); }
  template <class Endpoints>
  type at(const Endpoints& endpoints, std::size_t index) const {
    return endpoints[index];
  }
};

// ... or an iterator to it, the end iterator when none connected (iterator-pair form).
template <class Iterator>
struct connected_iterator {
  using type = Iterator;
  Iterator begin;
  Iterator end;
  type none() const { return end; }
  template <class Endpoints>
  type at(const Endpoints&, std::size_t index) const {
    return std::next(begin, static_cast<typename std::iterator_traits<Iterator>::difference_type>(index));
  }
};

// The intermediate handler of one attempt. Its endpoints live in memory from the final
// handler's allocator, released before the final handler runs. Like a transfer
// (transfer_all.hpp) it owns work on the socket's executor until the final handler has returned.
template <class Socket, class Handler, class Result>
class range_connect_op {
 public:
  using endpoint_type = typename Socket::endpoint_type;
  using endpoint_allocator =
      typename std::allocator_traits<associated_allocator_t<Handler>>::template rebind_alloc<endpoint_type>;
  using endpoints_type = std::vector<endpoint_type, endpoint_allocator>;
  using cancellation_slot_type = filtering_cancellation_slot<associated_cancellation_slot_t<Handler>>;

  range_connect_op(Socket& socket, endpoints_type endpoints, Result result, Handler handler)
      : socket_(&socket),
        io_work_(socket.get_executor()),
        endpoints_(std::move(endpoints)),
        result_(std::move(result)),
        handler_(std::move(handler)) {}

  range_connect_op(range_connect_op&&) = default;

  void start() {
    if (endpoints_.empty()) {
      // Nothing to try: completes as if by post, never inside the initiating function.
      complete_socket_op_now(connect_performer{{}, -1}, std::move(*this), socket_->get_executor(),
                             make_error_code(error::not_found));
      return;
    }
    attempt();
  }

  void operator()(const error_code& ec) {
    if (ec && ec != error::operation_aborted && next_ + 1 < endpoints_.size()) {
      ++next_;
      attempt();
      return;
    }
    const typename Result::type connected = ec || endpoints_.empty() ? result_.none() : result_.at(endpoints_, next_);
    { const endpoints_type released = std::move(endpoints_); }
    const auto io_work = std::move(io_work_);
    std::move(handler_)(ec, connected);
  }

  const Handler& get() const noexcept { return handler_; }

  cancellation_slot_type get_cancellation_slot() const noexcept {
    return cancellation_slot_type(get_associated_cancellation_slot(handler_),
                                  cancellation_type::terminal | cancellation_type::partial);
  }

 private:
  void attempt() {
    error_code ignored;
    socket_->close(ignored);
    const endpoint_type peer = endpoints_[next_];
    socket_->async_connect(peer, std::move(*this));
  }

  Socket* socket_;
  executor_work_guard<typename Socket::executor_type> io_work_;
  endpoints_type endpoints_;
  Result result_;
  std::size_t next_ = 0;
  Handler handler_;
};

template <class Socket>
class initiate_range_connect {
 public:
  using executor_type = typename Socket::executor_type;
  explicit initiate_range_connect(Socket& socket) noexcept : socket_(&socket) {}
  executor_type get_executor() const noexcept { return socket_->get_executor(); }

  template <class Handler, class Iterator, class Result>
  void operator()(Handler&& handler, Iterator begin, Iterator end, Result result) const {
    using op = range_connect_op<Socket, std::decay_t<Handler>, Result>;
    typename op::endpoints_type copies(begin, end, typename op::endpoint_allocator(get_associated_allocator(handler)));
    op(*socket_, std::move(copies), std::move(result), std::forward<Handler>(handler)).start();
  }

 private:
  Socket* socket_;
};

}  // namespace detail

template <class Protocol, class Executor, class EndpointSequence, class RangeConnectToken>
  requires std::is_convertible_v<decltype(*std::begin(std::declval<const EndpointSequence&>())),
                                 typename Protocol::endpoint>
decltype(auto) async_connect(basic_stream_socket<Protocol, Executor>& socket, const EndpointSequence& endpoints,
                             RangeConnectToken&& token) {
  using endpoint = typename Protocol::endpoint;
  return async_initiate<RangeConnectToken, void(error_code, endpoint)>(
      detail::initiate_range_connect<basic_stream_socket<Protocol, Executor>>(socket), token, std::begin(endpoints),
      std::end(endpoints), detail::connected_endpoint<endpoint>{});
}

template <class Protocol, class Executor, class InputIterator, class IteratorConnectToken>
  requires std::is_convertible_v<typename std::iterator_traits<InputIterator>::reference, typename Protocol::endpoint>
decltype(auto) async_connect(basic_stream_socket<Protocol, Executor>& socket, InputIterator first, InputIterator last,
                             IteratorConnectToken&& token) {
  return async_initiate<IteratorConnectToken, void(error_code, InputIterator)>(
      detail::initiate_range_connect<basic_stream_socket<Protocol, Executor>>(socket), token, first, last,
      detail::connected_iterator<InputIterator>{first, last});
}

template <template <class, class> class Associator, class Socket, class Handler, class Result, class DefaultCandidate>
struct associator<Associator, detail::range_connect_op<Socket, Handler, Result>, DefaultCandidate>
    : detail::forwarding_associator<Associator, detail::range_connect_op<Socket, Handler, Result>, Handler,
                                    DefaultCandidate> {};

}  // namespace refnet
