// rule:   async.make.work.guard/guard-for-executor
// rule:   async.make.work.guard/executor-overload-for-executors
// rule:   async.make.work.guard/guard-for-context-executor
// rule:   async.make.work.guard/context-overload-for-contexts
// rule:   async.make.work.guard/guard-for-associated-executor
// rule:   async.make.work.guard/associated-overload-for-other-types
// rule:   async.make.work.guard/guard-for-associated-executor-with-default
// clause: [async.make.work.guard] p1-p7
// make_work_guard over each executor subject: from an executor, from the subject's execution
// context, and from an object with (or without) an associated executor, with and without a
// default; each returns the guard type its paragraph names, owning work on the right executor.
#include <type_traits>
#include <utility>

#include "conformance/executors/all.hpp"
#include "conformance/executors/recorded_subject.hpp"
#include "conformance/harness/rule.hpp"

namespace conformance {
namespace {

// An object with no associated executor of its own.
struct plain_object {
  void operator()() const {}
};

CONFORMANCE_RULE("async.make.work.guard/guard-for-executor", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  const auto guard = net::make_work_guard(ex);
  EXPECT_TRUE(executors::same_recorded_executor(guard.get_executor(), ex))
      << "make_work_guard(ex) guards another executor than ex";
  EXPECT_TRUE(guard.owns_work()) << "make_work_guard(ex) returned a guard that owns no work";
  EXPECT_EQ(ex.log().work_started(), 1) << "make_work_guard(ex) did not start work on ex once";
});

CONFORMANCE_RULE("async.make.work.guard/executor-overload-for-executors", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  using executor = std::remove_const_t<decltype(ex)>;
  EXPECT_TRUE((std::is_same_v<decltype(net::make_work_guard(ex)), net::executor_work_guard<executor>>))
      << "make_work_guard(ex) for an executor ex does not return executor_work_guard<decltype(ex)>";
  using subject_executor = decltype(subject.executor());
  EXPECT_TRUE(
      (std::is_same_v<decltype(net::make_work_guard(subject.executor())), net::executor_work_guard<subject_executor>>))
      << "make_work_guard of the subject's executor does not return executor_work_guard of its type";
});

template <class Instance>
void expect_guard_for_context(Instance& subject) {
  auto& context = subject.context();
  const auto guard = net::make_work_guard(context);
  EXPECT_TRUE(guard.get_executor() == context.get_executor())
      << "make_work_guard(ctx) does not guard ctx.get_executor()";
  EXPECT_TRUE(guard.owns_work()) << "make_work_guard(ctx) returned a guard that owns no work";
}

CONFORMANCE_RULE("async.make.work.guard/guard-for-context-executor", executors::ts_style, [](auto subject_type) {
  using Instance = typename decltype(subject_type)::instance;
  if constexpr (!executors::has_own_context<Instance>) {
    UNSUPPORTED("the subject's instance has no context()");
  } else {
    Instance subject;
    expect_guard_for_context(subject);
  }
});

CONFORMANCE_RULE("async.make.work.guard/context-overload-for-contexts", executors::ts_style, [](auto subject_type) {
  using Instance = typename decltype(subject_type)::instance;
  if constexpr (!executors::has_own_context<Instance>) {
    UNSUPPORTED("the subject's instance has no context()");
  } else {
    Instance subject;
    using context_type = std::remove_reference_t<decltype(subject.context())>;
    EXPECT_TRUE((std::is_same_v<decltype(net::make_work_guard(subject.context())),
                                net::executor_work_guard<typename context_type::executor_type>>))
        << "make_work_guard(ctx) does not return executor_work_guard<ctx's executor_type>";
  }
});

CONFORMANCE_RULE("async.make.work.guard/guard-for-associated-executor", executors::ts_style, [](auto subject_type) {
  typename decltype(subject_type)::instance subject;
  const auto ex = executors::recorded_executor(subject);
  const auto bound = net::bind_executor(ex, plain_object{});
  const auto guard = net::make_work_guard(bound);
  EXPECT_TRUE(executors::same_recorded_executor(guard.get_executor(), ex))
      << "make_work_guard(t) does not guard t's associated executor";
  EXPECT_TRUE(guard.owns_work()) << "make_work_guard(t) returned a guard that owns no work";
  EXPECT_EQ(ex.log().work_started(), 1) << "make_work_guard(t) did not start work on t's associated executor";
  const auto plain_guard = net::make_work_guard(plain_object{});
  EXPECT_TRUE(plain_guard.get_executor() == net::system_executor())
      << "make_work_guard(t) for t without an associated executor does not guard a system_executor";
});

CONFORMANCE_RULE(
    "async.make.work.guard/associated-overload-for-other-types", executors::ts_style, [](auto subject_type) {
      typename decltype(subject_type)::instance subject;
      const auto ex = executors::recorded_executor(subject);
      const auto bound = net::bind_executor(ex, plain_object{});
      using executor = std::remove_const_t<decltype(ex)>;
      EXPECT_TRUE((std::is_same_v<decltype(net::make_work_guard(bound)), net::executor_work_guard<executor>>))
          << "make_work_guard(t) does not return executor_work_guard<associated_executor_t<T>>";
      EXPECT_TRUE((std::is_same_v<decltype(net::make_work_guard(plain_object{})),
                                  net::executor_work_guard<net::associated_executor_t<plain_object>>>))
          << "make_work_guard(t) for t without an associated executor does not return the guard of its associated "
             "executor type";
    });

CONFORMANCE_RULE("async.make.work.guard/guard-for-associated-executor-with-default", executors::ts_style,
                 [](auto subject_type) {
                   typename decltype(subject_type)::instance subject;
                   const auto ex = executors::recorded_executor(subject);
                   const auto guard = net::make_work_guard(plain_object{}, ex);
                   EXPECT_TRUE(executors::same_recorded_executor(guard.get_executor(), ex))
                       << "make_work_guard(t, ex) for t without an associated executor does not guard ex";
                   EXPECT_TRUE(guard.owns_work()) << "make_work_guard(t, ex) returned a guard that owns no work";
                   EXPECT_EQ(ex.log().work_started(), 1) << "make_work_guard(t, ex) did not start work on ex";
                   const auto other = executors::recorded_executor(subject);
                   const auto bound = net::bind_executor(ex, plain_object{});
                   const auto bound_guard = net::make_work_guard(bound, other);
                   EXPECT_TRUE(executors::same_recorded_executor(bound_guard.get_executor(), ex))
                       << "make_work_guard(t, u) does not guard t's own associated executor";
                   EXPECT_EQ(other.log().work_started(), 0) << "make_work_guard(t, u) started work on the default u";
                 });

}  // namespace
}  // namespace conformance
