// What the rules on use_future's async_result ([async.use.future.result]) do
// with one completion signature: make the handler t1 from the token, construct
// R from it, take the future, call t1 with given arguments, and read what the
// future holds. A scoped header (conformance/harness/scoped/BUILD.bazel).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <exception>
#include <future>
#include <stdexcept>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

#include "conformance/harness/target_description.hpp"

namespace conformance::use_future_checks {

template <class Signature>
using result_of = net::async_result<std::decay_t<decltype(net::use_future)>, Signature>;

// Whether the future is ready now (the handler has made its shared state
// ready).
template <class Future>
bool ready(const Future& future) {
  return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// Checks that R::return_type is Expected (named `expected` in the failure) and,
// if it is, calls use(future) with the future of R constructed from a handler
// made from use_future, after calling the handler with args. False (and a
// failure naming what is missing) if the specialisation cannot be used so.
template <class Signature, class Expected, class Use, class... Args>
bool with_completed_future(const char* expected, Use use, Args&&... args) {
  using R = result_of<Signature>;
  if constexpr (requires {
                  typename R::completion_handler_type;
                  typename R::return_type;
                }) {
    using F = typename R::completion_handler_type;
    if constexpr (!std::is_same_v<typename R::return_type, Expected>) {
      ADD_FAILURE() << "R::return_type is not " << expected;
      return false;
    } else if constexpr (std::is_constructible_v<F, std::decay_t<decltype(net::use_future)>&&> &&
                         std::is_constructible_v<R, F&> && std::is_invocable_v<F&, Args...>) {
      F t1(std::decay_t<decltype(net::use_future)>(net::use_future));
      R r(t1);
      auto future = r.get();
      EXPECT_FALSE(ready(future)) << "the future was ready before the handler was called";
      t1(std::forward<Args>(args)...);
      EXPECT_TRUE(ready(future)) << "the handler's call did not make the shared state ready";
      if (ready(future)) use(future);
      return true;
    } else {
      ADD_FAILURE() << "the handler type cannot be made from use_future, R "
                       "cannot be constructed from it, or it "
                       "cannot be called with the signature's arguments";
      return false;
    }
  } else {
    ADD_FAILURE() << "async_result<use_future_t<>, Signature> has no "
                     "completion_handler_type or return_type";
    return false;
  }
}

// Whether the future holds the exception system_error(code): a
// std::system_error with that code, or, for a library whose error_code is not
// std::error_code (Boost's), an exception whose what() names the code's
// message.
template <class Future, class Code>
bool holds_system_error(Future& future, const Code& code) {
  try {
    future.get();
  } catch (const std::system_error& e) {
    if constexpr (std::is_same_v<Code, std::error_code>) return e.code() == code;
    return std::string(e.what()).find(code.message()) != std::string::npos;
  } catch (const std::exception& e) {
    return !std::is_same_v<Code, std::error_code> && std::string(e.what()).find(code.message()) != std::string::npos;
  } catch (...) {
    return false;
  }
  return false;
}

// Whether the future holds exactly the exception `stored`.
template <class Future>
bool holds_exception(Future& future, const std::exception_ptr& stored) {
  try {
    future.get();
  } catch (...) {
    return std::current_exception() == stored;
  }
  return false;
}

// An error code that evaluates to true, and an exception pointer to store.
inline target::error_code failure() { return make_error_code(net::error::operation_aborted); }
inline std::exception_ptr thrown() { return std::make_exception_ptr(std::runtime_error("stored by the handler")); }

}  // namespace conformance::use_future_checks
