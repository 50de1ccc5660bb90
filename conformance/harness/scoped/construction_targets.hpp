// Targets that record how they were constructed, for the rules on executor_binder's
// constructors ([async.exec.binder.cons]) and on uses-executor construction
// ([async.uses.executor.cons]): whether the executor came with the constructor's arguments
// (executor_arg, ex, v) and which executor, and whether v was copied or moved. A scoped header
// (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "conformance/harness/target_description.hpp"

namespace conformance::construction_targets {

// What a binder's target is converted from in the converting constructors; it notes being moved
// from.
struct source {
  int identity = 0;
  bool moved_from = false;
  void operator()() const {}
};

// Whether the program declares uses_executor<recorder, Executor> true for a recorder.
enum class declared { uses_executor, nothing };

// A target constructible with or without (executor_arg, ex) ahead of its argument, from another
// recorder or from a source, recording which constructor ran. With declared::uses_executor the
// program specialises uses_executor for it (below), as [async.uses.executor.trait] p1 allows;
// with declared::nothing it has the same constructors but no executor_type and no
// specialisation, so uses-executor construction must not pass the executor.
template <class Executor, declared What>
struct recorder {
  int identity = 0;
  bool moved_from = false;
  bool built_from_rvalue = false;
  std::optional<Executor> executor_given;

  explicit recorder(int id) : identity(id) {}
  recorder(const recorder& other) : identity(other.identity), executor_given(other.executor_given) {}
  recorder(recorder&& other) noexcept
      : identity(other.identity), built_from_rvalue(true), executor_given(other.executor_given) {
    other.moved_from = true;
  }
  recorder(const source& from) : identity(from.identity) {}  // NOLINT: converting, as binders need
  recorder(source&& from) : identity(from.identity), built_from_rvalue(true) { from.moved_from = true; }  // NOLINT
  template <class From>
  recorder(net::executor_arg_t, const Executor& executor, From&& from) : recorder(std::forward<From>(from)) {
    executor_given = executor;
  }
  recorder& operator=(const recorder&) = default;
  recorder& operator=(recorder&&) = default;

  void operator()() const {}
};

// A target the program declares as using an executor, though it has no constructor taking one:
// uses-executor construction must then use the plain constructor.
template <class Executor>
struct declared_without_executor_constructor {
  int identity = 0;
  bool operator()() const { return true; }
};

}  // namespace conformance::construction_targets

template <class Executor>
struct conformance::net::uses_executor<
    conformance::construction_targets::recorder<Executor, conformance::construction_targets::declared::uses_executor>,
    Executor> : std::true_type {};

template <class Executor>
struct conformance::net::uses_executor<
    conformance::construction_targets::declared_without_executor_constructor<Executor>, Executor> : std::true_type {};
