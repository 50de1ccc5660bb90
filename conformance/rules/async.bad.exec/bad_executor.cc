// rule:   async.bad.exec/thrown-by-empty-executor
// rule:   async.bad.exec/nothrow-default-constructor
// rule:   async.bad.exec/what-returns-ntbs
// clause: [async.bad.exec] p1-p3
// The library's bad_executor: an exception class, what the polymorphic
// executor's dispatch, post and defer throw when the wrapper has no target.
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <type_traits>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// What a submission to an empty polymorphic executor threw: "bad_executor",
// "another exception", or "nothing".
template <class Exception, class Submit>
std::string thrown_by(Submit submit) {
  try {
    submit();
  } catch (const Exception&) {
    return "bad_executor";
  } catch (...) {
    return "another exception";
  }
  return "nothing";
}

CONFORMANCE_RULE("async.bad.exec/thrown-by-empty-executor", facilities::bad_executor, [](auto facility) {
  using F = decltype(facility);
  using exception = typename F::exception;
  EXPECT_TRUE((std::is_base_of_v<std::exception, exception>)) << "bad_executor does not derive from std::exception";
  EXPECT_TRUE((std::is_convertible_v<exception*, std::exception*>))
      << "bad_executor does not derive publicly and unambiguously from std::exception";
  const typename F::polymorphic_executor empty;
  const auto nothing = [] {};
  EXPECT_EQ(thrown_by<exception>([&] { empty.dispatch(nothing, std::allocator<void>()); }), "bad_executor")
      << "dispatch on an executor without a target";
  EXPECT_EQ(thrown_by<exception>([&] { empty.post(nothing, std::allocator<void>()); }), "bad_executor")
      << "post on an executor without a target";
  EXPECT_EQ(thrown_by<exception>([&] { empty.defer(nothing, std::allocator<void>()); }), "bad_executor")
      << "defer on an executor without a target";
});

CONFORMANCE_RULE("async.bad.exec/nothrow-default-constructor", facilities::bad_executor, [](auto facility) {
  using exception = typename decltype(facility)::exception;
  EXPECT_TRUE(std::is_nothrow_default_constructible_v<exception>)
      << "bad_executor's default constructor is not noexcept";
  const exception constructed;
  EXPECT_NE(dynamic_cast<const std::exception*>(&constructed), nullptr)
      << "a default-constructed bad_executor is not a std::exception";
});

CONFORMANCE_RULE("async.bad.exec/what-returns-ntbs", facilities::bad_executor, [](auto facility) {
  using exception = typename decltype(facility)::exception;
  const exception e;
  const std::exception& as_base = e;
  const char* text = as_base.what();
  ASSERT_NE(text, nullptr) << "bad_executor::what() returned a null pointer";
  EXPECT_LT(std::strlen(text), 4096u) << "bad_executor::what() did not return a short NTBS";
  EXPECT_TRUE(noexcept(e.what())) << "bad_executor::what() is not noexcept";
});

}  // namespace
}  // namespace conformance
