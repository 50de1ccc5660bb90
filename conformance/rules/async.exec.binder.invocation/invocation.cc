// rule:   async.exec.binder.invocation/invokes-target-as-lvalue
// rule:   async.exec.binder.invocation/forwards-arguments-and-result
// clause: [async.exec.binder.invocation] p1
// Calling a binder is INVOKE(get(), forward<Args>(args)...): the target is called as an lvalue
// (const for a const binder), whatever the binder's own value category, with the arguments as
// given, and the target's result is what the call returns.
#include <memory>
#include <type_traits>
#include <utility>

#include "conformance/harness/rule.hpp"
#include "conformance/harness/scoped/library_facilities.hpp"

namespace conformance {
namespace {

// Says through which of its four call operators it was called.
enum class called { lvalue = 1, const_lvalue, rvalue, const_rvalue };

struct call_recorder {
  called operator()() & { return called::lvalue; }
  called operator()() const& { return called::const_lvalue; }
  called operator()() && { return called::rvalue; }
  called operator()() const&& { return called::const_rvalue; }
};

const char* describe(called c) {
  switch (c) {
    case called::lvalue:
      return "as a non-const lvalue";
    case called::const_lvalue:
      return "as a const lvalue";
    case called::rvalue:
      return "as a non-const rvalue";
    case called::const_rvalue:
      return "as a const rvalue";
  }
  return "?";
}

CONFORMANCE_RULE("async.exec.binder.invocation/invokes-target-as-lvalue", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   auto bound = F::bind(ctx.get_executor(), call_recorder{});
                   const auto expect_call = [](called actual, called expected, const char* binder) {
                     EXPECT_TRUE(actual == expected) << "calling " << binder << " called the target " << describe(actual)
                                                 << "; INVOKE(get(), ...) calls it " << describe(expected);
                   };
                   expect_call(bound(), called::lvalue, "a non-const lvalue binder");
                   expect_call(std::as_const(bound)(), called::const_lvalue, "a const lvalue binder");
                   expect_call(std::move(bound)(), called::lvalue, "a non-const rvalue binder");
                   expect_call(std::move(std::as_const(bound))(), called::const_lvalue, "a const rvalue binder");
                 });

// Takes a move-only argument by rvalue reference and an int by lvalue reference, and returns a
// reference to its own state.
struct forwarding_target {
  int received = 0;
  int& operator()(std::unique_ptr<int>&& owned, int& out) {
    received = *owned;
    out = received + 1;
    return received;
  }
};

CONFORMANCE_RULE("async.exec.binder.invocation/forwards-arguments-and-result", facilities::executor_binder,
                 [](auto facility) {
                   using F = decltype(facility);
                   typename F::context ctx;
                   auto bound = F::bind(ctx.get_executor(), forwarding_target{});
                   using binder = decltype(bound);
                   if constexpr (std::is_invocable_v<binder&, std::unique_ptr<int>, int&>) {
                     int out = 0;
                     decltype(auto) result = bound(std::make_unique<int>(41), out);
                     EXPECT_EQ(bound.get().received, 41) << "the target did not receive the forwarded rvalue argument";
                     EXPECT_EQ(out, 42) << "the target's write through its lvalue-reference parameter did not reach "
                                           "the caller's object: the argument was not forwarded as an lvalue";
                     EXPECT_EQ(result, 41) << "the call did not return the target's result";
                     if (judged_edition() == "ts-n4771") {
                       EXPECT_TRUE((std::is_same_v<decltype(bound(std::make_unique<int>(1), out)), int&>))
                           << "the call's type is not the target's result type int& "
                              "(result_of_t<T&(Args&&...)>)";
                     }
                   } else {
                     ADD_FAILURE() << "a binder whose target takes (unique_ptr<int>&&, int&) cannot be called with "
                                      "(unique_ptr<int>, int&): the arguments are not forwarded";
                   }
                 });

}  // namespace
}  // namespace conformance
