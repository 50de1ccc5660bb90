// [internet.resolver] ip::basic_resolver, its results and entries. refnet resolves numeric hosts
// and services only (getaddrinfo with AI_NUMERICHOST | AI_NUMERICSERV, which never waits on the
// network), inside the initiating function; async_resolve delivers the result as an immediate
// completion. A name that is not numeric fails with host_not_found (service_not_found for a
// service).
#pragma once

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "refnet/async_result.hpp"
#include "refnet/detail/bind_handler.hpp"
#include "refnet/detail/socket_core.hpp"
#include "refnet/error.hpp"
#include "refnet/execution_context.hpp"
#include "refnet/executor.hpp"

namespace refnet::ip {

template <class InternetProtocol>
class basic_resolver_entry {
 public:
  using protocol_type = InternetProtocol;
  using endpoint_type = typename InternetProtocol::endpoint;

  basic_resolver_entry() = default;
  basic_resolver_entry(const endpoint_type& ep, std::string_view host, std::string_view service)
      : endpoint_(ep), host_name_(host), service_name_(service) {}

  endpoint_type endpoint() const { return endpoint_; }
  operator endpoint_type() const { return endpoint_; }  // NOLINT: implicit, as in the TS
  std::string host_name() const { return host_name_; }
  std::string service_name() const { return service_name_; }

 private:
  endpoint_type endpoint_;
  std::string host_name_;
  std::string service_name_;
};

template <class InternetProtocol>
class basic_resolver_results {
 public:
  using protocol_type = InternetProtocol;
  using endpoint_type = typename InternetProtocol::endpoint;
  using value_type = basic_resolver_entry<InternetProtocol>;
  using const_reference = const value_type&;
  using reference = value_type&;
  using const_iterator = typename std::vector<value_type>::const_iterator;
  using iterator = const_iterator;
  using size_type = std::size_t;

  basic_resolver_results() = default;

  size_type size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }
  const_iterator begin() const noexcept { return entries_.begin(); }
  const_iterator end() const noexcept { return entries_.end(); }
  const_iterator cbegin() const noexcept { return entries_.begin(); }
  const_iterator cend() const noexcept { return entries_.end(); }

  void push_back(value_type entry) { entries_.push_back(std::move(entry)); }

  friend bool operator==(const basic_resolver_results& a, const basic_resolver_results& b) {
    if (a.size() != b.size()) return false;
    for (size_type i = 0; i < a.size(); ++i)
      if (a.entries_[i].endpoint() != b.entries_[i].endpoint()) return false;
    return true;
  }

 private:
  std::vector<value_type> entries_;
};

class resolver_base {
 public:
  using flags = int;
  static constexpr flags passive = AI_PASSIVE;
  static constexpr flags canonical_name = AI_CANONNAME;
  static constexpr flags numeric_host = AI_NUMERICHOST;
  static constexpr flags numeric_service = AI_NUMERICSERV;
  static constexpr flags v4_mapped = AI_V4MAPPED;
  static constexpr flags all_matching = AI_ALL;
  static constexpr flags address_configured = AI_ADDRCONFIG;

 protected:
  ~resolver_base() = default;
};

namespace detail {

// Numeric resolution of (host, service) for a protocol.
template <class InternetProtocol>
basic_resolver_results<InternetProtocol> resolve_numeric(std::string_view host, std::string_view service,
                                                         error_code& ec) {
  const InternetProtocol protocol;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = protocol.type();
  hints.ai_protocol = protocol.protocol();
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  const std::string host_text(host), service_text(service);
  addrinfo* found = nullptr;
  const int status = ::getaddrinfo(host_text.empty() ? nullptr : host_text.c_str(),
                                   service_text.empty() ? nullptr : service_text.c_str(), &hints, &found);
  basic_resolver_results<InternetProtocol> results;
  if (status != 0) {
    ec = status == EAI_SERVICE ? make_error_code(error::service_not_found) : make_error_code(error::host_not_found);
    return results;
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owner(found, &::freeaddrinfo);
  for (const addrinfo* a = found; a; a = a->ai_next) {
    if (a->ai_family != AF_INET && a->ai_family != AF_INET6) continue;
    typename InternetProtocol::endpoint endpoint;
    std::memcpy(endpoint.data(), a->ai_addr, std::min<std::size_t>(a->ai_addrlen, endpoint.capacity()));
    results.push_back({endpoint, host, service});
  }
  ec.clear();
  return results;
}

// The result of an async_resolve, carried to the handler.
template <class InternetProtocol>
struct resolve_completion {
  basic_resolver_results<InternetProtocol> results;
  bool perform(error_code&, std::size_t&) noexcept { return true; }
  void finish(error_code&) noexcept {}
  template <class Handler>
  auto bind(Handler&& handler, const error_code& ec, std::size_t) {
    return refnet::detail::bind_handler(std::forward<Handler>(handler), ec, std::move(results));
  }
};

}  // namespace detail

template <class InternetProtocol, class Executor = any_io_executor>
class basic_resolver : public resolver_base {
 public:
  using executor_type = Executor;
  using protocol_type = InternetProtocol;
  using endpoint_type = typename InternetProtocol::endpoint;
  using results_type = basic_resolver_results<InternetProtocol>;

  template <class Executor1>
  struct rebind_executor {
    using other = basic_resolver<InternetProtocol, Executor1>;
  };

  explicit basic_resolver(const executor_type& ex) : executor_(ex) {}

  template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, execution_context&>
  explicit basic_resolver(ExecutionContext& ctx) : basic_resolver(executor_type(ctx.get_executor())) {}

  basic_resolver(const basic_resolver&) = delete;
  basic_resolver& operator=(const basic_resolver&) = delete;

  executor_type get_executor() noexcept { return executor_; }

  // Nothing to cancel: resolutions finish inside their initiating function.
  void cancel() noexcept {}

  results_type resolve(std::string_view host, std::string_view service, error_code& ec) {
    return detail::resolve_numeric<InternetProtocol>(host, service, ec);
  }
  results_type resolve(std::string_view host, std::string_view service) {
    error_code ec;
    results_type results = resolve(host, service, ec);
    if (ec) throw system_error(ec, "resolve");
    return results;
  }

  template <class ResolveToken = default_completion_token_t<executor_type>>
  decltype(auto) async_resolve(std::string_view host, std::string_view service,
                               ResolveToken&& token = default_completion_token_t<executor_type>()) {
    return async_initiate<ResolveToken, void(error_code, results_type)>(initiate_async_resolve(this), token,
                                                                         std::string(host), std::string(service));
  }

 private:
  class initiate_async_resolve {
   public:
    using executor_type = Executor;
    explicit initiate_async_resolve(basic_resolver* self) noexcept : self_(self) {}
    executor_type get_executor() const noexcept { return self_->get_executor(); }

    template <class ResolveHandler>
    void operator()(ResolveHandler&& handler, const std::string& host, const std::string& service) const {
      error_code ec;
      auto results = detail::resolve_numeric<InternetProtocol>(host, service, ec);
      refnet::detail::complete_socket_op_now(detail::resolve_completion<InternetProtocol>{std::move(results)},
                                             std::forward<ResolveHandler>(handler), self_->executor_, ec);
    }

   private:
    basic_resolver* self_;
  };

  Executor executor_;
};

}  // namespace refnet::ip
