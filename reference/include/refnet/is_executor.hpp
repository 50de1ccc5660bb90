// [async.is.exec] is_executor, [async.executor.arg] executor_arg, [async.uses.executor] uses_executor.
#pragma once

#include <memory>
#include <type_traits>

namespace refnet {

namespace detail {

struct nullary_function_archetype {
  void operator()() {}
};

// The syntactic Executor requirements of the Networking TS.
template <class T>
concept ts_executor =
    requires(const T& x, nullary_function_archetype f, const std::allocator<void>& a) {
      x.context();
      x.on_work_started();
      x.on_work_finished();
      x.dispatch(std::move(f), a);
      x.post(std::move(f), a);
      x.defer(std::move(f), a);
      { x == x } -> std::convertible_to<bool>;
      { x != x } -> std::convertible_to<bool>;
    } && std::is_copy_constructible_v<T> && std::is_destructible_v<T>;  // members first: avoids recursive checks

// The member functions alone: a check that never needs T's copy constructor or comparisons.
template <class T>
concept has_executor_members = requires(const T& x, nullary_function_archetype f, const std::allocator<void>& a) {
  x.context();
  x.on_work_started();
  x.on_work_finished();
  x.dispatch(std::move(f), a);
  x.post(std::move(f), a);
  x.defer(std::move(f), a);
};

template <class T>
concept has_executor_type = requires { typename T::executor_type; };

}  // namespace detail

template <class T>
struct is_executor : std::bool_constant<detail::ts_executor<T>> {};

template <class T>
inline constexpr bool is_executor_v = is_executor<T>::value;

struct executor_arg_t {
  constexpr executor_arg_t() noexcept = default;
};

inline constexpr executor_arg_t executor_arg{};

// True when T has a nested executor_type that Executor converts to; programs
// may specialise it for types constructible with (executor_arg, ex, args...).
template <class T, class Executor>
struct uses_executor : std::false_type {};

template <class T, class Executor>
  requires detail::has_executor_type<T> && std::is_convertible_v<Executor, typename T::executor_type>
struct uses_executor<T, Executor> : std::true_type {};

template <class T, class Executor>
inline constexpr bool uses_executor_v = uses_executor<T, Executor>::value;

namespace detail {

template <class T>
concept execution_context_type = requires(T& t) { t.get_executor(); };

}  // namespace detail
}  // namespace refnet
