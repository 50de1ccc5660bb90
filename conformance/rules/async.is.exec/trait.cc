// rule:   async.is.exec/any-complete-type
// rule:   async.is.exec/false-when-a-member-is-missing
// rule:   async.is.exec/false-when-not-copyable-or-comparable
// clause: [async.is.exec] p2-p3
// The library's is_executor on types that are not executors: it takes any
// complete type, and is based on false_type for each type that misses one of
// the syntactic Executor requirements.
#include <functional>
#include <memory>
#include <string_view>
#include <type_traits>

#include "conformance/executors/facilities.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// Near-executors: all of the Executor members, save the one each leaves out.
// They are declared only (never called), with the TS signatures.
struct all_members {
  net::execution_context& context() const noexcept;
  void on_work_started() const noexcept;
  void on_work_finished() const noexcept;
  template <class F, class A>
  void dispatch(F&&, const A&) const;
  template <class F, class A>
  void post(F&&, const A&) const;
  template <class F, class A>
  void defer(F&&, const A&) const;
  friend bool operator==(const all_members&, const all_members&) noexcept { return true; }
  friend bool operator!=(const all_members&, const all_members&) noexcept { return false; }
};

struct without_context {
  void on_work_started() const noexcept;
  void on_work_finished() const noexcept;
  template <class F, class A>
  void dispatch(F&&, const A&) const;
  template <class F, class A>
  void post(F&&, const A&) const;
  template <class F, class A>
  void defer(F&&, const A&) const;
};

struct without_work_counting {
  net::execution_context& context() const noexcept;
  template <class F, class A>
  void dispatch(F&&, const A&) const;
  template <class F, class A>
  void post(F&&, const A&) const;
  template <class F, class A>
  void defer(F&&, const A&) const;
};

struct without_defer {
  net::execution_context& context() const noexcept;
  void on_work_started() const noexcept;
  void on_work_finished() const noexcept;
  template <class F, class A>
  void dispatch(F&&, const A&) const;
  template <class F, class A>
  void post(F&&, const A&) const;
};

struct without_dispatch {
  net::execution_context& context() const noexcept;
  void on_work_started() const noexcept;
  void on_work_finished() const noexcept;
  template <class F, class A>
  void post(F&&, const A&) const;
  template <class F, class A>
  void defer(F&&, const A&) const;
};

// Every member, but no == and != (EqualityComparable is an Executor
// requirement).
struct without_comparisons : all_members {};
bool operator==(const without_comparisons&, const without_comparisons&) = delete;
bool operator!=(const without_comparisons&, const without_comparisons&) = delete;

// Every member and comparison, but no copies (CopyConstructible is one too).
struct without_copies : all_members {
  without_copies() = default;
  without_copies(const without_copies&) = delete;
};

struct no_members {};
enum class an_enum { value };
union a_union {
  int i;
  float f;
};

template <template <class> class Trait, class T>
void expect_false_type(std::string_view what) {
  EXPECT_FALSE(Trait<T>::value) << "is_executor<" << what << ">::value is true";
  EXPECT_TRUE((std::is_base_of_v<std::false_type, Trait<T>>))
      << "is_executor<" << what << "> is not based on false_type";
}

CONFORMANCE_RULE("async.is.exec/any-complete-type", facilities::is_executor, [](auto facility) {
  using F = decltype(facility);
  expect_false_type<F::template trait, int>("int");
  expect_false_type<F::template trait, int*>("int*");
  expect_false_type<F::template trait, int&>("int&");
  expect_false_type<F::template trait, void (*)()>("void (*)()");
  expect_false_type<F::template trait, an_enum>("an enum");
  expect_false_type<F::template trait, a_union>("a union");
  expect_false_type<F::template trait, no_members>("a class without members");
  expect_false_type<F::template trait, std::function<void()>>("std::function<void()>");
  expect_false_type<F::template trait, std::allocator<void>>("std::allocator<void>");
});

CONFORMANCE_RULE("async.is.exec/false-when-a-member-is-missing", facilities::is_executor, [](auto facility) {
  using F = decltype(facility);
  expect_false_type<F::template trait, without_context>("a class without context()");
  expect_false_type<F::template trait, without_work_counting>("a class without on_work_started/finished()");
  expect_false_type<F::template trait, without_dispatch>("a class without dispatch()");
  expect_false_type<F::template trait, without_defer>("a class without defer()");
});

CONFORMANCE_RULE("async.is.exec/false-when-not-copyable-or-comparable", facilities::is_executor, [](auto facility) {
  using F = decltype(facility);
  expect_false_type<F::template trait, without_comparisons>("a class with every Executor member but no == and !=");
  expect_false_type<F::template trait, without_copies>("a class with every Executor member but no copy constructor");
});

}  // namespace
}  // namespace conformance
