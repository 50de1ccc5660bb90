// Operation descriptor for ip::basic_resolver::async_resolve of a numeric host and service
// ([internet.resolver]): "127.0.0.1", "8080" needs no name service, so it completes on any
// machine. It can be built on a chosen I/O executor (instance_on): the resolver on it.
#pragma once

#include <string_view>

#include "conformance/operations/loopback.hpp"
#include "conformance/operations/operation.hpp"

namespace conformance::operations {

// The TCP resolver type on a chosen I/O executor.
template <class Executor>
using tcp_resolver_on = net::ip::basic_resolver<net::ip::tcp, Executor>;

// A descriptor's instance and instance_on for a run over a TCP resolver type.
template <template <class> class Run>
using on_tcp_resolvers = runs_on_any_executor<Run, net::ip::tcp::resolver, tcp_resolver_on>;

namespace detail {

template <class Resolver>
class numeric_resolve {
 public:
  static constexpr unsigned short port = 8080;

  template <class... On>
  explicit numeric_resolve(net::io_context& ctx, const On&... ex1) : resolver_(io_object_on(ctx, ex1...)) {}

  template <class Token>
  decltype(auto) initiate(Token&& token) {
    return resolver_.async_resolve("127.0.0.1", "8080", std::forward<Token>(token));
  }

  expectation expected() const {
    using results_type = typename Resolver::results_type;
    return expect_values<target::error_code, results_type>(
        "success and results whose first entry is 127.0.0.1:8080",
        [](const target::error_code& e, const results_type& results) {
          return !e && results.begin() != results.end() && results.begin()->endpoint() == loopback_endpoint(port);
        });
  }

 private:
  Resolver resolver_;
};

}  // namespace detail

// A library may resolve a numeric name inside the initiating function (an immediate completion)
// or on a thread of its own (Asio does: a later completion).
struct tcp_resolver_async_resolve_numeric : on_tcp_resolvers<detail::numeric_resolve> {
  static constexpr std::string_view name = "tcp.resolver.async_resolve.numeric";
  static constexpr completion completes = completion::may_be_immediate;
  static constexpr bool values_own_memory = true;  // the results: a shared list of entries
  using signature = void(target::error_code, net::ip::tcp::resolver::results_type);
};

}  // namespace conformance::operations
