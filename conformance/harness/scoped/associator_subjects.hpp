// The library's associators, as the subjects of the rules on what every associator must meet
// ([async.reqmts.associator]): associated_executor and associated_allocator. Each names the
// class template X (with and without its candidate), X_t, get_X, the default candidate D and d,
// a candidate C and c, and a source whose associated object is its own. Registry "subjects":
// "library", one case per associator. A scoped header (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "conformance/harness/operation_list.hpp"
#include "conformance/harness/scoped/binder_targets.hpp"
#include "conformance/harness/target_description.hpp"

namespace conformance::associators {

struct associated_executor {
  static constexpr std::string_view name = "associated_executor";
  template <class S>
  using with_default = net::associated_executor<S>;
  template <class S, class C>
  using with_candidate = net::associated_executor<S, C>;
  template <class S>
  using alias_with_default = net::associated_executor_t<S>;
  template <class S, class C>
  using alias_with_candidate = net::associated_executor_t<S, C>;
  template <class... Arguments>
  static auto get_x(Arguments&&... arguments)
      -> decltype(net::get_associated_executor(std::forward<Arguments>(arguments)...)) {
    return net::get_associated_executor(std::forward<Arguments>(arguments)...);
  }

  using default_candidate = net::system_executor;
  static default_candidate default_object() { return default_candidate(); }

  // Candidates and sources are tied to contexts of the rule's; a source's own executor (a strand)
  // is of another type than the candidate, so that the two types can be told apart.
  struct world {
    net::io_context candidates;
    net::io_context own;
    net::strand<net::io_context::executor_type> own_strand{own.get_executor()};
  };
  using candidate = net::io_context::executor_type;
  static candidate candidate_object(world& w) { return w.candidates.get_executor(); }
  using own_source = binder_targets::with_executor<net::strand<net::io_context::executor_type>>;
  static own_source own_source_object(world& w) { return own_source(w.own_strand); }
  static net::strand<net::io_context::executor_type> own_object(world& w) { return w.own_strand; }
};

struct associated_allocator {
  static constexpr std::string_view name = "associated_allocator";
  template <class S>
  using with_default = net::associated_allocator<S>;
  template <class S, class C>
  using with_candidate = net::associated_allocator<S, C>;
  template <class S>
  using alias_with_default = net::associated_allocator_t<S>;
  template <class S, class C>
  using alias_with_candidate = net::associated_allocator_t<S, C>;
  template <class... Arguments>
  static auto get_x(Arguments&&... arguments)
      -> decltype(net::get_associated_allocator(std::forward<Arguments>(arguments)...)) {
    return net::get_associated_allocator(std::forward<Arguments>(arguments)...);
  }

  using default_candidate = std::allocator<void>;
  static default_candidate default_object() { return default_candidate(); }

  // The candidate is an allocator of another value type than a source's own, so that the two
  // types can be told apart.
  struct world {};
  using candidate = binder_targets::identified_allocator<int>;
  static candidate candidate_object(world&) { return candidate(17); }
  using own_source = binder_targets::with_allocator;
  static own_source own_source_object(world&) { return own_source(); }
  static own_source::allocator_type own_object(world&) {
    return own_source::allocator_type(own_source::allocator_identity);
  }
};

using all = operation_list<associated_executor, associated_allocator>;

}  // namespace conformance::associators
