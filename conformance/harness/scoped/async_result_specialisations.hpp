// The library's specialisations of async_result, as the subjects of the rules on what every
// specialisation must meet ([async.async.result] p3 and its table): the primary template (a token
// with no specialisation of its own), and the TS's specialisations for executor_binder,
// use_future_t and packaged_task. Each names its token type and a completion signature, and makes
// a token. Registry "subjects": "library", one case per specialisation. A scoped header
// (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <future>
#include <string_view>
#include <type_traits>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::specialisations {

// A callable token that no async_result specialisation names: the primary template's.
struct plain_token {
  void operator()(int) const {}
};

struct primary {
  static constexpr std::string_view name = "primary";
  using token = plain_token;
  using signature = void(int);
  static token make_token(net::io_context&) { return token{}; }
};

struct executor_binder {
  static constexpr std::string_view name = "executor_binder";
  using token = net::executor_binder<plain_token, net::io_context::executor_type>;
  using signature = void(int);
  static token make_token(net::io_context& ctx) { return net::bind_executor(ctx.get_executor(), plain_token{}); }
};

struct use_future {
  static constexpr std::string_view name = "use_future";
  using token = std::decay_t<decltype(net::use_future)>;
  using signature = void(target::error_code, int);
  static token make_token(net::io_context&) { return net::use_future; }
};

struct packaged_task {
  static constexpr std::string_view name = "packaged_task";
  using token = std::packaged_task<int(int)>;
  using signature = void(int);
  static token make_token(net::io_context&) {
    return token([](int n) { return n; });
  }
};

using all = operation_list<primary, executor_binder, use_future, packaged_task>;

}  // namespace conformance::specialisations
