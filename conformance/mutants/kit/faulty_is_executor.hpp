// is_executor written for the kit, with one planted fault each
// (sound_is_executor is the correct trait). A mutant declared with kit_fault =
// "is_executor:<fault>" (mutants.bzl) puts it in place of the library's
// (is_executor_fault_binding.hpp).
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/mutants/kit/library.hpp"

namespace conformance::kit {

namespace is_executor_detail {

struct nullary {
  void operator()() {}
};

template <class T>
concept has_members_but_defer = requires(const T& x, nullary f, const std::allocator<void>& a) {
  x.context();
  x.on_work_started();
  x.on_work_finished();
  x.dispatch(std::move(f), a);
  x.post(std::move(f), a);
};

template <class T>
concept has_members = has_members_but_defer<T> && requires(const T& x, nullary f, const std::allocator<void>& a) {
  x.defer(std::move(f), a);
};

template <class T>
concept executor = has_members<T> && std::is_copy_constructible_v<T> && std::is_destructible_v<T> &&
    requires(const T& x) {
  { x == x } -> std::convertible_to<bool>;
  { x != x } -> std::convertible_to<bool>;
};

}  // namespace is_executor_detail

struct sound_is_executor {
  template <class T>
  using trait = std::bool_constant<is_executor_detail::executor<T>>;
};

// Asks for the member functions only: copies and comparisons are not looked at.
struct members_only {
  template <class T>
  using trait = std::bool_constant<is_executor_detail::has_members<T>>;
};

// Never asks for defer().
struct defer_not_required {
  template <class T>
  using trait = std::bool_constant<is_executor_detail::has_members_but_defer<T> && std::is_copy_constructible_v<T>>;
};

// The right value, but not as a true_type or false_type.
struct not_a_bool_constant {
  template <class T>
  struct trait {
    static constexpr bool value = is_executor_detail::executor<T>;
  };
};

// Looks into T without asking whether it can: a hard error for a type that is
// not a class.
struct hard_error_for_non_classes {
  template <class T, class = int T::*>
  using requires_class = T;
  template <class T>
  using trait = std::bool_constant<is_executor_detail::executor<requires_class<T>>>;
};

template <class T, class Fault>
struct faulty_is_executor : Fault::template trait<T> {};

}  // namespace conformance::kit
