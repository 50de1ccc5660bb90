// [async.assoc.exec] associated_executor, associated_executor_t, get_associated_executor.
#pragma once

#include <type_traits>

#include "refnet/associator.hpp"
#include "refnet/is_executor.hpp"

namespace refnet {

class system_executor;
class execution_context;

template <class T, class Executor = system_executor>
struct associated_executor;

namespace detail {

template <class T, class Executor>
struct associated_executor_impl {
  using type = Executor;
  static type get(const T&, const Executor& e = Executor()) noexcept { return e; }
};

template <class T, class Executor>
  requires has_executor_type<T>
struct associated_executor_impl<T, Executor> {
  using type = typename T::executor_type;
  static type get(const T& t, const Executor& = Executor()) noexcept { return t.get_executor(); }
};

template <class T, class Executor>
  requires(!has_executor_type<T> && has_associator<associated_executor, T, Executor>)
struct associated_executor_impl<T, Executor> : associator<associated_executor, T, Executor> {};

}  // namespace detail

// The nested executor_type of T if it has one, else an associator
// specialisation for T, else the candidate. Programs may specialise it.
template <class T, class Executor>
struct associated_executor : detail::associated_executor_impl<T, Executor> {};

template <class T, class Executor = system_executor>
using associated_executor_t = typename associated_executor<T, Executor>::type;

template <class T>
associated_executor_t<T> get_associated_executor(const T& t) noexcept {
  return associated_executor<T>::get(t);
}

template <class T, class Executor>
  requires is_executor_v<Executor>
associated_executor_t<T, Executor> get_associated_executor(const T& t, const Executor& ex) noexcept {
  return associated_executor<T, Executor>::get(t, ex);
}

template <class T, class ExecutionContext>
  requires std::is_convertible_v<ExecutionContext&, execution_context&>
associated_executor_t<T, typename ExecutionContext::executor_type> get_associated_executor(
    const T& t, ExecutionContext& ctx) noexcept {
  return associated_executor<T, typename ExecutionContext::executor_type>::get(t, ctx.get_executor());
}

}  // namespace refnet

#include "refnet/system_executor.hpp"
