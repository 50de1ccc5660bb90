// Library facilities of the clauses whose rules are the only users of these names
// ([async.bind.executor], [async.executor.arg], [async.exec.binder], [async.assoc.exec],
// [async.assoc.alloc], [async.uses.executor], [async.async.result], [async.async.completion],
// [async.use.future], [async.packaged.task.spec], [async.synop], [asio.async.token.default]),
// in the form of conformance/executors/facilities.hpp: registry "subjects": "library", one case
// named after the facility. A scoped header (conformance/harness/scoped/BUILD.bazel): only the
// units that use it see it.
#pragma once

#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::facilities {

// bind_executor, which every library in scope has, whatever its executor model: reached through
// `bind`; `accepts` says whether a call is viable.
struct bind_executor_facility {
  static constexpr std::string_view name = "bind_executor";
  template <class... Arguments>
  static auto bind(Arguments&&... arguments) -> decltype(net::bind_executor(std::forward<Arguments>(arguments)...)) {
    return net::bind_executor(std::forward<Arguments>(arguments)...);
  }
  template <class... Arguments>
  static constexpr bool accepts = requires(Arguments&&... arguments) {
    net::bind_executor(std::forward<Arguments>(arguments)...);
  };
  template <class T, class Executor>
  using binder = net::executor_binder<T, Executor>;
  using context = net::io_context;
};
using bind_executor = operation_list<bind_executor_facility>;

// The tag executor_arg_t and its constant executor_arg.
struct executor_arg_facility {
  static constexpr std::string_view name = "executor_arg";
  using tag = net::executor_arg_t;
  using constant_type = decltype(net::executor_arg);
};
using executor_arg = operation_list<executor_arg_facility>;

// executor_binder over the executor of an io_context, made with bind_executor, and the
// associators for it.
struct executor_binder_facility {
  static constexpr std::string_view name = "executor_binder";
  template <class T, class Executor>
  using binder = net::executor_binder<T, Executor>;
  template <class T, class Candidate>
  using associated_executor = net::associated_executor<T, Candidate>;
  template <class T, class Candidate>
  using associated_allocator = net::associated_allocator<T, Candidate>;
  using context = net::io_context;
  using executor = net::io_context::executor_type;
  template <class T>
  static auto bind(const executor& ex, T&& t) {
    return net::bind_executor(ex, std::forward<T>(t));
  }
};
using executor_binder = operation_list<executor_binder_facility>;

// associated_executor, associated_executor_t and get_associated_executor: reached through
// `get`; `accepts` says whether a call of get_associated_executor is viable.
struct associated_executor_facility {
  static constexpr std::string_view name = "associated_executor";
  template <class T>
  using default_association = net::associated_executor<T>;
  template <class T, class Candidate>
  using association = net::associated_executor<T, Candidate>;
  template <class... Arguments>
  static auto get(Arguments&&... arguments)
      -> decltype(net::get_associated_executor(std::forward<Arguments>(arguments)...)) {
    return net::get_associated_executor(std::forward<Arguments>(arguments)...);
  }
  template <class... Arguments>
  static constexpr bool accepts = requires(Arguments&&... arguments) {
    net::get_associated_executor(std::forward<Arguments>(arguments)...);
  };
  using context = net::io_context;
  using executor = net::io_context::executor_type;
  using default_candidate = net::system_executor;
  template <class T>
  static constexpr bool is_executor = net::is_executor<T>::value;
};
using associated_executor = operation_list<associated_executor_facility>;

// associated_allocator and get_associated_allocator, in the same way.
struct associated_allocator_facility {
  static constexpr std::string_view name = "associated_allocator";
  template <class T>
  using default_association = net::associated_allocator<T>;
  template <class T, class Candidate>
  using association = net::associated_allocator<T, Candidate>;
  template <class... Arguments>
  static auto get(Arguments&&... arguments)
      -> decltype(net::get_associated_allocator(std::forward<Arguments>(arguments)...)) {
    return net::get_associated_allocator(std::forward<Arguments>(arguments)...);
  }
  using context = net::io_context;
  using default_candidate = std::allocator<void>;
};
using associated_allocator = operation_list<associated_allocator_facility>;

// The trait uses_executor ([async.uses.executor.trait]) over the executor of an io_context.
struct uses_executor_facility {
  static constexpr std::string_view name = "uses_executor";
  template <class T, class Executor>
  using trait = net::uses_executor<T, Executor>;
  using executor = net::io_context::executor_type;
};
using uses_executor = operation_list<uses_executor_facility>;

// async_result's primary template and async_completion ([async.async.result],
// [async.async.completion]), for tokens of the rule's own.
struct async_result_facility {
  static constexpr std::string_view name = "async_result";
  template <class Token, class Signature>
  using result = net::async_result<Token, Signature>;
};
using async_result = operation_list<async_result_facility>;

struct async_completion_facility {
  static constexpr std::string_view name = "async_completion";
  template <class Token, class Signature>
  using completion = net::async_completion<Token, Signature>;
  template <class Token, class Signature>
  using result = net::async_result<std::decay_t<Token>, Signature>;
};
using async_completion = operation_list<async_completion_facility>;

// use_future_t and its async_result ([async.use.future] and its sub-clauses), and the async_result
// for packaged_task ([async.packaged.task.spec]).
struct use_future_facility {
  static constexpr std::string_view name = "use_future";
  template <class ProtoAllocator>
  using token = net::use_future_t<ProtoAllocator>;
};
using use_future = operation_list<use_future_facility>;

struct packaged_task_facility {
  static constexpr std::string_view name = "packaged_task";
};
using packaged_task = operation_list<packaged_task_facility>;

// The header as a whole ([async.synop]): what it declares that no other clause states.
struct synopsis_facility {
  static constexpr std::string_view name = "synopsis";
  template <class ProtoAllocator>
  using use_future_token = net::use_future_t<ProtoAllocator>;
};
using synopsis = operation_list<synopsis_facility>;

// default_completion_token ([asio.async.token.default]).
struct default_completion_token_facility {
  static constexpr std::string_view name = "default_completion_token";
};
using default_completion_token = operation_list<default_completion_token_facility>;

}  // namespace conformance::facilities
