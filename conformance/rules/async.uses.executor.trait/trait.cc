// rule:   async.uses.executor.trait/class-template
// rule:   async.uses.executor.trait/binary-type-trait
// rule:   async.uses.executor.trait/detects-convertible-executor-type
// clause: [async.uses.executor.trait] p0-p1
// uses_executor<T, Executor> is a class template defined for every T, a BinaryTypeTrait, and in
// the TS true exactly when T::executor_type is a type Executor converts to. Asio's editions
// document the library's definition as derived from false_type whatever T is (a program may
// still specialise it).
#include <string>
#include <type_traits>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

// Sources for the trait: no executor_type; one the executor converts to; one it does not.
struct without_executor_type {};
template <class Executor>
struct with_executor_type {
  using executor_type = Executor;
};
struct unrelated {};
struct converts_from_anything {
  template <class Any>
  converts_from_anything(const Any&) {}  // NOLINT: implicit on purpose
};

CONFORMANCE_RULE("async.uses.executor.trait/class-template", facilities::uses_executor, [](auto facility) {
  using F = decltype(facility);
  using E = typename F::executor;
  EXPECT_TRUE((requires { sizeof(typename F::template trait<without_executor_type, E>); }))
      << "uses_executor<T, Executor> is not a complete type for a T without executor_type";
  EXPECT_TRUE((requires { sizeof(typename F::template trait<with_executor_type<E>, E>); }))
      << "uses_executor<T, Executor> is not a complete type for a T with executor_type";
  if constexpr (requires { sizeof(typename F::template trait<without_executor_type, E>); }) {
    EXPECT_TRUE((std::is_class_v<typename F::template trait<without_executor_type, E>>))
        << "uses_executor<T, Executor> is not a class";
  }
});

// Whether Trait is derived from integral_constant<bool, Trait::value>, default-constructible and
// copyable ([meta.rqmts] BinaryTypeTrait).
template <class Trait>
bool meets_binary_type_trait() {
  if constexpr (requires { Trait::value; }) {
    return std::is_base_of_v<std::integral_constant<bool, Trait::value>, Trait> &&
           std::is_default_constructible_v<Trait> && std::is_copy_constructible_v<Trait>;
  }
  return false;
}

CONFORMANCE_RULE("async.uses.executor.trait/binary-type-trait", facilities::uses_executor, [](auto facility) {
  using F = decltype(facility);
  using E = typename F::executor;
  EXPECT_TRUE((meets_binary_type_trait<typename F::template trait<without_executor_type, E>>()))
      << "uses_executor<T, Executor> for a T without executor_type is not derived from integral_constant<bool, "
         "value>, or not default-constructible and copyable";
  EXPECT_TRUE((meets_binary_type_trait<typename F::template trait<with_executor_type<E>, E>>()))
      << "uses_executor<T, Executor> for a T whose executor_type is Executor is not derived from "
         "integral_constant<bool, value>, or not default-constructible and copyable";
});

template <class Trait>
void expect_value(bool expected, const std::string& source) {
  EXPECT_EQ(Trait::value, expected) << "uses_executor<T, Executor>::value is " << (expected ? "false" : "true")
                                    << " for " << source;
}

CONFORMANCE_RULE("async.uses.executor.trait/detects-convertible-executor-type", facilities::uses_executor,
                 [](auto facility) {
                   using F = decltype(facility);
                   using E = typename F::executor;
                   // Asio's editions: derived from false_type unless the program specialises it.
                   const bool detects = judged_edition() == "ts-n4771";
                   expect_value<typename F::template trait<with_executor_type<E>, E>>(
                       detects, "a T whose executor_type is Executor");
                   expect_value<typename F::template trait<with_executor_type<converts_from_anything>, E>>(
                       detects, "a T whose executor_type Executor converts to");
                   expect_value<typename F::template trait<with_executor_type<unrelated>, E>>(
                       false, "a T whose executor_type Executor does not convert to");
                   expect_value<typename F::template trait<without_executor_type, E>>(false,
                                                                                     "a T without executor_type");
                 });

}  // namespace
}  // namespace conformance
