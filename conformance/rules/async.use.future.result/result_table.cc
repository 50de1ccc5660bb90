// rule:   async.use.future.result/specialisation-interface
// rule:   async.use.future.result/handler-callable-with-signature-arguments
// rule:   async.use.future.result/get-shares-handler-state
// rule:   async.use.future.result/call-makes-state-ready
// rule:   async.use.future.result/n0
// rule:   async.use.future.result/n1-error-code
// rule:   async.use.future.result/n1-exception-ptr
// rule:   async.use.future.result/n1-other
// rule:   async.use.future.result/n2-error-code
// rule:   async.use.future.result/n2-exception-ptr
// rule:   async.use.future.result/n2-other
// rule:   async.use.future.result/ngt2-error-code
// rule:   async.use.future.result/ngt2-exception-ptr
// rule:   async.use.future.result/ngt2-other
// clause: [async.use.future.result] p0, p2, p5, p6 and every row of its table
// async_result<use_future_t<>, Result(Args...)>: a handler t1 made from the
// token, R constructed from it, and the future r.get() returns, which t1's call
// makes ready with what the table says for the signature's arguments: nothing,
// a value, a tuple, or an error code or exception pointer stored as the
// exception when it is set.
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"
#include "conformance/harness/scoped/use_future_checks.hpp"

namespace conformance {
namespace {

using use_future_checks::failure;
using use_future_checks::holds_exception;
using use_future_checks::holds_system_error;
using use_future_checks::result_of;
using use_future_checks::thrown;
using use_future_checks::with_completed_future;
using error_code = target::error_code;

CONFORMANCE_RULE("async.use.future.result/specialisation-interface", facilities::use_future, [](auto) {
  using R = result_of<void(error_code, int)>;
  EXPECT_TRUE((requires {
    typename R::completion_handler_type;
    typename R::return_type;
  })) << "the specialisation lacks completion_handler_type or return_type";
  if constexpr (requires {
                  typename R::completion_handler_type;
                  typename R::return_type;
                }) {
    EXPECT_TRUE((std::is_constructible_v<R, typename R::completion_handler_type&>))
        << "the specialisation cannot be constructed from an lvalue of its handler type";
    EXPECT_TRUE((std::is_same_v<decltype(std::declval<R&>().get()), typename R::return_type>))
        << "get() does not return return_type";
  }
  EXPECT_FALSE(std::is_copy_constructible_v<R>) << "the specialisation can be copy-constructed";
  EXPECT_FALSE(std::is_copy_assignable_v<R>) << "the specialisation can be copy-assigned";
});

CONFORMANCE_RULE("async.use.future.result/handler-callable-with-signature-arguments", facilities::use_future, [](auto) {
  const auto callable = [](auto signature, auto... args) {
    using R = result_of<typename decltype(signature)::type>;
    if constexpr (requires { typename R::completion_handler_type; }) {
      return std::is_invocable_v<typename R::completion_handler_type&, decltype(args)...>;
    }
    return false;
  };
  EXPECT_TRUE(callable(std::type_identity<void()>{})) << "t1() is not well formed";
  EXPECT_TRUE(callable(std::type_identity<void(error_code, std::string)>{}, error_code(), std::string()))
      << "t1(error_code, std::string) is not well formed";
  EXPECT_TRUE(callable(std::type_identity<void(std::unique_ptr<int>)>{}, std::unique_ptr<int>()))
      << "t1(std::unique_ptr<int>) (a move-only argument) is not well formed";
});

CONFORMANCE_RULE("async.use.future.result/get-shares-handler-state", facilities::use_future, [](auto) {
  with_completed_future<void(int), std::future<int>>(
      "future<int>",
      [](auto& future) { EXPECT_EQ(future.get(), 7) << "the future does not hold the value given to the handler"; }, 7);
});

CONFORMANCE_RULE("async.use.future.result/call-makes-state-ready", facilities::use_future, [](auto) {
  // with_completed_future checks readiness before and after the call.
  EXPECT_TRUE((with_completed_future<void(error_code, int), std::future<int>>(
      "future<int>", [](auto&) {}, error_code(), 1)));
});

CONFORMANCE_RULE("async.use.future.result/n0", facilities::use_future, [](auto) {
  with_completed_future<void(), std::future<void>>(
      "future<void>", [](auto& future) { EXPECT_NO_THROW(future.get()) << "the future holds an exception"; });
});

CONFORMANCE_RULE("async.use.future.result/n1-error-code", facilities::use_future, [](auto) {
  with_completed_future<void(error_code), std::future<void>>(
      "future<void>",
      [](auto& future) { EXPECT_NO_THROW(future.get()) << "a zero error_code was stored as an exception"; },
      error_code());
  with_completed_future<void(error_code), std::future<void>>(
      "future<void>",
      [](auto& future) {
        EXPECT_TRUE(holds_system_error(future, failure())) << "a non-zero error_code was not stored as system_error";
      },
      failure());
});

CONFORMANCE_RULE("async.use.future.result/n1-exception-ptr", facilities::use_future, [](auto) {
  with_completed_future<void(std::exception_ptr), std::future<void>>(
      "future<void>",
      [](auto& future) { EXPECT_NO_THROW(future.get()) << "a null exception_ptr was stored as an exception"; },
      std::exception_ptr());
  const std::exception_ptr stored = thrown();
  with_completed_future<void(std::exception_ptr), std::future<void>>(
      "future<void>",
      [&](auto& future) { EXPECT_TRUE(holds_exception(future, stored)) << "a non-null exception_ptr was not stored"; },
      stored);
});

CONFORMANCE_RULE("async.use.future.result/n1-other", facilities::use_future, [](auto) {
  with_completed_future<void(std::string), std::future<std::string>>(
      "future<std::string>",
      [](auto& future) { EXPECT_EQ(future.get(), "value") << "the future does not hold the argument"; },
      std::string("value"));
  with_completed_future<void(std::unique_ptr<int>), std::future<std::unique_ptr<int>>>(
      "future<std::unique_ptr<int>>",
      [](auto& future) {
        const std::unique_ptr<int> held = future.get();
        EXPECT_TRUE(held && *held == 5) << "the future does not hold the forwarded move-only argument";
      },
      std::make_unique<int>(5));
});

CONFORMANCE_RULE("async.use.future.result/n2-error-code", facilities::use_future, [](auto) {
  with_completed_future<void(error_code, std::string), std::future<std::string>>(
      "future<U1> (future<std::string>)",
      [](auto& future) { EXPECT_EQ(future.get(), "value") << "with a zero error_code, a1 was not stored"; },
      error_code(), std::string("value"));
  with_completed_future<void(error_code, std::string), std::future<std::string>>(
      "future<U1> (future<std::string>)",
      [](auto& future) {
        EXPECT_TRUE(holds_system_error(future, failure())) << "a non-zero error_code was not stored as system_error";
      },
      failure(), std::string("ignored"));
});

CONFORMANCE_RULE("async.use.future.result/n2-exception-ptr", facilities::use_future, [](auto) {
  with_completed_future<void(std::exception_ptr, int), std::future<int>>(
      "future<U1> (future<int>)",
      [](auto& future) { EXPECT_EQ(future.get(), 3) << "with a null exception_ptr, a1 was not stored"; },
      std::exception_ptr(), 3);
  const std::exception_ptr stored = thrown();
  with_completed_future<void(std::exception_ptr, int), std::future<int>>(
      "future<U1> (future<int>)",
      [&](auto& future) { EXPECT_TRUE(holds_exception(future, stored)) << "a non-null exception_ptr was not stored"; },
      stored, 3);
});

CONFORMANCE_RULE("async.use.future.result/n2-other", facilities::use_future, [](auto) {
  using both = std::tuple<int, std::string>;
  with_completed_future<void(int, std::string), std::future<both>>(
      "future<tuple<U0, U1>>",
      [](auto& future) { EXPECT_TRUE(future.get() == both(1, "two")) << "the future does not hold both arguments"; }, 1,
      std::string("two"));
});

CONFORMANCE_RULE("async.use.future.result/ngt2-error-code", facilities::use_future, [](auto) {
  using rest = std::tuple<int, std::string>;
  with_completed_future<void(error_code, int, std::string), std::future<rest>>(
      "future<tuple<U1, U2>>",
      [](auto& future) {
        EXPECT_TRUE(future.get() == rest(1, "two")) << "with a zero error_code, a1.. were not stored";
      },
      error_code(), 1, std::string("two"));
  with_completed_future<void(error_code, int, std::string), std::future<rest>>(
      "future<tuple<U1, U2>>",
      [](auto& future) {
        EXPECT_TRUE(holds_system_error(future, failure())) << "a non-zero error_code was not stored as system_error";
      },
      failure(), 1, std::string("two"));
});

CONFORMANCE_RULE("async.use.future.result/ngt2-exception-ptr", facilities::use_future, [](auto) {
  using rest = std::tuple<int, std::string>;
  with_completed_future<void(std::exception_ptr, int, std::string), std::future<rest>>(
      "future<tuple<U1, U2>>",
      [](auto& future) {
        EXPECT_TRUE(future.get() == rest(1, "two")) << "with a null exception_ptr, a1.. were not stored";
      },
      std::exception_ptr(), 1, std::string("two"));
  const std::exception_ptr stored = thrown();
  with_completed_future<void(std::exception_ptr, int, std::string), std::future<rest>>(
      "future<tuple<U1, U2>>",
      [&](auto& future) { EXPECT_TRUE(holds_exception(future, stored)) << "a non-null exception_ptr was not stored"; },
      stored, 1, std::string("two"));
});

CONFORMANCE_RULE("async.use.future.result/ngt2-other", facilities::use_future, [](auto) {
  using all = std::tuple<int, std::string, double>;
  with_completed_future<void(int, std::string, double), std::future<all>>(
      "future<tuple<U0, U1, U2>>",
      [](auto& future) {
        EXPECT_TRUE(future.get() == all(1, "two", 3.0)) << "the future does not hold every argument";
      },
      1, std::string("two"), 3.0);
});

}  // namespace
}  // namespace conformance
