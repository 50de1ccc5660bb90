// rule:   async.executor.arg/constant-of-tag-type
// rule:   async.executor.arg/empty-tag
// clause: [async.executor.arg] p0-p1
// The library's executor_arg_t, an empty tag type that selects the overloads whose next argument
// is an executor, and executor_arg, a constant of that type.
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

CONFORMANCE_RULE("async.executor.arg/constant-of-tag-type", facilities::executor_arg, [](auto facility) {
  using F = decltype(facility);
  EXPECT_TRUE(std::is_class_v<typename F::tag>) << "executor_arg_t is not a class type";
  EXPECT_TRUE((std::is_same_v<typename F::constant_type, const typename F::tag>))
      << "executor_arg is not a constant (a const object) of type executor_arg_t";
});

CONFORMANCE_RULE("async.executor.arg/empty-tag", facilities::executor_arg, [](auto facility) {
  using tag = typename decltype(facility)::tag;
  EXPECT_TRUE(std::is_empty_v<tag>) << "executor_arg_t is not an empty class";
  EXPECT_TRUE(std::is_nothrow_default_constructible_v<tag>) << "an executor_arg_t cannot be made without arguments";
  EXPECT_TRUE(std::is_trivially_copyable_v<tag>) << "executor_arg_t is not trivially copyable, as a tag is";
});

}  // namespace
}  // namespace conformance
